"""How an event takes registrations, and a person's registration for it, on site or online,
confirmed or on the waiting list.

Registrations are personal data: they appear on no public page, feed, API or search, and
``manage.py delete_past_registrations`` removes them a while after the event.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q, prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from workgroups.models import AttendanceMode, EventPage, MeetingPage


class RegistrationAudience(models.TextChoices):
    MEMBERS = "members", _("nur Mitglieder (eingeloggt auf der Website)")
    EVERYONE = "everyone", _("alle, auch Gäste (mit Bestätigung der E-Mail-Adresse)")


class RegistrationSettings(models.Model):
    """Whether and how an event takes registrations: who may, until when, how many places.

    A part of the event page (a ``ParentalKey``): edited in the page editor beside time and
    place, kept in the page's revisions and published with it, so a draft's new capacity counts
    only once it is published. The event editor shows it through ``workgroups``'
    ``event_editor_panels`` hook; ``workgroups`` itself knows nothing of registering.
    """

    #: The relation's name on the event, also the formset's prefix in the page editor.
    RELATION = "registration_settings"

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name=RELATION)
    enabled = models.BooleanField(
        _("Anmeldung auf der Website"),
        default=True,
        help_text=_(
            "Teilnehmende melden sich auf der Veranstaltungsseite an. Den Link zur "
            "Online-Teilnahme erhalten dann nur Angemeldete."
        ),
    )
    audience = models.CharField(
        _("Wer sich anmelden kann"),
        max_length=20,
        choices=RegistrationAudience.choices,
        # Settings made outside the editor (which proposes ``initial_for``) open to members only.
        default=RegistrationAudience.MEMBERS,
    )
    others_may_be_registered = models.BooleanField(
        _("Mitglieder dürfen weitere Personen anmelden"),
        default=False,
        help_text=_(
            "Eingeloggte Mitglieder können zusätzlich Kolleginnen und Kollegen anmelden. Jede "
            "so angemeldete Person bekommt eine E-Mail und zählt erst, wenn sie ihre Adresse "
            "bestätigt hat."
        ),
    )
    deadline = models.DateTimeField(
        _("Anmeldeschluss"),
        null=True,
        blank=True,
        help_text=_("Leer lassen: Anmeldung bis zum Beginn."),
    )
    capacity_in_person = models.PositiveIntegerField(
        _("Plätze vor Ort"),
        null=True,
        blank=True,
        help_text=_("Leer lassen: unbegrenzt. Ist alles belegt, gibt es eine Warteliste."),
    )
    capacity_online = models.PositiveIntegerField(
        _("Plätze online"),
        null=True,
        blank=True,
        help_text=_("Nur bei Online- und Hybridveranstaltungen. Leer lassen: unbegrenzt."),
    )

    panels = [
        FieldPanel("enabled"),
        FieldPanel("audience"),
        FieldPanel("others_may_be_registered"),
        FieldPanel("deadline"),
        FieldRowPanel([FieldPanel("capacity_in_person"), FieldPanel("capacity_online")]),
    ]

    class Meta:
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        constraints = [
            models.UniqueConstraint(fields=["event"], name="one_registration_settings_per_event")
        ]

    def __str__(self):
        return str(_("Anmeldung zu %(event)s") % {"event": self.event.title})

    @classmethod
    def of(cls, event):
        """The settings ``event`` is shown and booked with; an event without any takes no
        registrations.

        A page from a revision or a preview carries its settings in memory; a page from the
        database reads them once (one query) and keeps them for the rest of the request.
        """
        in_memory = getattr(event, "_cluster_related_objects", {})
        if event.pk is not None and cls.RELATION not in in_memory:
            prefetch_related_objects([event], cls.RELATION)
        found = next(iter(getattr(event, cls.RELATION).all()), None)
        return found or cls(event=event, enabled=False)

    @classmethod
    def initial_for(cls, event):
        """What a new event's editor starts with: registration on, meetings for members (who
        already know each other), workshops and info sessions open to guests as well."""
        members_only = isinstance(event, MeetingPage)
        return {
            "enabled": True,
            "audience": (
                RegistrationAudience.MEMBERS if members_only else RegistrationAudience.EVERYONE
            ),
        }

    @property
    def closes_at(self):
        return self.deadline or self.event.start

    def capacity_for(self, attendance):
        """Places for ``attendance`` ("in_person" or "online"); None means unlimited."""
        return self.capacity_online if attendance == "online" else self.capacity_in_person

    def clean(self):
        """Checked against the event as the page editor is about to save it (its form links
        each part to the event it edits)."""
        super().clean()
        linked = type(self).event.is_cached(self) or self.event_id is not None
        if not self.enabled or not linked:
            return
        event = self.event
        errors = {}
        if self.deadline and event.start and self.deadline > event.start:
            errors["deadline"] = _("Der Anmeldeschluss liegt nach dem Beginn der Veranstaltung.")
        if self.capacity_online is not None and event.attendance_mode == AttendanceMode.IN_PERSON:
            errors["capacity_online"] = _(
                "Online-Plätze gibt es nur bei Online- und Hybridveranstaltungen."
            )
        if errors:
            raise ValidationError(errors)


class Attendance(models.TextChoices):
    IN_PERSON = "in_person", _("vor Ort")
    ONLINE = "online", _("online")


class RegistrationStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("E-Mail-Adresse noch nicht bestätigt")
    CONFIRMED = "confirmed", _("angemeldet")
    WAITING = "waiting", _("auf der Warteliste")
    CANCELLED = "cancelled", _("abgesagt")


#: Registrations that hold or wait for a place; the others are history.
ACTIVE_STATUSES = (
    RegistrationStatus.UNCONFIRMED,
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITING,
)


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def places_taken(self, event):
        """``{attendance: (confirmed, waiting)}`` of one event, in one query."""
        rows = (
            self.filter(event=event)
            .values("attendance")
            .annotate(
                confirmed=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED)),
                waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
            )
        )
        return {row["attendance"]: (row["confirmed"], row["waiting"]) for row in rows}

    def told_of_changes(self, event):
        """Who hears by e-mail when ``event`` changes: everyone holding a place, and of a
        cancellation the waiting list too (nobody moves up any more)."""
        statuses = [RegistrationStatus.CONFIRMED]
        if event.is_cancelled:
            statuses.append(RegistrationStatus.WAITING)
        return self.filter(event_id=event.pk, status__in=statuses)


class Registration(models.Model):
    event = models.ForeignKey(
        EventPage,
        verbose_name=_("Veranstaltung"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Benutzerkonto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
    )
    #: The member who registered somebody else (a colleague); empty when people registered
    #: themselves. Such a registration counts only once its address confirmed it.
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("angemeldet von"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations_for_others",
    )
    name = models.CharField(_("Name"), max_length=200)
    email = models.EmailField(_("E-Mail-Adresse"))
    organisation = models.CharField(_("Kommune oder Organisation"), max_length=200, blank=True)
    attendance = models.CharField(
        _("Teilnahme"), max_length=20, choices=Attendance.choices, default=Attendance.IN_PERSON
    )
    status = models.CharField(
        _("Stand"), max_length=20, choices=RegistrationStatus.choices, db_index=True
    )
    checked_in = models.BooleanField(_("anwesend"), default=False)
    #: Personal links (confirm, cancel) carry this signed key, never the row's number.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    #: The event's iCalendar SEQUENCE the registrant's last invitation carried.
    sequence_sent = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(_("angemeldet am"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("Platz bestätigt am"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("abgesagt am"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        ordering = ["created_at", "pk"]
        constraints = [
            # One active registration per address and event; after cancelling one may return.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=Q(status__in=ACTIVE_STATUSES),
                name="one_active_registration_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status", "attendance"])]

    def __str__(self):
        return f"{self.name} ({self.event.title})"

    @property
    def is_active(self):
        return self.status in ACTIVE_STATUSES

    @property
    def awaits_decision(self):
        """Somebody else registered this person, who has neither confirmed nor declined yet."""
        return self.registered_by_id is not None and self.status == RegistrationStatus.UNCONFIRMED

    @property
    def registered_by_name(self):
        """Who registered this person, as editors and the person read it; empty for oneself."""
        if self.registered_by is None:
            return ""
        return self.registered_by.get_full_name() or self.registered_by.get_username()
