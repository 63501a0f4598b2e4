"""The shared terms in the admin: topics and the register of member municipalities, both
snippets with Wagtail's ``SnippetViewSet`` (filters, search, CSV and XLSX export)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.redirects import moved_permanently

from .models import Municipality, Topic


class TopicViewSet(SnippetViewSet):
    """The topics (Themen) events and board entries are filed under."""

    model = Topic
    icon = "tag"
    menu_label = _("Themen")
    menu_order = 165
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    list_export = ["name", "slug", "description"]
    ordering = ["name"]


class MunicipalityViewSet(SnippetViewSet):
    """The register of member municipalities: plain reference data without drafts."""

    model = Municipality
    icon = "home"
    menu_label = _("Mitgliedskommunen")
    menu_order = 170
    add_to_admin_menu = True
    list_display = ["name", "kind", "district", "member_since"]
    list_filter = ["kind", "district"]
    search_fields = ["name"]
    # Exports show what people read ("Kreis Soest"), not the stored codes.
    list_export = ["name", "get_kind_display", "get_district_display", "member_since"]
    export_headings = {
        "name": _("Name"),
        "get_kind_display": _("Art"),
        "get_district_display": _("Kreis"),
        "member_since": _("Mitglied seit"),
    }
    ordering = ["name"]


register_snippet(TopicViewSet)
register_snippet(MunicipalityViewSet)


@hooks.register("register_admin_urls")
def former_register_address():
    """Where the register was before it became a snippet: bookmarks keep working."""
    return [
        path(
            "workgroups/municipality/",
            moved_permanently("wagtailsnippets_taxonomy_municipality:list"),
        )
    ]
