"""Pages that list events: a working group's page and the site-wide "Termine" page.

Both share ``EventListingMixin``: the filtered, paginated listing, a month view, and the iCal,
RSS and Atom feeds as routes (``RoutablePageMixin``; routes end in a slash and contain no dot).
"""

import datetime as dt

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Min, Q, prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
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
from home.page_cache import cached_until_change
from home.pagination import requested_page
from home.privacy import private_pages_q

from .. import embedding
from ..calendar import calendar_response
from ..conditional import conditional_response
from ..feeds import EventFeed
from ..filters import EventFilterForm
from ..month import adjacent_months, month_bounds, month_grid
from .event_types import EVENT_TYPES
from .events import EventPage
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


class CountedPaginator(Paginator):
    """A paginator told its total in advance (counted together with other totals)."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.count = count


class EventListingMixin(RoutablePageMixin):
    """Listing, month view and feeds of the events returned by ``get_events()``."""

    month_template = "workgroups/event_month.html"
    #: Whether listing rows name each event's working group (not on a working group's own page).
    listing_names_working_groups = False

    def get_events(self, request):
        """Live, public events this page lists (defined by each page type)."""
        raise NotImplementedError

    def get_filter_working_groups(self, request):
        """Working groups offered as a filter; None where the page is one itself."""
        return None

    def attach_working_groups(self, events, working_groups):
        """Name each event's working group without a query per row."""
        return attach_parents(events, parents=working_groups)

    def calendar_name(self):
        return str(self.title)

    def filter_options(self, events):
        """Years and topics that occur among the events (cached until events change)."""

        def compute():
            years = [day.year for day in events.dates("start", "year", order="DESC")]
            topics = list(Topic.objects.filter(events__in=events).distinct())
            return years, topics

        return cached_until_change(f"filter-options:{self.pk}", compute)

    # --- listing -------------------------------------------------------------------------
    @path("")
    def event_listing(self, request):
        events = self.get_events(request)
        working_groups = self.get_filter_working_groups(request)
        years, topics = self.filter_options(events)
        filter_form = EventFilterForm(
            request.GET or None,
            event_types=EVENT_TYPES,
            topics=topics,
            years=years,
            working_groups=working_groups,
        )
        now = timezone.now()
        filtered = filter_form.apply(events, working_groups).with_effective_end()
        totals = filtered.aggregate(
            upcoming=Count("pk", filter=Q(effective_end__gte=now)),
            past=Count("pk", filter=Q(effective_end__lt=now)),
            # The lists change when the next upcoming event ends: it moves to the archive.
            next_end=Min("effective_end", filter=Q(effective_end__gte=now)),
        )
        listed = filtered.for_listing(prefetch=False)
        upcoming = CountedPaginator(
            listed.upcoming(now), EVENTS_PER_PAGE, totals["upcoming"]
        ).get_page(requested_page(request, "kommend"))
        archive = CountedPaginator(listed.past(now), EVENTS_PER_PAGE, totals["past"]).get_page(
            requested_page(request, "seite")
        )
        filter_query = urlencode(filter_form.active_filters)
        listing_context = {
            "filter_query": filter_query,
            "upcoming": upcoming,
            "archive": archive,
            "upcoming_query": "&".join(
                part for part in (filter_query, f"seite={archive.number}") if part
            ),
            "archive_query": "&".join(
                part for part in (filter_query, f"kommend={upcoming.number}") if part
            ),
            "show_working_group": self.listing_names_working_groups,
        }

        def render_listing():
            shown = [*upcoming.object_list, *archive.object_list]
            prefetch_related_objects(shown, "topics")
            self.attach_working_groups(shown, working_groups)
            return render_to_string("components/event-listing.html", listing_context, request)

        # The same rows for every viewer: kept until content changes or the next event ends.
        listing_html = cached_until_change(
            f"event-listing:{self.pk}:{filter_query}:{upcoming.number}:{archive.number}",
            render_listing,
            stale_from=lambda _html: totals["next_end"],
        )
        context = self.get_context(request)
        context.update(
            listing_context,
            filter_form=filter_form,
            result_count=totals["upcoming"] + totals["past"],
            event_listing=listing_html,
        )
        return TemplateResponse(request, self.get_template(request), context)

    # --- month view ----------------------------------------------------------------------
    @path("monat/", name="current_month")
    def current_month(self, request):
        today = timezone.localdate()
        return redirect(self.url + self.reverse_subpage("month", args=(today.year, today.month)))

    def month_range(self):
        """The months a calendar view exists for: from the first event's year to a year after
        the last one (at least the coming year). Every other month answers 404, so crawlers
        do not walk a thousand years of empty calendars."""

        def compute():
            years = EventPage.objects.live().aggregate(
                first=models.Min("start__year"), last=models.Max("start__year")
            )
            this_year = timezone.localdate().year
            return (
                min(years["first"] or this_year, this_year),
                max(years["last"] or this_year, this_year) + 1,
            )

        first_year, last_year = cached_until_change("month-range", compute)
        return (first_year, 1), (last_year, 12)

    @re_path(r"^monat/(\d{4})/(\d{1,2})/$", name="month")
    def month(self, request, year, month):
        year, month = int(year), int(month)
        first, last = self.month_range()
        if not (1 <= month <= 12 and first <= (year, month) <= last):
            raise Http404(_("Für diesen Monat gibt es keinen Kalender."))
        _weeks, first_day, last_day = month_bounds(year, month)
        events = list(self.get_events(request).overlapping(first_day, last_day).for_listing())
        self.attach_working_groups(events, self.get_filter_working_groups(request))
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
                + self.reverse_subpage("month", args=(prev_year, prev_month))
                if (prev_year, prev_month) >= first
                else None,
                "next_month_url": self.url
                + self.reverse_subpage("month", args=(next_year, next_month))
                if (next_year, next_month) <= last
                else None,
                "previous_month_label": format_date(dt.date(prev_year, prev_month, 1), "F Y"),
                "next_month_label": format_date(dt.date(next_year, next_month, 1), "F Y"),
            }
        )
        return TemplateResponse(request, self.month_template, context)

    # --- feeds ---------------------------------------------------------------------------
    @path("ical/", name="ical")
    def ical(self, request):
        since = timezone.now() - CALENDAR_HISTORY
        events = self.get_events(request).with_effective_end().filter(effective_end__gte=since)
        return calendar_response(
            request,
            events.order_by("start", "pk").prefetch_related("topics"),
            name=self.calendar_name(),
            filename=f"{self.slug}.ics",
        )

    def _feed(self, request, *, atom):
        events = (
            self.get_events(request)
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
        if base is None:  # a preview of a page not yet in the tree
            return {}
        ical = base + self.reverse_subpage("ical")
        return {
            "ical": ical,
            "webcal": "webcal://" + ical.split("://", 1)[-1],
            "rss": base + self.reverse_subpage("rss"),
            "atom": base + self.reverse_subpage("atom"),
            "month": self.url + self.reverse_subpage("current_month"),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["feed_links"] = self.feed_links(request)
        return context


class WorkingGroupPage(EventListingMixin, BasePage):
    """A working field (Aktionsfeld) with its working group: who, what about, which events."""

    page_description = _(
        "Ein Arbeitskreis mit Beschreibung und seinen Veranstaltungen; neue Veranstaltungen "
        "werden darunter angelegt."
    )

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
        Topic, verbose_name=_("Themen"), blank=True, related_name="working_groups"
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

    def get_events(self, request):
        return EventPage.objects.child_of(self).live().exclude(private_pages_q(request))

    def attach_working_groups(self, events, working_groups):
        for event in events:
            event.working_group = self
        return events

    def calendar_name(self):
        return str(_("Termine: %(title)s") % {"title": self.title})


class EventIndexPage(EventListingMixin, BasePage):
    """The site-wide "Termine" page: every working group's events, filterable by group."""

    page_description = _(
        "Die Terminübersicht aller Arbeitskreise mit Filtern und Kalender-Abonnement."
    )

    template = "workgroups/event_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    listing_names_working_groups = True

    content_panels = BasePage.content_panels

    class Meta:
        verbose_name = _("Terminübersicht")
        verbose_name_plural = _("Terminübersichten")

    def _site_pages(self, model, request):
        """Live, public pages of ``model`` in this page's site (below the home page)."""
        home_path = self.path[: -self.steplen]
        return (
            model.objects.filter(path__startswith=home_path)
            .live()
            .exclude(private_pages_q(request))
        )

    def get_events(self, request):
        return self._site_pages(EventPage, request)

    def get_filter_working_groups(self, request):
        cached = getattr(request, "_listing_working_groups", None)
        if cached is None:
            cached = list(self._site_pages(WorkingGroupPage, request).order_by("title"))
            request._listing_working_groups = cached
        return cached

    def calendar_name(self):
        return str(_("Termine der Arbeitskreise"))

    # --- for other websites (``workgroups/embedding.py``) ---------------------------------
    def feed_links(self, request=None):
        links = super().feed_links(request)
        if links:
            links["embed_guide"] = self.url + self.reverse_subpage("embed_guide")
        return links

    def _public_working_groups(self):
        """Working groups anyone may see (the embedded list never shows members-only ones)."""
        home_path = self.path[: -self.steplen]
        return list(
            WorkingGroupPage.objects.filter(path__startswith=home_path)
            .live()
            .public()
            .order_by("title")
        )

    @path("einbetten/", name="embed")
    def embed(self, request):
        """The next public events for other websites' frames, by working group and topic."""
        groups = self._public_working_groups()
        filter_form = EventFilterForm(
            request.GET or None,
            event_types=EVENT_TYPES,
            topics=Topic.objects.order_by("name"),
            years=[],
            working_groups=groups,
        )
        home_path = self.path[: -self.steplen]
        events = EventPage.objects.filter(path__startswith=home_path).live().public()
        events = filter_form.apply(events, groups).upcoming(timezone.now()).for_listing()
        return embedding.embed_response(
            request,
            events=attach_parents(events[: embedding.requested_count(request)], parents=groups),
            index_url=self.get_full_url(request),
        )

    @path("einbinden/", name="embed_guide")
    def embed_guide(self, request):
        """For webmasters of member municipalities: snippets to show our events."""
        context = self.get_context(request)
        context.update(
            embedding.guide_context(
                request,
                embed_url=request.build_absolute_uri(self.url + self.reverse_subpage("embed")),
                working_groups=self._public_working_groups(),
                topics=list(Topic.objects.order_by("name")),
            )
        )
        return TemplateResponse(request, "workgroups/embed_guide.html", context)


def attach_parents(events, parents=None):
    """Set ``working_group`` on each event: from ``parents`` if given, else with one query."""
    events = list(events)
    if parents is None:
        parent_paths = {event.path[: -EventPage.steplen] for event in events}
        parents = (
            WorkingGroupPage.objects.filter(path__in=parent_paths).defer_streamfields()
            if events
            else []
        )
    parents = {page.path: page for page in parents}
    for event in events:
        event.working_group = parents.get(event.path[: -EventPage.steplen])
    return events
