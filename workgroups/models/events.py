"""Event pages: meetings, workshops and info sessions of a working group.

``EventPage`` is a concrete but non-creatable base (multi-table inheritance) rather than an
abstract model: every listing, calendar and feed then reads all event types from one table
with one query, and speakers and materials can point at any event. Editors only ever create
the three concrete types.
"""

import datetime as dt
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from rest_framework import serializers

from home.blocks import BaseStreamBlock
from home.members import is_member
from home.models import BasePage
from operations.subpage_routes import SubpageRoutesMixin

from ..formatting import BERLIN, format_event_dates, local_time
from ..materials import downloadable_materials, event_agenda, group_by_kind, mark_downloads
from ..panels import EventPartsPanel, EventStatusPanel, PublicProtocolConfirmationPanel
from ..structured_data import event_structured_data
from .agenda import EventAgenda
from .event_contact import EventContact
from .querysets import EventPageManager

#: Where a venue's "Karte und Anfahrt" link searches its address.
OPENSTREETMAP_SEARCH = "https://www.openstreetmap.org/search"


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("vor Ort")
    ONLINE = "online", _("online")
    HYBRID = "hybrid", _("hybrid (vor Ort und online)")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("findet statt")
    CANCELLED = "cancelled", _("abgesagt")
    POSTPONED = "postponed", _("verschoben")


