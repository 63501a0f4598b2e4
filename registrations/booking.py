"""Registering, confirming, cancelling: who gets a place and who waits.

Every change that can take or free a place locks the event's row first (``FOR UPDATE`` on
PostgreSQL; SQLite runs write transactions one at a time), counts the places inside that lock
and decides. Two people asking for the last place at the same moment therefore queue: one gets
it, the other lands on the waiting list. A freed place goes to the first person waiting for the
same kind of attendance (on site or online).

E-mails are queued inside the same transaction (home/mail.py): nobody is told about a place
that a rollback took away again, nobody misses a mail about a committed change, and a mail
server that is down never fails a registration or a cancellation.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.mail import within_hourly_limit
from home.members import is_member
from workgroups.models import AttendanceMode, EventPage, RegistrationAudience

from . import invitations
from .models import Attendance, Registration, RegistrationStatus


class RegistrationRefused(Exception):
    """The registration cannot be taken; the message says why, in German."""


def attendance_choices(event):
    """The kinds of attendance an event offers."""
    if event.attendance_mode == AttendanceMode.HYBRID:
        return [Attendance.IN_PERSON, Attendance.ONLINE]
    if event.attendance_mode == AttendanceMode.ONLINE:
        return [Attendance.ONLINE]
    return [Attendance.IN_PERSON]


def refusal_reason(event, user, now=None):
    """Why nobody (or not this user) can register now; None if registering is open."""
    now = now or timezone.now()
    if not event.registration_enabled:
        return _("Für diese Veranstaltung ist keine Anmeldung über die Website vorgesehen.")
    if event.is_cancelled:
        return _("Die Veranstaltung ist abgesagt.")
    if event.registration_closes_at and event.registration_closes_at <= now:
        return _("Die Anmeldefrist ist abgelaufen.")
    if event.registration_audience == RegistrationAudience.MEMBERS and not is_member(user):
        return _(
            "Die Anmeldung steht nur Mitgliedern offen. Bitte loggen Sie sich zuerst mit Ihrem "
            "Mitgliedskonto ein."
        )
    return None


def _locked_event(event):
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)


def _take_place_or_wait(registration, event):
    """Inside the event's lock: confirmed if a place is free, else on the waiting list."""
    capacity = event.capacity_for(registration.attendance)
    taken = Registration.objects.filter(
        event=event, attendance=registration.attendance, status=RegistrationStatus.CONFIRMED
    ).count()
    if capacity is None or taken < capacity:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = timezone.now()
    else:
        registration.status = RegistrationStatus.WAITING


#: Mails a repeated registration may send to one address per event and hour: enough for a
#: guest who lost the confirmation, too few to flood a stranger's mailbox through the form.
REPEATED_REGISTRATION_MAILS_PER_HOUR = 3


def normalised_email(email):
    """The form in which addresses are stored and compared (one registration per address)."""
    return email.strip().lower()


def register(event, *, name, email, organisation, attendance, user=None):
    """Take a registration. Members get a place (or wait) at once; guests first confirm their
    e-mail address by a link, and only then count.

    A guest's address that already holds a registration for the event (in any letter case) is
    answered like a new one: the form must not tell anybody which addresses are registered.
    The address gets a mail instead (``send_repeated_registration_mail``), and the existing
    registration is returned unchanged. Members are identified and hear it directly.
    """
    email = normalised_email(email)
    if reason := refusal_reason(event, user):
        raise RegistrationRefused(reason)
    if attendance not in attendance_choices(event):
        raise RegistrationRefused(_("Diese Art der Teilnahme bietet die Veranstaltung nicht an."))
    member = user if user is not None and user.is_authenticated else None
    already_registered = RegistrationRefused(
        _("Mit dieser E-Mail-Adresse besteht bereits eine Anmeldung.")
    )
    try:
        with transaction.atomic():
            locked = _locked_event(event)
            existing = (
                Registration.objects.active().filter(event=locked, email__iexact=email).first()
            )
            if existing is not None:
                if member is not None:
                    raise already_registered
                _tell_the_address_again(existing)
                return existing
            registration = Registration(
                event=locked,
                user=member,
                name=name.strip(),
                email=email,
                organisation=organisation.strip(),
                attendance=attendance,
                status=RegistrationStatus.UNCONFIRMED,
            )
            if member is not None:
                _take_place_or_wait(registration, locked)
            registration.sequence_sent = locked.ical_sequence
            registration.save()
            invitations.send_status_mail(registration)
    except IntegrityError as error:
        # The same address at the same moment: the other request's mail is already queued.
        if member is not None:
            raise already_registered from error
        return Registration.objects.active().filter(event=event, email=email).first()
    return registration


def _tell_the_address_again(registration):
    limit = REPEATED_REGISTRATION_MAILS_PER_HOUR
    purpose = f"registration-{registration.event_id}"
    if within_hourly_limit(purpose, registration.email, limit):
        invitations.send_repeated_registration_mail(registration)


def confirm_guest(registration):
    """The guest followed the link: now the registration counts (place or waiting list)."""
    with transaction.atomic():
        locked = _locked_event(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != RegistrationStatus.UNCONFIRMED:
            return registration  # clicked twice, or cancelled meanwhile: nothing changes
        if locked.is_cancelled or not _still_open(locked):
            raise RegistrationRefused(_("Die Anmeldefrist ist inzwischen abgelaufen."))
        _take_place_or_wait(registration, locked)
        registration.sequence_sent = locked.ical_sequence
        registration.save()
        invitations.send_status_mail(registration)
    return registration


def _still_open(event):
    return not event.registration_closes_at or event.registration_closes_at > timezone.now()


def cancel(registration):
    """Cancel; a freed place goes to the first person waiting for the same attendance."""
    promoted = None
    with transaction.atomic():
        locked = _locked_event(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if not registration.is_active:
            return registration, None
        held_a_place = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        if held_a_place:
            promoted = (
                Registration.objects.select_for_update()
                .filter(
                    event=locked,
                    attendance=registration.attendance,
                    status=RegistrationStatus.WAITING,
                )
                .order_by("created_at", "pk")
                .first()
            )
            if promoted is not None:
                promoted.status = RegistrationStatus.CONFIRMED
                promoted.confirmed_at = timezone.now()
                promoted.sequence_sent = locked.ical_sequence
                promoted.save(update_fields=["status", "confirmed_at", "sequence_sent"])
        invitations.send_cancellation_mail(registration)
        if promoted is not None:
            invitations.send_promotion_mail(promoted)
    return registration, promoted


def places_overview(event):
    """Free places per kind of attendance, for the event page (one query, no names)."""
    taken = Registration.objects.places_taken(event)
    modes = attendance_choices(event)
    overview = []
    for mode in modes:
        capacity = event.capacity_for(mode)
        confirmed, waiting = taken.get(mode, (0, 0))
        overview.append(
            {
                "label": Attendance(mode).label if len(modes) > 1 else "",
                "free": None if capacity is None else max(capacity - confirmed, 0),
                "waiting": waiting,
            }
        )
    return overview
