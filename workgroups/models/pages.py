"""Pages that list events: a working group's page and the site-wide "Termine" page.

Both share ``EventListingMixin``: the filtered, paginated listing, a month view, and the iCal,
RSS and Atom feeds as routes (``RoutablePageMixin``; routes end in a slash and contain no dot).
"""

import datetime as dt

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.models import BasePage

from ..calendar import calendar_response
from ..conditional import conditional_response
from ..feeds import EventFeed
from ..filters import EventFilterForm
from ..month import adjacent_months, month_bounds, month_grid
from .events import EVENT_TYPES, EventPage, attach_parents
from .topics import Topic

EVENTS_PER_PAGE = 10
WEEKDAY_NAMES = [
    (_("Montag"), _("Mo")),
    (_("Dienstag"), _("Di")),
    (_("Mittwoch"), _("Mi")),
    (_("Donnerstag"), _("Do")),
    (_("Freitag"), _("Fr")),
    (_("Samstag"), _("Sa")),
    (_("Sonntag"), _("So")),
]
FEED_LENGTH = 50
CALENDAR_HISTORY = dt.timedelta(days=365)


def _page_number(request, name):
    try:
        return max(1, int(request.GET.get(name, 1)))
    except (TypeError, ValueError):
        return 1


class EventListingMixin(RoutablePageMixin):
    """Listing, month view and feeds of the events returned by ``get_events()``."""

    listing_template = None
    month_template = "workgroups/event_month.html"

    def get_events(self):
        """Live, public events this page lists (overridden by each page type)."""
        raise NotImplementedError

    def get_filter_working_groups(self):
        return None

    def calendar_name(self):
        return str(self.title)

    # --- listing -------------------------------------------------------------------------
    @path("")
    def event_listing(self, request):
        events = self.get_events()
        working_groups = self.get_filter_working_groups()
        filter_form = EventFilterForm(
            request.GET or None,
            topics=Topic.objects.filter(events__in=events).distinct(),
            years=[day.year for day in events.dates("start", "year", order="DESC")],
            working_groups=working_groups,
        )
        filtered = filter_form.apply(events, working_groups).for_listing()
        now = timezone.now()
        upcoming = Paginator(filtered.upcoming(now), EVENTS_PER_PAGE).get_page(
            _page_number(request, "kommend")
        )
        archive = Paginator(filtered.past(now), EVENTS_PER_PAGE).get_page(
            _page_number(request, "seite")
        )
        attach_parents([*upcoming.object_list, *archive.object_list])
        filter_query = urlencode(filter_form.active_filters)
        context = self.get_context(request)
        context.update(
            {
                "filter_form": filter_form,
                "filter_query": filter_query,
                "upcoming": upcoming,
                "archive": archive,
                "upcoming_query": "&".join(
                    part for part in (filter_query, f"seite={archive.number}") if part
                ),
                "archive_query": "&".join(
                    part for part in (filter_query, f"kommend={upcoming.number}") if part
                ),
            }
        )
        return TemplateResponse(request, self.get_template(request), context)

    # --- month view ----------------------------------------------------------------------
    @path("monat/")
    def current_month(self, request):
        today = timezone.localdate()
        return redirect(self.url + self.reverse_subpage("month", args=(today.year, today.month)))

    @re_path(r"^monat/(\d{4})/(\d{1,2})/$", name="month")
    def month(self, request, year, month):
        year, month = int(year), int(month)
        if not (1 <= month <= 12 and 1900 <= year <= 2999):
            raise Http404(_("Diesen Monat gibt es nicht."))
        _weeks, first_day, last_day = month_bounds(year, month)
        events = attach_parents(self.get_events().overlapping(first_day, last_day))
        (prev_year, prev_month), (next_year, next_month) = adjacent_months(year, month)
        context = self.get_context(request)
        context.update(
            {
                "weeks": month_grid(year, month, events),
                "month_events": [
                    e
                    for e in events
                    if e.local_start.month == month or (e.local_end and e.local_end.month == month)
                ],
                "month_label": format_date(dt.date(year, month, 1), "F Y"),
                "weekday_names": WEEKDAY_NAMES,
                "previous_month_url": self.url
                + self.reverse_subpage("month", args=(prev_year, prev_month)),
                "next_month_url": self.url
                + self.reverse_subpage("month", args=(next_year, next_month)),
                "previous_month_label": format_date(dt.date(prev_year, prev_month, 1), "F Y"),
                "next_month_label": format_date(dt.date(next_year, next_month, 1), "F Y"),
            }
        )
        return TemplateResponse(request, self.month_template, context)

    # --- feeds ---------------------------------------------------------------------------
    @path("ical/", name="ical")
    def ical(self, request):
        since = timezone.now() - CALENDAR_HISTORY
        events = self.get_events().with_effective_end().filter(effective_end__gte=since)
        return calendar_response(
            request,
            events.order_by("start", "pk").prefetch_related("topics"),
            name=self.calendar_name(),
            filename=f"{self.slug}.ics",
        )

    def _feed(self, request, *, atom):
        events = (
            self.get_events()
            .order_by("-first_published_at", "-pk")
            .prefetch_related("topics")[:FEED_LENGTH]
        )
        return conditional_response(
            request,
            key=f"{'atom' if atom else 'rss'}|{self.pk}",
            events=events,
            build_response=lambda items: EventFeed(self, items, atom=atom)(request),
        )

    @path("rss/", name="rss")
    def rss(self, request):
        return self._feed(request, atom=False)

    @path("atom/", name="atom")
    def atom(self, request):
        return self._feed(request, atom=True)

    # --- links for templates -------------------------------------------------------------
    def feed_links(self, request=None):
        base = self.get_full_url(request)
        ical = base + self.reverse_subpage("ical")
        return {
            "ical": ical,
            "webcal": "webcal://" + ical.split("://", 1)[-1],
            "rss": base + self.reverse_subpage("rss"),
            "atom": base + self.reverse_subpage("atom"),
            "month": self.url + "monat/",
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["feed_links"] = self.feed_links(request)
        return context


class WorkingGroupPage(EventListingMixin, BasePage):
    """A working field (Aktionsfeld) with its working group: who, what about, which events."""

    template = "workgroups/working_group_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = [model._meta.label for model in EVENT_TYPES]

    tagline = models.CharField(
        _("Unterzeile"),
        max_length=200,
        blank=True,
        help_text=_("Steht über dem Titel, z. B. „Verwaltungskooperation | Zusammenarbeit“."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("Inhalt"), blank=True)
    topics = ParentalManyToManyField(
        Topic, verbose_name=_("Handlungsfelder"), blank=True, related_name="working_groups"
    )
    contact_name = models.CharField(_("Ansprechperson"), max_length=200, blank=True)
    contact_role = models.CharField(_("Funktion"), max_length=200, blank=True)
    contact_email = models.EmailField(_("E-Mail"), blank=True)
    contact_phone = models.CharField(_("Telefon"), max_length=40, blank=True)

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("tagline"),
        index.SearchField("body"),
    ]
    content_panels = [
        *BasePage.content_panels[:1],
        FieldPanel("tagline"),
        *BasePage.content_panels[1:],
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_role"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
            ],
            heading=_("Kontakt"),
        ),
    ]

    class Meta:
        verbose_name = _("Arbeitskreis")
        verbose_name_plural = _("Arbeitskreise")

    def get_events(self):
        return EventPage.objects.child_of(self).live().public()

    def calendar_name(self):
        return str(_("Termine: %(title)s") % {"title": self.title})


class EventIndexPage(EventListingMixin, BasePage):
    """The site-wide "Termine" page: every working group's events, filterable by group."""

    template = "workgroups/event_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    content_panels = BasePage.content_panels

    class Meta:
        verbose_name = _("Terminübersicht")
        verbose_name_plural = _("Terminübersichten")

    def get_events(self):
        site_root = self.get_site().root_page
        return EventPage.objects.descendant_of(site_root).live().public()

    def get_filter_working_groups(self):
        return list(WorkingGroupPage.objects.live().public().order_by("title"))

    def calendar_name(self):
        return str(_("Termine der Arbeitskreise"))
