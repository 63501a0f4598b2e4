"""Conditional GET for lists that clients poll (calendars, feeds): 304 while nothing changed.

The caller says what identifies its output (``key``) and when its items changed; this module
answers with ETag and Last-Modified. ``workgroups/conditional.py`` uses it for events,
``board/views.py`` for the board's feed, ``notifications/personal_calendar.py`` for a member's
own calendar.

Who may keep and read the answer is the caller's explicit choice, and the default is the safe
one: a **private** answer (anything that depends on the viewer, a session or a token in the
URL) gets ``Cache-Control: private, no-cache``, no other site may read it, and its body is
never kept. Only an answer built from public content alone says ``public=True``: it gets a
public ``Cache-Control`` with ``max_age``, any origin may read it, and with ``keep_built`` its
body is kept in the shared cache so a version of the list is rendered once.

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

from .compression import accepted_form, kept_forms
from .content_version import read_state


def conditional_items_response(
    request, *, key, changes, build_response, public=False, max_age=900, keep_built=False
):
    """The conditional GET itself, for any list: ``key`` must change whenever the output
    would, ``changes`` are the moments it changed (the latest is Last-Modified).

    Private unless ``public`` (see the module's docstring). With ``keep_built`` (public answers
    only) the built body is cached under the ETag: a new version of the content has a new
    ETag, so nothing stale is ever served and nothing needs purging.
    """
    if keep_built and not public:
        raise ValueError("Only a public answer may be kept in the shared cache.")
    etag = quote_etag(hashlib.sha256(key.encode()).hexdigest()[:32])
    changes = [moment for moment in changes if moment]
    last_modified = int(max(changes).timestamp()) if changes else None
    response = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if response is None:
        if keep_built:
            response = _built_response(request, etag, build_response)
        else:
            response = build_response()
            response["ETag"] = etag
        if last_modified:
            response["Last-Modified"] = http_date(last_modified)
    if public:
        # Public data: any site may read it (operations.middleware.PublicCorsMiddleware).
        response.allow_any_origin = True
        patch_cache_control(response, public=True, max_age=max_age)
    else:
        patch_cache_control(response, private=True, no_cache=True)
    return response


def content_conditional_response(
    request, *, key, build_response, changed_by_time=None, max_age=0, keep_built=False
):
    """The conditional GET for an answer built from public content only (never from what the
    viewer may see beyond that): 304 while the content version is the one the client has.

    ``key`` tells apart the outputs (path and query, the format asked for); the host is added,
    as the answers hold absolute links. ``changed_by_time`` is the last moment the answer
    changed without an edit (an event ending moves it from "kommend" to "vergangen"). One
    query reads the version and when it began (Last-Modified). With ``keep_built`` the body is
    built once per version (the sitemaps: thousands of addresses).
    """
    state = read_state()
    version, changed_at = (state.version, state.changed_at) if state else (0, None)
    return conditional_items_response(
        request,
        key=f"{key}|{request.get_host()}|{version}|{changed_by_time}",
        changes=[changed_at, changed_by_time],
        build_response=build_response,
        public=True,
        max_age=max_age,
        keep_built=keep_built,
    )


BUILT_RESPONSE_SECONDS = 24 * 60 * 60
#: The headers a kept answer is sent with again (validators and caching are set per request).
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "X-Robots-Tag")


def _built_response(request, etag, build_response):
    """The response for ``etag`` from the cache, or built now and kept in both forms (plain
    and gzip): a calendar of every event is compressed once per version, not once per request,
    and a request reads only the form it is sent."""
    # "v3": one entry per form; entries kept in older forms are not read.
    cache_key = f"conditional-response:v3:{etag}:"
    kept = cache.get(cache_key + accepted_form(request))
    if kept is not None:
        return kept
    response = build_response()
    response["ETag"] = etag
    if hasattr(response, "render"):
        response.render()  # a template's answer (the sitemaps) is kept as its bytes
    if response.status_code == 200 and not response.streaming:
        plain = HttpResponse(response.content)
        for name in KEPT_HEADERS + ("ETag",):
            if response.has_header(name):
                plain[name] = response[name]
        forms = kept_forms(plain)
        cache.set_many(
            {cache_key + form: kept for form, kept in forms.items()}, BUILT_RESPONSE_SECONDS
        )
        return forms[accepted_form(request)]
    return response
