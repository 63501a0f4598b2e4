"""Who gets a place, who waits, who moves up, and what each of them receives."""

import icalendar
import pytest
import vobject

from registrations import booking, links
from registrations.models import Registration, RegistrationStatus
from tests.factories import change_registration
from tests.registrations.mail import calendar_attachment

pytestmark = pytest.mark.django_db


def _register(event, user=None, *, email=None, attendance="in_person", name="Gast Gastmann"):
    return booking.register(
        event,
        name=user.get_full_name() if user else name,
        email=email or (user.email if user else "gast@example.org"),
        organisation="Stadt Paderborn",
        attendance=attendance,
        user=user,
    )


def test_a_member_gets_a_place_and_an_invitation_calendars_accept(
    event, members, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = _register(event, members[0])

    assert registration.status == RegistrationStatus.CONFIRMED
    (mail,) = mailoutbox
    assert mail.to == [members[0].email]
    assert mail.subject == "Anmeldung bestätigt: Arbeitskreistreffen Vergabe"
    assert "Sie sind angemeldet für „Arbeitskreistreffen Vergabe“ (vor Ort)." in mail.body
    assert "/veranstaltungsanmeldung/absagen/" in mail.body
    method, text = calendar_attachment(mail)
    assert method == "REQUEST"
    # Two independent parsers read the same invitation.
    calendar = icalendar.Calendar.from_ical(text)
    assert calendar["method"] == "REQUEST"
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["organizer"]) == "mailto:plan@example.org"
    assert vevent["organizer"].params["cn"] == "Petra Plan"
    assert str(vevent["attendee"]) == f"mailto:{members[0].email}"
    assert vevent["attendee"].params["partstat"] == "ACCEPTED"
    parsed = vobject.readOne(text)
    assert parsed.method.value == "REQUEST"
    assert parsed.vevent.summary.value == "Arbeitskreistreffen Vergabe"
    assert parsed.vevent.organizer.value == "mailto:plan@example.org"
    assert parsed.vevent.uid.value == vevent["uid"]


def test_guests_count_only_after_confirming_their_address(
    event, members, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        guest = _register(event, email="Gast@Example.org")

    assert guest.status == RegistrationStatus.UNCONFIRMED
    assert guest.email == "gast@example.org"
    (mail,) = mailoutbox
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in mail.body
    assert not [p for p in mail.message().walk() if p.get_content_type() == "text/calendar"]
    # Two members take both places meanwhile; the guest then lands on the waiting list.
    _register(event, members[0])
    _register(event, members[1])
    with django_capture_on_commit_callbacks(execute=True):
        guest = booking.confirm_guest(guest)
    assert guest.status == RegistrationStatus.WAITING
    assert mailoutbox[-1].subject == "Warteliste: Arbeitskreistreffen Vergabe"


def test_full_means_waiting_list_and_a_cancellation_moves_the_first_up(
    event, members, mailoutbox, django_capture_on_commit_callbacks
):
    first, second = _register(event, members[0]), _register(event, members[1])
    third, fourth = _register(event, members[2]), _register(event, members[3])
    online = _register(event, members[4], attendance="online")

    assert [r.status for r in (first, second, third, fourth, online)] == [
        "confirmed",
        "confirmed",
        "waiting",
        "waiting",
        "confirmed",
    ]
    assert booking.places_overview(event) == [
        {"label": "vor Ort", "free": 0, "waiting": 2},
        {"label": "online", "free": 0, "waiting": 0},
    ]
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        cancelled, promoted = booking.cancel(second)

    assert cancelled.status == RegistrationStatus.CANCELLED
    assert promoted.pk == third.pk and promoted.status == RegistrationStatus.CONFIRMED
    fourth.refresh_from_db()
    assert fourth.status == RegistrationStatus.WAITING
    by_address = {mail.to[0]: mail for mail in mailoutbox}
    assert by_address[members[1].email].subject.startswith("Teilnahme abgesagt")
    assert calendar_attachment(by_address[members[1].email])[0] == "CANCEL"
    assert by_address[members[2].email].subject.startswith("Ein Platz ist frei")
    assert calendar_attachment(by_address[members[2].email])[0] == "REQUEST"


def test_the_same_address_registers_once_but_may_return_after_cancelling(event, members):
    registration = _register(event, members[0])

    # A member is told; a guest's form answers as for a new address (test_guest_privacy.py).
    with pytest.raises(booking.RegistrationRefused, match="bereits eine Anmeldung"):
        _register(event, members[0], email=members[0].email.upper())
    again = _register(event, email=members[0].email.upper(), name="Noch einmal")
    assert again == registration
    assert again.name == members[0].get_full_name()

    booking.cancel(registration)
    assert _register(event, members[0]).status == RegistrationStatus.CONFIRMED
    assert Registration.objects.filter(event=event).count() == 2


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"enabled": False}, "keine Anmeldung"),
        ({"status": "cancelled"}, "abgesagt"),
        ({"audience": "members"}, "nur Mitgliedern"),
    ],
)
def test_registrations_are_refused_with_a_reason(event, change, reason):
    if "status" in change:
        event.status = change["status"]
        event.save()
    else:
        change_registration(event, **change)

    with pytest.raises(booking.RegistrationRefused, match=reason):
        _register(event)
    assert not Registration.objects.exists()


def test_after_the_deadline_nobody_registers(event, members):
    from tests.factories import in_days

    change_registration(event, deadline=in_days(-1))

    with pytest.raises(booking.RegistrationRefused, match="Anmeldefrist"):
        _register(event, members[0])


def test_personal_links_cannot_be_forged(event, members):
    registration = _register(event, members[0])
    token = links.personal_token(registration)

    assert links.registration_for_token(token) == registration
    assert links.registration_for_token(token[:-2] + "xy") is None
    assert links.registration_for_token(str(registration.key)) is None
