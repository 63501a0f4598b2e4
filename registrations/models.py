"""A person's registration for an event, on site or online, confirmed or on the waiting list.

Registrations are personal data: they appear on no public page, feed, API or search, and
``manage.py delete_past_registrations`` removes them a while after the event.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from workgroups.models import EventPage


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
