"""`backup_site` and `restore_site` bring the whole demo back: pages, files, privacy, history."""

import hashlib
import os
import stat
import tarfile

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import Client

from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

import pytest

from board.models import CooperationEntry
from demo.management.commands.load_demo import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db


def _fingerprint():
    """What a person would miss after a failed restore, in comparable form."""
    documents = get_document_model().objects.order_by("pk")
    return {
        "pages": sorted(
            (page.url_path, page.title, page.live, type(page.specific).__name__)
            for page in Page.objects.all()
        ),
        "documents": [
            (doc.title, doc.kind, doc.collection.name, doc.page_count, _sha(doc.file))
            for doc in documents
        ],
        "thumbnails": [_sha(doc.thumbnail) for doc in documents if doc.thumbnail],
        "entries": sorted(
            (entry.title, entry.live, entry.slug, entry.revisions.count())
            for entry in CooperationEntry.objects.all()
        ),
        "revisions": Revision.objects.count(),
        "users": sorted(
            (user.username, user.is_superuser, tuple(user.groups.values_list("name", flat=True)))
            for user in get_user_model().objects.all()
        ),
    }


def _sha(field):
    with field.open("rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def _what_visitors_and_members_get(protocol_url):
    visitor = Client()
    member = Client()
    member.post("/einloggen/", {"username": "mitglied", "password": DEFAULT_PASSWORD})
    return {
        "visitor": visitor.get(protocol_url).status_code,
        "member": member.get(protocol_url).status_code,
        "search": "Arbeitskreistreffen" in member.get("/suche/?q=Arbeitskreistreffen").text,
    }


def test_round_trip_of_the_demo(demo_site, tmp_path, media_root):
    protocol = get_document_model().objects.filter(kind="protocol").first()
    before = _fingerprint()
    access_before = _what_visitors_and_members_get(protocol.url)
    archive = tmp_path / "sicherung.tar.gz"

    call_command("backup_site", str(archive), verbosity=0)
    for path in sorted(media_root.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    # Every table is emptied before the rows come back, as in a new instance.
    call_command("restore_site", str(archive), "--replace", verbosity=0)

    assert _fingerprint() == before
    assert access_before == {"visitor": 302, "member": 200, "search": True}
    assert _what_visitors_and_members_get(protocol.url) == access_before


def test_restore_refuses_an_instance_with_content(demo_site, tmp_path):
    archive = tmp_path / "sicherung.tar.gz"
    call_command("backup_site", str(archive), verbosity=0)

    with pytest.raises(CommandError, match="nur in eine leere Instanz"):
        call_command("restore_site", str(archive), verbosity=0)


def test_a_broken_archive_changes_nothing(demo_site, tmp_path):
    pages = Page.objects.count()
    broken = tmp_path / "kaputt.tar.gz"
    broken.write_bytes(b"kein archiv")

    with pytest.raises(CommandError, match="lässt sich nicht lesen"):
        call_command("restore_site", str(broken), "--replace", verbosity=0)

    assert Page.objects.count() == pages


@pytest.fixture
def permissive_umask():
    """As an operator's shell or a cron job may have it: new files readable by everyone."""
    previous = os.umask(0)
    yield
    os.umask(previous)


def test_the_archive_is_readable_by_its_owner_only(db, tmp_path, permissive_umask):
    """It holds every account's name, address and password hash."""
    archive = tmp_path / "sicherung.tar.gz"
    older = tmp_path / "sicherung-alt.tar.gz"
    older.write_bytes(b"vorige Sicherung")
    older.chmod(0o644)

    call_command("backup_site", str(archive), verbosity=0)
    call_command("backup_site", str(older), verbosity=0)

    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert stat.S_IMODE(older.stat().st_mode) == 0o600
    with tarfile.open(older) as replaced:
        assert "database.json" in replaced.getnames()
    # No temporary file left beside them.
    assert sorted(path.name for path in tmp_path.glob("*sicherung*")) == [
        "sicherung-alt.tar.gz",
        "sicherung.tar.gz",
    ]


def test_a_failed_backup_leaves_no_half_archive(db, tmp_path, monkeypatch):
    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("operations.backup._stored_files", disk_full)
    archive = tmp_path / "sicherung.tar.gz"

    with pytest.raises(CommandError, match=r"Sicherung nicht geschrieben \(No space left"):
        call_command("backup_site", str(archive), verbosity=0)

    assert list(tmp_path.glob("*sicherung*")) == []
