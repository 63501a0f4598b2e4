"""Hostile PDFs cost the worker neither its memory nor its time: the reading runs in a child
process with limits, absurd pages get no thumbnail, and the editor reads why in German."""

import io
import multiprocessing
import os
import signal
import threading
import time
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection

import pytest
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from documents import pdf_processing
from documents.pdf_processing import Limits
from documents.tasks import extract_document_metadata
from operations.worker import TaskInterrupted
from tests.factories.documents import pdf_document

pytestmark = pytest.mark.django_db


def _pdf(writer):
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def blank_page_pdf(width, height):
    """One empty page of ``width`` × ``height`` points (its MediaBox)."""
    writer = PdfWriter()
    writer.add_blank_page(width=width, height=height)
    return _pdf(writer)


def slow_text_pdf(repeats):
    """One A4 page that shows the letter "a" ``repeats`` times: a few KB that pypdf needs many
    seconds for (each show operator is read in Python)."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    helvetica = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): helvetica})}
    )
    content = DecodedStreamObject()
    content.set_data(b"BT /F1 12 Tf 50 800 Td\n" + b"(a) Tj\n" * repeats + b"ET")
    page.replace_contents(content)
    page.compress_content_streams()
    return _pdf(writer)


def unpacking_page_pdf(megabytes):
    """One A4 page whose 200 KB content stream unpacks to ``megabytes`` MB of blanks (written by
    hand: the stream is packed here, piece by piece, never held unpacked)."""
    packer = zlib.compressobj(9)
    packed = b"".join(packer.compress(b" " * 2**20) for _ in range(megabytes)) + packer.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Filter /FlateDecode /Length %d >>\nstream\n%b\nendstream" % (len(packed), packed),
    ]
    output = io.BytesIO(b"%PDF-1.7\n")
    output.seek(0, io.SEEK_END)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(output.tell())
        output.write(b"%d 0 obj\n%b\nendobj\n" % (number, body))
    xref = output.tell()
    output.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    output.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
    output.write(trailer % (len(objects) + 1, xref))
    return output.getvalue()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def _upload(editor_client, content, name="dokument.pdf"):
    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Hochgeladen",
            "collection": Collection.get_first_root_node().pk,
            "kind": "other",
            "file": SimpleUploadedFile(name, content),
        },
    )
    assert response.status_code == 302
    return get_document_model().objects.get(title="Hochgeladen")


def _note_in_the_document_list(editor_client):
    return editor_client.get(reverse("wagtaildocs:index")).content.decode()


@pytest.mark.parametrize(
    ("width", "height", "shown"),
    [(1, 14_400, "(1 × 14.400 Punkt)"), (14_400, 1, "(14.400 × 1 Punkt)")],
)
def test_a_hair_thin_page_gets_no_thumbnail_and_the_editor_reads_why(
    editor_client, width, height, shown
):
    """The 431-byte PDF that made a 240 × 3,456,000-pixel bitmap (gigabytes) before."""
    pdf = blank_page_pdf(width, height)
    assert len(pdf) == 431

    document = _upload(editor_client, pdf)

    assert document.page_count == 1  # text and page count are still read
    assert not document.thumbnail
    assert document.processing_note == (
        f"Die erste Seite hat ungewöhnliche Maße {shown}. Text und Seitenzahl wurden gelesen; "
        "ein Vorschaubild gibt es nicht."
    )
    assert document.processing_note in _note_in_the_document_list(editor_client)


@pytest.mark.parametrize(
    ("width", "height", "pixels"),
    [
        (595, 842, (240, 340)),  # A4 portrait: the full width
        (842, 595, (240, 170)),  # A4 landscape
        (100, 1_000, (48, 480)),  # a long receipt: at most twice as tall as the full width
        (3, 60, (24, 480)),  # the smallest side PDF allows, at the thinnest shape we take
    ],
)
def test_the_thumbnail_fits_its_box_whatever_the_page_shape(editor_client, width, height, pixels):
    document = _upload(editor_client, blank_page_pdf(width, height))

    with document.thumbnail.open("rb") as handle:
        assert Image.open(handle).size == pixels
    assert document.processing_note == ""


def test_a_pdf_that_takes_too_long_is_stopped(editor_client, monkeypatch):
    """A 10 KB file that would keep pypdf busy for many seconds is stopped at the limit."""
    monkeypatch.setattr(pdf_processing, "DEFAULT_LIMITS", Limits(seconds=2))

    document = _upload(editor_client, slow_text_pdf(1_000_000))

    assert (document.page_count, document.extracted_text, document.thumbnail.name) == (None, "", "")
    assert document.processing_note.startswith(
        "Das Auswerten der PDF-Datei dauerte länger als 2 Sekunden und wurde abgebrochen. "
        "Text, Seitenzahl und Vorschaubild fehlen; herunterladen lässt sich die Datei trotzdem."
    )
    assert document.processing_note in _note_in_the_document_list(editor_client)


def test_memory_beyond_the_limit_ends_the_child_not_the_worker(editor_client, monkeypatch):
    """PDFium unpacks a 200 MB content stream to draw the page; under a 150 MB limit it
    aborts, in the child. The text read before is kept."""
    monkeypatch.setattr(pdf_processing, "DEFAULT_LIMITS", Limits(memory_bytes=150 * 2**20))

    document = _upload(editor_client, unpacking_page_pdf(200))

    assert document.page_count == 1
    assert not document.thumbnail
    assert document.processing_note == (
        "Die PDF-Datei ließ sich nicht auswerten. Text und Seitenzahl wurden gelesen; ein "
        "Vorschaubild gibt es nicht."
    )


def test_a_good_pdf_replacing_a_bad_one_clears_the_note(editor_client):
    document = _upload(editor_client, blank_page_pdf(1, 14_400))

    editor_client.post(
        reverse("wagtaildocs:edit", args=(document.pk,)),
        {
            "title": document.title,
            "collection": document.collection_id,
            "kind": "other",
            "file": SimpleUploadedFile("neu.pdf", blank_page_pdf(595, 842)),
        },
    )

    document.refresh_from_db()
    assert document.thumbnail
    assert document.processing_note == ""


def _stop_the_reading_child_from_outside(signal_number):
    """Sends ``signal_number`` to the PDF-reading child as soon as it runs, as systemd did when
    it stopped the worker with all its processes (the old ``KillMode=control-group``)."""

    def stop():
        while True:
            for child in multiprocessing.active_children():
                if child.name == "pdf-processing":
                    os.kill(child.pid, signal_number)
                    return
            time.sleep(0.01)

    stopper = threading.Thread(target=stop, daemon=True)
    stopper.start()
    return stopper


@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGHUP])
def test_a_reading_stopped_from_outside_keeps_what_the_document_had(signal_number):
    """The task fails as interrupted (the worker puts it back into the queue); the text, page
    count and preview read before stay, and the editor is not told the file is unreadable."""
    document = pdf_document("Protokoll", text="Ergebnisse der Sitzung")
    before = (document.extracted_text, document.page_count, document.thumbnail.name)
    assert before[1] == 1 and "Ergebnisse der Sitzung" in before[0] and before[2]
    with document.file.open("wb") as handle:  # the file now takes the child many seconds
        handle.write(slow_text_pdf(1_000_000))

    stopper = _stop_the_reading_child_from_outside(signal_number)
    with pytest.raises(TaskInterrupted):
        extract_document_metadata.call(document.pk)
    stopper.join()

    document.refresh_from_db()
    assert (document.extracted_text, document.page_count, document.thumbnail.name) == before
    assert document.processing_note == ""
    assert document.thumbnail.storage.exists(document.thumbnail.name)
