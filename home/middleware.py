"""Request-wide helpers: cheap logged-in pages, and the headers Django does not set itself."""

import contextlib

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.db.models import prefetch_related_objects
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.middleware.gzip import GZipMiddleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from .models import SiteSettings
from .page_cache import cached_until_change
from .signal_handlers import TaskAlreadyDecided


class PrefetchUserGroupsMiddleware:
    """Read a logged-in user's groups once per request.

    Page and collection view restrictions, the member check and the menu all ask for the
    user's groups; with the prefetch they share one query instead of one each.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            prefetch_related_objects([user], "groups")
        return self.get_response(request)


class KnownSiteMiddleware:
    """Find the request's Wagtail site, with its home page and settings loaded, in the cache.

    Wagtail looks the site up with a query on every request, loads the home page to route from
    it, and the site settings for header, footer and structured data; all of it changes only
    with content, so it is kept until the next purge. Wagtail reads the site from
    ``request._wagtail_site`` and the settings from the request attribute ``for_request``
    fills, where it keeps its own answers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            hostname = split_domain_port(request.get_host())[0]
        except DisallowedHost:
            return self.get_response(request)  # Django answers 400 further down
        port = request.get_port()
        # Without a database the view decides what a visitor sees (/healthz/: 503).
        with contextlib.suppress(DatabaseError):
            site, site_settings = cached_until_change(
                f"site-and-settings:{hostname}:{port}",
                lambda: _site_with_home_page_and_settings(hostname, port),
            )
            request._wagtail_site = site
            if site_settings is not None:
                site_settings._request = request  # as SiteSettings.for_request leaves it
                setattr(request, SiteSettings.get_cache_attr_name(), site_settings)
        return self.get_response(request)


def _site_with_home_page_and_settings(hostname, port):
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None, None
    site.root_page.specific  # noqa: B018 (loaded now, so it is kept with the site)
    return site, SiteSettings.for_site(site)


class CompressTextMiddleware(GZipMiddleware):
    """Pages, feeds, calendars and JSON go out gzip-compressed (a page is 30 KB, compressed 7).

    Files are left alone: documents, images and ZIPs are compressed already or streamed, and
    static files are compressed ahead of time by WhiteNoise, which answers before this runs.
    Django's middleware adds random bytes to every compressed page, against BREACH.
    """

    COMPRESSIBLE_TYPES = (
        "text/",
        "application/json",
        "application/xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/javascript",
    )

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "")
        if response.streaming or not content_type.startswith(self.COMPRESSIBLE_TYPES):
            return response
        return super().process_response(request, response)


class PermissionsPolicyMiddleware:
    """Send ``Permissions-Policy`` (``settings.PERMISSIONS_POLICY``): no page of the site needs
    camera, microphone, location or payment, so no embedded content may ask for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class DecidedTaskMiddleware:
    """A second decision on a moderation task goes back where it came from, with a message.

    The refusal itself happens in ``home.signal_handlers``, deep inside Wagtail's workflow code,
    as an exception; without this the moderator would see "403 Zugriff verweigert".
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, TaskAlreadyDecided):
            return None
        messages.warning(request, str(exception))
        came_from = request.META.get("HTTP_REFERER", "")
        if not url_has_allowed_host_and_scheme(
            came_from, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            came_from = reverse("wagtailadmin_home")
        return redirect(came_from)


class PublicCorsMiddleware:
    """``Access-Control-Allow-Origin: *`` on public, read-only answers, so member
    municipalities' websites can read the events from the browser.

    Applies to GET and HEAD under ``settings.PUBLIC_CORS_PATH_PREFIXES`` and to responses a view
    marked with ``allow_any_origin`` (feeds, calendars). Browsers send no cookies with such
    requests, so what they receive is what any visitor sees.

    A ``fetch()`` that names a header such as ``Content-Type`` first asks with ``OPTIONS``
    (a preflight). It is answered here, without touching the database, for the API and for
    addresses ending like a feed or calendar (``PUBLIC_CORS_PATH_SUFFIXES``); it only lets the
    browser ask, and whether it may read the answer is still decided by the GET's own response.
    """

    PREFLIGHT_HEADERS = {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": "GET, HEAD",
        "Access-Control-Allow-Headers": "Accept, Content-Type, If-None-Match, If-Modified-Since",
        "Access-Control-Max-Age": "86400",
    }

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(settings.PUBLIC_CORS_PATH_PREFIXES)
        self.suffixes = tuple(settings.PUBLIC_CORS_PATH_SUFFIXES)

    def __call__(self, request):
        if self._is_public_preflight(request):
            response = HttpResponse(status=204)
            for name, value in self.PREFLIGHT_HEADERS.items():
                response[name] = value
            return response
        response = self.get_response(request)
        if request.method in ("GET", "HEAD") and (
            getattr(response, "allow_any_origin", False) or request.path.startswith(self.prefixes)
        ):
            response["Access-Control-Allow-Origin"] = "*"
            # Polling scripts may read the validators for their next conditional request.
            response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
        return response

    def _is_public_preflight(self, request):
        meta = request.META
        return (
            request.method == "OPTIONS"
            and "HTTP_ORIGIN" in meta
            and meta.get("HTTP_ACCESS_CONTROL_REQUEST_METHOD") in ("GET", "HEAD")
            and (request.path.startswith(self.prefixes) or request.path.endswith(self.suffixes))
        )
