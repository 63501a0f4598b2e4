"""An event's documents, in one place: its materials grouped by kind, which of them a viewer
may download or sees with a login hint, which everyone may see, and which documents it has.

Pages, the ZIP of all materials, the JSON-LD, the editor's protocol check and the followers'
notices all reach an event's documents through here.
"""

from documents.access import is_restricted, viewer_may_download
from documents.models import DocumentKind


def group_by_kind(materials):
    """``materials`` (with their documents) grouped in the order people look for them:
    programme first. ``[(group label, [material, …]), …]``."""
    order = [kind for kind, _label in DocumentKind.choices]
    groups = {}
    for material in materials:
        groups.setdefault(material.document.kind, []).append(material)
    return [(DocumentKind(kind).group_label, groups[kind]) for kind in order if kind in groups]


def attached_documents(event):
    """The documents of the event's materials as saved (none before its first save)."""
    if not event.pk:
        return []
    return [material.document for material in event.materials.select_related("document")]


def attached_document_ids(event):
    """The ids of the event's material documents, sorted: what is announced as new."""
    return sorted(event.materials.values_list("document_id", flat=True))


def documents_for_everyone(event, request):
    """The material documents any visitor may open (for search engines' JSON-LD)."""
    return [
        material.document
        for _kind, group in event.material_groups
        for material in group
        if not is_restricted(material.document, request)
    ]


def mark_downloads(event, request, speakers):
    """Tell templates, per material and presentation (of ``speakers``, with their
    presentations loaded), whether this viewer may download it.

    Members-only documents stay listed for everyone, so visitors know a protocol exists;
    they just get a login hint instead of the link.
    """
    items = [
        *(material for _kind, group in event.material_groups for material in group),
        *speakers,
    ]
    for item in items:
        document = getattr(item, "document", None) or getattr(item, "presentation", None)
        if document is not None:
            item.is_members_only = is_restricted(document, request)
            item.may_download = viewer_may_download(document, request)
    event.speakers_with_downloads = speakers


def downloadable_materials(event, request):
    """The materials this viewer may download (for "Alle Unterlagen" as ZIP)."""
    return [
        material
        for _kind, group in event.material_groups
        for material in group
        if viewer_may_download(material.document, request)
    ]
