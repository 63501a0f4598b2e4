"""Admin integration of the working groups: topics, an event listing, a dashboard panel, the
register of member municipalities, and the home page's next events."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet, PageViewSet

from home.approval import PageEditViewWithDecisionMessage, PageWorkflowActionViewWithDecisionMessage
from home.privacy import private_pages_q
from operations.page_cache import cached_until_change

from .admin_views import (
    EventFilterSet,
    EventIndexView,
    EventStartColumn,
    NewEventView,
    WorkingGroupEventsView,
    new_event_choices,
)
from .models import EventIndexPage, EventPage, WorkingGroupPage, attach_parents


class UpcomingEventsPanel(Component):
    """The next events on the admin dashboard, so editors see at once what comes up."""

    name = "upcoming_events"
    template_name = "workgroups/admin/upcoming_events_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        events = EventPage.objects.upcoming(timezone.now()).for_listing()[:6]
        context["events"] = attach_parents(events)
        return context


@hooks.register("home_page_sections")
def next_events_on_the_home_page(page, request, count=3):
    """The next live, public events of the home page's site, soonest first.

    The section is the same for every viewer, so it is kept until content changes or the first
    of its events ends (then the list moves on).
    """

    def render():
        events = EventPage.objects.live().exclude(private_pages_q(request)).descendant_of(page)
        events = attach_parents(events.upcoming().for_listing()[:count])
        html = render_to_string(
            "components/upcoming-events.html",
            {
                "events": events,
                "index_page": EventIndexPage.objects.live().descendant_of(page).first(),
            },
            request=request,
        )
        return html, min((event.effective_end for event in events), default=None)

    html, _first_end = cached_until_change(
        f"home-next-events:{page.pk}", render, stale_from=lambda value: value[1]
    )
    return html


class NewEventPanel(Component):
    """Dashboard shortcut: one click from the dashboard to the form of a new event."""

    name = "new_event"
    template_name = "workgroups/admin/new_event_panel.html"
    order = 80

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["choices"] = new_event_choices(parent_context["request"].user)
        return context


@hooks.register("page_cache_next_change")
def next_event_change(now):
    """Event listings and pages change when an event starts or ends or its registration closes."""
    return EventPage.objects.live().next_change(now)


@hooks.register("construct_homepage_panels")
def add_event_panels(request, panels):
    panels.append(NewEventPanel())
    panels.append(UpcomingEventsPanel())


EVENT_COLUMNS = [
    *PageListingViewSet.columns,
    EventStartColumn("start", label=_("Beginn"), sort_key="start"),
    Column("status", label=_("Status"), accessor="get_status_display"),
    Column("event_type", label=_("Art")),
]


class EventListingViewSet(PageListingViewSet):
    """All events across working groups, filterable by type, status and date; upcoming first.

    "Veranstaltung hinzufügen" opens :class:`NewEventView` (working group and type in one step).
    """

    model = EventPage
    icon = "date"
    menu_label = _("Veranstaltungen")
    menu_order = 150
    add_to_admin_menu = True
    name = "veranstaltungen"
    index_view_class = EventIndexView
    choose_parent_view_class = NewEventView
    filterset_class = EventFilterSet
    columns = EVENT_COLUMNS


class EventPageViewSet(PageViewSet):
    """Wagtail's views of the event pages.

    Wagtail uses this viewset's listing for the explorer of a working group (whose children are
    all events, see ``PageViewSet.parent_models``): the same columns, filters and order as
    "Veranstaltungen", upcoming first. Editor and workflow views are the site's own for every
    page type (``home/approval.py``).
    """

    model = EventPage
    icon = "date"
    name = "veranstaltungsseiten"
    index_view_class = WorkingGroupEventsView
    filterset_class = EventFilterSet
    # Wagtail's explorer columns (with the page's live/draft status), the start after the title.
    columns = [
        *WorkingGroupEventsView.base_columns[:2],
        EventStartColumn("start", label=_("Beginn"), sort_key="start"),
        *WorkingGroupEventsView.base_columns[2:],
        Column("event_status", label=_("Termin"), accessor="get_status_display"),
    ]
    edit_view_class = PageEditViewWithDecisionMessage
    workflow_action_view_class = PageWorkflowActionViewWithDecisionMessage
    # Wagtail finds no parent by itself: working groups allow the three concrete event types,
    # not the abstract-like EventPage.
    parent_models = [WorkingGroupPage]


@hooks.register("register_admin_viewset")
def register_event_listing():
    return [EventListingViewSet(), EventPageViewSet()]
