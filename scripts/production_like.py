"""A production-like copy of the site, for the fault drill and the benchmark: production settings
on a PostgreSQL and a Redis of its own (``private_services.py``), gunicorn on free ports of
127.0.0.1, the demo loaded.

The site answers to ``SITE_HOST`` as it would behind nginx, so every request of these scripts
names it in its Host header, and Varnish's purges reach the pages kept under that name.
"""

import os
import re
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
SITE_HOST = "arbeitskreise.example.org"
DATABASE = "arbeitskreise"
# The production settings, with the collected static files in the run's own folder.
SETTINGS = """from config.settings.production import *  # noqa: F403

STATIC_ROOT = {static_root!r}
"""


def environment(services, postgres, redis, *, varnish_url=None):
    """Environment variables of a production process of the site on our own services."""
    settings = services.path("private_settings.py")
    if not settings.exists():
        settings.write_text(SETTINGS.format(static_root=str(services.path("static"))))
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "PYTHONPATH": f"{services.directory}:{ROOT}",
        "DJANGO_SETTINGS_MODULE": "private_settings",
        "SECRET_KEY": "production-like-" + "x" * 50,
        "ALLOWED_HOSTS": f"{SITE_HOST},127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": postgres.url(DATABASE),
        "REDIS_URL": redis.url(),
        "MEDIA_ROOT": str(services.path("media")),
        "WAGTAILADMIN_BASE_URL": f"http://{SITE_HOST}",
        "LOG_LEVEL": "WARNING",
        # Mail is not what these commands are about, and none may leave the machine: the
        # worker's transport drops it (queued mails still count as tasks and must be done).
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }
    if varnish_url:
        env["VARNISH_URL"] = varnish_url
    return env


def adapted_vcl(ports):
    """deploy/varnish.vcl with its backends on our instances at ``ports`` (a second one is
    enabled where two ports are given)."""
    lines = []
    for line in (ROOT / "deploy" / "varnish.vcl").read_text().splitlines():
        if len(ports) > 1 and re.match(r"\s*#\s*(backend app2\w*\b|\w+\.add_backend\(app2)", line):
            line = line.replace("# ", "", 1)
        port = ports[1] if "app2" in line and len(ports) > 1 else ports[0]
        line = line.replace('"10.0.0.12"', '"127.0.0.1"')
        lines.append(line.replace('.port = "8001"', f'.port = "{port}"'))
    return "\n".join(lines) + "\n"


def run(*command, env=None, check=True):
    return subprocess.run(  # noqa: S603 (fixed commands of these scripts)
        command, env=env, check=check, cwd=ROOT, capture_output=True, text=True
    )


def manage(env, *args):
    """``manage.py`` with ``env``; its output, or its error output in the exception."""
    result = run(PYTHON, "manage.py", *args, env=env, check=False)
    if result.returncode:
        raise SystemExit(f"manage.py {' '.join(args)}:\n{result.stderr[-3000:]}")
    return result.stdout


def set_up(env, postgres):
    """A new database in our own cluster with the migrated demo, and the static files."""
    postgres.create_database(DATABASE)
    for command in (
        ("migrate", "--no-input"),
        ("collectstatic", "--no-input"),
        ("load_demo", "--force"),
    ):
        manage(env, *command, "-v0")


def start_gunicorn(services, env, port, log, workers=2):
    return services.start(
        [GUNICORN, "config.wsgi", "--workers", str(workers), "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=log, stderr=log,
    )  # fmt: skip


def get(url, timeout=10):
    """GET ``url`` for ``SITE_HOST`` as a visitor without cookies, redirects not followed:
    (status or error name, headers or None, body)."""
    request = urllib.request.Request(url, headers={"Host": SITE_HOST})  # noqa: S310 (127.0.0.1)
    opener = urllib.request.build_opener(_NoRedirects)
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(errors="replace")
    except OSError as error:
        return type(error).__name__, None, ""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def wait_for(url, seconds=60, process=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise SystemExit(f"{url}: Prozess beendet (Code {process.returncode})")
        if get(url, timeout=2)[0] == 200:
            return
        time.sleep(0.3)
    raise SystemExit(f"{url} antwortet nicht")
