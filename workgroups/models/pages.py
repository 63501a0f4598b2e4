"""Pages that list events: a working group's page and the site-wide "Termine" page.

Both share ``EventListingMixin``: which events a page lists, its filter options and the links to
its month view and feeds. The listing, month view, feeds and embedding are the pages' routes,
served by ``workgroups/views.py``.
"""

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.members import is_member
from home.models import BasePage
from home.privacy import private_pages_q
from operations.page_cache import cached_until_change
from operations.subpage_routes import SubpageRoutesMixin
from taxonomy.models import Topic

from .agreements import Agreement
from .event_types import EVENT_TYPES
from .events import EventPage


class EventListingMixin(SubpageRoutesMixin):
    """A page listing the events ``get_events()`` returns, with a month view and feeds."""

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
        """Years and topics that occur among the events."""
        years = [day.year for day in events.dates("start", "year", order="DESC")]
        topics = list(Topic.objects.filter(events__in=events).distinct())
        return years, topics

    def month_range(self):
        """The months a calendar view exists for: from the first event's year to a year after
        the last one (at least the coming year). Every other month answers 404, so crawlers
        do not walk a thousand years of empty calendars."""
        years = EventPage.objects.live().aggregate(
            first=models.Min("start__year"), last=models.Max("start__year")
        )
        this_year = timezone.localdate().year
        first_year = min(years["first"] or this_year, this_year)
        last_year = max(years["last"] or this_year, this_year) + 1
        return (first_year, 1), (last_year, 12)

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
    #: The main menu names every working group under this heading (home's navigation tags).
    menu_group = _("Arbeitskreise")

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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Apps above add boxes for the viewer beside the contact card (e.g. "Folgen").
        context["side_sections"] = [
            section
            for add_section in hooks.get_hooks("working_group_page_sections")
            if (section := add_section(self, request))
        ]
        context["open_agreements"] = self.open_agreements(request)
        return context

    def open_agreements(self, request):
        """For members: what the group's meetings agreed and is not done yet (``[]`` for
        visitors, whose copy of the page is the one the page cache keeps)."""
        if not is_member(request.user):
            return []
        return cached_until_change(
            f"open-agreements:{self.pk}",
            lambda: list(
                Agreement.objects.open()
                .filter(page__path__startswith=self.path, page__live=True)
                .in_the_order_to_work_on()
            ),
        )

    def get_events(self, request):
        return EventPage.objects.child_of(self).live().exclude(private_pages_q(request))

    def attach_working_groups(self, events, working_groups):
        for event in events:
            event.working_group = self
        return events

    def calendar_name(self):
        return str(_("Termine: %(title)s") % {"title": self.title})

    @property
    def has_contact(self):
        """Whether the page can say whom to ask: a person, a role or a way to reach them."""
        return any((self.contact_name, self.contact_role, self.contact_email, self.contact_phone))

    @property
    def contact_phone_href(self):
        """The contact's number as a ``tel:`` target: digits and a leading plus only, as the
        site's own number ("+49 5251.88-12597" dials +49525188125597)."""
        digits = "".join(ch for ch in self.contact_phone if ch.isdigit())
        return f"+{digits}" if self.contact_phone.strip().startswith("+") else digits


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

    def public_working_groups(self):
        """Working groups anyone may see (the embedded list never shows members-only ones)."""
        home_path = self.path[: -self.steplen]
        return list(
            WorkingGroupPage.objects.filter(path__startswith=home_path)
            .live()
            .public()
            .order_by("title")
        )


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
