"""Conditional GET for calendars and feeds: polling clients get 304 while nothing changed."""

import hashlib

from django.core.cache import cache
from django.db.models import Max, Q, QuerySet
from django.http import HttpResponse
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


def change_rows(events):
    """``(pk, ical_sequence, last_published_at)`` per event, read without building the events
    (for a queryset, one light query)."""
    if isinstance(events, QuerySet):
        return list(events.values_list("pk", "ical_sequence", "last_published_at"))
    return [(event.pk, event.ical_sequence, event.last_published_at) for event in events]


def events_fingerprint(rows):
    """Changes when an event is added, removed, republished or rescheduled."""
    return "|".join(f"{pk}:{sequence}:{published}" for pk, sequence, published in rows)


def conditional_response(request, *, key, events, build_response, max_age=900):
    """Answer 304 if the client's ETag or date still matches, else the response, built once
    per version of the events and then kept in the cache.

    ``key`` tells apart outputs of the same events (calendar, RSS, Atom, filters). The events
    themselves are only loaded when the output has to be built: feeds and calendars of a
    large site cost one light query while nothing changed.
    """
    rows = change_rows(events)
    changes = [published for _pk, _sequence, published in rows]
    changes.append(latest_removal())
    return conditional_items_response(
        request,
        # The host is part of it: the output holds absolute links.
        key=f"{key}|{request.get_host()}|{events_fingerprint(rows)}",
        changes=changes,
        build_response=lambda: build_response(list(events)),
        max_age=max_age,
        keep_built=True,
    )


def conditional_items_response(
    request, *, key, changes, build_response, max_age=900, keep_built=False
):
    """The conditional GET itself, for any list: ``key`` must change whenever the output
    would, ``changes`` are the moments it changed (the latest is Last-Modified).

    With ``keep_built`` the built body is cached under the ETag: a new version of the content
    has a new ETag, so nothing stale is ever served and nothing needs purging.
    """
    etag = quote_etag(hashlib.sha256(key.encode()).hexdigest()[:32])
    changes = [moment for moment in changes if moment]
    last_modified = int(max(changes).timestamp()) if changes else None
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        not_modified.allow_any_origin = True  # public data (home.middleware.PublicCorsMiddleware)
        return not_modified
    response = _built_response(etag, build_response) if keep_built else build_response()
    response.allow_any_origin = True
    response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=max_age)
    return response


BUILT_RESPONSE_SECONDS = 24 * 60 * 60


def _built_response(etag, build_response):
    """The response for ``etag`` from the cache, or built now and kept."""
    cache_key = f"conditional-response:{etag}"
    kept = cache.get(cache_key)
    if kept is not None:
        content, headers = kept
        response = HttpResponse(content)
        for name, value in headers.items():
            response[name] = value
        return response
    response = build_response()
    if response.status_code == 200 and not response.streaming:
        headers = {
            name: response[name]
            for name in ("Content-Type", "Content-Disposition")
            if response.has_header(name)
        }
        cache.set(cache_key, (response.content, headers), BUILT_RESPONSE_SECONDS)
    return response
