"""Ids beyond what the database can hold, in every address that takes an id: a 404, never a 500.

SQLite's driver raises ``OverflowError`` for an integer beyond 64 bits, and Django guards only
plain integer columns, not the parent link of an inherited page (``EventPage``). The addresses
are read from the URL configuration, so a new route with an id is checked without being listed.
"""

import re

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, get_resolver, resolve, reverse

import pytest

from operations.converters import LARGEST_DATABASE_ID

pytestmark = pytest.mark.django_db

BEYOND = str(LARGEST_DATABASE_ID + 1)
HUGE = "99999999999999999999"
ID_PARAMETER = re.compile(r"<(?:int|id):\w+>")
OTHER_PARAMETER = re.compile(r"<\w+:\w+>")


def _routes(resolver=None, prefix=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)
        else:
            yield from _routes(pattern, prefix + str(pattern.pattern))


def _urls_with_id(value):
    """Every address of the site and its admin whose route takes an integer, with ``value``."""
    urls = []
    for route in _routes():
        route = route.replace("^", "").replace("$", "")
        if ID_PARAMETER.search(route):
            urls.append("/" + OTHER_PARAMETER.sub("x", ID_PARAMETER.sub(value, route)))
    return urls


@pytest.fixture
def admin_client(demo_site):
    """The superuser passes every permission check, so each view gets as far as the query."""
    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


def test_no_address_answers_an_impossible_id_with_a_server_error(admin_client):
    urls = _urls_with_id(HUGE) + [
        f"/admin/pages/{HUGE}/revisions/compare/earliest...{HUGE}/",
        f"/kooperationsboerse/meine-eintraege/{HUGE}/",
    ]

    failures = [
        f"{response.status_code} {method.upper()} {url}"
        for url in urls
        for method in ("get", "post")
        if (response := getattr(admin_client, method)(url)).status_code >= 500
    ]

    assert len(urls) > 100
    assert not failures, "\n".join(failures)


def test_the_sites_own_addresses_answer_not_found(admin_client):
    statuses = {
        url: admin_client.get(url).status_code
        for value in (BEYOND, HUGE)
        for url in [
            f"/veranstaltungsanmeldung/{value}/",
            f"/dokumente/{value}/protokoll.pdf",
            f"/dokumente/vorschau/{value}/",
            f"/kooperationsboerse/meine-eintraege/{value}/",
            f"/admin/anmeldungen/nachricht/{value}/",
        ]
    }

    assert set(statuses.values()) == {404}, statuses


def test_the_largest_id_still_reaches_its_view_and_the_next_does_not():
    largest = reverse("registrations:register", args=[LARGEST_DATABASE_ID])
    beyond = largest.replace(str(LARGEST_DATABASE_ID), BEYOND)

    assert resolve(largest).view_name == "registrations:register"
    assert resolve(largest).kwargs == {"event_id": LARGEST_DATABASE_ID}
    assert resolve(beyond).view_name == "wagtail_serve"  # the page tree's 404
