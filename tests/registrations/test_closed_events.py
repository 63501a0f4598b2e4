"""A cancelled or past event offers no registration: no free places, no button, no login, no
form, also not at the registration address opened directly. A postponed event still takes
registrations."""

import pytest

from registrations import booking, links
from registrations.models import Registration, RegistrationStatus
from tests.factories import MeetingPageFactory, in_days
from tests.registrations.guest import GUEST_FORM

pytestmark = pytest.mark.django_db

#: Everything of the registration box a visitor or member could act on.
OFFERS = (
    "registration-box",
    "Plätze frei",
    "Zur Veranstaltung anmelden",
    "Als Mitglied einloggen",
    "Weitere Person anmelden",
    "Anmeldeschluss",
)


def _event(working_group, **fields):
    """A members-only meeting on site with places: the kind that offered a login before."""
    defaults = {
        "title": "Arbeitskreistreffen Vergabe",
        "start": in_days(20),
        "attendance_mode": "in_person",
        "venue_name": "Rathaus Paderborn",
        "city": "Paderborn",
    }
    registration = {
        "audience": "members",
        "others_may_be_registered": True,
        "capacity_in_person": 20,
    }
    registration.update(fields.pop("registration", {}))
    return MeetingPageFactory(
        parent=working_group, registration=registration, **{**defaults, **fields}
    )


def _register_url(event):
    return f"/veranstaltungsanmeldung/{event.pk}/"


def _offers(html, event):
    return [offer for offer in (*OFFERS, _register_url(event)) if offer in html]


@pytest.mark.parametrize(
    ("fields", "notice"),
    [
        ({"status": "cancelled"}, "Diese Veranstaltung ist abgesagt."),
        ({"start": in_days(-3)}, "Diese Veranstaltung hat bereits stattgefunden."),
        (
            {"status": "cancelled", "start": in_days(-3)},
            "Diese Veranstaltung ist abgesagt.",
        ),
    ],
    ids=["cancelled", "past", "cancelled-and-past"],
)
def test_a_visitor_sees_no_registration_on_a_cancelled_or_past_event(
    client, working_group, fields, notice, django_assert_max_num_queries
):
    event = _event(working_group, **fields)
    client.get(event.url)  # the parts shown to everyone are kept from here on

    with django_assert_max_num_queries(2):  # the page itself; nothing about registrations
        html = client.get(event.url).content.decode()

    assert notice in html
    assert _offers(html, event) == []


@pytest.mark.parametrize("fields", [{"status": "cancelled"}, {"start": in_days(-3)}])
def test_a_member_sees_no_registration_on_a_cancelled_or_past_event(
    client, working_group, member, fields
):
    event = _event(working_group, **fields)
    client.force_login(member)

    html = client.get(event.url).content.decode()

    assert _offers(html, event) == []


def test_a_registered_member_gets_no_join_link_and_no_cancel_link_once_cancelled(
    client, working_group, member
):
    member.email = "kommune@example.org"
    member.save()
    event = _event(
        working_group, attendance_mode="hybrid", online_url="https://konferenz.example.org/r1"
    )
    booking.register(event, organisation="", attendance="online", user=member)
    event.status = "cancelled"
    event.save()
    client.force_login(member)

    page = client.get(event.url).content.decode()
    mine = client.get("/veranstaltungsanmeldung/meine/").content.decode()

    assert "konferenz.example.org" not in page
    assert _offers(page, event) == []
    assert "Veranstaltung abgesagt" in mine
    assert "/veranstaltungsanmeldung/absagen/" not in mine


