"""The personal calendar: a member's working groups and registrations at a secret address,
read by calendar libraries as calendar programs read it, and kept by no shared cache."""

import datetime as dt
import json
import subprocess
from pathlib import Path

from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction

import icalendar
import pytest
import vobject

from notifications import follows
from notifications.personal_calendar import calendar_for
from registrations.models import Registration, RegistrationStatus
from tests.factories import MeetingPageFactory, UserFactory, WorkingGroupPageFactory, in_days

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def followed_events(working_group, other_group, member):
    """Mia follows the working group and registered for one event of another group."""
    follows.follow(member, working_group)
    upcoming = MeetingPageFactory(
        parent=working_group,
        title="Treffen online",
        start=in_days(10),
        attendance_mode="online",
        online_url="https://konferenz.example.org/geheimer-raum",
    )
    last_year = MeetingPageFactory(
        parent=working_group, title="Treffen vor 300 Tagen", start=in_days(-300)
    )
    too_old = MeetingPageFactory(
        parent=working_group, title="Treffen vor 400 Tagen", start=in_days(-400)
    )
    registered = MeetingPageFactory(
        parent=other_group, title="Workshop mit Anmeldung", start=in_days(20)
    )
    not_mine = MeetingPageFactory(parent=other_group, title="Fremdes Treffen", start=in_days(21))
    Registration.objects.create(
        event=registered,
        user=member,
        name="Mia Mitglied",
        email=member.email,
        status=RegistrationStatus.WAITING,
        attendance="in_person",
    )
    return {
        "upcoming": upcoming,
        "last_year": last_year,
        "too_old": too_old,
        "registered": registered,
        "not_mine": not_mine,
    }


def feed_url(member):
    return reverse("personal_calendar", args=[calendar_for(member).token])


def test_the_feed_holds_followed_and_registered_events_with_the_join_link(
    client, member, followed_events
):
    response = client.get(feed_url(member))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(event["summary"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {
        "Treffen online",
        "Treffen vor 300 Tagen",
        "Warteliste: Workshop mit Anmeldung",
    }
    online = events["Treffen online"]
    assert str(online["conference"]) == "https://konferenz.example.org/geheimer-raum"
    assert "Zugang zur Online-Teilnahme" in str(online["description"])
    assert "Ihre Anmeldung: auf der Warteliste (vor Ort)" in str(
        events["Warteliste: Workshop mit Anmeldung"]["description"]
    )
    # A second, independent parser reads the same.
    parsed = vobject.readOne(response.content.decode())
    assert len(parsed.vevent_list) == 3


def test_icaljs_reads_the_feed_as_thunderbird_does(client, member, followed_events, tmp_path):
    path = tmp_path / "mein-kalender.ics"
    path.write_bytes(client.get(feed_url(member)).content)

    result = subprocess.run(  # noqa: S603 - a fixed command on a file this test wrote
        ["node", str(Path(__file__).with_name("read_with_icaljs.mjs")), str(path)],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )

    read = json.loads(result.stdout)
    assert read["name"] == "Meine Arbeitskreis-Termine"
    online = next(event for event in read["events"] if event["summary"] == "Treffen online")
    assert online["timezone"] == "Europe/Berlin"
    assert online["conference"] == "https://konferenz.example.org/geheimer-raum"
    expected_start = followed_events["upcoming"].start.astimezone(dt.UTC)
    assert online["start"] == expected_start.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def test_no_shared_cache_may_keep_it_and_no_other_site_may_read_it(client, member, followed_events):
    response = client.get(feed_url(member))

    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-cache"} <= cache_control
    assert not any(part.startswith(("public", "s-maxage")) for part in cache_control)
    assert "Access-Control-Allow-Origin" not in response
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_it_answers_304_while_nothing_changed_and_200_after_a_change(
    client, member, followed_events, monkeypatch
):
    url = feed_url(member)
    etag = client.get(url)["ETag"]
    # The calendar program asks again an hour later (REFRESH-INTERVAL): nothing changed.
    an_hour_later = timezone.now() + dt.timedelta(hours=1)
    with monkeypatch.context() as later:
        later.setattr(timezone, "now", lambda: an_hour_later)
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    event = followed_events["upcoming"]
    event.title = "Treffen online (neuer Titel)"
    event.save_revision().publish()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_renewing_the_address_makes_the_old_one_answer_404_at_once(client, member, followed_events):
    old_url = feed_url(member)
    assert client.get(old_url).status_code == 200
    client.force_login(member)

    response = client.post(reverse("notifications:settings"), {"action": "renew_calendar"})

    assert response.status_code == 302
    client.logout()
    assert client.get(old_url).status_code == 404
    assert client.get(feed_url(member)).status_code == 200


def test_an_account_that_is_no_member_any_more_gets_404(client, member, followed_events):
    url = feed_url(member)
    member.groups.clear()

    assert client.get(url).status_code == 404


def test_a_made_up_token_gets_404(client, member, followed_events):
    assert client.get(reverse("personal_calendar", args=["x" * 43])).status_code == 404


def test_a_members_only_group_stays_out_for_members_it_is_closed_to(
    client, home_page, member, editor
):
    closed = WorkingGroupPageFactory(parent=home_page, title="Nur Redaktion", slug="intern")
    restriction = PageViewRestriction.objects.create(page=closed, restriction_type="groups")
    restriction.groups.set(editor.groups.all())
    MeetingPageFactory(parent=closed, title="Internes Treffen", start=in_days(5))
    follows.follow(member, closed)  # followed before the group was closed to them
    follows.follow(editor, closed)

    assert b"Internes Treffen" not in client.get(feed_url(member)).content
    assert b"Internes Treffen" in client.get(feed_url(editor)).content


def test_too_many_requests_per_token_are_refused_for_an_hour(
    client, member, followed_events, settings
):
    settings.PERSONAL_CALENDAR_REQUESTS_PER_HOUR = 3
    url = feed_url(member)

    statuses = [client.get(url).status_code for _request in range(4)]

    assert statuses == [200, 200, 200, 429]
    other = UserFactory(username="otto", groups=["Mitglieder"])
    assert client.get(feed_url(other)).status_code == 200  # counted per token


def test_the_members_area_offers_the_address_to_subscribe_and_copy(
    client, member, followed_events, members_area
):
    client.force_login(member)

    page = client.get(members_area.url).content.decode()

    token = calendar_for(member).token
    assert f'href="webcal://testserver/mein-kalender/{token}.ics"' in page
    assert f'value="http://testserver/mein-kalender/{token}.ics"' in page
    assert "Adresse kopieren" in page
