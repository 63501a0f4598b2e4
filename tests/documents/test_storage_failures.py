"""A full or read-only media disk: every upload form comes back with the reason, in German,
and neither a cut-off file nor a database row is left behind.

The disk fails inside Django's own file storage: its ``os`` is replaced by one whose files
fill up after a few kilobytes (ENOSPC, as a full disk does mid-file) or that refuses to create
anything (EROFS, EACCES), so the storage really writes part of the file before it fails.
"""

import errno
import io
import logging
import os

from django.core.files.storage import filesystem
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile
from wagtail.rich_text import RichText

import pytest
from django_tasks.base import TaskResultStatus
from moto.server import ThreadedMotoServer
from PIL import Image as PillowImage
from wagtail_factories import ImageFactory

from documents.tasks import extract_document_metadata
from tests.documents.test_uploads import GOOD_PDF
from tests.factories import StandardPageFactory
from tests.network import free_port

pytestmark = pytest.mark.django_db

AJAX = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
DISK_FULL = "kein Speicherplatz mehr frei"
READ_ONLY = "schreibgeschützt"
FREE_BYTES = 4096  # the disk fills up after this much of the file


class FailingDisk:
    """``os`` as Django's file storage sees it, on a disk that fills up or refuses writes."""

    def __init__(self, error_number, free_bytes=None, name_taken_by=None, only_under=""):
        self.error_number = error_number
        self.free_bytes = free_bytes  # None: nothing can be created or removed at all
        self.name_taken_by = name_taken_by  # another upload's file, written just before ours
        self.only_under = only_under  # fail only for paths containing this

    def __getattr__(self, name):
        return getattr(os, name)

    def _refuse(self, path):
        raise OSError(self.error_number, os.strerror(self.error_number), path)

    def _refuses(self, path):
        return self.free_bytes is None and self.only_under in str(path)

    def makedirs(self, path, *args, **kwargs):
        if self._refuses(path) and not os.path.isdir(path):
            self._refuse(path)
        return os.makedirs(path, *args, **kwargs)

    def open(self, path, flags, *args, **kwargs):
        if self.name_taken_by is not None:
            with open(path, "xb") as other:
                other.write(self.name_taken_by)
            self.name_taken_by = None
        if self._refuses(path):
            self._refuse(path)
        return os.open(path, flags, *args, **kwargs)

    def remove(self, path):
        if self._refuses(path):
            self._refuse(path)
        return os.remove(path)

    def fdopen(self, fd, *args, **kwargs):
        file = os.fdopen(fd, *args, **kwargs)
        return file if self.free_bytes is None else _FillingFile(file, self)


class _FillingFile:
    def __init__(self, file, disk):
        self._file = file
        self._disk = disk

    def write(self, data):
        room = self._disk.free_bytes
        if len(data) > room:
            self._file.write(data[:room])
            self._file.flush()  # the part that fitted is on the disk
            self._disk.free_bytes = 0
            self._disk._refuse(self._file.name)
        self._disk.free_bytes -= len(data)
        return self._file.write(data)

    def __getattr__(self, name):
        return getattr(self._file, name)


@pytest.fixture
def full_disk(monkeypatch):
    monkeypatch.setattr(filesystem, "os", FailingDisk(errno.ENOSPC, free_bytes=FREE_BYTES))


@pytest.fixture(params=[errno.EROFS, errno.EACCES], ids=["read-only", "no-permission"])
def read_only_disk(monkeypatch, request):
    monkeypatch.setattr(filesystem, "os", FailingDisk(request.param))


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def _files_in(media_root):
    files = (path for path in media_root.rglob("*") if path.is_file())
    return sorted(str(path.relative_to(media_root)) for path in files)


def _png():
    output = io.BytesIO()
    PillowImage.effect_noise((400, 300), 80).convert("RGB").save(output, format="PNG")
    assert len(output.getvalue()) > FREE_BYTES
    return output.getvalue()


def _document_fields(name="protokoll.pdf", content=GOOD_PDF, prefix=""):
    fields = {
        "title": "Protokoll der Sitzung",
        "collection": Collection.get_first_root_node().pk,
        "kind": "programme",
        "file": SimpleUploadedFile(name, content),
    }
    return {f"{prefix}{key}": value for key, value in fields.items()}


