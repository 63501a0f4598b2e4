"""Backup and restore of the whole site: database rows and uploaded files in one archive.

``manage.py backup_site FILE`` writes a ``.tar.gz`` with ``database.json`` (Django's
``dumpdata`` of every model, read in one consistent snapshot) and ``media/`` (documents with
their thumbnails, images; read from the media storage, on disk or in an S3 bucket alike).
``manage.py restore_site FILE`` puts both into an empty, migrated instance, on SQLite or
PostgreSQL alike, and rebuilds the search index.

Left out of the archive, because they are rebuilt or only matter while the site runs: the
search index, sessions, queued task results, login-throttling records and worker heartbeats.
"""

import contextlib
import io
import json
import os
import posixpath
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction

from wagtail.models import Page

DATABASE_MEMBER = "database.json"
MEDIA_MEMBER = "media"
NOT_BACKED_UP = [
    "sessions",
    "django_tasks_database",
    "axes",
    "operations.workerheartbeat",
]


class RestoreRefused(Exception):
    """The target instance is not empty; restoring would mix two sites."""


def write_backup(path):
    """Dump database and media into the archive at ``path``; return the number of rows."""
    with tempfile.TemporaryDirectory() as folder:
        dump = Path(folder) / DATABASE_MEMBER
        outermost = not connection.in_atomic_block
        with transaction.atomic():
            if connection.vendor == "postgresql" and outermost:
                # Every table read from the same moment, even while editors keep working.
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            call_command(
                "dumpdata",
                *_apps_in_load_order(),
                exclude=[*NOT_BACKED_UP, *_search_index_models()],
                output=str(dump),
                verbosity=0,
                indent=None,
            )
        rows = len(json.loads(dump.read_text()))
        with _private_file(path) as output, tarfile.open(fileobj=output, mode="w:gz") as archive:
            archive.add(dump, arcname=DATABASE_MEMBER)
            for name in _stored_files(default_storage):
                member = tarfile.TarInfo(f"{MEDIA_MEMBER}/{name}")
                member.size = default_storage.size(name)
                with default_storage.open(name, "rb") as handle:
                    archive.addfile(member, handle)
    return rows


@contextlib.contextmanager
def _private_file(path):
    """The archive holds every member's name, address and password hash: readable by the owner
    only (0600), whatever the umask, and it appears under its name only once complete.

    Written beside the target (``mkstemp`` creates files as 0600) and renamed at the end, so a
    failed backup leaves no half archive and an older archive of that name keeps its content
    until the new one is whole.
    """
    target = Path(path)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as output:
            yield output
            output.flush()
            os.fsync(output.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _stored_files(storage, folder=""):
    """Every file in the media storage (a folder on disk, or a bucket), as storage names."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # no upload yet
        return
    for file in files:
        yield posixpath.join(folder, file)
    for child in folders:
        yield from _stored_files(storage, posixpath.join(folder, child))


def _apps_in_load_order():
    """Content types and permissions first: rows loaded later refer to them by id, and a
    signal handler asking for a content type must find the restored one, not create another."""
    first = ["contenttypes", "auth"]
    others = [
        config.label
        for config in apps.get_app_configs()
        if config.label not in first and config.label not in NOT_BACKED_UP
    ]
    return first + others


def _search_index_models():
    """The search index tables (on SQLite also its full-text table), rebuilt after a restore."""
    return [
        model._meta.label_lower
        for model in apps.get_app_config("wagtailsearch").get_models()
        if "indexentry" in model._meta.model_name
    ]


def instance_is_empty():
    """Nothing but what the migrations create: Wagtail's root and welcome page, no users."""
    return not get_user_model().objects.exists() and Page.objects.filter(depth__gt=2).count() == 0


@transaction.atomic
def read_backup(path, *, replace=False):
    """Restore the archive at ``path``; return the number of rows loaded.

    The tables are emptied first (without re-running the migrations' post-migrate steps), so
    every row comes back with its own id, content types and permissions included; then the
    search index is built from the restored rows. All of it is one transaction: a broken
    archive leaves the instance as it was.
    """
    if not replace and not instance_is_empty():
        raise RestoreRefused
    with tarfile.open(path, "r:gz") as archive, tempfile.TemporaryDirectory() as folder:
        database = archive.extractfile(DATABASE_MEMBER)
        if database is None:
            raise tarfile.ReadError(f"{DATABASE_MEMBER} fehlt im Archiv")
        dump = Path(folder) / DATABASE_MEMBER
        dump.write_bytes(database.read())
        rows = len(json.load(io.BytesIO(dump.read_bytes())))
        _check_deferred_constraints_now()
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        call_command("loaddata", str(dump), verbosity=0)
        for member in archive.getmembers():
            if member.isfile() and member.name.startswith(f"{MEDIA_MEMBER}/"):
                _restore_file(archive, member)
    call_command("update_index", verbosity=0)
    return rows


def _restore_file(archive, member):
    """Put one archived file back under its own name, replacing a file of that name.

    The storage refuses names that are absolute or climb out with ".."; links and devices are
    never files, so they are left out before.
    """
    name = member.name.removeprefix(f"{MEDIA_MEMBER}/")
    if default_storage.exists(name):
        default_storage.delete(name)
    stored = default_storage.save(name, File(archive.extractfile(member), name=name))
    if stored != name:
        raise tarfile.ReadError(f"{name} wurde als {stored} gespeichert")


def _check_deferred_constraints_now():
    """PostgreSQL refuses to TRUNCATE (``flush``) tables with foreign-key checks still pending
    in the same transaction; checking them now clears them. Later checks stay deferred, so
    ``loaddata`` may insert rows in any order."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
