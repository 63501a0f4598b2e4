"""schema.org ``Event`` of an event page for search engines (JSON-LD), with only what visitors
may see: no join link, no members-only document."""

from wagtail.models import Site

from documents.access import is_restricted
from home.models import SiteSettings

from .formatting import local_time


def _schema_status(event):
    if event.is_cancelled:
        return "https://schema.org/EventCancelled"
    if event.is_postponed:
        return "https://schema.org/EventRescheduled"
    return "https://schema.org/EventScheduled"


def _schema_attendance_mode(event):
    if event.is_online and event.is_in_person:
        return "https://schema.org/MixedEventAttendanceMode"
    if event.is_online:
        return "https://schema.org/OnlineEventAttendanceMode"
    return "https://schema.org/OfflineEventAttendanceMode"


def event_structured_data(event, request):
    """The JSON-LD dict of one event, as this request's viewer may see it."""
    site_settings = SiteSettings.for_request(request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.intro or event.search_description or event.title,
        "url": event.get_full_url(request),
        "inLanguage": "de",
        "isAccessibleForFree": event.is_free,
        "eventStatus": _schema_status(event),
        "eventAttendanceMode": _schema_attendance_mode(event),
        "startDate": event.local_start.date().isoformat()
        if event.all_day
        else event.local_start.isoformat(),
    }
    if event.local_end:
        data["endDate"] = (
            event.local_end.date().isoformat() if event.all_day else event.local_end.isoformat()
        )
    if event.is_postponed and event.previous_start:
        data["previousStartDate"] = local_time(event.previous_start).isoformat()
    locations = []
    if event.is_in_person and (event.venue_name or event.city):
        locations.append(
            {
                "@type": "Place",
                "name": event.venue_name or event.city,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": event.street,
                    "postalCode": event.postal_code,
                    "addressLocality": event.city,
                    "addressCountry": "DE",
                },
            }
        )
    if event.is_online:
        # The join link is for members only; the public location is the event page.
        locations.append({"@type": "VirtualLocation", "url": event.get_full_url(request)})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if site_settings.organisation_name:
        organizer = {"@type": "Organization", "name": site_settings.organisation_name}
        site = Site.find_for_request(request)
        if site is not None:
            organizer["url"] = site.root_url + "/"
        data["organizer"] = organizer
    documents = [
        material.document
        for _kind, materials in event.material_groups
        for material in materials
        if not is_restricted(material.document, request)
    ]
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
    return data