def test_document_upload_on_a_full_disk_keeps_the_form_and_leaves_nothing(
    editor_client, media_root, full_disk
):
    assert len(GOOD_PDF) > FREE_BYTES

    response = editor_client.post(reverse("wagtaildocs:add"), _document_fields())

    assert response.status_code == 200
    html = response.content.decode()
    assert "Die Datei konnte nicht gespeichert werden" in html
    assert DISK_FULL in html
    assert 'value="Protokoll der Sitzung"' in html  # what the editor typed is kept
    assert not get_document_model().objects.exists()
    assert _files_in(media_root) == []


def test_large_upload_from_a_temporary_file_leaves_nothing_either(
    editor_client, media_root, full_disk, settings
):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0  # uploads arrive as temporary files on disk

    response = editor_client.post(reverse("wagtaildocs:add"), _document_fields())

    assert DISK_FULL in response.content.decode()
    assert not get_document_model().objects.exists()
    assert _files_in(media_root) == []


def test_document_upload_on_a_read_only_disk_says_so(editor_client, media_root, read_only_disk):
    response = editor_client.post(reverse("wagtaildocs:add"), _document_fields())

    assert response.status_code == 200
    assert READ_ONLY in response.content.decode()
    assert not get_document_model().objects.exists()
    assert _files_in(media_root) == []


def test_replacing_a_documents_file_on_a_full_disk_keeps_the_old_file(
    editor_client, media_root, monkeypatch
):
    editor_client.post(reverse("wagtaildocs:add"), _document_fields())
    document = get_document_model().objects.get()
    files_before = _files_in(media_root)
    monkeypatch.setattr(filesystem, "os", FailingDisk(errno.ENOSPC, free_bytes=FREE_BYTES))

    response = editor_client.post(
        reverse("wagtaildocs:edit", args=(document.pk,)),
        _document_fields(name="protokoll-neu.pdf"),
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert DISK_FULL in html
    assert "could not be found" not in html and "nicht gefunden" not in html
    stored = get_document_model().objects.get()
    assert stored.file.name == document.file.name
    assert stored.file.read() == GOOD_PDF
    assert _files_in(media_root) == files_before


def test_a_replaced_file_is_removed_once_the_new_one_is_stored(
    editor_client, media_root, django_capture_on_commit_callbacks
):
    editor_client.post(reverse("wagtaildocs:add"), _document_fields())
    old_name = get_document_model().objects.get().file.name
    longer = GOOD_PDF + b"\n"

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("wagtaildocs:edit", args=(get_document_model().objects.get().pk,)),
            _document_fields(name="protokoll-neu.pdf", content=longer),
        )

    assert response.status_code == 302
    document = get_document_model().objects.get()
    assert document.file.name == "documents/protokoll-neu.pdf"
    assert document.file.read() == longer
    assert not (media_root / old_name).exists()


def test_chooser_upload_on_a_full_disk_shows_the_form_again(editor_client, media_root, full_disk):
    response = editor_client.post(
        reverse("wagtaildocs_chooser:create"), _document_fields(prefix="document-chooser-upload-")
    )

    assert response.status_code == 200
    assert response.json()["step"] == "reshow_creation_form"
    assert DISK_FULL in response.json()["htmlFragment"]
    assert not get_document_model().objects.exists()
    assert _files_in(media_root) == []


def test_multiple_upload_on_a_full_disk_marks_the_file_failed(editor_client, media_root, full_disk):
    response = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("programm.pdf", GOOD_PDF)},
        **AJAX,
    )

    assert response.status_code == 200
    assert response.json()["success"] is False
    assert DISK_FULL in response.json()["error_message"]
    assert not UploadedFile.objects.exists()
    assert _files_in(media_root) == []


