"""An event's documents, in one place: its materials grouped by kind, the materials of its
agenda items, which of them a viewer may download or sees with a login hint, which everyone
may see, and which documents it has.

Pages, the ZIP of all materials, the JSON-LD, the editor's protocol check and the followers'
notices all reach an event's documents through here.
"""

from dataclasses import dataclass

from wagtail.documents import get_document_model

from documents.access import is_restricted, viewer_may_download
from documents.models import DocumentKind


@dataclass
class ItemMaterial:
    """A document of an agenda item, as the page lists it (like an event's ``EventMaterial``)."""

    document: object
    title: str = ""
    is_members_only: bool = False
    may_download: bool = False

    @property
    def link_text(self):
        return self.title or self.document.title


def group_by_kind(materials):
    """``materials`` (with their documents) grouped in the order people look for them:
    programme first. ``[(group label, [material, …]), …]``."""
    order = [kind for kind, _label in DocumentKind.choices]
    groups = {}
    for material in materials:
        groups.setdefault(material.document.kind, []).append(material)
    return [(DocumentKind(kind).group_label, groups[kind]) for kind in order if kind in groups]


def agenda_with_materials(agenda_items):
    """``agenda_items`` numbered by their place, each with its ``item_materials``: the documents
    of all items read in one query, in the order the editor chose; deleted ones left out.

    Works on saved rows and on a draft's items in memory (a preview) alike.
    """
    items = list(agenda_items)
    wanted = {pk for item in items for pk in item.material_document_ids()}
    documents = get_document_model().objects.in_bulk(wanted) if wanted else {}
    for number, item in enumerate(items, start=1):
        item.number = number
        item.item_materials = [
            ItemMaterial(documents[block["value"]["document"]], block["value"].get("title", ""))
            for block in item.materials.raw_data
            if block.get("value", {}).get("document") in documents
        ]
    return items


def event_agenda(event):
    """The event's agenda items with their presenters' municipalities and their materials."""
    return agenda_with_materials(event.agenda_items.select_related("municipality"))


def _all_materials(event):
    """The event's materials and its agenda items' materials (from the page's parts)."""
    return [
        *(material for _kind, group in event.material_groups for material in group),
        *(material for item in event.agenda for material in item.item_materials),
    ]


def attached_documents(event):
    """The documents of the event's materials and agenda items as saved (none before its
    first save)."""
    if not event.pk:
        return []
    documents = [material.document for material in event.materials.select_related("document")]
    seen = {document.pk for document in documents}
    for item in event_agenda(event):
        for material in item.item_materials:
            if material.document.pk not in seen:
                seen.add(material.document.pk)
                documents.append(material.document)
    return documents


def attached_document_ids(event):
    """The ids of the event's documents (materials and agenda items), sorted: what is
    announced as new."""
    ids = set(event.materials.values_list("document_id", flat=True))
    for item in event.agenda_items.all():
        ids.update(item.material_document_ids())
    return sorted(ids)


def documents_for_everyone(event, request):
    """The material documents any visitor may open (for search engines' JSON-LD)."""
    return _unique_documents(
        material.document
        for material in _all_materials(event)
        if not is_restricted(material.document, request)
    )


def _unique_documents(documents):
    unique = {}
    for document in documents:
        unique.setdefault(document.pk, document)
    return list(unique.values())


def mark_downloads(event, request, speakers):
    """Tell templates, per material and presentation (of ``speakers``, with their
    presentations loaded), whether this viewer may download it.

    Members-only documents stay listed for everyone, so visitors know a protocol exists;
    they just get a login hint instead of the link.
    """
    for item in [*_all_materials(event), *speakers]:
        document = getattr(item, "document", None) or getattr(item, "presentation", None)
        if document is not None:
            item.is_members_only = is_restricted(document, request)
            item.may_download = viewer_may_download(document, request)
    event.speakers_with_downloads = speakers


def downloadable_materials(event, request):
    """The materials this viewer may download (for "Alle Unterlagen" as ZIP), each document
    once."""
    unique = {}
    for material in _all_materials(event):
        if viewer_may_download(material.document, request):
            unique.setdefault(material.document.pk, material)
    return list(unique.values())
