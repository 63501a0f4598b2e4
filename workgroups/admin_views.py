"""Admin screens for events: where a new event starts, how listings show and order them.

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
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.listing import ExplorableIndexView, IndexView, PageFilterSet
from wagtail.permission_policies.pages import PagePermissionPolicy

from django_filters import ChoiceFilter, DateFromToRangeFilter

from .formatting import local_time
from .models import EVENT_TYPES, AttendanceMode, EventPage, EventStatus, WorkingGroupPage


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
