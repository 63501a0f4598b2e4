"""What machines read: calendars and feeds that strict parsers accept, conditional GET that
notices removals, structured data without empty places, a bounded month calendar."""

import datetime as dt
import json
import re
from unittest import mock

from django.utils import timezone

import feedparser
import icalendar
import pytest
import vobject

from tests.factories import MeetingPageFactory, TopicFactory, in_days

pytestmark = pytest.mark.django_db


def test_calendars_name_an_organiser_and_list_topics_on_one_line(client, working_group):
    event = MeetingPageFactory(parent=working_group, title="Treffen mit zwei Themen")
    event.topics.add(TopicFactory(name="Bauhof"), TopicFactory(name="Vergabe"))
    event.save()

    text = client.get(f"{working_group.url}ical/").content.decode()

    assert text.count("CATEGORIES") == 1
    (vevent,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(vevent["organizer"]).startswith("mailto:")
    assert "Geschäftsstelle" in vevent["organizer"].params["cn"]
    parsed = vobject.readOne(text)
    assert parsed.vevent.categories.value == ["Bauhof", "Vergabe"]


def test_atom_entries_have_an_author_and_the_overview_feed_a_sensible_title(
    client, working_group, events_page
):
    MeetingPageFactory(parent=working_group)

    atom = feedparser.parse(client.get(f"{working_group.url}atom/").content)
    overview = feedparser.parse(client.get(f"{events_page.url}rss/").content)

    assert atom.feed.author
    assert not atom.bozo
    assert overview.feed.title == "Termine der Arbeitskreise"


def test_a_removed_event_ends_the_304s_for_clients_asking_by_date(client, working_group):
    staying = MeetingPageFactory(parent=working_group, title="Bleibt")
    leaving = MeetingPageFactory(parent=working_group, title="Fällt weg")
    url = f"{working_group.url}rss/"
    since = client.get(url)["Last-Modified"]

    ahead = timezone.now() + dt.timedelta(minutes=5)
    with mock.patch("django.utils.timezone.now", return_value=ahead):
        leaving.unpublish()
    response = client.get(url, headers={"if-modified-since": since})

    assert response.status_code == 200
    body = response.content.decode()
    assert "Fällt weg" not in body and staying.title in body


def _structured_data(client, event):
    html = client.get(event.url).content.decode()
    return json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S)[1])


def test_structured_data_names_the_organiser_with_url_and_no_empty_place(client, working_group):
    past = MeetingPageFactory(
        parent=working_group,
        start=in_days(-400),
        venue_name="",
        street="",
        postal_code="",
        city="",
    )

    data = _structured_data(client, past)

    assert "location" not in data
    assert data["organizer"]["url"].startswith("http")


def test_the_month_calendar_exists_only_around_the_events(client, working_group):
    MeetingPageFactory(parent=working_group, start=dt.datetime(2020, 11, 12, 10, tzinfo=dt.UTC))
    this_year = timezone.localdate().year

    assert client.get(f"{working_group.url}monat/2020/1/").status_code == 200
    assert client.get(f"{working_group.url}monat/{this_year + 1}/12/").status_code == 200
    assert client.get(f"{working_group.url}monat/2019/12/").status_code == 404
    assert client.get(f"{working_group.url}monat/1900/1/").status_code == 404
    assert client.get(f"{working_group.url}monat/{this_year + 2}/1/").status_code == 404
    first = client.get(f"{working_group.url}monat/2020/1/").content.decode()
    assert 'rel="prev"' not in first  # no link into the void


def test_calendars_are_built_once_per_version_of_the_events(client, working_group):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    event = MeetingPageFactory(parent=working_group, title="Erste Fassung")
    event.topics.add(TopicFactory(name="Bauhof"))
    event.save()
    url = f"{working_group.url}ical/"
    first = client.get(url)
    with CaptureQueriesContext(connection) as built_before:
        again = client.get(url)

    assert again.content == first.content
    # Only the light check of what changed: no topics, no pages built for a known version.
    assert not any("workgroups_topic" in query["sql"] for query in built_before.captured_queries)

    event.title = "Zweite Fassung"
    event.save_revision().publish()
    changed = client.get(url).content.decode()
    assert "Zweite Fassung" in changed and "Erste Fassung" not in changed
