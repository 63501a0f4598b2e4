"""schema.org ``Event`` of an event page for search engines (JSON-LD), with only what visitors
may see: no join link, no members-only document, no registrant.

It follows Google's requirements and recommendations for event rich results
(https://developers.google.com/search/docs/appearance/structured-data/event): a ``location``
for every event with a place (a Place with a postal address, a VirtualLocation for online
attendance, both for hybrid ones), status and attendance mode, an image, the organiser, the
speakers as performers, and an ``offers`` entry where visitors register on the site. Keys
without a value are left out, never sent empty.

The dict is kept with the page's other shared parts until content changes (``EventPage.
_parts_shown_to_everyone``); a registration starts a new content version, so the availability
of places is current. It names nothing that changes by time alone (the registration deadline
is ``validThrough``), so it cannot go stale while kept.
"""

import datetime as dt
from typing import NamedTuple

from django.templatetags.static import static

from wagtail import hooks
from wagtail.models import Site

from home.models import SiteSettings
from home.templatetags.image_tags import page_image

from .formatting import local_time
from .materials import documents_for_everyone

#: The picture of events whose page and working group have none (1200 × 630, as link previews).
DEFAULT_IMAGE = "img/share.png"
#: Free places at or below this share of all places count as "only a few left".
LIMITED_SHARE = 0.2
#: Hook: ``fn(event)`` → ``RegistrationOffer`` while the event takes registrations on the site,
#: else ``None``. The app that takes registrations answers it.
REGISTRATION_OFFER_HOOK = "event_registration_offer"

SCHEMA = "https://schema.org/"


def _schema_status(event):
    if event.is_cancelled:
        return SCHEMA + "EventCancelled"
    if event.is_postponed:
        return SCHEMA + "EventRescheduled"
    return SCHEMA + "EventScheduled"


def _schema_attendance_mode(event):
    if event.is_online and event.is_in_person:
        return SCHEMA + "MixedEventAttendanceMode"
    if event.is_online:
        return SCHEMA + "OnlineEventAttendanceMode"
    return SCHEMA + "OfflineEventAttendanceMode"


def _without_empty(data):
    """``data`` without keys whose value is empty (``""``, ``None``, ``[]``)."""
    return {key: value for key, value in data.items() if value not in ("", None, [], {})}


def _moment(value, all_day):
    """A date for all-day events, else the local time with its offset (ISO 8601)."""
    local = local_time(value)
    return local.date().isoformat() if all_day else local.isoformat()


def _absolute(root_url, url):
    if not url or "://" in url:
        return url
    return root_url + url if root_url else url


def _place(event):
    """The venue as a Place with its postal address, from whatever the editor filled in."""
    if not any((event.venue_name, event.street, event.postal_code, event.city)):
        return None
    address = _without_empty(
        {
            "@type": "PostalAddress",
            "streetAddress": event.street,
            "postalCode": event.postal_code,
            "addressLocality": event.city,
            "addressCountry": "DE",
        }
    )
    return _without_empty(
        {
            "@type": "Place",
            "name": event.venue_name or event.city or event.street,
            "address": address,
        }
    )


def _locations(event, event_url):
    locations = []
    if event.is_in_person:
        place = _place(event)
        if place:
            locations.append(place)
    if event.is_online and event_url:
        # The join link is for members (or registrants) only: the public place is the page.
        locations.append({"@type": "VirtualLocation", "url": event_url})
    return locations


def _image(event, root_url):
    """The page's picture, else its working group's, else the site's own (absolute URLs)."""
    for image_id in (event.image_id, getattr(event.working_group, "image_id", None)):
        image = page_image(image_id)
        if image is not None:
            return [_absolute(root_url, image.share.url)]
    return [_absolute(root_url, static(DEFAULT_IMAGE))]


def _availability(places):
    """InStock, LimitedAvailability or SoldOut from ``(free, capacity)`` per attendance."""
    if not places or any(free is None for free, _capacity in places):
        return SCHEMA + "InStock"
    free = sum(free for free, _capacity in places)
    capacity = sum(capacity or 0 for _free, capacity in places)
    if free <= 0:
        return SCHEMA + "SoldOut"
    if free <= capacity * LIMITED_SHARE:
        return SCHEMA + "LimitedAvailability"
    return SCHEMA + "InStock"


class RegistrationOffer(NamedTuple):
    """What the JSON-LD ``Offer`` says of registering: the places and until when."""

    #: ``[(free, capacity), …]`` per kind of attendance, ``None`` for unlimited.
    places: list
    closes_at: dt.datetime


def _registration_offer(event):
    for answer in hooks.get_hooks(REGISTRATION_OFFER_HOOK):
        offered = answer(event)
        if offered is not None:
            return offered
    return None


def _offer(event, event_url):
    """Registration on the site as an Offer; none for a cancelled event (nobody can come)."""
    if event.is_cancelled or not event_url:
        return None
    registration = _registration_offer(event)
    if registration is None:
        return None
    offer = {
        "@type": "Offer",
        # Registration starts on the event page (its own form is linked there).
        "url": event_url,
        "availability": _availability(registration.places),
        "validFrom": _moment(event.first_published_at, False) if event.first_published_at else "",
        "validThrough": _moment(registration.closes_at, False),
    }
    if event.is_free:
        offer.update(price=0, priceCurrency="EUR")
    return _without_empty(offer)


def _performers(event):
    return [
        _without_empty(
            {
                "@type": "Person",
                "name": speaker.name,
                "jobTitle": speaker.role,
                "affiliation": {"@type": "Organization", "name": speaker.organisation}
                if speaker.organisation
                else None,
            }
        )
        for speaker in event.speakers.all()
    ]


def event_structured_data(event, request):
    """The JSON-LD dict of one event, as anyone may see it."""
    site_settings = SiteSettings.for_request(request)
    site = Site.find_for_request(request)
    root_url = site.root_url if site is not None else ""
    event_url = event.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.intro or event.search_description or event.title,
        "url": event_url,
        "inLanguage": "de",
        "isAccessibleForFree": event.is_free,
        "eventStatus": _schema_status(event),
        "eventAttendanceMode": _schema_attendance_mode(event),
        "startDate": _moment(event.start, event.all_day),
        "endDate": _moment(event.end, event.all_day) if event.end else None,
        "image": _image(event, root_url),
    }
    if event.is_postponed and event.previous_start:
        data["previousStartDate"] = _moment(event.previous_start, event.all_day)
    locations = _locations(event, event_url)
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    data["offers"] = _offer(event, event_url)
    data["performer"] = _performers(event)
    if site_settings.organisation_name:
        data["organizer"] = _without_empty(
            {
                "@type": "Organization",
                "name": site_settings.organisation_name,
                "url": root_url + "/" if root_url else "",
            }
        )
    documents = documents_for_everyone(event, request)
    if documents:
        data["subjectOf"] = [
            {
                "@type": "DigitalDocument",
                "name": document.title,
                "url": request.build_absolute_uri(document.url),
                "encodingFormat": "application/pdf"
                if document.file_extension.lower() == "pdf"
                else "application/octet-stream",
            }
            for document in documents
        ]
    return _without_empty(data)
