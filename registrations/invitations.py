"""The e-mails registrants receive, with a calendar invitation (iCalendar ``.ics``).

The invitation is an iTIP message (RFC 5546): ``METHOD:REQUEST`` with the organiser and the
registrant as attendee, so calendar programs offer to add it; the event's UID and SEQUENCE are
those of the site's calendars, so an update replaces the entry and ``METHOD:CANCEL`` removes
it.

Sending only queues the mail (``EMAIL_BACKEND``, operations/mail.py): callers send inside the
transaction that changes the registration, so the mail leaves if and only if the change is
committed, and a mail server that is down delays it instead of failing the request.
"""

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

import icalendar

from operations.composed_mail import compose_mail, quoted
from workgroups.calendar import (
    EUROPE_BERLIN_VTIMEZONE,
    event_component,
    event_organiser,
    site_contact_email,
)

from .links import personal_token
from .models import Attendance, RegistrationStatus


def invitation(registration, method="REQUEST"):
    """The iCalendar invitation (or cancellation) for one registrant."""
    event = registration.event
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Arbeitskreise regiopolREGION PADERBORN//Anmeldungen//DE")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    calendar.add_component(icalendar.Timezone.from_ical(EUROPE_BERLIN_VTIMEZONE))
    stamp = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    component = event_component(event, None, stamp, office_email=_office_email(event))
    attendee = icalendar.vCalAddress(f"mailto:{registration.email}")
    attendee.params["cn"] = icalendar.vText(registration.name)
    attendee.params["role"] = icalendar.vText("REQ-PARTICIPANT")
    attendee.params["partstat"] = icalendar.vText("DECLINED" if method == "CANCEL" else "ACCEPTED")
    attendee.params["rsvp"] = icalendar.vText("FALSE")
    component.add("attendee", attendee)
    if method == "CANCEL":
        component["status"] = icalendar.vText("CANCELLED")
    if registration.attendance == Attendance.ONLINE and event.online_url and method != "CANCEL":
        component.add("conference", event.online_url, parameters={"value": "URI"})
    calendar.add_component(component)
    return calendar.to_ical()


def _office_email(event):
    """The stand-in organiser address: METHOD:REQUEST requires an ORGANIZER, so the sender's
    address comes last when neither the event nor the site settings name one."""
    return site_contact_email(event.get_site()) or settings.DEFAULT_FROM_EMAIL


def _site_url(event):
    site = event.get_site()
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL


def personal_url(registration, name):
    path = reverse(f"registrations:{name}", args=[personal_token(registration)])
    return _site_url(registration.event) + path


def _send(registration, template, *, method=None, extra=None):
    event = registration.event
    organiser_name, organiser_email = event_organiser(event, _office_email(event))
    context = {
        "registration": registration,
        "event": event,
        "event_url": event.get_full_url(),
        "quoted_title": quoted(event.title),
        "cancel_url": personal_url(registration, "cancel"),
        "confirm_url": personal_url(registration, "confirm"),
        "organiser_name": organiser_name,
        "organiser_email": organiser_email,
        "show_online_link": (
            registration.attendance == Attendance.ONLINE
            and registration.status == RegistrationStatus.CONFIRMED
            and bool(event.online_url)
        ),
        **(extra or {}),
    }
    message = compose_mail(
        f"registrations/email/{template}",
        context,
        to=[registration.email],
        calendar=invitation(registration, method) if method is not None else None,
        calendar_method=method,
    )
    message.send()


def _send_confirmation_request(registration):
    """The link to confirm the address. A person a member registered learns who did it and
    gets the link to decline beside it; nothing else (no invitation) reaches them before."""
    if registration.registered_by_id is not None:
        _send(registration, "confirm_registration_by_other")
    else:
        _send(registration, "confirm_address")


def send_status_mail(registration):
    """After registering or confirming: what the registrant's status now is."""
    if registration.status == RegistrationStatus.UNCONFIRMED:
        _send_confirmation_request(registration)
    elif registration.status == RegistrationStatus.CONFIRMED:
        _send(registration, "confirmed", method="REQUEST")
    elif registration.status == RegistrationStatus.WAITING:
        _send(registration, "waiting")


def send_repeated_registration_mail(registration):
    """Someone registered an address again that already holds a registration for the event.

    The form answers as for a new address, so it tells nobody which addresses are registered;
    this mail, which only the address's owner reads, tells the rest: an unconfirmed
    registration gets its confirmation link again, a confirmed or waiting one a note with the
    link to cancel.
    """
    if registration.status == RegistrationStatus.UNCONFIRMED:
        _send_confirmation_request(registration)
    else:
        _send(registration, "already_registered")


def send_promotion_mail(registration):
    _send(registration, "promoted", method="REQUEST")


def send_cancellation_mail(registration):
    had_invitation = registration.confirmed_at is not None
    _send(registration, "cancelled", method="CANCEL" if had_invitation else None)


def send_update_mail(registration):
    """The event changed (time, place, status): the updated invitation, or its cancellation.

    Of a cancellation the waiting list hears too; they never got an invitation to remove.
    """
    if registration.event.is_cancelled:
        had_invitation = registration.status == RegistrationStatus.CONFIRMED
        _send(registration, "event_cancelled", method="CANCEL" if had_invitation else None)
    else:
        _send(registration, "event_changed", method="REQUEST")


def send_message(registration, subject, text):
    """A message the editors write to everyone registered."""
    _send(registration, "message", extra={"message_subject": subject, "message_text": text})
