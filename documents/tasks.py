"""Background work on uploaded documents (django-tasks; immediate in development and tests)."""

import logging

from django.core.files.base import ContentFile
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.search import index

from django_tasks import task

from operations.worker import TaskInterrupted

from . import pdf_processing
from .pdf_processing import MAX_TEXT_LENGTH, Interrupted, Problem, read_pdf_isolated

logger = logging.getLogger(__name__)


@task()
def extract_document_metadata(document_id):
    """Page count, text and first-page thumbnail of a PDF; recomputed when the file changes.

    The PDF is read in a child process with memory and time limits
    (``documents/pdf_processing.py``). What could not be read is said in the document's
    ``processing_note``, which the admin's document list shows. A reading stopped from outside
    (the worker being stopped) changes nothing: the task fails as :class:`TaskInterrupted`, and
    the worker puts it back into the queue.
    """
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None or not document.file:
        return
    with document.file.open("rb") as handle:
        data = handle.read()
    thumbnail, note = None, ""
    if document.file_extension.lower() != "pdf":
        document.extracted_text = (
            data.decode("utf-8", errors="ignore")[:MAX_TEXT_LENGTH]
            if (document.file_extension.lower() in ("txt", "csv"))
            else ""
        )
        document.page_count = None
    else:
        try:
            contents = read_pdf_isolated(data)
        except Interrupted as error:
            logger.warning("PDF-Dokument %s: Auswertung unterbrochen (%s).", document_id, error)
            raise TaskInterrupted(str(error)) from error
        document.extracted_text, document.page_count = contents.text, contents.page_count
        thumbnail = contents.thumbnail
        if contents.problem:
            logger.warning(
                "PDF-Dokument %s nicht vollständig ausgewertet: %s %s",
                document_id,
                contents.problem.value,
                contents.detail,
            )
            note = processing_note(contents)
    thumbnail_note = _replace_thumbnail(document, thumbnail)
    note = " ".join(part for part in (note, thumbnail_note) if part)
    type(document).objects.filter(pk=document.pk).update(
        extracted_text=document.extracted_text,
        page_count=document.page_count,
        thumbnail=document.thumbnail.name or "",
        processing_note=note,
    )
    index.insert_or_update_object(document)


def _replace_thumbnail(document, thumbnail):
    """The new first-page preview in place of the old one; a note for the editor if not.

    A full or read-only media disk costs the preview, not the text and page count read
    before, and does not fail the task: the worker logs it and goes on with the next one.
    """
    try:
        if document.thumbnail:
            document.thumbnail.delete(save=False)
        if thumbnail:
            name = f"dokument-{document.pk}.png"
            document.thumbnail.save(name, ContentFile(thumbnail), save=False)
    except OSError as error:
        logger.error("Vorschaubild von Dokument %s nicht gespeichert: %s", document.pk, error)
        document.thumbnail.name = ""  # a preview that could not be removed is named in the log
        return _(
            "Das Vorschaubild konnte nicht gespeichert werden, weil der Dateispeicher des "
            "Servers voll oder schreibgeschützt war. Es entsteht, wenn Sie die Datei erneut "
            "hochladen."
        )
    return ""


def processing_note(contents):
    """What the editor reads about a PDF that could not be read completely, and what to do."""
    limits = pdf_processing.DEFAULT_LIMITS
    if contents.problem is Problem.PAGE_SIZE:
        width, height = contents.page_size
        cause = _("Die erste Seite hat ungewöhnliche Maße (%(width)s × %(height)s Punkt).") % {
            "width": number_format(round(width), force_grouping=True),
            "height": number_format(round(height), force_grouping=True),
        }
    elif contents.problem is Problem.TOO_BIG:
        cause = _(
            "Die PDF-Datei braucht zum Auswerten mehr als %(megabytes)d MB Arbeitsspeicher."
        ) % {"megabytes": limits.memory_bytes // (1024 * 1024)}
    elif contents.problem is Problem.TOO_SLOW:
        cause = _(
            "Das Auswerten der PDF-Datei dauerte länger als %(seconds)d Sekunden und wurde "
            "abgebrochen."
        ) % {"seconds": limits.seconds}
    else:
        cause = _("Die PDF-Datei ließ sich nicht auswerten.")
    if contents.page_count is not None:
        consequence = _("Text und Seitenzahl wurden gelesen; ein Vorschaubild gibt es nicht.")
    else:
        consequence = _(
            "Text, Seitenzahl und Vorschaubild fehlen; herunterladen lässt sich die Datei "
            "trotzdem. Speichern Sie sie am besten neu als PDF (z. B. mit „Drucken als PDF“) "
            "und laden Sie sie erneut hoch."
        )
    return f"{cause} {consequence}"
