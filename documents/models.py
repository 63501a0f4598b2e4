"""The site's document model.

It replaces Wagtail's default ``Document`` from the first migration on, because swapping the
document model later breaks foreign keys (see docs/architecture.md). Further metadata (page count,
extracted text, thumbnail) and content validation build on this class.
"""

from django.core.paginator import Paginator
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.documents.models import AbstractDocument
from wagtail.search import index

from home.models import BasePage

from .access import members_only_collection_ids
from .places import document_places
from .tasks import extract_document_metadata


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
    """A downloadable file (mostly PDF) with the kind of material it is and what it contains.

    Page count, text and thumbnail are filled in by a background task after each upload or
    replacement of the file (``documents.tasks.extract_document_metadata``), so saving never
    waits for a long PDF. The text is searchable; the thumbnail lives beside the documents
    and is served with the same permission check as the file itself.
    """

    kind = models.CharField(
        _("Art"),
        max_length=20,
        choices=DocumentKind.choices,
        default=DocumentKind.OTHER,
        help_text=_("Wofür die Datei steht, z. B. Programm oder Protokoll einer Veranstaltung."),
    )
    page_count = models.PositiveIntegerField(_("Seitenzahl"), null=True, blank=True, editable=False)
    extracted_text = models.TextField(_("Enthaltener Text"), blank=True, editable=False)
    thumbnail = models.FileField(
        _("Vorschaubild"), upload_to="documents/thumbnails", blank=True, editable=False
    )
    #: Why text, page count or thumbnail are missing (a PDF too big, too slow or of absurd page
    #: size for ``documents/pdf_processing.py``); empty when all went well.
    processing_note = models.TextField(_("Hinweis zur Auswertung"), blank=True, editable=False)

    # The kind comes before the collection: choosing "Protokoll" preselects the members' one.
    admin_form_fields = ("title", "file", "kind", "collection", "tags")
    search_fields = [*AbstractDocument.search_fields, index.SearchField("extracted_text")]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("Dokument")
        verbose_name_plural = _("Dokumente")

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_file_name = instance.__dict__.get("file")
        return instance

    def clean(self):
        """Wagtail's extension check, only when there is a file to check.

        A new document whose file the form refused has no file yet, and Wagtail's multiple
        upload validates the metadata form (which has no file field) before attaching the
        already checked file. Checking the empty name there gave a second, wrong error
        ("Dateiendung „“") or, in the multiple upload, a server error.
        """
        if self.file:
            super().clean()

    def save(self, *args, **kwargs):
        file_changed = self.file.name != getattr(self, "_stored_file_name", None)
        super().save(*args, **kwargs)
        self._stored_file_name = self.file.name
        if file_changed and self.file:
            extract_document_metadata.enqueue(self.pk)

    @property
    def file_type_label(self):
        """The file type as shown in link texts, e.g. "PDF"."""
        return self.file_extension.upper()

    @property
    def file_size_label(self):
        return format_file_size(self.get_file_size())

    @property
    def page_count_label(self):
        if not self.page_count:
            return ""
        return ngettext("%(count)d Seite", "%(count)d Seiten", self.page_count) % {
            "count": self.page_count
        }

    @property
    def link_details(self):
        """The part of a link text after the title: "PDF, 1,2 MB, 14 Seiten"."""
        parts = (self.file_type_label, self.file_size_label, self.page_count_label)
        return ", ".join(part for part in parts if part)


class MembersAreaPage(BasePage):
    """The members' home: every members-only document this member may download.

    The page itself is meant to be restricted to the member groups (privacy settings in the
    admin; ``load_demo`` does it), so visitors are sent to the login.
    """

    page_description = _(
        "Der Bereich für eingeloggte Mitglieder mit allen Protokollen und Unterlagen, die nur "
        "Mitglieder herunterladen dürfen."
    )

    template = "documents/members_area_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StandardPage"]
    max_count = 1

    DOCUMENTS_PER_PAGE = 20

    class Meta:
        verbose_name = _("Mitgliederbereich")
        verbose_name_plural = _("Mitgliederbereiche")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        documents = CustomDocument.objects.filter(
            collection_id__in=members_only_collection_ids(request)
        ).order_by("-created_at", "-pk")
        page = Paginator(documents, self.DOCUMENTS_PER_PAGE).get_page(request.GET.get("seite"))
        places = document_places(page.object_list, request)
        for document in page.object_list:
            document.place = places.get(document.pk)
        context["documents"] = page
        # Apps above add their parts for the member (hook ``members_area_sections``), e.g.
        # "Meine Anmeldungen" from ``registrations``.
        context["sections"] = [
            section
            for add_section in hooks.get_hooks("members_area_sections")
            if (section := add_section(self, request))
        ]
        return context
