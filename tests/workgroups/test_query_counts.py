"""Listings and feeds use the same number of SQL queries with 10 and with 500 events."""

import datetime as dt
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.factories import (
    InfoSessionPageFactory,
    MeetingPageFactory,
    TopicFactory,
    WorkshopPageFactory,
    in_days,
)

pytestmark = pytest.mark.django_db

FACTORIES = (MeetingPageFactory, WorkshopPageFactory, InfoSessionPageFactory)
# Exact counts per page (a second request: the listing rows are kept until content changes),
# so that a change is a decision; every public page stays at most 15.
QUERIES_PER_PAGE = {
    "working group": 6,
    "working group, filtered": 6,
    "working group, page 2": 6,
    "events": 6,
    "events of one group": 6,
    "month": 7,
    "calendar": 6,
    "rss": 6,
    "atom": 6,
    "home": 2,
    "api": 8,
}


def _add_events(working_group, topics, count, offset):
    """Events spread over past and future, every type, each with topics.

    The listings under test never search, so the events skip the search index: indexing
    would be half the cost of building 500 events.
    """
    base = in_days(0)
    with mock.patch("modelsearch.signal_handlers.insert_or_update_object_task"):
        _create_events(working_group, topics, base, range(offset, offset + count))


def _create_events(working_group, topics, base, numbers):
    for number in numbers:
        event = FACTORIES[number % 3](
            parent=working_group,
            start=base + dt.timedelta(days=(number * 37) % 120 - 60, hours=number % 5),
        )
        event.topics.set(topics[number % 2 :])


def _query_counts(client, urls):
    counts = {}
    for url in urls:
        client.get(url)  # warm per-process caches (content types, site)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


def test_listing_queries_do_not_grow_with_the_number_of_events(client, working_group, events_page):
    topics = [TopicFactory(slug="ozg"), TopicFactory(slug="personalpool")]
    pages = {
        "working group": working_group.url,
        "working group, filtered": f"{working_group.url}?thema=ozg&typ=treffen",
        "working group, page 2": f"{working_group.url}?seite=2",
        "events": events_page.url,
        "events of one group": f"{events_page.url}?arbeitskreis={working_group.slug}",
        "month": f"{events_page.url}monat/{in_days(0):%Y/%m}/",
        "calendar": f"{working_group.url}ical/",
        "rss": f"{working_group.url}rss/",
        "atom": f"{events_page.url}atom/",
        "home": "/",
        "api": "/api/v2/termine/",
    }
    urls = list(pages.values())

    _add_events(working_group, topics, 10, offset=0)
    with_10 = _query_counts(client, urls)
    _add_events(working_group, topics, 490, offset=10)
    with_500 = _query_counts(client, urls)

    assert with_500 == with_10
    assert {name: with_500[url] for name, url in pages.items()} == QUERIES_PER_PAGE
    assert max(QUERIES_PER_PAGE.values()) <= 15
