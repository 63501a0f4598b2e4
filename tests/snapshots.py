"""Whole-database snapshots: the demo site built once, and the database as migrations left it.

Building the demo (`load_demo`) takes seconds: it writes PDFs, renders thumbnails, publishes
revisions and indexes everything for search. Tests only need the result. So the first test that
asks for the demo builds it inside a transaction, the rows of every table and the media files
are copied aside, and the transaction is rolled back; each demo test then gets the same rows
written back into its own transaction (or, for browser tests, committed and flushed afterwards
as usual) and the media files copied into its own ``MEDIA_ROOT``.

Tests that commit (browser tests, real threads, the worker) empty every table afterwards, and
the migrations' rows (root page and collection, the board workflow) go with them; such tests
start from the snapshot taken right after the migrations instead (``migrated_database``).

Restoring replaces every table, content types and permissions included, because a flush
recreates those with new ids. Primary-key sequences need no reset: PostgreSQL's
are not rolled back, and SQLite's AUTOINCREMENT continues after the highest id present.
"""

import shutil
from dataclasses import dataclass
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

# Bookkeeping tables that a restore must leave as they are.
KEPT_TABLES = {"django_migrations"}


@dataclass(frozen=True)
class DatabaseSnapshot:
    """Every table's rows, and the media files that belong to them (if any)."""

    tables: dict[str, object]
    media: Path | None = None

    @classmethod
    def capture(cls) -> "DatabaseSnapshot":
        """The database as it is now."""
        return cls(tables={table: _dump(table) for table in _tables()})

    @classmethod
    def build_demo(cls, media: Path, password: str) -> "DatabaseSnapshot":
        """The demo site, built in a transaction that is rolled back after copying it."""
        with override_settings(MEDIA_ROOT=media), transaction.atomic():
            call_command("load_demo", "--force", "--password", password, verbosity=0)
            tables = {table: _dump(table) for table in _tables()}
            transaction.set_rollback(True)
        cache.clear()
        ContentType.objects.clear_cache()
        return cls(tables=tables, media=media)

    def restore(self, media_root: Path | None = None) -> None:
        """Write the rows back into the database, the files into the test's media folder."""
        with transaction.atomic():
            for table in self.tables:
                with connection.cursor() as cursor:
                    cursor.execute(f'DELETE FROM "{table}"')  # noqa: S608 (own table names)
            for table, rows in self.tables.items():
                _load(table, rows)
        ContentType.objects.clear_cache()
        cache.clear()
        if self.media is not None and media_root is not None:
            shutil.copytree(self.media, media_root, dirs_exist_ok=True)


def _tables():
    """The tables to copy: all of Django's, without SQLite's full-text index.

    SQLite's full-text table is filled by triggers on ``wagtailsearch_indexentry``, so it
    follows the index entries by itself and must not be written twice.
    """
    names = set(connection.introspection.django_table_names(only_existing=True))
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
            virtual = [name for (name,) in cursor.fetchall()]
        names = {name for name in names if not any(name.startswith(v) for v in virtual)}
    return sorted(names - KEPT_TABLES)


def _dump(table):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f'COPY "{table}" TO STDOUT') as copy:
                return b"".join(bytes(block) for block in copy)
        cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (own table names)
        columns = [column[0] for column in cursor.description]
        return columns, cursor.fetchall()


def _load(table, rows):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            if rows:
                with cursor.cursor.copy(f'COPY "{table}" FROM STDIN') as copy:
                    copy.write(rows)
            return
        columns, values = rows
        if values:
            names = ", ".join(f'"{column}"' for column in columns)
            marks = ", ".join("%s" for _ in columns)
            cursor.executemany(
                f'INSERT INTO "{table}" ({names}) VALUES ({marks})',  # noqa: S608
                values,
            )
