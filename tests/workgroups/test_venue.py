"""The venue of an event as people going there need it: address, map link, how to get there,
how accessible the place is."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError

import pytest

from tests.factories import MeetingPageFactory, in_days

pytestmark = pytest.mark.django_db

ACCESSIBILITY = (
    "Barrierefreier Zugang über den Seiteneingang, Aufzug vorhanden, Behinderten-WC im EG"
)
DIRECTIONS = "Bus 4 bis Rathausplatz; Parkhaus Liboriberg, 5 Minuten Fußweg"


def _venue_block(html):
    match = re.search(r'<div class="venue">(.*?)</div>', html, re.S)
    return match.group(1) if match else ""


def _map_link(html):
    match = re.search(
        r'<a class="kern-link" href="([^"]+)">Karte und Anfahrt \(OpenStreetMap\)', html
    )
    assert match, "no map link on the page"
    return unescape(match.group(1))


def test_venue_shows_address_map_link_directions_and_accessibility(client, working_group):
    event = MeetingPageFactory(
        parent=working_group,
        venue_name="Technisches Rathaus, Sitzungsraum 2",
        street="Pontanusstraße 55",
        postal_code="33102",
        city="Paderborn",
        venue_directions=DIRECTIONS,
        venue_accessibility=ACCESSIBILITY,
    )

    html = client.get(event.url).content.decode()
    venue = _venue_block(html)

    assert "Technisches Rathaus, Sitzungsraum 2<br>Pontanusstraße 55<br>33102 Paderborn" in venue
    assert '<h3 class="venue__heading">Barrierefreiheit</h3>' in venue
    assert ACCESSIBILITY in venue
    assert '<h3 class="venue__heading">Anfahrt</h3>' in venue
    assert DIRECTIONS in venue
    # The link says that it leaves the site, and opens where the visitor is (no new tab).
    assert "(externe Website)" in venue
    assert 'target="_blank"' not in venue


def test_map_link_searches_the_encoded_address_without_the_room(client, working_group):
    event = MeetingPageFactory(
        parent=working_group,
        venue_name="Rathaus, Großer Sitzungssaal",
        street="Marktstraße 6",
        postal_code="33129",
        city="Delbrück",
    )

    url = _map_link(client.get(event.url).content.decode())

    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "www.openstreetmap.org", "/search")
    assert parse_qs(parts.query) == {"query": ["Marktstraße 6, 33129 Delbrück"]}
    assert "Marktstra%C3%9Fe+6%2C+33129+Delbr%C3%BCck" in parts.query  # encoded, no raw spaces


def test_map_link_without_street_searches_the_town(working_group):
    event = MeetingPageFactory.build(street="", postal_code="37671", city="Höxter")

    assert parse_qs(urlsplit(event.map_url).query) == {"query": ["37671 Höxter"]}


def test_page_loads_nothing_from_the_map_service(client, working_group):
    """Only a link: no embedded map, no script, picture or frame from OpenStreetMap."""
    event = MeetingPageFactory(parent=working_group)

    html = client.get(event.url).content.decode()

    assert _map_link(html).startswith("https://www.openstreetmap.org/search?")
    assert not re.search(r'(src|srcset|data|poster|action)="[^"]*openstreetmap', html)
    assert "<iframe" not in html


def test_online_only_event_shows_no_venue(client, working_group):
    event = MeetingPageFactory(
        parent=working_group,
        attendance_mode="online",
        online_url="https://konferenz.example.org/raum",
        # Left over from an earlier plan: not a place anyone should go to.
        venue_accessibility=ACCESSIBILITY,
    )

    html = client.get(event.url).content.decode()

    assert '<div class="venue">' not in html
    assert "OpenStreetMap" not in html
    assert ACCESSIBILITY not in html
    assert "Rathaus" not in html.split('id="auf-einen-blick"', 1)[1].split("</aside>", 1)[0]


def test_hybrid_event_shows_venue_and_online_note(client, working_group):
    event = MeetingPageFactory(
        parent=working_group,
        attendance_mode="hybrid",
        online_url="https://konferenz.example.org/raum",
        venue_accessibility=ACCESSIBILITY,
    )

    html = client.get(event.url).content.decode()
    facts = html.split('id="auf-einen-blick"', 1)[1].split("</aside>", 1)[0]

    assert ACCESSIBILITY in _venue_block(facts)
    assert "Online" in facts.split('<div class="venue">', 1)[1]


def test_venue_without_notes_shows_no_empty_headings(client, working_group):
    event = MeetingPageFactory(parent=working_group)

    venue = _venue_block(client.get(event.url).content.decode())

    assert "Rathaus<br>Marienplatz 1<br>33098 Paderborn" in venue
    assert "venue__heading" not in venue


@pytest.mark.parametrize("attendance_mode", ["in_person", "hybrid"])
def test_upcoming_event_on_site_needs_a_town(attendance_mode):
    event = MeetingPageFactory.build(
        start=in_days(10),
        attendance_mode=attendance_mode,
        online_url="https://konferenz.example.org/raum",
        venue_name="Rathaus",
        city="",
    )

    with pytest.raises(ValidationError) as error:
        event.clean()

    assert "zumindest den Ort" in str(error.value.message_dict["city"])


def test_past_event_and_online_event_need_no_town():
    past = MeetingPageFactory.build(start=in_days(-30), venue_name="", city="")
    online = MeetingPageFactory.build(
        start=in_days(10),
        attendance_mode="online",
        online_url="https://konferenz.example.org/raum",
        venue_name="",
        city="",
    )

    past.clean()
    online.clean()


def test_api_gives_the_venue_notes_and_map_link(client, working_group):
    event = MeetingPageFactory(
        parent=working_group, venue_directions=DIRECTIONS, venue_accessibility=ACCESSIBILITY
    )

    item = client.get(f"/api/v2/termine/{event.pk}/").json()

    assert item["venue_directions"] == DIRECTIONS
    assert item["venue_accessibility"] == ACCESSIBILITY
    assert item["map_url"] == (
        "https://www.openstreetmap.org/search?query=Marienplatz+1%2C+33098+Paderborn"
    )
