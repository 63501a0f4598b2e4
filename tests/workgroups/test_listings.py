"""Finding events: working group page, the site-wide "Termine" page and the month view."""

import datetime as dt
import re
from unittest import mock

from django.utils import timezone

import pytest

from tests.factories import (
    InfoSessionPageFactory,
    MeetingPageFactory,
    TopicFactory,
    WorkingGroupPageFactory,
    WorkshopPageFactory,
    in_days,
)
from workgroups.models import BERLIN

pytestmark = pytest.mark.django_db


def _section(html, heading_id):
    start = html.index(f'id="{heading_id}"')
    end = html.find("</section>", start)
    return html[start:end]


def test_working_group_lists_upcoming_first_and_past_as_archive(client, working_group):
    MeetingPageFactory(parent=working_group, title="Bald", start=in_days(3))
    MeetingPageFactory(parent=working_group, title="Später", start=in_days(30))
    MeetingPageFactory(parent=working_group, title="Vorbei", start=in_days(-30))
    MeetingPageFactory(parent=working_group, title="Entwurf", start=in_days(5), live=False)

    html = client.get(working_group.url).content.decode()

    upcoming = _section(html, "kommende-termine")
    archive = _section(html, "vergangene-termine")
    assert upcoming.index("Bald") < upcoming.index("Später")
    assert "Vorbei" in archive and "Vorbei" not in upcoming
    assert "Entwurf" not in html
    assert '<link rel="alternate" type="text/calendar"' in html
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert "webcal://" in html


def test_filters_by_type_topic_and_year(client, working_group):
    topic = TopicFactory(name="Mobiles Arbeiten", slug="mobiles-arbeiten")
    meeting = MeetingPageFactory(
        parent=working_group, title="Treffen 2020", start=dt.datetime(2020, 3, 12, tzinfo=BERLIN)
    )
    workshop = WorkshopPageFactory(
        parent=working_group, title="Werkstatt 2021", start=dt.datetime(2021, 4, 29, tzinfo=BERLIN)
    )
    workshop.topics.add(topic)
    workshop.save_revision().publish()
    InfoSessionPageFactory(parent=working_group, title="Info kommend", start=in_days(10))

    by_type = client.get(working_group.url, {"typ": "fachwerkstatt"}).content.decode()
    by_topic = client.get(working_group.url, {"thema": "mobiles-arbeiten"}).content.decode()
    by_year = client.get(working_group.url, {"jahr": "2020"}).content.decode()

    assert "Werkstatt 2021" in by_type and meeting.title not in by_type
    assert "Werkstatt 2021" in by_topic and "Info kommend" not in by_topic
    assert "Treffen 2020" in by_year and "Werkstatt 2021" not in by_year
    assert '<option value="mobiles-arbeiten" selected>' in by_topic


@pytest.mark.parametrize(
    "query",
    [
        {"typ": "unbekannt"},
        {"jahr": "abc"},
        {"jahr": "99999999999999999999"},
        {"thema": "<script>"},
        {"seite": "-3"},
        {"kommend": "x"},
    ],
)
def test_invalid_filters_give_a_helpful_page_not_an_error(client, working_group, query):
    MeetingPageFactory(parent=working_group, title="Treffen")

    response = client.get(working_group.url, query)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Treffen" in html
    if set(query) & {"typ", "jahr", "thema"}:
        assert "Ein Filter passt nicht" in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_archive_is_paginated(client, working_group):
    for number in range(12):
        MeetingPageFactory(
            parent=working_group, title=f"Archiv {number:02d}", start=in_days(-number - 1)
        )

    first = client.get(working_group.url).content.decode()
    second = client.get(working_group.url, {"seite": 2}).content.decode()

    assert "Archiv 00" in first and "Archiv 11" not in first
    assert "Seite 1 von 2" in first
    assert "Archiv 11" in second and "Archiv 00" not in second


