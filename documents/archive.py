"""Several documents as one ZIP file ("Alle Unterlagen" of an event)."""

import io
import logging
import zipfile

logger = logging.getLogger(__name__)


def zip_documents(documents):
    """The ZIP's bytes, or None when not one of the files could be read.

    A file missing from storage (a failed restore, a deleted volume) is left out and logged,
    so the others still download; the single download of that file answers 404.
    """
    archive = io.BytesIO()
    used_names = set()
    written = 0
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zip_file:
        for document in documents:
            name = document.filename
            if name in used_names:
                name = f"{document.pk}-{name}"
            try:
                with document.file.open("rb") as handle:
                    data = handle.read()
            except OSError:
                logger.warning("Datei von Dokument %s fehlt: %s", document.pk, document.file.name)
                continue
            used_names.add(name)
            zip_file.writestr(name, data)
            written += 1
    return archive.getvalue() if written else None
