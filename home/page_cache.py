"""The page cache for visitors: purged on every change of what pages show, never expired by guess.

Every anonymous visitor without a session sees the same page for the same address, so that page
is rendered once and kept in the shared cache (Redis in production) until something it shows
changes. Members, editors and anyone carrying a session or a pending message are never served
from it and never fill it, and a response that sets a cookie, carries a CSRF token or a message
or says ``private`` is never kept.

**Purging.** All kept pages belong to one *content version*. Every change that can alter a
public page (publishing, unpublishing, moving or deleting a page; a board entry, topic,
registration, document, image, privacy rule or the site settings saved or deleted) starts a new
version, so every kept page is gone at once: with a handful of edits a day, tracking which page
shows what would cost more than refilling the cache. The version is started twice: at once, so
the rest of the change's own request sees it, and after the transaction commits, so a visitor's
request that read the old rows in between cannot keep them under the new version. Behind a
frontend cache (Varnish, ``WAGTAILFRONTENDCACHE``), the site root is purged after the commit; the
VCL in ``deploy/varnish.vcl`` drops every address below a purged one.

**Time.** Some pages change without an edit: an event moves from "upcoming" to "past" when it
ends, the month view marks today. A kept page therefore lives only until the next such moment,
which the apps name through the ``page_cache_next_change`` hook (a function of ``now`` answering
a datetime or ``None``), and never longer than ``PAGE_CACHE_MAX_AGE`` seconds. The same lifetime
goes out as ``s-maxage``, so a frontend cache keeps a page exactly as long.

Kept pages live in the cache only when ``PAGE_CACHE_ENABLED`` is set: the cache must be shared
by all processes that serve the site (Redis), or a purge in one would leave the others stale.
With neither the page cache nor a frontend cache, the middleware steps aside.
"""

import contextvars
import datetime as dt
import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe

from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
from wagtail.models import Site

logger = logging.getLogger(__name__)

VERSION_KEY = "page-cache:version"
NEXT_CHANGE_HOOK = "page_cache_next_change"


# --- The content version --------------------------------------------------------------------


# The version as one request read it: pages ask for it several times (menu, privacy rules,
# filter options), and one Redis round trip per request is enough. A purge forgets it.
_version_read_in_request = contextvars.ContextVar("content_version_read_in_request", default=None)


def content_version():
    """The version of everything public pages show; it changes with every purge."""
    memo = _version_read_in_request.get()
    if memo:
        return memo[0]
    version = cache.get(VERSION_KEY)
    if version is None:
        version = _new_version()
        cache.add(VERSION_KEY, version, timeout=None)
    if memo is not None:
        memo.append(version)
    return version


def _new_version():
    # A lost version key (evicted, Redis restarted) must never bring back an older version and
    # with it the pages kept under that one: a new version starts from the clock.
    return time.time_ns()


def _start_new_version():
    memo = _version_read_in_request.get()
    if memo is not None:
        memo.clear()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # the key is missing: any fresh version is newer than the kept pages
        cache.set(VERSION_KEY, _new_version(), timeout=None)


def purge_page_cache(**kwargs):
    """Forget every kept page, now and once more when the current transaction commits.

    Takes ``**kwargs`` so it can be connected to any signal directly.
    """
    _start_new_version()
    connection = transaction.get_connection()
    # Deleting a tree of pages sends one signal per page; one purge after the commit is enough.
    already_scheduled = any(
        callback is _purge_after_commit for _, callback, _ in connection.run_on_commit
    )
    if not already_scheduled:
        transaction.on_commit(_purge_after_commit)


def _purge_after_commit():
    _start_new_version()
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        purge_urls_from_cache([f"{site.root_url}/" for site in Site.objects.all()])


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
    value = compute()
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
    messages = getattr(request, "_messages", None)
    if messages is not None and len(messages):
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def _cache_key(request):
    address = f"{request.get_host()}{request.get_full_path()}"
    return f"page-cache:page:{hashlib.sha256(address.encode()).hexdigest()}"


def _send_lifetime(response, until, now):
    seconds = max(0, int((until - now).total_seconds()))
    patch_cache_control(response, s_maxage=seconds)


class PageCacheMiddleware:
    """Serve anonymous visitors from the page cache; keep what every visitor may see.

    Sits above the session, CSRF and message middleware, so a page served from the cache costs
    no database query at all. For every request it also remembers the content version once read.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _version_read_in_request.set([])
        try:
            return self._serve(request)
        finally:
            _version_read_in_request.reset(token)

    def _serve(self, request):
        enabled = settings.PAGE_CACHE_ENABLED
        frontend_cache = bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))
        if not (enabled or frontend_cache) or not _is_anonymous_visitor(request):
            return self.get_response(request)
        if enabled:
            key = _cache_key(request)
            kept = cache.get_many([VERSION_KEY, key])
            if VERSION_KEY in kept:
                _version_read_in_request.get().append(kept[VERSION_KEY])
            cached = self._still_valid(request, kept.get(key), kept.get(VERSION_KEY))
            if cached is not None:
                return cached
        version = content_version() if enabled else None
        response = self.get_response(request)
        if not _is_shareable(request, response):
            return response
        now = timezone.now()
        until = keep_until(now)
        _send_lifetime(response, until, now)
        if enabled and request.method == "GET":
            timeout = max(1, int((until - now).total_seconds()))
            cache.set(key, (version, until, response), timeout)
        return response

    def _still_valid(self, request, kept, version):
        """The kept page, if it belongs to the current version and its time has not come."""
        if kept is None or version is None:
            return None
        kept_version, until, response = kept
        now = timezone.now()
        if kept_version != version or until <= now:
            return None
        _send_lifetime(response, until, now)
        # Feeds and calendars carry validators: a polling client still gets its 304.
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )
