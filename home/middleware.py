"""Request-wide helpers of the site: cheap logged-in pages, known hostnames only, and a moderation
decision someone else took first."""

import contextlib

from django.contrib import messages
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.db.models import prefetch_related_objects
from django.http.request import split_domain_port
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from operations.page_cache import cached_until_change

from .models import SiteSettings
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
