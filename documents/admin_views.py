"""The admin's document list, with the kind and the visibility of every document, and what
could not be read from a PDF."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.documents.views.documents import IndexView

from .access import collection_is_restricted
from .visibility import visibility_label


class VisibilityColumn(StatusTagColumn):
    """The document list's "Sichtbarkeit"; public documents stand out."""

    def get_value(self, instance):
        return visibility_label(instance, self._request)

    def get_primary(self, instance):
        return not collection_is_restricted(instance.collection_id, self._request)

    def get_cell_context_data(self, instance, parent_context):
        self._request = parent_context.get("request")
        return super().get_cell_context_data(instance, parent_context)


class DocumentIndexWithVisibility(IndexView):
    """Wagtail's document list with a column saying who may download each document."""

    @cached_property
    def columns(self):
        columns = list(super().columns)
        columns[-2:-2] = [
            Column("kind", label=_("Art"), accessor="get_kind_display"),
            VisibilityColumn("visibility", label=_("Sichtbarkeit")),
            Column("processing_note", label=_("Hinweis zur Auswertung")),
        ]
        return columns
