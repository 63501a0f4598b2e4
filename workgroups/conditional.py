"""Conditional GET for calendars and feeds: polling clients get 304 while nothing changed."""

import hashlib

from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag


def events_fingerprint(events):
    """Changes when an event is added, removed, republished or rescheduled."""
    return "|".join(
        f"{event.pk}:{event.ical_sequence}:{event.last_published_at}" for event in events
    )


def conditional_response(request, *, key, events, build_response, max_age=900):
    """Answer 304 if the client's ETag or date still matches, else build the response.

    ``key`` tells apart outputs of the same events (calendar, RSS, Atom, filters).
    """
    events = list(events)
    etag = quote_etag(
        hashlib.sha256(f"{key}|{events_fingerprint(events)}".encode()).hexdigest()[:32]
    )
    changes = [event.last_published_at for event in events if event.last_published_at]
    last_modified = int(max(changes).timestamp()) if changes else None
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        return not_modified
    response = build_response(events)
    response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=max_age)
    return response
