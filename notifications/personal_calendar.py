"""The personal calendar: a member's working groups and registrations, at a secret address.

Calendar programs subscribe without a session, so the address itself is the key (a token of
256 random bits, ``PersonalCalendar``). What it answers is one member's: it is never kept by
a shared cache (``Cache-Control: private``; the page cache and Varnish keep nothing private),
never readable by other sites' scripts (no CORS header) and never built from or into a cache
entry others could reach. A renewed token makes the old address answer 404 at once; every
token may ask ``PERSONAL_CALENDAR_REQUESTS_PER_HOUR`` times an hour.
"""

import datetime as dt
import hashlib

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

import icalendar

from home.members import is_member
from home.models import SiteSettings
from operations.cache import count_within_the_hour
from operations.conditional import conditional_items_response
from registrations.models import Attendance, Registration, RegistrationStatus
from workgroups.calendar import EUROPE_BERLIN_VTIMEZONE, event_component
from workgroups.models import EventPage

from .models import PersonalCalendar, WorkingGroupFollow, new_calendar_token
from .visibility import hidden_from_q

#: How far back the calendar reaches: a year of past meetings stays in the member's calendar.
HISTORY = dt.timedelta(days=365)


def calendar_for_token(token):
    """The calendar behind ``token``, if it is current and its account still a member."""
    calendar = (
        PersonalCalendar.objects.select_related("user")
        .filter(token=token, user__is_active=True)
        .first()
    )
    if calendar is None or not is_member(calendar.user):
        return None
    return calendar


def calendar_for(user):
    """The member's calendar, created with its token on first use."""
    calendar, _created = PersonalCalendar.objects.get_or_create(user=user)
    return calendar


def calendar_links(calendar, request):
    """The addresses to show the member: ``webcal://`` to subscribe, ``https://`` to copy."""
    path = reverse("personal_calendar", args=[calendar.token])
    https = request.build_absolute_uri(path)
    return {"https": https, "webcal": "webcal://" + https.split("://", 1)[-1]}


def renew(user):
    """A new secret address; the old one answers 404 from this moment."""
    calendar = calendar_for(user)
    calendar.token = new_calendar_token()
    calendar.save(update_fields=["token", "created_at"])
    return calendar


def personal_events(user, now=None):
    """Events of the followed working groups and those the member registered for, of the last
    12 months and all to come, that the member may see."""
    now = now or timezone.now()
    followed_paths = WorkingGroupFollow.objects.filter(user=user).values_list(
        "working_group__path", flat=True
    )
    in_followed_group = Q(pk__in=[])
    for path in followed_paths:
        in_followed_group |= Q(path__startswith=path)
    registered = Registration.objects.active().filter(user=user).values("event_id")
    return (
        EventPage.objects.live()
        .filter(in_followed_group | Q(pk__in=registered))
        .exclude(hidden_from_q(user))
        .filter(start__gte=now - HISTORY)
        .specific()
        .order_by("start", "pk")
    )


def build_personal_calendar(user, request):
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Arbeitskreise regiopolREGION PADERBORN//Mein Kalender//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("Meine Arbeitskreis-Termine"))
    calendar.add("x-wr-timezone", "Europe/Berlin")
    # Calendar programs ask again after this long (RFC 7986 REFRESH-INTERVAL and Outlook's).
    calendar.add("refresh-interval", dt.timedelta(hours=1), parameters={"value": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    calendar.add_component(icalendar.Timezone.from_ical(EUROPE_BERLIN_VTIMEZONE))
    office_email = SiteSettings.for_request(request).email
    registrations = {
        registration.event_id: registration
        for registration in Registration.objects.active().filter(user=user)
    }
    for event in personal_events(user):
        registration = registrations.get(event.pk)
        stamp = _last_change(event, registration)
        component = event_component(event, request, stamp, office_email=office_email)
        _add_personal_details(component, event, registration)
        calendar.add_component(component)
    return calendar.to_ical()


def _last_change(event, registration):
    """DTSTAMP of an entry: when it last changed (the event published, the registration made
    or confirmed), not the moment of the request. The same content then makes the same file,
    and its ETag (a hash of the file) lets calendar programs get 304 while nothing changed."""
    moments = [event.last_published_at, event.first_published_at]
    if registration is not None:
        moments += [registration.created_at, registration.confirmed_at]
    latest = max((moment for moment in moments if moment), default=timezone.now())
    return latest.astimezone(dt.UTC).replace(microsecond=0)


def _add_personal_details(component, event, registration):
    """What only this member sees: their registration and the join link of an online event."""
    notes = []
    if registration is not None:
        notes.append(
            _("Ihre Anmeldung: %(status)s (%(attendance)s)")
            % {
                "status": registration.get_status_display(),
                "attendance": registration.get_attendance_display(),
            }
        )
        if registration.status == RegistrationStatus.WAITING:
            component["summary"] = icalendar.vText(
                _("Warteliste: %(title)s") % {"title": component["summary"]}
            )
    joins_online = registration is None or registration.attendance == Attendance.ONLINE
    if event.online_url and not event.is_cancelled and joins_online:
        component.add("conference", event.online_url, parameters={"value": "URI"})
        notes.append(_("Zugang zur Online-Teilnahme: %(url)s") % {"url": event.online_url})
    if notes:
        description = str(component.get("description", ""))
        component["description"] = icalendar.vText(
            "\n\n".join(part for part in (description, *notes) if part)
        )


def _rate_limited(token):
    key = "personal-calendar:" + hashlib.sha256(token.encode()).hexdigest()[:24]
    requests = count_within_the_hour(key)
    return requests is not None and requests > settings.PERSONAL_CALENDAR_REQUESTS_PER_HOUR


def personal_calendar_response(request, token):
    calendar = calendar_for_token(token)
    if calendar is None:
        raise Http404(_("Diese Kalenderadresse gilt nicht (mehr)."))
    if _rate_limited(token):
        response = HttpResponse(
            _("Zu viele Abrufe dieses Kalenders in der letzten Stunde."),
            status=429,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = "3600"
        return _private(response)
    body = build_personal_calendar(calendar.user, request)

    def as_file():
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="mein-kalender.ics"'
        return response

    # Private (the helper's default): the answer is this member's alone.
    response = conditional_items_response(
        request, key=hashlib.sha256(body).hexdigest(), changes=[], build_response=as_file
    )
    return _private(response)


def _private(response):
    """For this member only: kept by no shared cache, shown in no search, sent nowhere else."""
    patch_cache_control(response, private=True, no_cache=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response
