"""Registering, confirming, cancelling: who gets a place and who waits.

Every change that can take or free a place locks the event's row first (``FOR UPDATE`` on
PostgreSQL; SQLite runs write transactions one at a time), counts the places inside that lock
and decides. Two people asking for the last place at the same moment therefore queue: one gets
it, the other lands on the waiting list. A freed place goes to the first person waiting for the
same kind of attendance (on site or online).

E-mails are queued inside the same transaction (operations/mail.py): nobody is told about a place
that a rollback took away again, nobody misses a mail about a committed change, and a mail
server that is down never fails a registration or a cancellation.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.members import is_member
from operations.mail import within_hourly_limit
from operations.page_cache import purge_page_cache
from workgroups.models import AttendanceMode, EventPage

from . import invitations
from .models import (
    Attendance,
    Registration,
    RegistrationAudience,
    RegistrationSettings,
    RegistrationStatus,
)


class RegistrationRefused(Exception):
    """The registration cannot be taken; the message says why, in German."""


def attendance_choices(event):
    """The kinds of attendance an event offers."""
    if event.attendance_mode == AttendanceMode.HYBRID:
        return [Attendance.IN_PERSON, Attendance.ONLINE]
    if event.attendance_mode == AttendanceMode.ONLINE:
        return [Attendance.ONLINE]
    return [Attendance.IN_PERSON]


def closed_reason(event, now=None):
    """Why nobody at all can register for ``event`` now; None while registration is open.

    Logging in changes nothing here, so pages that show this offer neither a form nor a login.
    """
    now = now or timezone.now()
    settings = RegistrationSettings.of(event)
    if not settings.enabled:
        return _("Für diese Veranstaltung ist keine Anmeldung über die Website vorgesehen.")
    if event.is_cancelled:
        return _("Die Veranstaltung ist abgesagt. Eine Anmeldung ist nicht mehr möglich.")
    if event.is_past:
        return _("Die Veranstaltung hat bereits stattgefunden.")
    if settings.closes_at and settings.closes_at <= now:
        return _("Die Anmeldefrist ist abgelaufen.")
    return None


def login_would_open(event, user):
    """Registration is open, but only to members, and the visitor is not logged in."""
    return (
        closed_reason(event) is None
        and RegistrationSettings.of(event).audience == RegistrationAudience.MEMBERS
        and not _logged_in(user)
    )


def refusal_reason(event, user, now=None):
    """Why nobody (or not this user) can register now; None if registering is open."""
    if reason := closed_reason(event, now):
        return reason
    members_only = RegistrationSettings.of(event).audience == RegistrationAudience.MEMBERS
    if members_only and not is_member(user):
        return _(
            "Die Anmeldung steht nur Mitgliedern offen. Bitte loggen Sie sich zuerst mit Ihrem "
            "Mitgliedskonto ein."
        )
    if account_lacks_address(user):
        if guest_path_open(event, user):
            return _(
                "Ihr Benutzerkonto hat keine E-Mail-Adresse, an die wir Bestätigung und "
                "Einladung schicken könnten. Bitte lassen Sie sie von der Geschäftsstelle "
                "eintragen, oder loggen Sie sich aus und melden Sie sich als Gast an."
            )
        return _(
            "Ihr Benutzerkonto hat keine E-Mail-Adresse, an die wir Bestätigung und Einladung "
            "schicken könnten. Bitte lassen Sie sie von der Geschäftsstelle eintragen."
        )
    return None


def guest_path_open(event, user):
    """A logged-in account without an address may still register as a guest, logged out."""
    return (
        account_lacks_address(user)
        and RegistrationSettings.of(event).audience == RegistrationAudience.EVERYONE
        and closed_reason(event) is None
    )


def _locked_event(event):
    """The event's row, locked for counting places; the content version is written first.

    Every booking change writes a new content version anyway (a registration saved), and an
    editor deleting the event takes the version's row (its registrations deleted) before the
    event's: taking them in the same order here keeps the two from deadlocking.
    """
    purge_page_cache()
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)


def _take_place_or_wait(registration, event):
    """Inside the event's lock: confirmed if a place is free, else on the waiting list."""
    capacity = RegistrationSettings.of(event).capacity_for(registration.attendance)
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

#: How many other people one member may register for one event. Every registration the member
#: made there counts, declined and cancelled ones too: however often an account tries, it
#: reaches only this many strangers' mailboxes per event. No page shows how many are left:
#: an address that was already registered adds none, so the number would tell.
OTHERS_PER_MEMBER = 5


def normalised_email(email):
    """The form in which addresses are stored and compared (one registration per address)."""
    return email.strip().lower()


def _logged_in(user):
    return user is not None and user.is_authenticated


