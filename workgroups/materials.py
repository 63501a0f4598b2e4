"""An event's materials for one viewer: which they may download, which show a login hint."""

from documents.access import is_restricted, viewer_may_download


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
