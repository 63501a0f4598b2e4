"""The admin's classes for events: where a new event starts, how listings show and order them,
the dashboard panels and the viewsets (``wagtail_hooks.py`` only registers them).

``EventPage`` itself is not creatable; Wagtail's generic "choose parent" step therefore ended
in an error for "Veranstaltung hinzufügen". Editors pick working group and event type in one
step instead, on a screen and in a dashboard panel that share :func:`new_event_choices`.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.forms import CheckboxSelectMultiple
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.filters import DateRangePickerWidget, MultipleContentTypeFilter
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.listing import ExplorableIndexView, IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet, PageViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy

from django_filters import ChoiceFilter, DateFromToRangeFilter

from home.approval import (
    PageCreateViewAfterAutosave,
    PageEditViewWithDecisionMessage,
    PageWorkflowActionViewWithDecisionMessage,
)

from .formatting import local_time
from .models import (
    EVENT_TYPES,
    AttendanceMode,
    EventPage,
    EventStatus,
    WorkingGroupPage,
    attach_parents,
)


@dataclass(frozen=True)
class NewEventLink:
    label: str
    url: str


@dataclass(frozen=True)
class NewEventChoice:
    working_group: WorkingGroupPage
    links: list


def new_event_choices(user):
    """Per working group the user may add events to, one link per event type to its form."""
    allowed = PagePermissionPolicy().instances_user_has_permission_for(user, "add")
    groups = WorkingGroupPage.objects.filter(pk__in=allowed.values("pk")).order_by("path")
    return [
        NewEventChoice(
            working_group=group,
            links=[
                NewEventLink(
                    label=model.type_label,
                    url=reverse(
                        "wagtailadmin_pages:add",
                        args=(model._meta.app_label, model._meta.model_name, group.pk),
                    ),
                )
                for model in EVENT_TYPES
                if model.can_create_at(group)
            ],
        )
        for group in groups
    ]


class NewEventView(WagtailAdminTemplateMixin, TemplateView):
    """ "Veranstaltung hinzufügen": working group and event type in one choice, then the form."""

    template_name = "workgroups/admin/new_event.html"
    page_title = _("Neue Veranstaltung")
    header_icon = "date"
    index_url_name = None
    model = None

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Veranstaltungen")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["choices"] = new_event_choices(self.request.user)
        return context


class EventStartColumn(Column):
    """The start as a date people can place ("Do., 17.12.2026, 10:00"), never "in 3 Wochen"."""

    def get_value(self, instance):
        start = local_time(instance.start)
        if start is None:
            return ""
        if instance.all_day:
            return format_date(start, "D., d.m.Y")
        return format_date(start, "D., d.m.Y, H:i")


class EventFilterSet(PageFilterSet):
    """Filters of the event listing; "Art" offers the three event types, not every model."""

    content_type = MultipleContentTypeFilter(
        label=_("Art"),
        queryset=lambda request: ContentType.objects.filter(
            pk__in=[ct.pk for ct in ContentType.objects.get_for_models(*EVENT_TYPES).values()]
        ),
        widget=CheckboxSelectMultiple,
    )
    status = ChoiceFilter(label=_("Status"), choices=EventStatus.choices, empty_label=_("Alle"))
    attendance_mode = ChoiceFilter(
        label=_("Teilnahme"), choices=AttendanceMode.choices, empty_label=_("Alle")
    )
    start = DateFromToRangeFilter(label=_("Beginn"), widget=DateRangePickerWidget)

    class Meta:
        model = EventPage
        fields = []


#: The listings' default order (``EventQuerySet.upcoming_first``), as ``?ordering=`` names it.
UPCOMING_FIRST = "kommende-zuerst"


class UpcomingFirstMixin:
    """Event listings open with the upcoming events by start, then the past ones, latest first.

    Wagtail orders page listings by last change, which scatters the dates. Sorting by the
    "Beginn" column stays possible (plain ascending or descending start); a search is ordered
    by relevance, as Wagtail does, since the search backend cannot sort by this expression.
    """

    default_ordering = UPCOMING_FIRST

    def get_valid_orderings(self):
        orderings = super().get_valid_orderings()
        return orderings if self.is_searching else [*orderings, UPCOMING_FIRST]

    def get_ordering(self):
        ordering = super().get_ordering()
        return None if ordering == UPCOMING_FIRST and self.is_searching else ordering

    def order_queryset(self, queryset):
        if self.ordering == UPCOMING_FIRST:
            return queryset.upcoming_first(timezone.now())
        return super().order_queryset(queryset)


class EventIndexView(UpcomingFirstMixin, IndexView):
    """The "Veranstaltungen" listing of all working groups' events."""


class WorkingGroupEventsView(UpcomingFirstMixin, ExplorableIndexView):
    """The page explorer of a working group, whose children are all events."""


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


class NewEventPanel(Component):
    """Dashboard shortcut: one click from the dashboard to the form of a new event."""

    name = "new_event"
    template_name = "workgroups/admin/new_event_panel.html"
    order = 80

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["choices"] = new_event_choices(parent_context["request"].user)
        return context


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
    add_view_class = PageCreateViewAfterAutosave
    edit_view_class = PageEditViewWithDecisionMessage
    workflow_action_view_class = PageWorkflowActionViewWithDecisionMessage
    # Wagtail finds no parent by itself: working groups allow the three concrete event types,
    # not the abstract-like EventPage.
    parent_models = [WorkingGroupPage]