def account_lacks_address(user):
    """A logged-in account without an e-mail address cannot register itself."""
    return _logged_in(user) and not user.email


def account_name(user):
    """The name a member registers under: the account's, as the editors know it."""
    return user.get_full_name() or user.get_username()


def register(event, *, organisation, attendance, user=None, name="", email=""):
    """Register oneself. Members get a place (or wait) at once; guests first confirm their
    e-mail address by a link, and only then count.

    A member registers under the name and address of their account, nothing else: a logged-in
    request cannot give a typed address a place or an invitation (another ``email`` is
    refused). Colleagues are registered through ``register_other``, where the event allows it.

    A guest's address that already holds a registration for the event (in any letter case) is
    answered like a new one: the form must not tell anybody which addresses are registered.
    The address gets a mail instead (``send_repeated_registration_mail``), and the existing
    registration is returned unchanged. Members are identified and hear it directly.
    """
    if reason := refusal_reason(event, user):
        raise RegistrationRefused(reason)
    if attendance not in attendance_choices(event):
        raise RegistrationRefused(_("Diese Art der Teilnahme bietet die Veranstaltung nicht an."))
    if _logged_in(user):
        if email and normalised_email(email) != normalised_email(user.email):
            raise RegistrationRefused(
                _(
                    "Als Mitglied melden Sie sich mit der E-Mail-Adresse Ihres Benutzerkontos "
                    "an; eine andere Adresse ist hier nicht möglich."
                )
            )
        return _register_member(event, user, organisation=organisation, attendance=attendance)
    return _register_unconfirmed(
        event, name=name, email=email, organisation=organisation, attendance=attendance
    )


def _register_member(event, member, *, organisation, attendance):
    email = normalised_email(member.email)
    already_registered = RegistrationRefused(
        _("Mit Ihrer E-Mail-Adresse besteht bereits eine Anmeldung für diese Veranstaltung.")
    )
    try:
        with transaction.atomic():
            locked = _locked_event(event)
            registration = (
                Registration.objects.active().filter(event=locked, email__iexact=email).first()
            )
            if registration is None:
                registration = Registration(event=locked, email=email)
            elif registration.user_id is not None or (
                registration.status != RegistrationStatus.UNCONFIRMED
            ):
                raise already_registered
            # Otherwise somebody asked for the member's own address and nobody confirmed it
            # yet (a colleague, or the member as a guest): the login proves the address, so
            # the registration becomes the member's, as if its link had been followed.
            registration.user = member
            registration.name = account_name(member)
            registration.organisation = organisation.strip()
            registration.attendance = attendance
            _take_place_or_wait(registration, locked)
            registration.sequence_sent = locked.ical_sequence
            registration.save()
            invitations.send_status_mail(registration)
    except IntegrityError as error:
        raise already_registered from error
    return registration


def register_other(event, member, *, name, email, organisation, attendance):
    """A member registers a colleague, where the editors allow it for the event.

    The registration holds no place and gets no invitation until the colleague confirms it
    through the link mailed to their own address (the mail names the member and offers to
    decline), exactly as a guest's; at most ``OTHERS_PER_MEMBER`` per member and event. An
    address that is already registered is answered as for guests: the same for the member,
    a mail to the address.
    """
    if reason := refusal_for_others(event, member):
        raise RegistrationRefused(reason)
    if attendance not in attendance_choices(event):
        raise RegistrationRefused(_("Diese Art der Teilnahme bietet die Veranstaltung nicht an."))
    if normalised_email(email) == normalised_email(member.email):
        raise RegistrationRefused(
            _(
                "Das ist die E-Mail-Adresse Ihres Benutzerkontos. Sich selbst melden Sie über "
                "„Zur Veranstaltung anmelden“ an."
            )
        )
    return _register_unconfirmed(
        event,
        name=name,
        email=email,
        organisation=organisation,
        attendance=attendance,
        registered_by=member,
    )


def refusal_for_others(event, member):
    """Why ``member`` cannot register other people for ``event`` now; None if they can."""
    if reason := refusal_reason(event, member):
        return reason
    if not is_member(member):
        return _("Weitere Personen können nur eingeloggte Mitglieder anmelden.")
    if not RegistrationSettings.of(event).others_may_be_registered:
        return _(
            "Für diese Veranstaltung meldet sich jede Person selbst an. Ihre Kolleginnen und "
            "Kollegen können das auf der Veranstaltungsseite tun."
        )
    return None


def _others_limit_reached(event, member):
    made = Registration.objects.filter(event=event, registered_by=member).count()
    return made >= OTHERS_PER_MEMBER