def test_completing_a_multiple_upload_on_a_full_disk_keeps_the_upload_for_a_retry(
    editor_client, media_root, monkeypatch
):
    upload = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("programm.pdf", GOOD_PDF)},
        **AJAX,
    ).json()
    upload_id = upload["uploaded_file_id"]
    kept_upload = _files_in(media_root)
    url = reverse("wagtaildocs:create_multiple_from_uploaded_document", args=[upload_id])
    prefix = f"uploaded-document-{upload_id}"
    fields = {
        f"{prefix}-title": "Programm",
        f"{prefix}-kind": "programme",
        f"{prefix}-collection": Collection.get_first_root_node().pk,
    }
    monkeypatch.setattr(filesystem, "os", FailingDisk(errno.ENOSPC, free_bytes=FREE_BYTES))

    failed = editor_client.post(url, fields, **AJAX)

    assert failed.json()["success"] is False
    assert DISK_FULL in failed.json()["form"]
    assert 'value="Programm"' in failed.json()["form"]
    assert not get_document_model().objects.exists()
    assert _files_in(media_root) == kept_upload

    monkeypatch.setattr(filesystem, "os", os)  # space again
    retried = editor_client.post(url, fields, **AJAX)

    assert retried.json()["success"] is True
    assert get_document_model().objects.get().file.read() == GOOD_PDF


def test_a_failed_upload_removes_only_its_own_file(editor_client, media_root, monkeypatch):
    """Another upload takes the chosen name a moment before this one opens it: the storage
    moves on to the next free name, and only the cut-off file there is removed."""
    other_upload = b"%PDF-1.7 die andere Datei"
    monkeypatch.setattr(
        filesystem,
        "os",
        FailingDisk(errno.ENOSPC, free_bytes=FREE_BYTES, name_taken_by=other_upload),
    )

    response = editor_client.post(reverse("wagtaildocs:add"), _document_fields())

    assert DISK_FULL in response.content.decode()
    assert not get_document_model().objects.exists()
    assert _files_in(media_root) == ["documents/protokoll.pdf"]
    assert (media_root / "documents" / "protokoll.pdf").read_bytes() == other_upload


def test_a_thumbnail_the_disk_refuses_is_logged_and_noted_and_the_rest_is_kept(
    editor_client, media_root, monkeypatch, caplog
):
    monkeypatch.setattr(filesystem, "os", FailingDisk(errno.ENOSPC, only_under="thumbnails"))

    with caplog.at_level(logging.ERROR, logger="documents.tasks"):
        response = editor_client.post(reverse("wagtaildocs:add"), _document_fields())

    assert response.status_code == 302  # the document itself is stored
    document = get_document_model().objects.get()
    assert document.page_count == 2
    assert "Ergebnisse des Arbeitskreises." in document.extracted_text
    assert not document.thumbnail
    assert "Vorschaubild konnte nicht gespeichert werden" in document.processing_note
    assert f"Vorschaubild von Dokument {document.pk} nicht gespeichert" in caplog.text
    assert _files_in(media_root) == [document.file.name]
    listing = editor_client.get(reverse("wagtaildocs:index")).content.decode()
    assert "Vorschaubild konnte nicht gespeichert werden" in listing


def test_the_worker_goes_on_when_the_disk_turned_read_only_after_the_upload(
    editor_client, media_root, monkeypatch
):
    editor_client.post(reverse("wagtaildocs:add"), _document_fields())
    document = get_document_model().objects.get()
    old_thumbnail = document.thumbnail.name
    monkeypatch.setattr(filesystem, "os", FailingDisk(errno.EROFS))

    result = extract_document_metadata.enqueue(document.pk)

    assert result.status == TaskResultStatus.SUCCESSFUL
    document.refresh_from_db()
    assert document.page_count == 2
    assert not document.thumbnail
    assert "schreibgeschützt" in document.processing_note
    assert (media_root / old_thumbnail).exists()  # could not be removed; the log names it


def _image_fields(prefix=""):
    fields = {
        "title": "Rathaus",
        "collection": Collection.get_first_root_node().pk,
        "file": SimpleUploadedFile("rathaus.png", _png(), content_type="image/png"),
    }
    return {f"{prefix}{key}": value for key, value in fields.items()}


def test_image_upload_on_a_full_disk_keeps_the_form(editor_client, media_root, full_disk):
    response = editor_client.post(reverse("wagtailimages:add"), _image_fields())

    assert response.status_code == 200
    html = response.content.decode()
    assert DISK_FULL in html
    assert 'value="Rathaus"' in html
    assert not get_image_model().objects.exists()
    assert _files_in(media_root) == []


