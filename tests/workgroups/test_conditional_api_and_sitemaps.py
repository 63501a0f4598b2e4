"""The events API and the sitemaps answer a repeated request with 304 while nothing visitors
can see has changed, and with the new content (200, new validators) once something has."""

import datetime as dt
from contextlib import contextmanager
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from tests.factories import CooperationEntryFactory, MeetingPageFactory, TopicFactory, in_days

pytestmark = pytest.mark.django_db

API = "/api/v2/termine/"


@contextmanager
def later(minutes=5):
    """What happens inside happens ``minutes`` from now (HTTP dates count whole seconds)."""
    ahead = timezone.now() + dt.timedelta(minutes=minutes)
    with mock.patch("django.utils.timezone.now", return_value=ahead):
        yield


def _asked_again(client, url, first, **params):
    """The same request once by ETag and once by date, as polling clients ask."""
    by_etag = client.get(url, params, headers={"if-none-match": first["ETag"]})
    by_date = client.get(url, params, headers={"if-modified-since": first["Last-Modified"]})
    return by_etag, by_date


@pytest.fixture
def event(working_group):
    return MeetingPageFactory(parent=working_group, title="Treffen Vergabe", start=in_days(5))


@pytest.mark.parametrize("params", [{}, {"fields": "*"}, {"zeitraum": "kommend"}])
def test_the_api_answers_304_until_an_event_changes(client, event, params):
    first = client.get(API, params)
    by_etag, by_date = _asked_again(client, API, first, **params)
    with later():
        event.title = "Treffen Vergabe, neuer Titel"
        event.save_revision().publish()
    changed_etag, changed_date = _asked_again(client, API, first, **params)

    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    assert by_etag.status_code == by_date.status_code == 304
    assert changed_etag.status_code == changed_date.status_code == 200
    assert changed_etag["ETag"] != first["ETag"]
    assert "neuer Titel" in changed_etag.content.decode()


def test_an_event_detail_answers_304_until_its_topic_is_renamed(client, event):
    topic = TopicFactory(name="Beschaffung")
    event.topics.add(topic)
    event.save_revision().publish()
    url = f"{API}{event.pk}/"
    first = client.get(url, {"fields": "topic_names"})
    by_etag, by_date = _asked_again(client, url, first, fields="topic_names")
    with later():
        topic.name = "Gemeinsame Beschaffung"
        topic.save()
    renamed = client.get(url, {"fields": "topic_names"}, headers={"if-none-match": first["ETag"]})

    assert by_etag.status_code == by_date.status_code == 304
    assert renamed.status_code == 200
    assert renamed.json()["topic_names"] == ["Gemeinsame Beschaffung"]


def test_an_event_that_ends_leaves_the_upcoming_list_without_a_304(client, working_group):
    ending = MeetingPageFactory(
        parent=working_group,
        title="Endet gleich",
        start=timezone.now() - dt.timedelta(hours=1),
        end=timezone.now() + dt.timedelta(minutes=1),
    )
    first = client.get(API, {"zeitraum": "kommend"})
    assert [item["title"] for item in first.json()["items"]] == [ending.title]

    with later(minutes=10):
        by_etag, by_date = _asked_again(client, API, first, zeitraum="kommend")

    assert by_etag.status_code == by_date.status_code == 200
    assert by_date.json()["items"] == []


def test_a_members_only_event_is_in_no_answer_and_members_share_the_visitors_answer(
    client, member, event, working_group
):
    private = MeetingPageFactory(parent=working_group, title="Nur für Mitglieder")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    visitors = client.get(API)
    client.force_login(member)
    members = client.get(API)
    again = client.get(API, headers={"if-none-match": visitors["ETag"]})

    assert "Nur für Mitglieder" not in visitors.content.decode()
    assert members.content == visitors.content and members["ETag"] == visitors["ETag"]
    assert again.status_code == 304
    assert "public" in visitors["Cache-Control"]


def test_the_sitemap_answers_304_until_a_page_leaves_it(client, event):
    urls = ["/sitemap.xml", "/sitemap-seiten.xml"]
    first = {url: client.get(url) for url in urls}
    repeated = {url: _asked_again(client, url, first[url]) for url in urls}
    with later():
        event.unpublish()
    after = {url: _asked_again(client, url, first[url]) for url in urls}

    for url in urls:
        assert first[url].status_code == 200 and first[url]["Last-Modified"], url
        assert [answer.status_code for answer in repeated[url]] == [304, 304], url
        assert [answer.status_code for answer in after[url]] == [200, 200], url
    assert "treffen-vergabe" not in after["/sitemap-seiten.xml"][1].content.decode()


def test_the_boards_sitemap_changes_at_midnight_when_entries_expire(client, board):
    CooperationEntryFactory(title="Läuft heute ab", valid_until=timezone.localdate())
    first = client.get("/sitemap-boerse.xml")
    assert "/eintrag/" in first.content.decode()
    same_day = _asked_again(client, "/sitemap-boerse.xml", first)

    with later(minutes=24 * 60):
        next_day = _asked_again(client, "/sitemap-boerse.xml", first)

    assert [answer.status_code for answer in same_day] == [304, 304]
    assert [answer.status_code for answer in next_day] == [200, 200]
    assert "/eintrag/" not in next_day[1].content.decode()


def test_a_sitemap_is_built_once_per_version_however_many_pages_it_lists(client, working_group):
    """Thousands of addresses cost their rendering once per version; a repeat reads it kept."""
    url = "/sitemap-seiten.xml"
    costs = []
    for count in (2, 12):
        for number in range(count - len(costs) * 2):
            MeetingPageFactory(parent=working_group, slug=f"treffen-{count}-{number}")
        first = client.get(url)
        with CaptureQueriesContext(connection) as repeated:
            again = client.get(url)
        assert again.content == first.content
        assert again["X-Robots-Tag"] == first["X-Robots-Tag"]
        costs.append(len(repeated))

    assert first.content.decode().count("<url>") >= 12
    assert costs[0] == costs[1] <= 4  # sections, site, content version: no page read
