"""Event pages as visitors, members and editors meet them."""

import datetime as dt
import json
import re

from django.core.exceptions import ValidationError

import pytest
from wagtail_factories import DocumentFactory

from tests.factories import (
    InfoSessionPageFactory,
    MeetingPageFactory,
    TopicFactory,
    WorkshopPageFactory,
    in_days,
)
from workgroups.models import BERLIN, EventMaterial, EventSpeaker

pytestmark = pytest.mark.django_db


def _json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_meeting_page_shows_date_place_outcomes_and_type(client, working_group):
    meeting = MeetingPageFactory(
        parent=working_group,
        title="Arbeitskreistreffen vom 12.03.2020",
        start=dt.datetime(2020, 3, 12, 10, tzinfo=BERLIN),
        end=dt.datetime(2020, 3, 12, 12, 30, tzinfo=BERLIN),
        outcomes="<p>Potenzial bei standardisierten Arbeitsprozessen.</p>",
    )

    html = client.get(meeting.url).content.decode()

    assert html.count("<h1") == 1
    assert "Donnerstag, 12. März 2020, 10:00 bis 12:30 Uhr" in html
    assert "Rathaus" in html and "33098 Paderborn" in html
    assert "Potenzial bei standardisierten Arbeitsprozessen." in html
    # The type stands above the title; the title's own "Arbeitskreistreffen" does not count.
    assert '<p class="kern-preline">Arbeitskreistreffen · ' in html
    # Past: no invitation to put it in a calendar, but the file stays linked for machines.
    assert "In Kalender eintragen" not in html
    assert f'href="{meeting.url}ical/"' in html


def test_workshop_lists_speakers_moderation_and_grouped_materials(client, working_group):
    programme = DocumentFactory(title="Programm der Fachwerkstatt", kind="programme")
    talk = DocumentFactory(title="Präsentation von Herrn Meier", kind="presentation")
    protocol = DocumentFactory(title="Protokoll der Fachwerkstatt", kind="protocol")
    workshop = WorkshopPageFactory(
        parent=working_group,
        attendance_mode="online",
        online_url="https://konferenz.example.org/raum",
        moderation="scheuvens+wachten plus planungsgesellschaft mbh",
    )
    EventSpeaker.objects.create(
        page=workshop, name="Jürgen Meier", organisation="Stadt Paderborn", presentation=talk
    )
    for document in (protocol, talk, programme):
        EventMaterial.objects.create(page=workshop, document=document)

    html = client.get(workshop.url).content.decode()

    assert "Digitale Fachwerkstatt" in html
    assert "Jürgen Meier" in html and "(Stadt Paderborn)" in html
    assert "scheuvens+wachten plus planungsgesellschaft mbh" in html
    materials = html[html.index('id="unterlagen"') :]
    assert materials.index("Programm der Fachwerkstatt") < materials.index("Präsentationen")
    assert materials.index("Präsentationen") < materials.index("Protokoll der Fachwerkstatt")
    assert f"({protocol.link_details})" in materials


def test_info_session_shows_questions_it_answers(client, working_group):
    session = InfoSessionPageFactory(
        parent=working_group,
        questions=[("question", "Was ist mobile Arbeit?")],
        programme=[("item", {"time": dt.time(17), "title": "Begrüßung", "speaker": ""})],
    )

    html = client.get(session.url).content.decode()

    assert "Diese Fragen beantwortet die Veranstaltung" in html
    assert "Was ist mobile Arbeit?" in html
    assert "17:00 Uhr" in html and "Begrüßung" in html


def test_without_registration_the_join_link_is_for_logged_in_members(client, working_group, member):
    """Events that take no registrations on the site; with registrations see
    tests/registrations (the link is then for registered participants only)."""
    event = WorkshopPageFactory(
        parent=working_group,
        attendance_mode="online",
        online_url="https://konferenz.example.org/geheimer-raum",
    )

    anonymous = client.get(event.url).content.decode()
    client.force_login(member)
    as_member = client.get(event.url).content.decode()

    assert "geheimer-raum" not in anonymous
    assert "Zugangslink für Mitglieder nach dem Einloggen" in anonymous
    assert 'href="https://konferenz.example.org/geheimer-raum"' in as_member


def test_cancelled_and_postponed_events_show_a_banner(client, working_group):
    cancelled = MeetingPageFactory(parent=working_group, status="cancelled")
    postponed = MeetingPageFactory(
        parent=working_group,
        status="postponed",
        previous_start=dt.datetime(2026, 1, 15, 10, tzinfo=BERLIN),
    )

    cancelled_html = client.get(cancelled.url).content.decode()
    postponed_html = client.get(postponed.url).content.decode()

    assert "Diese Veranstaltung ist abgesagt." in cancelled_html
    assert "In Kalender eintragen" not in cancelled_html
    assert "Diese Veranstaltung wurde verschoben." in postponed_html
    assert "Ursprünglich geplant: Donnerstag, 15. Januar 2026, 10:00 Uhr" in postponed_html