def test_image_upload_on_a_read_only_disk_says_so(editor_client, media_root, read_only_disk):
    response = editor_client.post(reverse("wagtailimages:add"), _image_fields())

    assert READ_ONLY in response.content.decode()
    assert not get_image_model().objects.exists()
    assert _files_in(media_root) == []


def test_image_multiple_and_chooser_uploads_on_a_full_disk(editor_client, media_root, full_disk):
    multiple = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("rathaus.png", _png(), content_type="image/png")},
        **AJAX,
    )
    chooser = editor_client.post(
        reverse("wagtailimages_chooser:create"), _image_fields(prefix="image-chooser-upload-")
    )

    assert multiple.json()["success"] is False
    assert DISK_FULL in multiple.json()["error_message"]
    assert chooser.json()["step"] == "reshow_creation_form"
    assert DISK_FULL in chooser.json()["htmlFragment"]
    assert not get_image_model().objects.exists()
    assert not UploadedFile.objects.exists()
    assert _files_in(media_root) == []


def test_replacing_an_images_file_on_a_full_disk_keeps_the_image_and_its_renditions(
    editor_client, media_root, monkeypatch
):
    editor_client.post(reverse("wagtailimages:add"), _image_fields())
    image = get_image_model().objects.get()
    editor_client.get(reverse("wagtailimages:edit", args=(image.pk,)))  # makes its previews
    files_before = _files_in(media_root)
    renditions = image.renditions.count()
    monkeypatch.setattr(filesystem, "os", FailingDisk(errno.ENOSPC, free_bytes=FREE_BYTES))

    response = editor_client.post(reverse("wagtailimages:edit", args=(image.pk,)), _image_fields())

    assert response.status_code == 200
    assert DISK_FULL in response.content.decode()
    assert get_image_model().objects.get().file.name == image.file.name
    assert renditions > 0
    assert image.renditions.count() == renditions
    assert _files_in(media_root) == files_before


@pytest.fixture
def unreachable_bucket(settings, monkeypatch):
    """Object storage (``MEDIA_S3_BUCKET``) whose bucket is gone: every upload is refused."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test")
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "operations.storage.MediaStorage",
            "OPTIONS": {
                "bucket_name": "gibt-es-nicht",
                "endpoint_url": f"http://{host}:{port}",
                "region_name": "eu-central-1",
            },
        },
    }
    yield
    server.stop()


def test_document_upload_to_a_refusing_bucket_keeps_the_form(editor_client, unreachable_bucket):
    response = editor_client.post(reverse("wagtaildocs:add"), _document_fields())

    assert response.status_code == 200
    assert "Dateispeicher des Servers hat einen Fehler gemeldet" in response.content.decode()
    assert not get_document_model().objects.exists()


def test_a_page_whose_picture_sizes_cannot_be_written_is_served_without_them(
    migrated_database, client, home_page, media_root, monkeypatch, settings
):
    """The first view of a new size writes its file; on a full disk the page goes without.

    Transactional, as requests are: Django's ``bulk_create`` for the new sizes fails inside a
    transaction of its own, which would otherwise break the test's surrounding one.
    """
    image = ImageFactory(title="Rathaus")
    page = StandardPageFactory(
        parent=home_page,
        image=image,
        body=[
            (
                "image",
                {
                    "image": {"image": image, "alt_text": "Rathaus am Markt", "decorative": False},
                    "caption": "Sitz der Geschäftsstelle",
                    "attribution": "",
                },
            ),
            ("paragraph", RichText("<p>Text unter dem Bild</p>")),
        ],
    )
    settings.PAGE_CACHE_ENABLED = True
    monkeypatch.setattr(filesystem, "os", FailingDisk(errno.ENOSPC, only_under="images"))

    without = client.get(page.url)
    monkeypatch.undo()
    with_pictures = client.get(page.url).content.decode()

    assert without.status_code == 200
    assert "Text unter dem Bild" in without.content.decode()
    assert "Rathaus am Markt" not in without.content.decode()
    # Neither the page without its pictures nor a fragment of it was kept.
    assert 'alt="Rathaus am Markt"' in with_pictures
    assert "og:image" in with_pictures