def test_a_postponed_event_still_takes_registrations(client, working_group, member):
    event = _event(working_group, status="postponed", previous_start=in_days(10))

    visitor = client.get(event.url).content.decode()
    client.force_login(member)
    as_member = client.get(event.url).content.decode()

    assert "Diese Veranstaltung wurde verschoben." in visitor
    assert "noch 20 Plätze frei" in visitor and "Als Mitglied einloggen" in visitor
    assert "Zur Veranstaltung anmelden" in as_member
    assert client.get(_register_url(event)).status_code == 200


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        (
            {"status": "cancelled"},
            "Die Veranstaltung ist abgesagt. Eine Anmeldung ist nicht mehr möglich.",
        ),
        ({"start": in_days(-3)}, "Die Veranstaltung hat bereits stattgefunden."),
    ],
    ids=["cancelled", "past"],
)
@pytest.mark.parametrize("viewer", ["visitor", "member"])
def test_the_registration_address_of_a_closed_event_says_why_and_offers_nothing(
    client, working_group, member, fields, reason, viewer
):
    event = _event(working_group, **fields)
    if viewer == "member":
        client.force_login(member)

    response = client.get(_register_url(event))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Anmeldung nicht möglich" in html and reason in html
    assert f'href="{event.url}"' in html  # the way back
    assert 'name="consent"' not in html and "Verbindlich anmelden" not in html
    assert "Als Mitglied einloggen" not in html


@pytest.mark.parametrize("fields", [{"status": "cancelled"}, {"start": in_days(-3)}])
def test_a_registration_sent_to_a_closed_event_is_refused_and_saves_nothing(
    client, working_group, fields
):
    event = _event(working_group, registration={"audience": "everyone"}, **fields)

    response = client.post(_register_url(event), GUEST_FORM)

    assert response.status_code == 403
    assert "Anmeldung nicht möglich" in response.content.decode()
    assert not Registration.objects.exists()


def test_registering_a_colleague_for_a_cancelled_event_is_refused(client, working_group, member):
    event = _event(working_group, status="cancelled")
    client.force_login(member)

    response = client.get(f"{_register_url(event)}weitere-person/")

    assert response.status_code == 403
    html = response.content.decode()
    assert "Die Veranstaltung ist abgesagt." in html and 'name="consent"' not in html


def test_a_guest_cannot_confirm_once_the_event_is_cancelled(client, working_group):
    event = _event(working_group, registration={"audience": "everyone"})
    guest = booking.register(
        event, name="Gerda Gast", email="gerda@example.org", organisation="", attendance="in_person"
    )
    event.status = "cancelled"
    event.save()
    confirm = f"/veranstaltungsanmeldung/bestaetigen/{links.personal_token(guest)}/"

    page = client.get(confirm).content.decode()
    posted = client.post(confirm).content.decode()

    assert "Die Veranstaltung ist abgesagt. Eine Anmeldung ist nicht mehr möglich." in page
    assert "Ja, Anmeldung bestätigen" not in page
    assert "Die Veranstaltung ist abgesagt." in posted
    guest.refresh_from_db()
    assert guest.status == RegistrationStatus.UNCONFIRMED


def test_after_the_deadline_the_box_says_so_without_places_or_login(client, working_group):
    event = _event(working_group, registration={"deadline": in_days(-1)})

    html = client.get(event.url).content.decode()

    assert "Die Anmeldefrist ist abgelaufen." in html
    assert "Plätze frei" not in html and "Als Mitglied einloggen" not in html
    assert _register_url(event) not in html


def test_a_place_given_up_at_a_cancelled_event_moves_nobody_up(
    working_group, members, mailoutbox, django_capture_on_commit_callbacks
):
    event = _event(working_group, registration={"capacity_in_person": 1})
    holder, waiting = (
        booking.register(event, organisation="", attendance="in_person", user=member)
        for member in members[:2]
    )
    event.status = "cancelled"
    event.save()
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        _cancelled, promoted = booking.cancel(holder)

    assert promoted is None
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.WAITING
    assert not [mail for mail in mailoutbox if mail.subject.startswith("Ein Platz ist frei")]


def test_a_cancelled_online_event_asks_nobody_to_log_in_for_its_link(client, working_group):
    event = _event(
        working_group,
        status="cancelled",
        attendance_mode="online",
        venue_name="",
        city="",
        online_url="https://konferenz.example.org/vergabe",
    )

    html = client.get(event.url).content.decode()

    assert "Diese Veranstaltung ist abgesagt." in html
    assert "Zugangslink" not in html and "einloggen" not in html.split("<main", 1)[1].lower()
    assert "konferenz.example.org" not in html