def test_past_events_speak_in_the_past(client, working_group):
    upcoming = MeetingPageFactory(parent=working_group, start=in_days(7))
    past = MeetingPageFactory(parent=working_group, start=in_days(-7))
    cancelled_past = MeetingPageFactory(parent=working_group, start=in_days(-7), status="cancelled")
    cancelled_upcoming = MeetingPageFactory(
        parent=working_group, start=in_days(7), status="cancelled"
    )

    html = {
        name: client.get(event.url).content.decode()
        for name, event in {
            "upcoming": upcoming,
            "past": past,
            "cancelled past": cancelled_past,
            "cancelled upcoming": cancelled_upcoming,
        }.items()
    }

    assert "Diese Veranstaltung hat bereits stattgefunden." in html["past"]
    assert "In Kalender eintragen" not in html["past"]
    assert "hat bereits stattgefunden" not in html["upcoming"]
    assert "In Kalender eintragen" in html["upcoming"]
    assert "fand nicht statt." in html["cancelled past"]
    assert "findet nicht statt." in html["cancelled upcoming"]


def test_topics_are_called_themen_everywhere(client, working_group):
    topic = TopicFactory(name="Mobiles Arbeiten")
    event = MeetingPageFactory(parent=working_group)
    event.topics.add(topic)
    event.save_revision().publish()

    pages = [client.get(url).content.decode() for url in (event.url, working_group.url)]

    assert all("Handlungsfeld" not in html for html in pages)
    assert "<dt>Themen</dt>" in pages[0]
    assert "alle Themen" in pages[1]


def test_event_json_ld_describes_the_event(client, working_group):
    talk = DocumentFactory(title="Programm", kind="programme")
    event = WorkshopPageFactory(
        parent=working_group,
        title="Fachwerkstatt Personalpool",
        attendance_mode="hybrid",
        online_url="https://konferenz.example.org/geheim",
        status="postponed",
        previous_start=in_days(7),
    )
    EventMaterial.objects.create(page=event, document=talk)

    data = _json_ld(client.get(event.url).content.decode())

    assert data["@type"] == "Event"
    assert data["name"] == "Fachwerkstatt Personalpool"
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert data["previousStartDate"].startswith(in_days(7).date().isoformat())
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, virtual = data["location"]
    assert place["address"]["postalCode"] == "33098"
    assert virtual["@type"] == "VirtualLocation"
    assert "geheim" not in json.dumps(data)
    assert data["organizer"]["name"] == "Verbund e. V."
    assert data["inLanguage"] == "de" and data["isAccessibleForFree"] is True
    assert data["subjectOf"][0]["name"] == "Programm"
    assert data["startDate"].endswith("+01:00") or data["startDate"].endswith("+02:00")


def test_all_day_event_is_stored_as_whole_days_and_reads_as_dates(working_group):
    event = MeetingPageFactory.build(
        start=dt.datetime(2019, 12, 18, 15, tzinfo=BERLIN),
        end=dt.datetime(2019, 12, 19, 9, tzinfo=BERLIN),
        all_day=True,
    )
    event.clean()

    assert event.local_start == dt.datetime(2019, 12, 18, 0, 0, tzinfo=BERLIN)
    assert event.local_end.date() == dt.date(2019, 12, 19)
    assert event.date_display == "18. bis 19. Dezember 2019"


@pytest.mark.parametrize(
    ("fields", "field_with_error", "message"),
    [
        ({"end": in_days(13)}, "end", "Das Ende liegt vor dem Beginn"),
        ({"attendance_mode": "online", "online_url": ""}, "online_url", "Link zur Teilnahme"),
        ({"venue_name": "Rathaus", "city": ""}, "city", "zumindest den Ort"),
        ({"status": "postponed"}, "previous_start", "ursprünglichen Beginn"),
    ],
)
def test_event_validation_explains_the_problem(fields, field_with_error, message):
    event = MeetingPageFactory.build(start=in_days(14), **fields)

    with pytest.raises(ValidationError) as error:
        event.clean()

    assert message in str(error.value.message_dict[field_with_error])


def test_calendar_sequence_rises_when_time_place_or_status_change(working_group):
    event = MeetingPageFactory(parent=working_group)
    assert event.ical_sequence == 0

    event.title = "Neuer Titel"
    event.save_revision().publish()
    event.refresh_from_db()
    assert event.ical_sequence == 0

    event.start = event.start + dt.timedelta(hours=1)
    event.end = event.end + dt.timedelta(hours=1)
    event.save_revision().publish()
    event.refresh_from_db()
    assert event.ical_sequence == 1

    event.status = "cancelled"
    event.save_revision().publish()
    event.refresh_from_db()
    assert event.ical_sequence == 2


def test_topics_are_listed_on_the_event(client, working_group):
    topic = TopicFactory(name="Mobiles Arbeiten", slug="mobiles-arbeiten")
    event = MeetingPageFactory(parent=working_group)
    event.topics.add(topic)
    event.save_revision().publish()

    assert "Mobiles Arbeiten" in client.get(event.url).content.decode()


def test_draft_event_is_not_served(client, working_group):
    draft = MeetingPageFactory(parent=working_group, live=False)

    assert client.get(f"/kommunen-ohne-grenzen/{draft.slug}/").status_code == 404


def test_facts_come_before_the_text_and_only_coming_events_offer_the_calendar(
    client, working_group
):
    upcoming = MeetingPageFactory(parent=working_group, intro="Worum es geht.")

    html = client.get(upcoming.url).content.decode()

    assert html.index("Auf einen Blick") < html.index('event__intro">Worum es geht.')
    assert "In Kalender eintragen" in html
