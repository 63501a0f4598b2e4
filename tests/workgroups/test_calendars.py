"""Calendar files as a calendar app reads them (parsed with icalendar)."""

import datetime as dt
import re

from wagtail import hooks
from wagtail.models import PageViewRestriction

import icalendar
import pytest

from home.models import SiteSettings
from operations.page_cache import NEXT_CHANGE_HOOK
from tests.factories import MeetingPageFactory, WorkshopPageFactory, in_days
from workgroups.models import BERLIN

pytestmark = pytest.mark.django_db


def _calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def _events(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_single_event_download_has_what_a_calendar_app_shows(client, working_group):
    event = MeetingPageFactory(
        parent=working_group,
        title="Arbeitskreistreffen",
        start=dt.datetime(2026, 12, 15, 10, tzinfo=BERLIN),
        end=dt.datetime(2026, 12, 15, 12, 30, tzinfo=BERLIN),
    )

    response = client.get(f"{event.url}ical/")

    assert 'filename="' in response["Content-Disposition"]
    assert response["Content-Disposition"].endswith('.ics"')
    calendar = _calendar(response)
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Arbeitskreistreffen"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert vevent.decoded("DTSTART") == dt.datetime(2026, 12, 15, 10, tzinfo=BERLIN)
    assert vevent.decoded("DTEND").hour == 12
    assert str(vevent["LOCATION"]) == "Rathaus, Marienplatz 1, 33098 Paderborn"
    assert str(vevent["URL"]).endswith(event.url)
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert str(vevent["UID"]) == f"{event.translation_key}@testserver"
    assert "DTSTAMP" in vevent and "LAST-MODIFIED" in vevent
    assert int(vevent["SEQUENCE"]) == 0
    (timezone,) = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Europe/Berlin"
    assert b"TZID=Europe/Berlin" in response.content


def test_summer_time_is_kept(client, working_group):
    event = MeetingPageFactory(
        parent=working_group, start=dt.datetime(2027, 7, 1, 9, tzinfo=BERLIN), end=None
    )

    (vevent,) = _calendar(client.get(f"{event.url}ical/")).walk("VEVENT")

    start = vevent.decoded("DTSTART")
    assert start.utcoffset() == dt.timedelta(hours=2)
    assert start.hour == 9


def test_all_day_events_are_dates_with_exclusive_end(client, working_group):
    event = MeetingPageFactory(
        parent=working_group,
        start=dt.datetime(2019, 12, 18, tzinfo=BERLIN),
        end=dt.datetime(2019, 12, 18, 23, 59, 59, tzinfo=BERLIN),
        all_day=True,
    )

    response = client.get(f"{event.url}ical/")
    (vevent,) = _calendar(response).walk("VEVENT")

    assert b"DTSTART;VALUE=DATE:20191218" in response.content
    assert vevent.decoded("DTEND") == dt.date(2019, 12, 19)


def test_cancelled_event_is_cancelled_in_the_calendar_with_higher_sequence(client, working_group):
    event = MeetingPageFactory(parent=working_group, title="Treffen")
    event.status = "cancelled"
    event.save_revision().publish()

    (vevent,) = _calendar(client.get(f"{event.url}ical/")).walk("VEVENT")

    assert str(vevent["STATUS"]) == "CANCELLED"
    assert int(vevent["SEQUENCE"]) == 1
    assert str(vevent["SUMMARY"]) == "Abgesagt: Treffen"


def test_working_group_feed_has_public_events_only(client, working_group):
    MeetingPageFactory(parent=working_group, title="Öffentlich")
    MeetingPageFactory(parent=working_group, title="Entwurf", live=False)
    private = MeetingPageFactory(parent=working_group, title="Intern")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    events = _events(_calendar(client.get(f"{working_group.url}ical/")))

    assert set(events) == {"Öffentlich"}


def test_site_wide_feed_and_webcal_link(client, working_group, events_page):
    MeetingPageFactory(parent=working_group, title="Treffen A")
    WorkshopPageFactory(parent=working_group, title="Werkstatt B", start=in_days(-20))

    events = _events(_calendar(client.get(f"{events_page.url}ical/")))
    page = client.get(events_page.url).content.decode()

    assert set(events) == {"Treffen A", "Werkstatt B"}
    assert re.search(r'href="webcal://[a-z.]+(:\d+)?/termine/ical/"', page)


def test_uid_is_stable_across_renames(client, working_group):
    event = MeetingPageFactory(parent=working_group, title="Alt")
    (before,) = _calendar(client.get(f"{event.url}ical/")).walk("VEVENT")
    event.title = "Neu"
    event.save_revision().publish()

    (after,) = _calendar(client.get(f"{event.url}ical/")).walk("VEVENT")

    assert str(before["UID"]) == str(after["UID"])


def test_repeated_request_gets_304(client, working_group):
    MeetingPageFactory(parent=working_group)
    url = f"{working_group.url}ical/"
    first = client.get(url)

    by_etag = client.get(url, headers={"if-none-match": first["ETag"]})
    by_date = client.get(url, headers={"if-modified-since": first["Last-Modified"]})

    assert by_etag.status_code == 304
    assert by_date.status_code == 304


def test_etag_changes_when_an_event_is_added(client, working_group):
    MeetingPageFactory(parent=working_group)
    url = f"{working_group.url}ical/"
    first = client.get(url)
    MeetingPageFactory(parent=working_group)

    again = client.get(url, headers={"if-none-match": first["ETag"]})

    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]


