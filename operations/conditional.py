"""Conditional GET for lists that clients poll (calendars, feeds): 304 while nothing changed.

The caller says what identifies its output (``key``) and when its items changed; this module
answers with ETag, Last-Modified and a public ``Cache-Control``, and can keep the built body
so a version of the list is rendered once. ``workgroups/conditional.py`` uses it for events,
``board/views.py`` for the board's feed.

Answers that show the site's content as a whole (the API, the sitemaps) take their validators
from the content version instead (``content_conditional_response``): it changes with every
change visitors can see, removals and changed topics included, which a list of item dates
would miss.
"""

import hashlib

from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, quote_etag

from .content_version import read_state


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
        # Public data (operations.middleware.PublicCorsMiddleware).
        not_modified.allow_any_origin = True
        return not_modified
    response = _built_response(etag, build_response) if keep_built else build_response()
    response.allow_any_origin = True
    response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=max_age)
    return response


def content_conditional_response(request, *, key, build_response, changed_by_time=None, max_age=0):
    """The conditional GET for an answer built from public content only (never from what the
    viewer may see beyond that): 304 while the content version is the one the client has.

    ``key`` tells apart the outputs (path and query, the format asked for); the host is added,
    as the answers hold absolute links. ``changed_by_time`` is the last moment the answer
    changed without an edit (an event ending moves it from "kommend" to "vergangen"). One
    query reads the version and when it began (Last-Modified).
    """
    state = read_state()
    version, changed_at = (state.version, state.changed_at) if state else (0, None)
    return conditional_items_response(
        request,
        key=f"{key}|{request.get_host()}|{version}|{changed_by_time}",
        changes=[changed_at, changed_by_time],
        build_response=build_response,
        max_age=max_age,
    )


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