class EventPage(SubpageRoutesMixin, EventContact, EventAgenda, BasePage):
    """What every event has: when, where, in which state, about what, with which materials.

    Its calendar file and the ZIP of its materials are routes served by ``workgroups/views.py``;
    the admin form (``workgroups/page_forms.py``) is attached in ``WorkgroupsConfig.ready()``.
    """

    page_description = _("Eine Veranstaltung eines Arbeitskreises.")

    template = "workgroups/event_page.html"
    parent_page_types = ["workgroups.WorkingGroupPage"]
    subpage_types = []
    is_creatable = False

    #: Label of the event type as shown in lists and filters; set by each concrete type.
    type_label = _("Veranstaltung")
    #: Short key for filter addresses (?typ=...); set by each concrete type.
    type_key = "veranstaltung"

    start = models.DateTimeField(
        _("Beginn"),
        help_text=_(
            "Datum und Uhrzeit (deutsche Zeit). Bei ganztägigen Terminen zählt nur das Datum."
        ),
    )
    end = models.DateTimeField(
        _("Ende"),
        null=True,
        blank=True,
        help_text=_("Leer lassen, wenn das Ende offen ist. Mehrtägige Termine: letzter Tag."),
    )
    all_day = models.BooleanField(
        _("ganztägig"),
        default=False,
        help_text=_("Ohne Uhrzeiten anzeigen; im Kalender als ganztägiger Termin."),
    )
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text=_(
            "Abgesagte und verschobene Termine bleiben sichtbar und werden deutlich markiert."
        ),
    )
    previous_start = models.DateTimeField(
        _("Ursprünglicher Beginn"),
        null=True,
        blank=True,
        help_text=_("Nur bei verschobenen Terminen: der alte Termin, der im Hinweis genannt wird."),
    )
    attendance_mode = models.CharField(
        _("Teilnahme"),
        max_length=20,
        choices=AttendanceMode.choices,
        default=AttendanceMode.IN_PERSON,
    )
    venue_name = models.CharField(
        _("Veranstaltungsort"),
        max_length=200,
        blank=True,
        help_text=_("Name des Ortes, z. B. „Rathaus Paderborn, Großer Sitzungssaal“."),
    )
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postal_code = models.CharField(_("Postleitzahl"), max_length=10, blank=True)
    city = models.CharField(
        _("Ort"),
        max_length=100,
        blank=True,
        help_text=_(
            "Pflicht bei kommenden Veranstaltungen vor Ort; mit Straße und Postleitzahl ergibt "
            "er den Link zur Karte (OpenStreetMap)."
        ),
    )
    venue_directions = models.TextField(
        _("Anfahrt"),
        max_length=600,
        blank=True,
        help_text=_(
            "Wie man hinkommt: Bus und Bahn, Parken, welcher Eingang, z. B. „Bus 4 bis "
            "Rathausplatz; Parkhaus Liboriberg, 5 Minuten Fußweg“."
        ),
    )
    venue_accessibility = models.TextField(
        _("Barrierefreiheit des Ortes"),
        max_length=600,
        blank=True,
        help_text=_(
            "Was Menschen mit Behinderung vorab wissen müssen, z. B. „Barrierefreier Zugang "
            "über den Seiteneingang, Aufzug vorhanden, Behinderten-WC im EG“."
        ),
    )
    online_url = models.URLField(
        _("Link zur Online-Teilnahme"),
        blank=True,
        help_text=_(
            "Nur eingeloggte Mitglieder sehen diesen Link. Öffentlich erscheint nur der Hinweis "
            "auf die Online-Teilnahme."
        ),
    )
    is_free = models.BooleanField(_("Teilnahme kostenfrei"), default=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("Beschreibung"), blank=True)
    topics = ParentalManyToManyField(
        "taxonomy.Topic", verbose_name=_("Themen"), blank=True, related_name="events"
    )
    ical_sequence = models.PositiveIntegerField(
        _("Kalender-Version"),
        default=0,
        editable=False,
        help_text=_("Steigt, wenn sich Zeit, Ort oder Status ändern (SEQUENCE im iCalendar)."),
    )

    objects = EventPageManager()

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("status"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        # Results stay out: they may be for members only.
        index.RelatedFields(
            "agenda_items", [index.SearchField("title"), index.SearchField("note")]
        ),
    ]

    #: Fields that change what a calendar shows; a change raises the iCalendar SEQUENCE.
    CALENDAR_FIELDS = (
        "start",
        "end",
        "all_day",
        "status",
        "attendance_mode",
        "venue_name",
        "street",
        "postal_code",
        "city",
    )

    time_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                # Under the status: whom a cancellation tells by e-mail (``panels``).
                FieldRowPanel(
                    [
                        EventStatusPanel("status", cancelled_value=EventStatus.CANCELLED),
                        FieldPanel("previous_start"),
                    ]
                ),
            ],
            heading=_("Termin"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance_mode"),
                FieldPanel("venue_name"),
                FieldRowPanel(
                    [FieldPanel("street"), FieldPanel("postal_code"), FieldPanel("city")]
                ),
                FieldPanel("venue_directions"),
                FieldPanel("venue_accessibility"),
                FieldPanel("online_url"),
                FieldPanel("is_free"),
            ],
            heading=_("Ort und Teilnahme"),
        ),
    ]
    # Shared by the event types, which arrange their own fields around them.
    topics_panel = FieldPanel("topics", widget=forms.CheckboxSelectMultiple)
    # Taking part: registration (an app above contributes it), whom to ask, what is on the agenda.
    participation_panels = [
        EventPartsPanel(),
        *EventContact.contact_panels,
        *EventAgenda.agenda_panels,
    ]
    # The confirmation appears only while a public protocol is attached (``panels``).
    materials_panels = [
        InlinePanel("materials", heading=_("Unterlagen"), label=_("Unterlage")),
        PublicProtocolConfirmationPanel(),
    ]

    content_panels = [
        *BasePage.content_panels,
        *time_panels,
        *participation_panels,
        topics_panel,
        FieldPanel("body"),
        *materials_panels,
    ]

    api_fields = [
        APIField("intro"),
        APIField("start"),
        APIField("end"),
        APIField("all_day"),
        APIField("status"),
        APIField("attendance_mode"),
        APIField("venue_name"),
        APIField("street"),
        APIField("postal_code"),
        APIField("city"),
        APIField("venue_directions"),
        APIField("venue_accessibility"),
        APIField("map_url", serializer=serializers.CharField(read_only=True)),
        APIField("event_type", serializer=serializers.CharField(read_only=True)),
        APIField("topic_names", serializer=serializers.ListField(read_only=True)),
    ]

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        indexes = [models.Index(fields=["start"])]

    # --- validation and saving ------------------------------------------------------------
    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.all_day:
            # All-day events span whole local days; store them that way.
            first_day = local_time(self.start).date()
            last_day = local_time(self.end).date() if self.end else first_day
            self.start = dt.datetime.combine(first_day, dt.time.min, tzinfo=BERLIN)
            self.end = dt.datetime.combine(last_day, dt.time(23, 59, 59), tzinfo=BERLIN)
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("Das Ende liegt vor dem Beginn. Bitte prüfen Sie Datum und Uhrzeit.")
        # Links and venues matter to people who still want to come; archive entries of past
        # events often lack them and may stay that way.
        is_upcoming = bool(self.start) and (self.end or self.start) >= timezone.now()
        if is_upcoming and self.is_online and not self.online_url:
            errors["online_url"] = _(
                "Für eine Online- oder Hybridveranstaltung wird ein Link zur Teilnahme benötigt."
            )
        if is_upcoming and self.is_in_person and not self.city:
            errors["city"] = _(
                "Bitte geben Sie für eine Veranstaltung vor Ort zumindest den Ort an, z. B. "
                "„Paderborn“: Teilnehmende brauchen ihn für die Anfahrt, der Kalender und die "
                "Karte ebenso."
            )
        if self.status == EventStatus.POSTPONED and not self.previous_start:
            errors["previous_start"] = _(
                "Bei einem verschobenen Termin bitte den ursprünglichen Beginn angeben."
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self.pk and (update_fields is None or set(self.CALENDAR_FIELDS) & set(update_fields)):
            stored = (
                EventPage.objects.filter(pk=self.pk).values(*self.CALENDAR_FIELDS).first() or {}
            )
            if stored and any(stored[f] != getattr(self, f) for f in self.CALENDAR_FIELDS):
                self.ical_sequence += 1
                if update_fields is not None:
                    kwargs["update_fields"] = [*update_fields, "ical_sequence"]
        return super().save(*args, **kwargs)

    # --- display --------------------------------------------------------------------------
    @classmethod
    def type_filter(cls):
        """The events of this type for a listing's "Art" filter (types may widen it)."""
        return Q(pk__in=cls.objects.values("pk"))

    @classmethod
    def type_label_for(cls, event):
        """The label of ``event`` as this type names it (concrete types refine it)."""
        return cls.type_label

    @property
    def event_type(self):
        """ "Fachwerkstatt", "Werkstatt-Treffen" …, also on a non-specific listing row."""
        return str((self.specific_class or type(self)).type_label_for(self))

    @property
    def topic_names(self):
        return [topic.name for topic in self.topics.all()]

    @cached_property
    def local_start(self):
        return local_time(self.start)

    @cached_property
    def local_end(self):
        return local_time(self.end)

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_postponed(self):
        return self.status == EventStatus.POSTPONED

    @property
    def is_past(self):
        return (self.end or self.start) < timezone.now()

    @property
    def is_online(self):
        return self.attendance_mode in (AttendanceMode.ONLINE, AttendanceMode.HYBRID)

    @property
    def is_in_person(self):
        return self.attendance_mode in (AttendanceMode.IN_PERSON, AttendanceMode.HYBRID)

    @property
    def date_display(self):
        """The date as people say it: "Donnerstag, 12. März 2020, 10:00 bis 12:30 Uhr"."""
        return format_event_dates(self.local_start, self.local_end, self.all_day)

    @property
    def previous_start_display(self):
        return format_event_dates(local_time(self.previous_start), None, self.all_day)

    @property
    def address_lines(self):
        place = " ".join(part for part in (self.postal_code, self.city) if part)
        return [line for line in (self.venue_name, self.street, place) if line]

    @property
    def map_url(self):
        """A search for the address on OpenStreetMap, or ``""`` without a town to search in.

        Only a link: the page embeds no map and asks no map service anything, so nothing
        leaves the visitor's browser until they choose to go there. The venue's name stays
        out of the search ("Sitzungsraum 2" finds nothing), the street goes in when known.
        """
        if not (self.is_in_person and self.city):
            return ""
        place = " ".join(part for part in (self.postal_code, self.city) if part)
        address = ", ".join(part for part in (self.street, place) if part)
        return f"{OPENSTREETMAP_SEARCH}?{urlencode({'query': address})}"

    @property
    def location_display(self):
        """One line for lists and calendars: "Rathaus, Marienplatz 1, 33098 Paderborn"."""
        parts = self.address_lines if self.is_in_person else []
        if self.is_online:
            parts = [*parts, str(_("online"))]
        return ", ".join(parts)

    @cached_property
    def working_group(self):
        """The parent working group; listings set it for all rows at once (``attach_parents``).

        Its title and URL are all an event shows of it: the specific page is not loaded.
        """
        return self.get_parent().specific_deferred

    @cached_property
    def material_groups(self):
        """Materials grouped in the order people look for them (``workgroups/materials.py``)."""
        return group_by_kind(self.materials.select_related("document"))

    @cached_property
    def agenda(self):
        """The agenda items, numbered, with their materials (``workgroups/materials.py``)."""
        return event_agenda(self)

    def parts_shown_to_everyone(self, request):
        """What the page shows the same way to every viewer, read from the database at once:
        materials, agenda, speakers, topics, the working group (for the way back) and the
        JSON-LD. The page's view keeps them until content changes (``workgroups/views.py``);
        results the viewer may not read are left out by the template, per request."""
        return {
            "material_groups": self.material_groups,
            "agenda": self.agenda,
            "agreements": list(self.agreements.select_related("municipality")),
            "speakers": list(self.speakers.select_related("presentation")),
            "topic_names": self.topic_names,
            "working_group": self.working_group,
            # Only what visitors may see (workgroups/structured_data.py).
            "structured_data": event_structured_data(self, request),
        }

    def get_context(self, request, *args, shared_parts=None, **kwargs):
        """``shared_parts``: ``parts_shown_to_everyone`` as the view kept them, if it did."""
        context = super().get_context(request, *args, **kwargs)
        context["show_join_link"] = (
            bool(self.online_url) and not self.is_past and is_member(request.user)
        )
        parts = shared_parts or self.parts_shown_to_everyone(request)
        self.material_groups = parts["material_groups"]
        self.agenda = parts["agenda"]
        self.working_group = parts["working_group"]
        context["material_groups"] = self.material_groups
        context["agenda"] = self.agenda
        context["minutes_visible"] = self.minutes_visible_to(request)
        context["agreements"] = parts["agreements"]
        if self.agenda and self.url:
            route = "members_dossier" if is_member(request.user) else "dossier"
            context["dossier_url"] = self.url + self.reverse_subpage(route)
        context["topic_names"] = parts["topic_names"]
        context["structured_data"] = parts["structured_data"]
        mark_downloads(self, request, parts["speakers"])
        # A preview of a page not yet in the tree has no URL; there is nothing to download yet.
        context["ical_url"] = self.url + self.reverse_subpage("ical") if self.url else None
        downloadable = downloadable_materials(self, request)
        if self.url and len(downloadable) > 1:
            context["materials_zip"] = {
                "url": self.url + self.reverse_subpage("materials_zip"),
                "count": len(downloadable),
            }
        # Apps above add their parts (registration box, who sees the join link).
        for add_to_context in hooks.get_hooks("event_page_context"):
            add_to_context(self, request, context)
        return context
