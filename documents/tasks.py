"""Background work on uploaded documents (django-tasks; immediate in development and tests)."""

import io
import logging

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.search import index

import pypdfium2
from django_tasks import task
from pypdf import PdfReader
from pypdf.errors import PyPdfError

logger = logging.getLogger(__name__)

MAX_TEXT_LENGTH = 200_000  # enough for search; keeps rows small for 300-page PDFs
THUMBNAIL_WIDTH = 240


def _pdf_text_and_pages(data):
    reader = PdfReader(io.BytesIO(data), strict=False)
    parts, length = [], 0
    for page in reader.pages:
        if length >= MAX_TEXT_LENGTH:
            break
        text = page.extract_text() or ""
        parts.append(text)
        length += len(text)
    return "\n".join(parts)[:MAX_TEXT_LENGTH], len(reader.pages)


def _pdf_thumbnail(data):
    pdf = pypdfium2.PdfDocument(data)
    try:
        page = pdf[0]
        scale = THUMBNAIL_WIDTH / page.get_width()
        image = page.render(scale=scale).to_pil()
        output = io.BytesIO()
        image.convert("RGB").save(output, format="PNG", optimize=True)
        return output.getvalue()
    finally:
        pdf.close()


@task()
def extract_document_metadata(document_id):
    """Page count, text and first-page thumbnail of a PDF; recomputed when the file changes."""
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None or not document.file:
        return
    with document.file.open("rb") as handle:
        data = handle.read()
    if document.file_extension.lower() != "pdf":
        document.extracted_text = (
            data.decode("utf-8", errors="ignore")[:MAX_TEXT_LENGTH]
            if (document.file_extension.lower() in ("txt", "csv"))
            else ""
        )
        document.page_count = None
        thumbnail = None
    else:
        try:
            document.extracted_text, document.page_count = _pdf_text_and_pages(data)
            thumbnail = _pdf_thumbnail(data)
        except (PyPdfError, ValueError, OSError):
            logger.warning("Could not read PDF document %s", document_id, exc_info=True)
            return
    if document.thumbnail:
        document.thumbnail.delete(save=False)
    if thumbnail:
        document.thumbnail.save(f"dokument-{document.pk}.png", ContentFile(thumbnail), save=False)
    type(document).objects.filter(pk=document.pk).update(
        extracted_text=document.extracted_text,
        page_count=document.page_count,
        thumbnail=document.thumbnail.name or "",
    )
    index.insert_or_update_object(document)
