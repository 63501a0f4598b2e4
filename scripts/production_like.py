"""A production-like copy of the site on this machine, for the fault drill and the benchmark:
its own PostgreSQL database, production settings, Redis, gunicorn with 2 workers on 127.0.0.1.
"""

import os
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")


def environment(*, database, port, redis_db, media):
    """Environment variables of a production process for ``database`` on ``port``."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=f"{database}-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{database}",
        REDIS_URL=f"redis://127.0.0.1:6379/{redis_db}",
        MEDIA_ROOT=str(ROOT / "test-artifacts" / media),
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
        LOG_LEVEL="WARNING",
    )
    return env


def run(*command, env=None, check=True):
    return subprocess.run(  # noqa: S603 (fixed commands of these scripts)
        command, env=env, check=check, cwd=ROOT, capture_output=True, text=True
    )


def set_up(env, database):
    """A fresh database with the migrated demo, and the collected static files."""
    run("psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"DROP DATABASE IF EXISTS {database}")
    run("psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", f"CREATE DATABASE {database}")
    shutil.rmtree(env["MEDIA_ROOT"], ignore_errors=True)
    for command in (
        ("migrate", "--no-input"),
        ("collectstatic", "--no-input"),
        ("load_demo", "--force"),
    ):
        run(PYTHON, "manage.py", *command, "-v0", env=env)


def start_gunicorn(env, port, log):
    return subprocess.Popen(  # noqa: S603
        [GUNICORN, "config.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=log, stderr=log,
    )  # fmt: skip


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310
                return
        except (OSError, urllib.error.HTTPError):
            time.sleep(0.3)
    raise SystemExit(f"{url} antwortet nicht")
