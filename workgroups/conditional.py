"""Conditional GET for calendars and feeds: polling clients get 304 while nothing changed."""

import hashlib

from django.db.models import Max, Q
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag

from wagtail.models import PageLogEntry


def latest_removal():
    """When an event or working group last left the site (unpublished, deleted or moved).

    A removal takes an item out of a feed without making any remaining item newer; without
    this, a client asking "changed since?" would keep getting 304 and keep the removed event.
    """
    return (
        PageLogEntry.objects.filter(content_type__app_label="workgroups")
        .filter(
            Q(action__startswith="wagtail.unpublish")
            | Q(action__in=("wagtail.delete", "wagtail.move"))
        )
        .aggregate(latest=Max("timestamp"))["latest"]
    )


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
    changes = [event.last_published_at for event in events if event.last_published_at]
    if removed := latest_removal():
        changes.append(removed)
    return conditional_items_response(
        request,
        key=f"{key}|{events_fingerprint(events)}",
        changes=changes,
        build_response=lambda: build_response(events),
        max_age=max_age,
    )


def conditional_items_response(request, *, key, changes, build_response, max_age=900):
    """The conditional GET itself, for any list: ``key`` must change whenever the output
    would, ``changes`` are the moments it changed (the latest is Last-Modified)."""
    etag = quote_etag(hashlib.sha256(key.encode()).hexdigest()[:32])
    changes = [moment for moment in changes if moment]
    last_modified = int(max(changes).timestamp()) if changes else None
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        not_modified.allow_any_origin = True  # public data (home.middleware.PublicCorsMiddleware)
        return not_modified
    response = build_response()
    response.allow_any_origin = True
    response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=max_age)
    return response
