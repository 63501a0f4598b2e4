"""The meeting dossier ("Sitzungsmappe"): one PDF with a cover, the agenda and then the
materials in agenda order, in a public edition and one for members.

What an edition holds:
- the public edition: the documents any visitor may open; results only where the event's
  minutes are for everyone;
- the members' edition: every document and every result.

It is built in the task queue (``workgroups/tasks.py``) whenever the event is published, and
served only while its ``fingerprint`` still matches what the edition would hold now. A stale
dossier is never handed out: if a document became members-only after the public edition was
built, the public edition is rebuilt before anyone downloads it again (fail closed).

A material that is not a PDF, or a PDF that cannot be read, stays out; the agenda page of the
dossier says so in German, next to the item it belongs to.
"""

import hashlib
import io
import json

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError

from documents.access import collection_is_restricted
from documents.models import DocumentKind
from documents.pdf_writer import make_pdf
from home.models import SiteSettings

from .materials import event_agenda
from .models import DossierEdition, MeetingDossier, MinutesAudience

#: How the event's own materials follow the agenda items' ones.
BINDING_ORDER = [
    DocumentKind.PROGRAMME,
    DocumentKind.PRESENTATION,
    DocumentKind.OTHER,
    DocumentKind.PROTOCOL,
]


class Part:
    """One document in the dossier, with the agenda item it belongs to (None: the event's)."""

    def __init__(self, document, item_number=None):
        self.document = document
        self.item_number = item_number

    @property
    def is_pdf(self):
        return self.document.file_extension.lower() == "pdf"


def _included(document, edition):
    return edition == DossierEdition.MEMBERS or not collection_is_restricted(document.collection_id)


def dossier_contents(event, edition):
    """``(agenda, parts)``: the agenda items, and the documents in the order the dossier
    binds them: each item's materials in agenda order, then the event's own materials with
    the programme first and the protocol last."""
    agenda = event_agenda(event)
    parts = [
        Part(material.document, item.number)
        for item in agenda
        for material in item.item_materials
        if _included(material.document, edition)
    ]
    seen = {part.document.pk for part in parts}
    # A stable sort: within a kind, the editor's order stays.
    rank = {kind: place for place, kind in enumerate(BINDING_ORDER)}
    materials = sorted(
        event.materials.select_related("document"),
        key=lambda material: rank.get(material.document.kind, len(rank)),
    )
    for material in materials:
        if material.document.pk not in seen and _included(material.document, edition):
            seen.add(material.document.pk)
            parts.append(Part(material.document))
    return agenda, parts


def shows_results(event, edition):
    return edition == DossierEdition.MEMBERS or event.minutes_audience == MinutesAudience.EVERYONE


def fingerprint(event, edition, contents=None):
    """A hash of everything the edition holds (``contents`` from ``dossier_contents``, read
    now if not given): what the cover and agenda say and which files, in which versions,
    follow."""
    agenda, parts = contents or dossier_contents(event, edition)
    results = shows_results(event, edition)
    described = {
        "event": [event.pk, event.title, event.date_display, event.location_display],
        "agenda": [
            [item.title, item.note, item.presented_by, item.result if results else ""]
            for item in agenda
        ],
        "files": [
            [part.document.pk, part.document.file.name, part.document.file_hash, part.item_number]
            for part in parts
        ],
    }
    return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()


def _cover_and_agenda(event, edition, agenda, parts, notes, organisation):
    """The first pages: title, date and place, the edition, the agenda with each item's
    materials and results, and what could not be bound in."""
    paragraphs = [
        event.date_display,
        event.location_display,
        str(DossierEdition(edition).label),
        f"# {_('Tagesordnung')}",
    ]
    results = shows_results(event, edition)
    for item in agenda:
        paragraphs.append(f"# {_('TOP %(number)s') % {'number': item.number}}: {item.title}")
        if item.presented_by:
            paragraphs.append(_("Berichterstattung: %(who)s") % {"who": item.presented_by})
        if item.note:
            paragraphs.append(item.note)
        for part in parts:
            if part.item_number == item.number:
                paragraphs.append(_("Unterlage: %(title)s") % {"title": part.document.title})
        if results and item.result:
            paragraphs.append(_("Ergebnis: %(text)s") % {"text": strip_tags(item.result)})
    if notes:
        paragraphs.append(f"# {_('Nicht in dieser Mappe')}")
        paragraphs += notes
    title = _("Sitzungsmappe: %(title)s") % {"title": event.title}
    return make_pdf(title, paragraphs, footer=organisation)


def build_dossier(event, edition):
    """Build the edition's PDF and store it; answers the stored dossier."""
    contents = dossier_contents(event, edition)
    agenda, parts = contents
    readers, notes = [], []
    for part in parts:
        title = part.document.title
        if not part.is_pdf:
            notes.append(
                _(
                    "„%(title)s“ ist keine PDF-Datei und liegt der Mappe nicht bei; sie steht "
                    "auf der Veranstaltungsseite zum Herunterladen."
                )
                % {"title": title}
            )
            continue
        try:
            with part.document.file.open("rb") as handle:
                reader = PdfReader(io.BytesIO(handle.read()))
                if reader.is_encrypted:
                    raise PyPdfError("encrypted")
                len(reader.pages)
        except (OSError, PyPdfError, ValueError):
            notes.append(
                _(
                    "„%(title)s“ ließ sich nicht einbinden (die PDF-Datei ist nicht lesbar); "
                    "sie steht auf der Veranstaltungsseite zum Herunterladen."
                )
                % {"title": title}
            )
            continue
        readers.append(reader)
    organisation = SiteSettings.for_site(event.get_site()).organisation_name
    writer = PdfWriter()
    writer.append(
        PdfReader(io.BytesIO(_cover_and_agenda(event, edition, agenda, parts, notes, organisation)))
    )
    for reader in readers:
        writer.append(reader)
    output = io.BytesIO()
    writer.write(output)
    with transaction.atomic():
        dossier, _created = MeetingDossier.objects.select_for_update().get_or_create(
            event=event,
            edition=edition,
            defaults={"fingerprint": "", "page_count": 0},
        )
        old_file = dossier.file.name if dossier.file else None
        dossier.file.save(f"{event.slug}-{edition}.pdf", ContentFile(output.getvalue()), save=False)
        # What was read above, not what may have changed since: a later change rebuilds.
        dossier.fingerprint = fingerprint(event, edition, contents)
        dossier.page_count = len(writer.pages)
        dossier.notes = notes
        dossier.save()
    if old_file and old_file != dossier.file.name:
        dossier.file.storage.delete(old_file)
    return dossier


def current_dossier(event, edition):
    """The stored dossier if it holds what the edition holds now, else None."""
    dossier = MeetingDossier.objects.filter(event=event, edition=edition).first()
    if dossier is None or dossier.fingerprint != fingerprint(event, edition):
        return None
    return dossier
