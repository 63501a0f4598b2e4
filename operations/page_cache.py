"""The page cache for visitors: purged on every change of what pages show, never expired by guess.

Every anonymous visitor without a session sees the same page for the same address, so that page
is rendered once and kept in the shared cache (Redis in production) until something it shows
changes. Members, editors and anyone carrying a session or a pending message are never served
from it and never fill it, and a response that sets a cookie, carries a CSRF token or a message
or says ``private`` is never kept.

**Purging.** All kept pages belong to one *content version* (``operations/content_version.py``),
kept in the database and read once per request. Every change that can alter a public page
(publishing, unpublishing, moving or deleting a page; a board entry, topic, registration,
document, image, privacy rule or the site settings saved or deleted) writes a new version in
its own transaction, so every kept page is gone the moment the change commits, on every
instance, whatever the state of Redis: with a handful of edits a day, tracking which page shows
what would cost more than refilling the cache. A kept page is served only under the version it
was made from; without a database nothing kept is served. Behind a frontend cache (Varnish,
``VARNISH_URL``), ``operations/frontend_cache.py`` purges it after the commit and again until it has
heard.

**Time.** Some pages change without an edit: an event moves from "upcoming" to "past" when it
ends, the month view marks today. A kept page therefore lives only until the next such moment,
which the apps name through the ``page_cache_next_change`` hook (a function of ``now`` answering
a datetime or ``None``), and never longer than ``PAGE_CACHE_MAX_AGE`` seconds. Behind our own
frontend cache the same lifetime goes out as ``s-maxage``, so Varnish keeps a page exactly as
long; Varnish removes it before the response leaves (``deploy/varnish.vcl``), and without
Varnish it is not sent at all: a shared cache the site cannot purge (a company proxy, a CDN)
must never keep a page.

**Compressed once.** A kept page is kept gzip-compressed as well, and a browser that takes gzip
(nearly every one) gets those bytes as they are: a hit costs no compression, which was about a
quarter of its time, and for a large calendar almost all of it. Each form has a key of its own,
so a hit reads only what it sends (``compression.py``). Django compresses with random
bytes against BREACH, an attack that reads a secret (a CSRF token) from the compressed length
of pages that also reflect the attacker's input; a kept page holds no secret (no session, no
CSRF token, see ``_is_shareable``), so its compressed copy needs none.

Kept pages live in the cache only when ``PAGE_CACHE_ENABLED`` is set (``REDIS_URL`` switches it
on: one copy of each page for all processes). With neither the page cache nor a frontend cache,
the middleware steps aside.
"""

import contextvars
import datetime as dt
import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe

from wagtail import hooks

from . import frontend_cache
from .compression import accepted_form, kept_forms
from .content_version import (
    current_version,
    forget_for_this_request,
    remember_for_this_request,
    start_new_version,
)

logger = logging.getLogger(__name__)

NEXT_CHANGE_HOOK = "page_cache_next_change"

# What this request's page had to go without (a picture the full disk would not take): such a
# page and the fragments made meanwhile are not kept, so the next visitor gets it whole again.
_left_out_in_request = contextvars.ContextVar("page_cache_left_out_in_request", default=None)


def leave_out_of_caches(reason):
    """The page being made goes without a part it should show; keep none of it."""
    left_out = _left_out_in_request.get()
    if left_out is not None:
        left_out.append(reason)


def _parts_left_out():
    left_out = _left_out_in_request.get()
    return len(left_out) if left_out is not None else 0


# --- The content version --------------------------------------------------------------------


def content_version():
    """The version of everything public pages show; it changes with every purge."""
    return current_version()


def purge_page_cache(**kwargs):
    """Forget every kept page and fragment: a new content version in the current transaction.

    Takes ``**kwargs`` so it can be connected to any signal directly.
    """
    start_new_version()
    connection = transaction.get_connection()
    # Deleting a tree of pages sends one signal per page; one frontend purge after the commit
    # is enough.
    already_scheduled = any(
        callback is _purge_after_commit for _, callback, _ in connection.run_on_commit
    )
    if not already_scheduled:
        # Robust: the change has committed; a failing purge must not turn it into an error.
        transaction.on_commit(_purge_after_commit, robust=True)


def _purge_after_commit():
    if frontend_cache.is_configured():
        frontend_cache.purge_after_change()