def test_termine_page_lists_all_groups_and_filters_by_group(client, home_page, events_page):
    mobility = WorkingGroupPageFactory(parent=home_page, title="Die neue Mobilität", slug="mobil")
    cooperation = WorkingGroupPageFactory(parent=home_page, title="Kommunen", slug="kommunen")
    MeetingPageFactory(parent=mobility, title="Radverkehr")
    MeetingPageFactory(parent=cooperation, title="Vergabestelle")

    all_events = client.get(events_page.url).content.decode()
    only_mobility = client.get(events_page.url, {"arbeitskreis": "mobil"}).content.decode()

    assert "Radverkehr" in all_events and "Vergabestelle" in all_events
    assert "Die neue Mobilität" in all_events  # the group is named on each row
    assert "Radverkehr" in only_mobility and "Vergabestelle" not in only_mobility


def test_month_view_is_a_table_with_machine_readable_dates(client, working_group):
    MeetingPageFactory(
        parent=working_group,
        title="Fachtag",
        start=dt.datetime(2020, 11, 12, 10, tzinfo=BERLIN),
        end=dt.datetime(2020, 11, 13, 16, tzinfo=BERLIN),
    )

    response = client.get(f"{working_group.url}monat/2020/11/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<table" in html and '<th scope="col"' in html
    assert "Termine im November 2020" in html
    assert '<time class="month-table__date" datetime="2020-11-12"' in html
    assert html.count(">10:00</time> Fachtag") == 2  # on both days of the event
    assert "Oktober 2020" in html and "Dezember 2020" in html


def test_the_kept_month_grid_moves_today_at_midnight_and_shows_a_new_event_at_once(
    client, working_group
):
    """The grid is kept until content changes or the day ends (it marks today)."""
    today = timezone.localdate()
    tomorrow = today + dt.timedelta(days=1)
    tomorrow_month = f"{working_group.url}monat/{tomorrow.year}/{tomorrow.month}/"
    client.get(tomorrow_month)
    MeetingPageFactory(parent=working_group, title="Neues Treffen", start=in_days(1))

    first = client.get(tomorrow_month).content.decode()
    with mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() + dt.timedelta(days=1)
    ):
        next_day = client.get(tomorrow_month).content.decode()

    assert "Neues Treffen" in first
    assert f'datetime="{tomorrow:%Y-%m-%d}" aria-current="date"' not in first
    assert f'datetime="{tomorrow:%Y-%m-%d}" aria-current="date"' in next_day


@pytest.mark.parametrize("path", ["monat/2020/13/", "monat/2020/0/", "monat/0000/1/"])
def test_month_view_rejects_impossible_months(client, working_group, path):
    assert client.get(f"{working_group.url}{path}").status_code == 404


def test_month_shortcut_redirects_to_current_month(client, working_group):
    response = client.get(f"{working_group.url}monat/")

    assert response.status_code == 302
    assert response["Location"].startswith(f"{working_group.url}monat/")


def test_home_page_shows_next_events(client, working_group):
    MeetingPageFactory(parent=working_group, title="Nächstes Treffen", start=in_days(2))
    MeetingPageFactory(parent=working_group, title="Altes Treffen", start=in_days(-2))

    html = client.get("/").content.decode()

    assert "Nächste Termine" in html
    assert "Nächstes Treffen" in html and "Altes Treffen" not in html


def _filter_options(client, url, name):
    """The values offered by one select of the filter form."""
    html = client.get(url).content.decode()
    start = html.index(f'name="{name}"')
    select = html[start : html.index("</select>", start)]
    return re.findall(r'<option value="([^"]+)"', select)