def test_a_rescheduled_event_that_is_not_the_newest_ends_the_304s(client, working_group):
    """Calendars tell changes apart by an aggregate of their events (count, ids, sequences,
    latest publication), not by reading every row: republishing an older event counts."""
    older = MeetingPageFactory(parent=working_group, title="Älteres Treffen")
    MeetingPageFactory(parent=working_group, title="Neueres Treffen")
    url = f"{working_group.url}ical/"
    first = client.get(url)

    older.start = older.start + dt.timedelta(hours=2)
    older.save_revision().publish()
    by_etag = client.get(url, headers={"if-none-match": first["ETag"]})

    assert by_etag.status_code == 200
    (moved,) = [e for e in _calendar(by_etag).walk("VEVENT") if str(e["SUMMARY"]).startswith("Ä")]
    assert moved["DTSTART"].dt == older.start


def test_subscriptions_keep_the_past_twelve_months(client, working_group, events_page):
    MeetingPageFactory(parent=working_group, title="Vor elf Monaten", start=in_days(-335))
    MeetingPageFactory(parent=working_group, title="Vor dreizehn Monaten", start=in_days(-396))
    MeetingPageFactory(parent=working_group, title="Demnächst")

    for url in (f"{working_group.url}ical/", f"{events_page.url}ical/"):
        events = _events(_calendar(client.get(url)))

        assert set(events) == {"Vor elf Monaten", "Demnächst"}


def test_an_event_passing_the_twelve_month_line_changes_the_calendar(
    client, working_group, monkeypatch
):
    now = dt.datetime.now(tz=dt.UTC)
    MeetingPageFactory(parent=working_group, title="Bleibt")
    MeetingPageFactory(
        parent=working_group,
        title="Fällt heraus",
        start=now - dt.timedelta(days=365, hours=-1),
        end=None,
    )
    url = f"{working_group.url}ical/"
    first = client.get(url)
    assert "Fällt heraus" in _events(_calendar(first))

    monkeypatch.setattr("django.utils.timezone.now", lambda: now + dt.timedelta(hours=2))
    by_etag = client.get(url, headers={"if-none-match": first["ETag"]})
    by_date = client.get(url, headers={"if-modified-since": first["Last-Modified"]})

    assert by_etag.status_code == by_date.status_code == 200
    assert set(_events(_calendar(by_date))) == {"Bleibt"}


def test_the_page_cache_keeps_no_calendar_past_an_event_leaving_it(working_group):
    passed = dt.datetime.now(tz=dt.UTC).replace(microsecond=0) - dt.timedelta(days=300)
    MeetingPageFactory(parent=working_group, start=passed - dt.timedelta(hours=2), end=passed)
    shortly_before = passed + dt.timedelta(days=365, hours=-1)

    moments = [moment(shortly_before) for moment in hooks.get_hooks(NEXT_CHANGE_HOOK)]

    assert min(moment for moment in moments if moment) == passed + dt.timedelta(days=365)


def test_organizer_is_the_contact_address_or_else_the_site_address(client, working_group):
    MeetingPageFactory(
        parent=working_group, title="Mit Ansprechpartnerin", contact_email="plan@example.org"
    )
    MeetingPageFactory(parent=working_group, title="Ohne Ansprechpartner")

    response = client.get(f"{working_group.url}ical/")
    events = _events(_calendar(response))

    assert str(events["Mit Ansprechpartnerin"]["ORGANIZER"]) == "mailto:plan@example.org"
    assert str(events["Ohne Ansprechpartner"]["ORGANIZER"]) == "mailto:kontakt@example.org"
    assert b"@localhost" not in response.content


def test_without_any_address_the_calendar_names_no_organizer(client, working_group, events_page):
    SiteSettings.objects.update(email="")
    event = MeetingPageFactory(parent=working_group, title="Ohne Ansprechpartner")

    for url in (f"{event.url}ical/", f"{working_group.url}ical/", f"{events_page.url}ical/"):
        response = client.get(url)
        (vevent,) = _calendar(response).walk("VEVENT")

        assert "ORGANIZER" not in vevent
        assert b"@localhost" not in response.content
