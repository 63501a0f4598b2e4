"""iCalendar (RFC 5545) output for events, built with ``icalendar``.

Times carry ``TZID=Europe/Berlin`` with a VTIMEZONE, so calendar apps show German local time
across daylight saving changes; all-day events are ``VALUE=DATE``. UIDs are stable (the page's
translation key) and SEQUENCE rises when time, place or status change, so subscribed calendars
update the entry instead of adding a second one.
"""

import datetime as dt
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

import icalendar

from home.models import SiteSettings

from .conditional import conditional_response

# The EU rule since 1996, as calendar servers publish it (a compact VTIMEZONE).
EUROPE_BERLIN_VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/Berlin
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
"""


def uid_domain():
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def event_uid(event):
    """Globally unique and stable for the life of the page, also across renames and moves."""
    return f"{event.translation_key}@{uid_domain()}"


def event_component(event, request, stamp, *, office_email):
    """One VEVENT; also the core of the invitations registrants receive.

    ``office_email`` stands in for an event without contact address (see ``event_organiser``).
    """
    component = icalendar.Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", stamp)
    component.add("summary", _summary(event))
    if event.all_day:
        first_day = event.local_start.date()
        last_day = event.local_end.date() if event.local_end else first_day
        component.add("dtstart", first_day)
        component.add("dtend", last_day + dt.timedelta(days=1))  # DTEND is exclusive
    else:
        component.add("dtstart", event.local_start)
        if event.local_end:
            component.add("dtend", event.local_end)
    component.add("sequence", event.ical_sequence)
    # A postponed event still takes place (at its new time); only a cancelled one does not.
    component.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    component.add(
        "last-modified", event.last_published_at or event.latest_revision_created_at or stamp
    )
    url = event.get_full_url(request)
    if url:
        component.add("url", url)
    location = event.location_display
    if location:
        component.add("location", location)
    description = "\n\n".join(part for part in (event.intro, url) if part)
    if description:
        component.add("description", description)
    topics = [topic.name for topic in event.topics.all()]
    if topics:
        # One CATEGORIES line with all topics: parsers differ on repeated lines, not on this.
        component.add("categories", topics)
    name, email = event_organiser(event, office_email)
    if email:
        organizer = icalendar.vCalAddress(f"mailto:{email}")
        organizer.params["cn"] = icalendar.vText(name)
        component.add("organizer", organizer)
    return component


#: Who organises an event when the editor named no contact person: the association's office.
ORGANISER_NAME = "Geschäftsstelle regiopolREGION PADERBORN e. V."


def site_contact_email(site):
    """The association's contact address from the site settings ("" if none is set)."""
    return SiteSettings.for_site(site).email if site else ""


def event_organiser(event, office_email):
    """Name and e-mail of the organiser: the event's contact, else the office.

    The e-mail is empty when neither has one; a published calendar then names no ORGANIZER
    (RFC 5545 allows that), rather than an address no one reads.
    """
    name = event.contact_name or ORGANISER_NAME
    return name, event.contact_email or office_email


def _summary(event):
    if event.is_cancelled:
        return f"Abgesagt: {event.title}"
    if event.is_postponed:
        return f"Verschoben: {event.title}"
    return event.title


def build_calendar(events, request, name):
    """An iCalendar file with one VEVENT per event."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Arbeitskreise regiopolREGION PADERBORN//Termine//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    calendar.add_component(icalendar.Timezone.from_ical(EUROPE_BERLIN_VTIMEZONE))
    stamp = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    email = SiteSettings.for_request(request).email
    for event in events:
        calendar.add_component(event_component(event, request, stamp, office_email=email))
    return calendar.to_ical()


def calendar_response(request, events, *, name, filename, left_at=None):
    """The calendar as a download (or 304 when the client's copy is current).

    ``left_at``: when the last event dropped out of the calendar by time alone.
    """

    def build(events):
        response = HttpResponse(
            build_calendar(events, request, name), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    return conditional_response(
        request,
        key=f"ical|{name}|{filename}",
        events=events,
        build_response=build,
        left_at=left_at,
    )
