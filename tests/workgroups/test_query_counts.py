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
from tests.factories.documents import pdf_document, restricted_collection
from workgroups.models import EventMaterial, EventSpeaker

pytestmark = pytest.mark.django_db

FACTORIES = (MeetingPageFactory, WorkshopPageFactory, InfoSessionPageFactory)
# Exact counts per page (a second request: the listing rows are kept until content changes),
# so that a change is a decision.
QUERIES_PER_PAGE = {
    "working group": 4,
    "working group, filtered": 4,
    "working group, page 2": 4,
    "events": 4,
    "events of one group": 4,
    "month": 2,  # the grid is kept until content changes or the day ends
    "calendar": 5,
    "rss": 4,
    "atom": 4,
    "home": 1,
    "api": 10,  # 9, and the content version with its date for ETag and Last-Modified
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
        "month": f"{events_page.url}monat/{in_days(0).year}/{in_days(0).month}/",
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


def test_event_page_queries_do_not_grow_with_materials_speakers_or_topics(
    client, member, working_group
):
    """A visitor's second request reads the page itself, nothing more: materials, speakers,
    topics, the working group and the (absent) view restrictions come from the cache. A
    member's also reads the session, the user with the groups, and the permissions (may this
    user edit the page?)."""
    members_only = restricted_collection(groups=("Mitglieder",))
    workshop = WorkshopPageFactory(parent=working_group, title="Fachwerkstatt Bauhof")

    def add_parts(count, offset):
        for number in range(offset, offset + count):
            kind, collection = ("protocol", members_only) if number % 2 else ("programme", None)
            document = pdf_document(f"Unterlage {number}", kind=kind, collection=collection)
            EventMaterial.objects.create(page=workshop, document=document)
            talk = pdf_document(f"Vortrag {number}", kind="presentation")
            EventSpeaker.objects.create(page=workshop, name=f"Person {number}", presentation=talk)
            workshop.topics.add(TopicFactory(name=f"Thema {number}", slug=f"thema-{number}"))
        workshop.save()

    add_parts(1, offset=0)
    visitor_with_1 = _query_counts(client, [workshop.url])[workshop.url]
    add_parts(5, offset=1)
    visitor_with_6 = _query_counts(client, [workshop.url])[workshop.url]
    client.force_login(member)
    html = client.get(workshop.url).content.decode()
    member_with_6 = _query_counts(client, [workshop.url])[workshop.url]

    assert "Person 5" in html and "Thema 5" in html and "Unterlage 5" in html
    assert visitor_with_1 == visitor_with_6 == 2  # exact: a change is a decision
    assert member_with_6 == 7  # members' pages: at most 20