def cached_until_change(key, compute, timeout=60 * 60, *, stale_from=None):
    """``compute()``, kept in the cache until the next purge: for lookups every page repeats
    (menu, privacy rules, filter options) that change only when content does.

    ``stale_from(value)`` may name the moment a value goes out of date by time alone (a list
    of next events when the first of them ends); it is computed again from then on.
    """
    # Keys may hold what visitors typed (a search word): hashed, they stay short and safe.
    digest = hashlib.sha256(key.encode()).hexdigest()
    full_key = f"until-change:{digest}:v{content_version()}"
    now = timezone.now()
    kept = cache.get(full_key)
    if kept is not None and (kept[1] is None or kept[1] > now):
        return kept[0]
    left_out_before = _parts_left_out()
    value = compute()
    if _parts_left_out() > left_out_before:
        return value
    until = stale_from(value) if stale_from is not None else None
    seconds = timeout if until is None else min(timeout, (until - now).total_seconds())
    cache.set(full_key, (value, until), max(1, int(seconds)))
    return value


def purge_when_changed(*models):
    """Purge the page cache whenever an object of one of ``models`` is saved or deleted."""
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                purge_page_cache,
                sender=model,
                weak=False,
                dispatch_uid=f"page_cache.{model._meta.label}.{signal is post_save}",
            )


# --- How long a page may be kept ------------------------------------------------------------


def next_midnight(now):
    """Pages with today's date in them (the month view, "upcoming" lists) change at midnight."""
    local = timezone.localtime(now)
    tomorrow = local.date() + dt.timedelta(days=1)
    return dt.datetime.combine(tomorrow, dt.time.min, tzinfo=local.tzinfo)


def keep_until(now):
    """The moment a page rendered ``now`` may show something outdated without any edit."""
    moments = [now + dt.timedelta(seconds=settings.PAGE_CACHE_MAX_AGE), next_midnight(now)]
    for next_change in hooks.get_hooks(NEXT_CHANGE_HOOK):
        moment = next_change(now)
        if moment is not None:
            moments.append(moment)
    return min(moments)


# --- The middleware -------------------------------------------------------------------------


def _is_anonymous_visitor(request):
    """No session, no pending message, no credentials: the page is the same for everyone."""
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _is_shareable(request, response):
    """Whether ``response`` shows nothing that belongs to this one visitor."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds a CSRF token
        return False
    if _parts_left_out():
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and len(messages):
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def _cache_key(request, version, form):
    address = f"{request.get_host()}{request.get_full_path()}"
    return f"page-cache:page:v{version}:{form}:{hashlib.sha256(address.encode()).hexdigest()}"


def _send_lifetime(response, until, now):
    seconds = max(0, int((until - now).total_seconds()))
    patch_cache_control(response, s_maxage=seconds)


class PageCacheMiddleware:
    """Serve anonymous visitors from the page cache; keep what every visitor may see.

    Sits above the session, CSRF and message middleware, so a page served from the cache costs
    one query (the content version) and nothing else. For every request it also remembers the
    content version once read.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = remember_for_this_request()
        left_out_token = _left_out_in_request.set([])
        try:
            return self._serve(request)
        finally:
            _left_out_in_request.reset(left_out_token)
            forget_for_this_request(token)

    def _serve(self, request):
        enabled = settings.PAGE_CACHE_ENABLED
        behind_frontend_cache = frontend_cache.is_configured()
        if not (enabled or behind_frontend_cache) or not _is_anonymous_visitor(request):
            return self.get_response(request)
        try:
            version = content_version()
        except DatabaseError:
            # Nothing kept can be vouched for without the database; the view decides (503).
            return self.get_response(request)
        if enabled:
            key = _cache_key(request, version, accepted_form(request))
            cached = self._still_valid(request, cache.get(key))
            if cached is not None:
                return cached
        response = self.get_response(request)
        if not _is_shareable(request, response):
            return response
        if behind_frontend_cache and _changed_while_rendering(version):
            return response
        now = timezone.now()
        until = keep_until(now)
        if behind_frontend_cache:
            _send_lifetime(response, until, now)
        if enabled and request.method == "GET":
            timeout = max(1, int((until - now).total_seconds()))
            kept = {
                _cache_key(request, version, form): (until, kept_response)
                for form, kept_response in kept_forms(response).items()
            }
            cache.set_many(kept, timeout)
        return response

    def _still_valid(self, request, kept):
        """The kept page, if its time has not come (its key names the current version)."""
        if kept is None:
            return None
        until, response = kept
        now = timezone.now()
        if until <= now:
            return None
        if frontend_cache.is_configured():
            _send_lifetime(response, until, now)
        # Feeds and calendars carry validators: a polling client still gets its 304.
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )


def _changed_while_rendering(version):
    """Whether a change committed while the page was rendered from ``version``.

    Such a page may show the old content; a frontend cache could keep it after the change's
    purge has already gone out, so it is not offered for sharing.
    """
    try:
        return current_version(fresh=True) != version
    except DatabaseError:
        return True
