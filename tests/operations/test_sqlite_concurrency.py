"""`make run` on SQLite: parallel writers wait for their turn instead of failing."""

import importlib
import threading

from django.db.backends.sqlite3.base import DatabaseWrapper

import pytest

from config.settings.base import SQLITE_OPTIONS

WRITERS = 8
WRITES_EACH = 25


@pytest.fixture
def sqlite_file(tmp_path):
    """The project's SQLite settings (as `make run` uses them), on a file of its own."""
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(tmp_path / "demo.sqlite3"),
        "OPTIONS": SQLITE_OPTIONS,
        "TIME_ZONE": None,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "AUTOCOMMIT": True,
        "ATOMIC_REQUESTS": False,
    }


def _connect(settings_dict):
    connection = DatabaseWrapper(settings_dict, alias="parallel")
    connection.ensure_connection()
    return connection


def test_parallel_writers_all_succeed_in_wal_mode(sqlite_file, django_db_blocker):
    """Own connections to a file of the test's own, not the test database."""
    with django_db_blocker.unblock():
        _parallel_writers(sqlite_file)


def _parallel_writers(sqlite_file):
    setup = _connect(sqlite_file)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE visit (writer INTEGER, number INTEGER)")
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
    errors = []

    def write(writer):
        connection = _connect(sqlite_file)
        try:
            for number in range(WRITES_EACH):
                # Read, then write in one transaction, as `transaction.atomic()` begins it:
                # without IMMEDIATE transactions two such writers fail at once with
                # "database is locked" (a read lock cannot be upgraded while another waits).
                connection.set_autocommit(
                    False, force_begin_transaction_with_broken_autocommit=True
                )
                with connection.cursor() as cursor:
                    cursor.execute("SELECT count(*) FROM visit")
                    cursor.execute("INSERT INTO visit VALUES (%s, %s)", [writer, number])
                connection.commit()
                connection.set_autocommit(True)
        except Exception as error:  # noqa: BLE001 (collected and reported below)
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    with setup.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM visit")
        assert cursor.fetchone()[0] == WRITERS * WRITES_EACH
    setup.close()


def test_make_run_uses_these_options(monkeypatch):
    """Without DATABASE_URL the site runs on SQLite, with WAL, IMMEDIATE and a busy timeout."""
    import config.settings.base

    monkeypatch.delenv("DATABASE_URL", raising=False)
    try:
        databases = importlib.reload(config.settings.base).DATABASES
    finally:
        monkeypatch.undo()
        importlib.reload(config.settings.base)

    assert databases["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert databases["default"]["OPTIONS"] == SQLITE_OPTIONS