def _register_unconfirmed(event, *, name, email, organisation, attendance, registered_by=None):
    """A registration that counts once its address confirms it: a guest's, or a colleague's."""
    email = normalised_email(email)
    try:
        with transaction.atomic():
            locked = _locked_event(event)
            # Counted inside the event's lock: parallel requests cannot pass the limit.
            if registered_by is not None and _others_limit_reached(locked, registered_by):
                raise RegistrationRefused(
                    _(
                        "Sie haben für diese Veranstaltung schon %(limit)d weitere Personen "
                        "angemeldet; mehr sind nicht möglich. Weitere Kolleginnen und Kollegen "
                        "melden sich bitte selbst an."
                    )
                    % {"limit": OTHERS_PER_MEMBER}
                )
            existing = (
                Registration.objects.active().filter(event=locked, email__iexact=email).first()
            )
            if existing is not None:
                _tell_the_address_again(existing)
                return existing
            if registered_by is not None and (declined := _declined(locked, email)):
                return declined  # they said no: no member registers them again
            registration = Registration(
                event=locked,
                registered_by=registered_by,
                name=name.strip(),
                email=email,
                organisation=organisation.strip(),
                attendance=attendance,
                status=RegistrationStatus.UNCONFIRMED,
                sequence_sent=locked.ical_sequence,
            )
            registration.save()
            invitations.send_status_mail(registration)
    except IntegrityError:
        # The same address at the same moment: the other request's mail is already queued.
        return Registration.objects.active().filter(event=event, email=email).first()
    return registration


def _declined(event, email):
    """The address's owner declined (or later cancelled) a registration somebody else made
    for them; only they hold its link."""
    return (
        Registration.objects.filter(
            event=event,
            email__iexact=email,
            registered_by__isnull=False,
            status=RegistrationStatus.CANCELLED,
        )
        .order_by("-cancelled_at")
        .first()
    )


def _tell_the_address_again(registration):
    limit = REPEATED_REGISTRATION_MAILS_PER_HOUR
    purpose = f"registration-{registration.event_id}"
    if within_hourly_limit(purpose, registration.email, limit):
        invitations.send_repeated_registration_mail(registration)


def confirm_guest(registration):
    """The link in the mail was followed (a guest's, or a colleague's whom a member
    registered): now the registration counts (place or waiting list)."""
    with transaction.atomic():
        locked = _locked_event(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != RegistrationStatus.UNCONFIRMED:
            return registration  # clicked twice, or cancelled meanwhile: nothing changes
        if reason := confirmation_refusal(locked):
            raise RegistrationRefused(reason)
        _take_place_or_wait(registration, locked)
        registration.sequence_sent = locked.ical_sequence
        registration.save()
        invitations.send_status_mail(registration)
    return registration


def confirmation_refusal(event):
    """Why a registration made earlier can no longer be confirmed; None if it can.

    Registration switched off later does not matter here: the person asked while it was on.
    """
    if event.is_cancelled:
        return _("Die Veranstaltung ist abgesagt. Eine Anmeldung ist nicht mehr möglich.")
    closes_at = RegistrationSettings.of(event).closes_at
    if closes_at and closes_at <= timezone.now():
        return _("Die Anmeldefrist ist inzwischen abgelaufen.")
    return None


def cancel(registration):
    """Cancel; a freed place goes to the first person waiting for the same attendance.

    Somebody who declines a registration another person made for them, before confirming it,
    hears nothing more: the page tells them, and their mailbox got one mail from the site.
    """
    promoted = None
    with transaction.atomic():
        locked = _locked_event(registration.event)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if not registration.is_active:
            return registration, None
        held_a_place = registration.status == RegistrationStatus.CONFIRMED
        declined = registration.awaits_decision
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        if held_a_place and not locked.is_cancelled:  # a cancelled event has no places to give
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
        if not declined:
            invitations.send_cancellation_mail(registration)
        if promoted is not None:
            invitations.send_promotion_mail(promoted)
    return registration, promoted


def cancellation_recipients(event):
    """``(registered, waiting)``: whom publishing a cancellation of ``event`` tells by e-mail
    (``Registration.objects.told_of_changes``), counted in one query."""
    taken = Registration.objects.places_taken(event).values()
    return sum(confirmed for confirmed, _waiting in taken), sum(waiting for _c, waiting in taken)


def places_overview(event):
    """Free places per kind of attendance, for the event page (one query, no names)."""
    taken = Registration.objects.places_taken(event)
    settings = RegistrationSettings.of(event)
    modes = attendance_choices(event)
    overview = []
    for mode in modes:
        capacity = settings.capacity_for(mode)
        confirmed, waiting = taken.get(mode, (0, 0))
        overview.append(
            {
                "label": Attendance(mode).label if len(modes) > 1 else "",
                "free": None if capacity is None else max(capacity - confirmed, 0),
                "waiting": waiting,
            }
        )
    return overview
