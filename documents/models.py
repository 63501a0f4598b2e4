"""The site's document model.

It replaces Wagtail's default ``Document`` from the first migration on, because swapping the
document model later breaks foreign keys (see DESIGN.md). Further metadata (page count,
extracted text, thumbnail) and content validation build on this class.
"""

from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument, Document
from wagtail.models import Collection, CollectionViewRestriction


class DocumentKind(models.TextChoices):
    """What a document is for; event pages group their materials by it."""

    PROGRAMME = "programme", _("Programm")
    PRESENTATION = "presentation", _("Präsentation")
    PROTOCOL = "protocol", _("Protokoll")
    OTHER = "other", _("Sonstiges")

    @property
    def group_label(self):
        """Heading above several documents of this kind."""
        return DOCUMENT_KIND_GROUP_LABELS[self]


DOCUMENT_KIND_GROUP_LABELS = {
    DocumentKind.PROGRAMME: _("Programm"),
    DocumentKind.PRESENTATION: _("Präsentationen"),
    DocumentKind.PROTOCOL: _("Protokoll"),
    DocumentKind.OTHER: _("Weitere Unterlagen"),
}


def format_file_size(size_in_bytes):
    """German file size as people read it: "850 KB", "1,2 MB"."""
    if size_in_bytes is None:
        return ""
    if size_in_bytes < 1024 * 1024:
        return _("%(size)s KB") % {"size": max(1, round(size_in_bytes / 1024))}
    megabytes = number_format(size_in_bytes / (1024 * 1024), decimal_pos=1)
    return _("%(size)s MB") % {"size": megabytes}


class CustomDocument(AbstractDocument):
    """A downloadable file (mostly PDF) with the kind of material it is."""

    kind = models.CharField(
        _("Art"),
        max_length=20,
        choices=DocumentKind.choices,
        default=DocumentKind.OTHER,
        help_text=_("Wofür die Datei steht, z. B. Programm oder Protokoll einer Veranstaltung."),
    )

    admin_form_fields = (*Document.admin_form_fields, "kind")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("Dokument")
        verbose_name_plural = _("Dokumente")

    @property
    def file_type_label(self):
        """The file type as shown in link texts, e.g. "PDF"."""
        return self.file_extension.upper()

    @property
    def file_size_label(self):
        return format_file_size(self.get_file_size())

    @property
    def link_details(self):
        """The part of a link text after the title: "PDF, 1,2 MB"."""
        return ", ".join(part for part in (self.file_type_label, self.file_size_label) if part)


def restricted_collection_ids():
    """Ids of collections with a view restriction, or inside one (one query).

    Documents in them are for members only: they may be named on event pages, but never
    appear in a visitor's structured data, feeds, search or API.
    """
    restricted_paths = list(
        CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    )
    if not restricted_paths:
        return set()
    query = models.Q()
    for path in restricted_paths:
        query |= models.Q(path__startswith=path)
    return set(Collection.objects.filter(query).values_list("pk", flat=True))
