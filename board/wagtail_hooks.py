"""Admin integration of the board: the entries as a moderated snippet, entries in site search."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column, StatusTagColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from home.approval import (
    SnippetEditViewWithDecisionMessage,
    SnippetWorkflowActionViewWithDecisionMessage,
)
from home.exports import FormulaSafeExportMixin

from .models import CooperationEntry
from .moderation import ReviewState, review_state, with_review_state
from .search import board_entry_hits
from .sitemaps import board_sitemap_sections

hooks.register("sitemap_sections", board_sitemap_sections)


@hooks.register("site_search_results")
def search_board_entries(request, query):
    return board_entry_hits(request, query)


class ReviewStateColumn(StatusTagColumn):
    """Where the entry stands for the moderators; "wartet auf Freigabe" stands out."""

    def get_value(self, instance):
        return review_state(instance).label

    def get_primary(self, instance):
        return review_state(instance) in (ReviewState.WAITING, ReviewState.CHANGE_WAITING)


class CooperationEntryIndexView(FormulaSafeExportMixin, IndexView):
    """The listing; its exports carry member-typed text, so no cell may start a formula."""


class CooperationEntryViewSet(SnippetViewSet):
    """The exchange board's entries: filter by kind, status and topic; export readable values."""

    model = CooperationEntry
    index_view_class = CooperationEntryIndexView
    # After "Freigeben": "… freigegeben und veröffentlicht" instead of Wagtail's "… geändert".
    edit_view_class = SnippetEditViewWithDecisionMessage
    workflow_action_view_class = SnippetWorkflowActionViewWithDecisionMessage
    icon = "resubmit"
    menu_label = _("Kooperationsbörse")
    menu_order = 160
    add_to_admin_menu = True
    list_display = [
        "title",
        "kind",
        "municipality",
        "status",
        "valid_until",
        ReviewStateColumn("review_state", label=_("Prüfung")),
        Column("submitter_name", label=_("Eingereicht von")),
        UpdatedAtColumn(),
    ]
    list_filter = ["kind", "status", "topics", "municipality__district", "live"]
    search_fields = ["title", "description"]
    list_export = [
        "title",
        "get_kind_display",
        "municipality",
        "topic_names",
        "get_status_display",
        "get_legal_form_display",
        "get_phase_display",
        "valid_until",
        "submitter_name",
        "live",
    ]
    export_headings = {
        "submitter_name": _("Eingereicht von"),
        "get_kind_display": _("Art"),
        "topic_names": _("Themen"),
        "get_status_display": _("Status"),
        "get_legal_form_display": _("Rechtsform"),
        "get_phase_display": _("Phase"),
        "live": _("Veröffentlicht"),
    }
    ordering = ["-created_at"]

    def get_queryset(self, request):
        entries = CooperationEntry.objects.select_related(
            "municipality", "submitted_by"
        ).prefetch_related("topics")
        return with_review_state(entries)


register_snippet(CooperationEntryViewSet)
