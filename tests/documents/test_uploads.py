"""Hostile and mistaken uploads are refused with a German message, and nothing is stored."""

import io
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection

import pytest
from pypdf import PdfWriter

from documents.pdf_writer import make_pdf
from documents.validation import check_filename

pytestmark = pytest.mark.django_db

GOOD_PDF = make_pdf("Protokoll", ["Ergebnisse des Arbeitskreises."] * 40)


def _encrypted_pdf():
    writer = PdfWriter(clone_from=io.BytesIO(GOOD_PDF))
    writer.encrypt("geheim")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _zip(members):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return output.getvalue()


HOSTILE_UPLOADS = [
    ("bild.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "keine PDF-Datei"),
    ("skript.pdf", b"<html><script>alert(1)</script></html>", "keine PDF-Datei"),
    ("abgeschnitten.pdf", GOOD_PDF[: len(GOOD_PDF) // 2], "unvollständig"),
    ("kaputt.pdf", b"%PDF-1.4\n" + b"kein pdf inhalt " * 50 + b"\n%%EOF\n", "beschädigt"),
    ("verschluesselt.pdf", _encrypted_pdf(), "verschlüsselt"),
    ("leer.pdf", b"", "leer"),
    ("tabelle.xlsx", b"PK\x03\x04 das ist kein office", "kein gültiges Office-Dokument"),
    ("text.docx", _zip({"word/document.xml": "<w/>"}), "kein gültiges Office-Dokument"),
    ("liste.csv", b"a;b\x00\x01\x02", "Binärdaten"),
    ("programm.exe", b"MZ\x90\x00", "exe"),
    ("ohne-endung", GOOD_PDF, "Endung"),
    (".versteckt.pdf", GOOD_PDF, "unzulässige Zeichen"),
    ("x" * 200 + ".pdf", GOOD_PDF, "höchstens 150 Zeichen"),
]


def _post_upload(client, url, name, content, prefix=""):
    fields = {
        "title": "Hochgeladen",
        "collection": Collection.get_first_root_node().pk,
        "kind": "programme",
        "file": SimpleUploadedFile(name, content),
    }
    return client.post(url, {f"{prefix}{key}": value for key, value in fields.items()})


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.parametrize(("name", "content", "message"), HOSTILE_UPLOADS)
def test_admin_upload_refuses_bad_files(editor_client, media_root, name, content, message):
    response = _post_upload(editor_client, reverse("wagtaildocs:add"), name, content)

    assert response.status_code == 200  # the form comes back
    html = response.content.decode()
    assert message in html
    assert "Dateiendung „“" not in html  # no second error about a file that was never stored
    assert not get_document_model().objects.exists()
    assert not (media_root / "documents").exists() or not any((media_root / "documents").iterdir())


@pytest.mark.parametrize(("name", "content", "message"), HOSTILE_UPLOADS[:6])
def test_chooser_upload_refuses_bad_files(editor_client, name, content, message):
    response = _post_upload(
        editor_client,
        reverse("wagtaildocs_chooser:create"),
        name,
        content,
        prefix="document-chooser-upload-",
    )

    assert response.status_code == 200
    assert response.json()["step"] == "reshow_creation_form"
    assert message in response.json()["htmlFragment"]
    assert not get_document_model().objects.exists()


def test_oversized_file_is_refused(editor_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024

    response = _post_upload(editor_client, reverse("wagtaildocs:add"), "gross.pdf", GOOD_PDF)

    assert response.status_code == 200
    assert "zu groß" in response.content.decode()
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("Protokoll Sitzung März.pdf", GOOD_PDF),
        ("tabelle.xlsx", _zip({"[Content_Types].xml": "<Types/>"})),
        ("teilnehmende.csv", b"Name;Kommune\nMeier;Paderborn\n"),
    ],
)
def test_real_files_are_accepted(editor_client, name, content):
    response = _post_upload(editor_client, reverse("wagtaildocs:add"), name, content)

    assert response.status_code == 302
    assert get_document_model().objects.count() == 1


def test_pdf_metadata_is_extracted_after_upload(editor_client):
    _post_upload(editor_client, reverse("wagtaildocs:add"), "protokoll.pdf", GOOD_PDF)

    document = get_document_model().objects.get()
    assert document.page_count == 2
    assert "Ergebnisse des Arbeitskreises." in document.extracted_text
    assert document.thumbnail.name.endswith(".png")
    assert document.link_details.startswith("PDF, ") and document.link_details.endswith("2 Seiten")


def test_metadata_is_recomputed_when_the_file_is_replaced(editor_client):
    _post_upload(editor_client, reverse("wagtaildocs:add"), "protokoll.pdf", GOOD_PDF)
    document = get_document_model().objects.get()
    longer = make_pdf("Protokoll neu", ["Neue Fassung mit Ergänzungen."] * 120)

    response = editor_client.post(
        reverse("wagtaildocs:edit", args=(document.pk,)),
        {
            "title": "Protokoll",
            "collection": document.collection_id,
            "kind": "other",
            "file": SimpleUploadedFile("protokoll-neu.pdf", longer),
        },
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.page_count == 6
    assert "Neue Fassung" in document.extracted_text


@pytest.mark.parametrize("name", ["zeilen\tumbruch.pdf", "nul\x00.pdf", "pfad/zu/datei.pdf"])
def test_control_characters_and_paths_in_names_are_refused(name):
    # Django's upload parser already strips most of these; the check holds on its own too.
    with pytest.raises(ValidationError):
        check_filename(name)


def test_deleting_a_document_removes_file_and_thumbnail(
    editor_client, media_root, django_capture_on_commit_callbacks
):
    _post_upload(editor_client, reverse("wagtaildocs:add"), "programm.pdf", GOOD_PDF)
    document = get_document_model().objects.get()
    assert document.thumbnail
    stored = [media_root / document.file.name, media_root / document.thumbnail.name]
    assert all(path.exists() for path in stored)

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(reverse("wagtaildocs:delete", args=(document.pk,)))

    assert response.status_code == 302
    assert not get_document_model().objects.exists()
    assert not any(path.exists() for path in stored)
