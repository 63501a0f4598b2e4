"""Checks that an uploaded file is what its name claims, before anything is stored.

Wagtail checks only the extension; these checks read the content. Each allowed extension
(``WAGTAILDOCS_EXTENSIONS``) needs a sniffer here, which a system check enforces.
"""

import io
import unicodedata
import zipfile
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pypdf import PdfReader
from pypdf.errors import PdfReadError, PyPdfError

MAX_FILENAME_LENGTH = 150
OFFICE_OPEN_XML = {"docx", "xlsx", "pptx"}
OPEN_DOCUMENT = {"odt": "text", "ods": "spreadsheet", "odp": "presentation"}


def _read_all(uploaded):
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    return data


def check_pdf(data):
    """A real, complete, unencrypted PDF with at least one page."""
    if not data.lstrip()[:5] == b"%PDF-":
        raise ValidationError(
            _("Die Datei ist keine PDF-Datei, auch wenn ihr Name auf .pdf endet."),
            code="not_pdf",
        )
    if b"%%EOF" not in data[-2048:]:
        raise ValidationError(
            _("Die PDF-Datei ist unvollständig (abgeschnitten). Bitte laden Sie sie erneut hoch."),
            code="truncated",
        )
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                _(
                    "Die PDF-Datei ist verschlüsselt oder kennwortgeschützt. Bitte laden Sie "
                    "eine Fassung ohne Kennwort hoch."
                ),
                code="encrypted",
            )
        page_count = len(reader.pages)
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError) as error:
        raise ValidationError(
            _("Die PDF-Datei ist beschädigt und lässt sich nicht öffnen."), code="broken"
        ) from error
    if page_count == 0:
        raise ValidationError(_("Die PDF-Datei enthält keine Seiten."), code="no_pages")


def check_office_open_xml(data):
    _check_zip_member(data, "[Content_Types].xml")


def check_open_document(data):
    _check_zip_member(data, "mimetype")


def _check_zip_member(data, member):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if member not in archive.namelist():
                raise zipfile.BadZipFile(member)
    except zipfile.BadZipFile as error:
        raise ValidationError(
            _("Die Datei ist kein gültiges Office-Dokument, auch wenn ihr Name das sagt."),
            code="not_office",
        ) from error


def check_text(data):
    """Plain text or CSV: readable as UTF-8 (or Windows-1252) and no binary bytes."""
    if b"\x00" in data:
        raise ValidationError(
            _("Die Datei enthält Binärdaten und ist keine Text- oder CSV-Datei."), code="binary"
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise ValidationError(
                _("Die Textdatei hat eine unbekannte Zeichenkodierung."), code="encoding"
            ) from error


SNIFFERS = {
    "pdf": check_pdf,
    **dict.fromkeys(OFFICE_OPEN_XML, check_office_open_xml),
    **dict.fromkeys(OPEN_DOCUMENT, check_open_document),
    "csv": check_text,
    "txt": check_text,
}


def check_filename(name):
    """Refuse names that would confuse people or systems; ordinary umlauts and spaces are fine."""
    base = PurePosixPath(name.replace("\\", "/")).name
    if base != name or not base or len(base) > MAX_FILENAME_LENGTH:
        raise ValidationError(
            _(
                "Der Dateiname ist ungültig. Bitte verwenden Sie einen kurzen Namen ohne "
                "Verzeichnisangaben (höchstens %(max)d Zeichen)."
            ),
            params={"max": MAX_FILENAME_LENGTH},
            code="bad_name",
        )
    if base.startswith(".") or any(unicodedata.category(ch).startswith("C") for ch in base):
        raise ValidationError(
            _(
                "Der Dateiname enthält unzulässige Zeichen (Steuerzeichen oder einen Punkt am "
                "Anfang). Bitte benennen Sie die Datei um."
            ),
            code="bad_name",
        )
    stem, _dot, extension = base.rpartition(".")
    if not stem or not extension:
        raise ValidationError(
            _("Der Dateiname braucht eine Endung wie .pdf, damit der Dateityp erkennbar ist."),
            code="no_extension",
        )


def validate_upload(uploaded):
    """Run every check on an uploaded file; raise ``ValidationError`` with a German message."""
    check_filename(uploaded.name)
    if uploaded.size == 0:
        raise ValidationError(_("Die Datei ist leer."), code="empty")
    extension = uploaded.name.rsplit(".", 1)[-1].lower()
    sniffer = SNIFFERS.get(extension)
    if sniffer is None:
        raise ValidationError(
            _("Dateien vom Typ .%(extension)s sind nicht erlaubt."),
            params={"extension": extension},
            code="not_allowed",
        )
    sniffer(_read_all(uploaded))