def test_filter_options_follow_newly_published_events_and_topics(client, working_group):
    old_topic = TopicFactory(name="Vergabe", slug="vergabe")
    first = MeetingPageFactory(parent=working_group, start=in_days(-400))
    first.topics.set([old_topic])
    first.save_revision().publish()
    before_years = _filter_options(client, working_group.url, "jahr")  # now cached
    assert _filter_options(client, working_group.url, "thema") == ["vergabe"]

    new_topic = TopicFactory(name="Personalpool", slug="personalpool")
    second = MeetingPageFactory(parent=working_group, start=in_days(400), live=False)
    second.topics.set([new_topic])
    second.save_revision().publish()

    years = _filter_options(client, working_group.url, "jahr")
    assert str(in_days(400).year) in years and str(in_days(400).year) not in before_years
    assert sorted(_filter_options(client, working_group.url, "thema")) == [
        "personalpool",
        "vergabe",
    ]

    new_topic.name = "Gemeinsamer Personalpool"
    new_topic.save()
    assert "Gemeinsamer Personalpool" in client.get(working_group.url).content.decode()


def test_filters_are_folded_with_the_result_count_and_open_while_active(client, working_group):
    MeetingPageFactory(parent=working_group, title="Kommend")
    MeetingPageFactory(parent=working_group, title="Vorbei", start=in_days(-30))

    plain = client.get(working_group.url).content.decode()
    filtered = client.get(working_group.url, {"typ": "treffen"}).content.decode()

    assert '<details class="event-filter">' in plain and "2 insgesamt" in plain
    assert '<details class="event-filter" open>' in filtered
    assert "2 Treffer mit Filter" in filtered


def test_empty_states_say_what_is_true(client, working_group):
    empty = client.get(working_group.url).content.decode()
    assert "event-filter" not in empty  # nothing to filter
    assert "Derzeit sind keine Termine angekündigt." in empty
    assert "Bisher gibt es keine vergangenen Termine." in empty
    assert "zu dieser Auswahl" not in empty

    MeetingPageFactory(parent=working_group, title="Kommend")
    filtered = client.get(working_group.url, {"typ": "fachwerkstatt"}).content.decode()
    assert "Keine kommenden Termine zu dieser Auswahl." in filtered
    assert "Derzeit sind keine Termine angekündigt." not in filtered


def test_a_working_groups_topics_link_to_its_events_on_that_topic(client, working_group):
    bauhof = TopicFactory(name="Bauhof", slug="bauhof")
    working_group.topics.add(bauhof)
    working_group.save_revision().publish()

    html = client.get(working_group.url).content.decode()

    assert f'<a class="kern-link" href="{working_group.url}?thema=bauhof">Bauhof</a>' in html


def test_the_workshop_filter_finds_meetings_held_as_workshops_too(client, working_group):
    MeetingPageFactory(
        parent=working_group, title="Werkstatt-Treffen vom Mai", meeting_kind="workshop_meeting"
    )
    MeetingPageFactory(parent=working_group, title="Arbeitskreistreffen vom Juni")
    WorkshopPageFactory(parent=working_group, title="Fachwerkstatt vom Juli")

    html = client.get(working_group.url, {"typ": "fachwerkstatt"}).content.decode()

    assert "Werkstatt-Treffen vom Mai" in html and "Fachwerkstatt vom Juli" in html
    assert "Arbeitskreistreffen vom Juni" not in html


def test_kept_listing_rows_follow_new_events_and_time(client, working_group, member, monkeypatch):
    """Members are never served from the page cache, but the listing rows are kept for them
    too: a publish and an event's end both show at once."""
    client.force_login(member)
    soon = MeetingPageFactory(parent=working_group, title="Gleich vorbei", start=in_days(1))
    assert "Gleich vorbei" in _section(
        client.get(working_group.url).content.decode(), "kommende-termine"
    )

    MeetingPageFactory(
        parent=working_group, title="Neu angekündigt", live=False
    ).save_revision().publish()
    after_publish = client.get(working_group.url).content.decode()
    later = soon.end + dt.timedelta(minutes=1)
    monkeypatch.setattr("django.utils.timezone.now", lambda: later)
    after_end = client.get(working_group.url).content.decode()

    assert "Neu angekündigt" in _section(after_publish, "kommende-termine")
    assert "Gleich vorbei" in _section(after_end, "vergangene-termine")
    assert "Gleich vorbei" not in _section(after_end, "kommende-termine")
