"""PostgreSQL, Redis and Varnish of their own for `make faults` and `make bench`.

Both commands break what they run on: the drill restarts PostgreSQL and stops or freezes Redis,
the benchmark fills a database and empties the cache between its runs. On a shared machine the
PostgreSQL on 5432 and the Redis on 6379 belong to everyone, so these commands never touch
them. Each run starts its own: a PostgreSQL cluster made with ``initdb`` in a temporary folder
(trust authentication, listening on 127.0.0.1 and a socket in that folder, fsync off: it is
thrown away), a ``redis-server`` without persistence, and where asked a ``varnishd``, each on a
free port. Everything the run starts, gunicorn and the worker included, is stopped and the
folder removed when it ends: normally, on an error, on Ctrl-C and on SIGTERM or SIGHUP.

Only a SIGKILL of the command itself can leave them behind; they are then the processes whose
command lines name a folder ``/tmp/arbeitskreise-<name>-…``.

Use::

    with PrivateServices("faults") as services:
        postgres = services.postgres()
        redis = services.redis()
        ...
"""

import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import redis as redis_client


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _postgres_binaries():
    """Debian keeps initdb and pg_ctl out of PATH, under /usr/lib/postgresql/<version>/bin."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda path: int(Path(path).parent.name)
    )
    if found:
        return Path(found[-1])
    initdb = shutil.which("initdb")
    if initdb is None:
        raise SystemExit("initdb nicht gefunden (Debian: apt-get install postgresql)")
    return Path(initdb).parent


class _Interrupted(BaseException):
    """SIGTERM or SIGHUP arrived: unwind like Ctrl-C does, so every ``finally`` runs."""


def _raise_interrupted(number, frame):
    raise _Interrupted(signal.Signals(number).name)


class PrivatePostgres:
    """A PostgreSQL cluster in ``directory``, run as the ``postgres`` user when we are root
    (``initdb`` refuses to run as root)."""

    def __init__(self, directory):
        self.directory = directory
        self.data = directory / "data"
        self.port = free_port()
        self.binaries = _postgres_binaries()
        self.as_owner = []
        if os.geteuid() == 0:
            self.as_owner = ["runuser", "-u", "postgres", "--"]
            shutil.chown(directory, "postgres", "postgres")

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, program, *args, check=True):
        return subprocess.run(  # noqa: S603 (our own command lines)
            [*self.as_owner, str(self.binaries / program), *args],
            check=check,
            capture_output=True,
            text=True,
            start_new_session=True,
            timeout=120,
        )

    def start(self):
        if not self.data.exists():
            self._run(
                "initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--locale", "C.UTF-8", "--no-sync",
            )  # fmt: skip
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 "
            f"-c unix_socket_directories={self.directory} "
            "-c fsync=off -c full_page_writes=off -c synchronous_commit=off"
        )
        # pg_ctl makes the server a session of its own: Ctrl-C in the terminal reaches only us.
        self._run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.directory / "log"),
            "-w", "-t", "60", "start",
        )  # fmt: skip

    def restart(self):
        """A restart as an operator does it: fast shutdown (running transactions are cut)."""
        # The options of the first start are kept (postmaster.opts); the log file must be named
        # again, or the server would write to our pipes and pg_ctl's output would never end.
        self._run(
            "pg_ctl", "-D", str(self.data), "-m", "fast", "-l", str(self.directory / "log"),
            "-w", "-t", "60", "restart",
        )  # fmt: skip

    def create_database(self, name):
        self.psql("postgres", f'CREATE DATABASE "{name}"')

    def psql(self, database, sql):
        return subprocess.run(  # noqa: S603
            [str(self.binaries / "psql"), "-h", "127.0.0.1", "-p", str(self.port),
             "-U", "postgres", "-d", database, "-qAtc", sql],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip

    def stop(self):
        if not (self.data / "postmaster.pid").exists():
            return
        for mode in ("fast", "immediate"):
            if self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "20", "stop",
                         check=False).returncode == 0:  # fmt: skip
                return


class PrivateRedis:
    """A redis-server without persistence on a free port, as our child process."""

    def __init__(self, directory):
        self.directory = directory
        self.port = free_port()
        self.process = None
        self.frozen = False
        directory.mkdir()

    def url(self, database=0):
        return f"redis://127.0.0.1:{self.port}/{database}"

    def client(self):
        return redis_client.Redis(host="127.0.0.1", port=self.port, socket_timeout=2)

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            [shutil.which("redis-server") or "/usr/bin/redis-server",
             "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no",
             "--dir", str(self.directory), "--logfile", str(self.directory / "log")],
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if self.client().ping():
                    return
            except redis_client.RedisError:
                time.sleep(0.1)
        raise SystemExit(f"Redis auf Port {self.port} startet nicht")

    def stop(self):
        """Like `redis-cli shutdown nosave`: gone, with everything it held."""
        if self.process is None:
            return
        self.thaw()
        _end(self.process)
        self.process = None

    def freeze(self):
        """Redis stops answering, but its connections stay open (SIGSTOP): clients wait."""
        os.kill(self.process.pid, signal.SIGSTOP)
        self.frozen = True

    def thaw(self):
        if self.frozen:
            os.kill(self.process.pid, signal.SIGCONT)
            self.frozen = False

    def flush(self):
        self.client().flushall()


class PrivateVarnish:
    """varnishd in the foreground as our child, with a public and a ``purge`` listen address."""

    def __init__(self, directory, vcl_text):
        self.directory = directory
        self.port = free_port()
        self.purge_port = free_port()
        self.process = None
        directory.mkdir()
        self.vcl = directory / "site.vcl"
        self.vcl.write_text(vcl_text)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def purge_url(self):
        return f"http://127.0.0.1:{self.purge_port}"

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            [varnishd(), "-F", "-j", "none", "-n", str(self.directory / "work"),
             "-a", f"127.0.0.1:{self.port}", "-a", f"purge=127.0.0.1:{self.purge_port}",
             "-f", str(self.vcl), "-s", "malloc,64m"],
            stdout=(self.directory / "log").open("w"), stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip

    def log_tail(self):
        return (self.directory / "log").read_text()[-3000:]

    def stop(self):
        if self.process is not None:
            _end(self.process)
            self.process = None


def varnishd():
    """Debian's varnishd. Installing it is left to the machine's setup (.ci/run does), not done
    behind the back of someone who only asked for a drill."""
    path = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if not Path(path).exists():
        raise SystemExit("varnishd nicht gefunden (Debian: apt-get install varnish)")
    return path


def _end(process, seconds=20):
    """Ask a child to end (SIGTERM); if it does not within ``seconds``, kill it."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class PrivateServices:
    """Owns a temporary folder and everything started in it; a context manager that stops all
    of it on the way out, whatever the way out is."""

    def __init__(self, name):
        self.name = name
        self.directory = None
        self._cleanups = []
        self._previous_handlers = {}

    def __enter__(self):
        for number in (signal.SIGTERM, signal.SIGHUP):
            self._previous_handlers[number] = signal.signal(number, _raise_interrupted)
        self.directory = Path(tempfile.mkdtemp(prefix=f"arbeitskreise-{self.name}-"))
        # Other users (postgres) must reach their own subfolder.
        self.directory.chmod(0o711)
        return self

    def __exit__(self, kind, error, traceback):
        # A second Ctrl-C must not cut the clean-up short.
        interrupt_handler = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            for cleanup in reversed(self._cleanups):
                try:
                    cleanup()
                except Exception as failure:  # noqa: BLE001 (the rest must still be cleaned up)
                    print(f"Aufräumen: {failure}", flush=True)
            shutil.rmtree(self.directory, ignore_errors=True)
        finally:
            signal.signal(signal.SIGINT, interrupt_handler)
            for number, handler in self._previous_handlers.items():
                signal.signal(number, handler)
        if kind is _Interrupted:
            print(f"\nAbgebrochen ({error}); alles Gestartete ist beendet.", flush=True)
            raise SystemExit(130)
        if kind is KeyboardInterrupt:
            print("\nAbgebrochen; alles Gestartete ist beendet.", flush=True)
            raise SystemExit(130)
        return False

    def postgres(self):
        """A started PostgreSQL cluster of our own."""
        (self.directory / "postgres").mkdir()
        postgres = PrivatePostgres(self.directory / "postgres")
        self._cleanups.append(postgres.stop)
        postgres.start()
        return postgres

    def redis(self):
        """A started Redis of our own."""
        redis = PrivateRedis(self.directory / "redis")
        self._cleanups.append(redis.stop)
        redis.start()
        return redis

    def varnish(self, vcl_text):
        """A started Varnish of our own; ends the program, naming the package, without
        varnishd."""
        varnish = PrivateVarnish(self.directory / "varnish", vcl_text)
        self._cleanups.append(varnish.stop)
        varnish.start()
        return varnish

    def start(self, command, **options):
        """A child process (gunicorn, the worker), ended with the rest."""
        process = subprocess.Popen(command, start_new_session=True, **options)  # noqa: S603
        self._cleanups.append(lambda: _end(process))
        return process

    def path(self, name):
        return self.directory / name
