"""Routes registered from a views module (operations/subpage_routes.py) behave like Wagtail's
``@path`` methods: subclasses inherit them and may override them, the page itself can be replaced,
names reverse, and a route registered after the page type answered requests is refused loudly
instead of silently never being found."""

from django.core.exceptions import ImproperlyConfigured
from django.http import Http404

import pytest

from operations.subpage_routes import SubpageRoutesMixin, subpage_route


class Listing(SubpageRoutesMixin):
    """Stands in for a page type: routing needs no database."""


class TopicListing(Listing):
    pass


@subpage_route(Listing, "")
def overview(page, request):
    return ("overview", page)


@subpage_route(Listing, "kalender/", name="calendar")
def listing_calendar(page, request):
    return ("listing calendar", page)


@subpage_route(Listing, r"^monat/(\d{4})/(\d{1,2})/$", name="month", regex=True)
def month(page, request, year, month):
    return ("month", year, month)


@subpage_route(TopicListing, "kalender/", name="calendar")
def topic_calendar(page, request):
    return ("topic calendar", page)


def _serve(page, path):
    view, args, kwargs = page.resolve_subpage(path)
    return view("request", *args, **kwargs)


def test_a_registered_view_is_called_with_the_page():
    page = Listing()

    assert _serve(page, "/kalender/") == ("listing calendar", page)
    assert _serve(page, "/monat/2026/3/") == ("month", "2026", "3")


def test_a_registered_empty_route_serves_the_page_itself():
    """Wagtail's own index route would render the template; the registered view comes first."""
    page = Listing()

    assert _serve(page, "/") == ("overview", page)


def test_subclasses_inherit_routes_and_their_own_come_first():
    page = TopicListing()

    assert _serve(page, "/") == ("overview", page)
    assert _serve(page, "/kalender/") == ("topic calendar", page)
    assert page.reverse_subpage("month", args=(2026, 11)) == "monat/2026/11/"


def test_unknown_paths_are_not_found():
    with pytest.raises(Http404):
        Listing().resolve_subpage("/monat/2026/november/")


def test_a_route_registered_after_the_first_request_is_refused():
    class LateListing(SubpageRoutesMixin):
        pass

    LateListing().resolve_subpage("/")  # the first request builds the resolver

    with pytest.raises(ImproperlyConfigured, match="AppConfig.ready"):

        @subpage_route(LateListing, "spaet/")
        def late(page, request):
            return "late"

    assert [pattern.name for pattern in LateListing.get_subpage_urls()] == ["index_route"]
