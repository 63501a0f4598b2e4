"""The admin's multiple upload: the same content checks as one upload, nothing left behind."""

import os
import time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection, UploadedFile

import pytest

from tests.documents.test_uploads import GOOD_PDF, HOSTILE_UPLOADS
from tests.factories.documents import restricted_collection

pytestmark = pytest.mark.django_db

AJAX = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def _upload(client, name, content):
    """The first step: the browser sends one file of the selection."""
    return client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
        **AJAX,
    )


def _complete(client, upload_id, title, kind, collection=None):
    """The second step: the editor fills in the required kind and saves."""
    prefix = f"uploaded-document-{upload_id}"
    return client.post(
        reverse("wagtaildocs:create_multiple_from_uploaded_document", args=[upload_id]),
        {
            f"{prefix}-title": title,
            f"{prefix}-kind": kind,
            f"{prefix}-collection": (collection or Collection.get_first_root_node()).pk,
        },
        **AJAX,
    )


def test_editor_uploads_two_pdfs_and_completes_both(editor_client, media_root):
    members = restricted_collection()
    uploads = [
        _upload(editor_client, "programm.pdf", GOOD_PDF).json(),
        _upload(editor_client, "protokoll.pdf", GOOD_PDF).json(),
    ]
    assert all(upload["success"] for upload in uploads)
    assert "Art" in uploads[0]["form"]  # the editor is asked for the kind
    public_protocol = _complete(editor_client, uploads[1]["uploaded_file_id"], "P", "protocol")
    assert public_protocol.json()["success"] is False  # a protocol never goes to the public root
    assert "Protokolle sind nur für Mitglieder" in public_protocol.json()["form"]

    for upload, (title, kind, collection) in zip(
        uploads,
        [("Programm", "programme", None), ("Protokoll", "protocol", members)],
        strict=True,
    ):
        response = _complete(editor_client, upload["uploaded_file_id"], title, kind, collection)
        assert response.status_code == 200
        assert response.json()["success"] is True

    documents = get_document_model().objects.order_by("title")
    assert [(doc.title, doc.kind) for doc in documents] == [
        ("Programm", "programme"),
        ("Protokoll", "protocol"),
    ]
    assert all(doc.file.read().startswith(b"%PDF-") for doc in documents)
    assert all(doc.page_count for doc in documents)  # the metadata task ran
    assert not UploadedFile.objects.exists()
    assert not any((media_root / "wagtail_uploads").glob("*"))


def test_completing_without_a_kind_explains_it(editor_client):
    upload = _upload(editor_client, "protokoll.pdf", GOOD_PDF).json()

    response = _complete(editor_client, upload["uploaded_file_id"], "Protokoll", "")

    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "Dieses Feld ist zwingend erforderlich." in response.json()["form"]
    assert UploadedFile.objects.count() == 1  # the file waits for the corrected form
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(("name", "content", "message"), HOSTILE_UPLOADS)
def test_bad_files_are_refused_at_once(editor_client, media_root, name, content, message):
    response = _upload(editor_client, name, content)

    assert response.status_code == 200
    assert response.json()["success"] is False
    assert message in response.json()["error_message"]
    assert "Dateiendung „“" not in response.json()["error_message"]
    assert not UploadedFile.objects.exists()
    assert not get_document_model().objects.exists()
    assert not any((media_root / "wagtail_uploads").glob("*"))


def test_abandoned_uploads_are_removed_after_a_day(editor_client, media_root):
    old = _upload(editor_client, "alt.pdf", GOOD_PDF).json()["uploaded_file_id"]
    fresh = _upload(editor_client, "neu.pdf", GOOD_PDF).json()["uploaded_file_id"]
    stray = media_root / "wagtail_uploads" / "verwaist.pdf"
    stray.write_bytes(GOOD_PDF)
    two_days_ago = time.time() - 2 * 24 * 3600
    for path in (UploadedFile.objects.get(pk=old).file.path, stray):
        os.utime(path, (two_days_ago, two_days_ago))

    call_command("remove_abandoned_uploads", verbosity=0)

    assert list(UploadedFile.objects.values_list("pk", flat=True)) == [fresh]
    assert sorted(p.name for p in (media_root / "wagtail_uploads").iterdir()) == [
        UploadedFile.objects.get(pk=fresh).file.name.split("/")[-1]
    ]
