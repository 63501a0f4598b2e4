"""The schema.org Event of each kind of event meets Google's event rich-result rules: a place
with a postal address (no empty strings), online attendance as a public VirtualLocation, the
status, an image, the organiser, the speakers, and an offer where visitors register."""

import json
import re

from django.templatetags.static import static

import pytest
from wagtail_factories import ImageFactory

from registrations.models import Registration
from tests.factories import MeetingPageFactory, WorkshopPageFactory, in_days
from tests.factories.documents import pdf_document, restricted_collection
from workgroups.models import EventMaterial, EventSpeaker

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.org/"
JOIN_LINK = "https://konferenz.example.org/nur-fuer-mitglieder"


def _structured_data(client, event):
    html = client.get(event.url).content.decode()
    (script,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(script)


def _no_empty_values(value):
    if isinstance(value, dict):
        return all(_no_empty_values(item) for item in value.values())
    if isinstance(value, list):
        return bool(value) and all(_no_empty_values(item) for item in value)
    return value not in ("", None)


def _google_requirements_met(data):
    assert data["@type"] == "Event"
    assert data["name"] and data["startDate"] and data["location"]
    assert data["description"] and data["endDate"]
    assert data["image"][0].startswith("http://")
    assert data["organizer"]["name"] and data["organizer"]["url"].startswith("http")
    assert _no_empty_values(data)


def test_an_event_in_person_has_its_place_with_the_full_address(client, working_group):
    event = MeetingPageFactory(parent=working_group)

    data = _structured_data(client, event)

    _google_requirements_met(data)
    assert data["eventAttendanceMode"] == SCHEMA + "OfflineEventAttendanceMode"
    assert data["eventStatus"] == SCHEMA + "EventScheduled"
    assert data["location"] == {
        "@type": "Place",
        "name": "Rathaus",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Marienplatz 1",
            "postalCode": "33098",
            "addressLocality": "Paderborn",
            "addressCountry": "DE",
        },
    }
    assert "offers" not in data  # no registration on the site


def test_an_event_without_street_names_the_city_and_sends_no_empty_keys(client, working_group):
    event = MeetingPageFactory(parent=working_group, venue_name="", street="", postal_code="")

    data = _structured_data(client, event)

    _google_requirements_met(data)
    assert data["location"] == {
        "@type": "Place",
        "name": "Paderborn",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Paderborn",
            "addressCountry": "DE",
        },
    }


def test_an_online_event_names_its_page_never_the_join_link(client, member, working_group):
    event = MeetingPageFactory(
        parent=working_group,
        attendance_mode="online",
        venue_name="",
        street="",
        postal_code="",
        city="",
        online_url=JOIN_LINK,
    )
    client.force_login(member)  # a member sees the join link on the page, not in the JSON-LD

    data = _structured_data(client, event)

    _google_requirements_met(data)
    assert data["eventAttendanceMode"] == SCHEMA + "OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": event.get_full_url()}
    assert JOIN_LINK not in json.dumps(data)


def test_a_hybrid_event_has_both_places(client, working_group):
    event = MeetingPageFactory(parent=working_group, attendance_mode="hybrid", online_url=JOIN_LINK)

    data = _structured_data(client, event)

    _google_requirements_met(data)
    assert data["eventAttendanceMode"] == SCHEMA + "MixedEventAttendanceMode"
    assert [place["@type"] for place in data["location"]] == ["Place", "VirtualLocation"]
    assert data["location"][0]["address"]["streetAddress"] == "Marienplatz 1"
    assert JOIN_LINK not in json.dumps(data)


def test_a_cancelled_event_says_so_and_offers_no_places(client, working_group):
    event = MeetingPageFactory(
        parent=working_group, status="cancelled", registration={"capacity_in_person": 20}
    )

    data = _structured_data(client, event)

    _google_requirements_met(data)
    assert data["eventStatus"] == SCHEMA + "EventCancelled"
    assert "offers" not in data


def test_a_postponed_event_names_its_previous_start(client, working_group):
    event = MeetingPageFactory(
        parent=working_group,
        status="postponed",
        start=in_days(30),
        previous_start=in_days(10),
    )

    data = _structured_data(client, event)

    assert data["eventStatus"] == SCHEMA + "EventRescheduled"
    assert data["previousStartDate"].startswith(in_days(10).date().isoformat())
    assert data["startDate"].startswith(in_days(30).date().isoformat())


def _confirmed(event, numbers, attendance="in_person"):
    for number in numbers:
        Registration.objects.create(
            event=event,
            name=f"Person {number}",
            email=f"person{number}@example.org",
            attendance=attendance,
            status="confirmed",
        )


def test_a_free_event_with_registration_offers_places_for_nothing(client, working_group):
    event = MeetingPageFactory(
        parent=working_group,
        registration={"audience": "everyone", "deadline": in_days(12), "capacity_in_person": 20},
    )

    offer = _structured_data(client, event)["offers"]

    assert offer["@type"] == "Offer"
    assert offer["url"] == event.get_full_url()
    assert offer["price"] == 0 and offer["priceCurrency"] == "EUR"
    assert offer["availability"] == SCHEMA + "InStock"
    assert offer["validFrom"] and offer["validThrough"].startswith(in_days(12).date().isoformat())


def test_the_offer_tells_when_places_run_short_and_when_none_are_left(client, working_group):
    event = MeetingPageFactory(
        parent=working_group,
        registration={"audience": "everyone", "capacity_in_person": 10},
        is_free=False,
    )
    _confirmed(event, range(8))
    few_left = _structured_data(client, event)["offers"]
    _confirmed(event, range(8, 10))
    full = _structured_data(client, event)["offers"]

    assert few_left["availability"] == SCHEMA + "LimitedAvailability"
    assert full["availability"] == SCHEMA + "SoldOut"
    assert "price" not in full  # not free, and no price is known
    assert "Person 1" not in json.dumps(full)


def test_the_image_is_the_pages_else_the_working_groups_else_the_sites(client, working_group):
    plain = MeetingPageFactory(parent=working_group)
    assert _structured_data(client, plain)["image"] == [
        f"http://localhost{static('img/share.png')}"
    ]

    working_group.image = ImageFactory(title="Gruppe")
    working_group.save_revision().publish()
    group_image = _structured_data(client, plain)["image"][0]
    pictured = MeetingPageFactory(parent=working_group, image=ImageFactory(title="Termin"))
    own_image = _structured_data(client, pictured)["image"][0]

    assert re.match(r"http://localhost/media/images/.+\.fill-1200x630\.jpg$", group_image)
    assert re.match(r"http://localhost/media/images/.+\.fill-1200x630\.jpg$", own_image)
    assert own_image != group_image


def test_speakers_are_performers_and_members_only_documents_are_left_out(client, working_group):
    workshop = WorkshopPageFactory(parent=working_group)
    EventSpeaker.objects.create(
        page=workshop, name="Jürgen Meier", role="Leiter", organisation="Stadt Paderborn"
    )
    protocol = pdf_document(
        "Internes Protokoll", kind="protocol", collection=restricted_collection(("Mitglieder",))
    )
    EventMaterial.objects.create(page=workshop, document=protocol)

    data = _structured_data(client, workshop)

    assert data["performer"] == [
        {
            "@type": "Person",
            "name": "Jürgen Meier",
            "jobTitle": "Leiter",
            "affiliation": {"@type": "Organization", "name": "Stadt Paderborn"},
        }
    ]
    assert "Internes Protokoll" not in json.dumps(data)
