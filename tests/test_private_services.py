"""`make faults` and `make bench` run on a PostgreSQL, Redis and Varnish of their own
(``scripts/private_services.py``) and leave nothing behind: not after an error, not after
SIGTERM. And the drill's Varnish is the deployed VCL with both instances as its backends.
"""

import json
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings as django_settings

import pytest
import redis

pytestmark = pytest.mark.postgres_only

SCRIPTS = Path(django_settings.BASE_DIR) / "scripts"


@pytest.fixture
def private_services(monkeypatch):
    monkeypatch.syspath_prepend(str(SCRIPTS))
    import private_services

    return private_services


def _listening(port):
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_everything_started_is_gone_after_an_error(private_services):
    with (
        pytest.raises(RuntimeError),
        private_services.PrivateServices("test") as services,
    ):
        postgres = services.postgres()
        cache = services.redis()
        postgres.create_database("probe")
        listed = postgres.psql("postgres", "SELECT datname FROM pg_database")
        cache.client().set("key", "value")
        raise RuntimeError("a step failed")

    assert "probe" in listed.split()
    assert not services.directory.exists()
    assert not _listening(postgres.port)
    assert not _listening(cache.port)


def test_sigterm_stops_everything(private_services, tmp_path):
    script = tmp_path / "run.py"
    script.write_text(
        "import json, sys, time\n"
        f"sys.path.insert(0, {str(SCRIPTS)!r})\n"
        "from private_services import PrivateServices\n"
        "with PrivateServices('test') as services:\n"
        "    postgres, cache = services.postgres(), services.redis()\n"
        "    print(json.dumps([str(services.directory), postgres.port, cache.port]), flush=True)\n"
        "    time.sleep(60)\n"
    )
    process = subprocess.Popen(  # noqa: S603 (our own script)
        [sys.executable, str(script)], stdout=subprocess.PIPE, text=True
    )
    directory, postgres_port, redis_port = json.loads(process.stdout.readline())
    assert _listening(postgres_port) and _listening(redis_port)

    process.send_signal(signal.SIGTERM)

    assert process.wait(timeout=60) == 130
    assert not Path(directory).exists()
    assert not _listening(postgres_port)
    assert not _listening(redis_port)


def test_a_frozen_redis_keeps_connections_but_answers_nothing(private_services):
    with private_services.PrivateServices("test") as services:
        cache = services.redis()
        client = redis.Redis(port=cache.port, socket_timeout=0.5)
        client.set("key", "value")
        cache.freeze()
        with pytest.raises(redis.TimeoutError):
            client.get("key")
        cache.thaw()
        time.sleep(0.1)
        assert redis.Redis(port=cache.port, socket_timeout=2).get("key") == b"value"


def test_the_drills_varnish_sends_to_both_instances(private_services, tmp_path):
    import fault_drill

    vcl = fault_drill.adapted_vcl([18001, 18002])

    backends = re.findall(r'backend (\w+) \{[^}]*\.host = "([^"]+)";[^}]*\.port = "(\d+)"', vcl)
    addresses = {name: (host, port) for name, host, port in backends}
    assert {"app1", "app2"} <= addresses.keys()
    for name, address in addresses.items():
        assert address == ("127.0.0.1", "18002" if name.startswith("app2") else "18001")
    assert re.search(r"^\s*app\.add_backend\(app2\);", vcl, re.MULTILINE)
    varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
    if Path(varnishd).exists():
        (tmp_path / "site.vcl").write_text(vcl)
        compiled = subprocess.run(  # noqa: S603
            [
                varnishd,
                "-C",
                "-j",
                "none",
                "-n",
                str(tmp_path / "work"),
                "-f",
                str(tmp_path / "site.vcl"),
            ],
            capture_output=True,
        )
        assert compiled.returncode == 0, compiled.stderr.decode()[-2000:]
