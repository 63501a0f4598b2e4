"""When the editor moves or cancels an event, everyone registered gets the updated invitation."""

import datetime as dt

import icalendar
import pytest
import vobject

from registrations import booking
from tests.registrations.mail import calendar_attachment

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered(event, members, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return [
            booking.register(
                event,
                name=member.get_full_name(),
                email=member.email,
                organisation="",
                attendance="in_person",
                user=member,
            )
            for member in members[:3]
        ]


def test_moving_the_event_sends_every_registrant_the_update_once(
    event, registered, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()
    first_sequence = event.ical_sequence
    event.start = event.start + dt.timedelta(days=7)
    event.end = event.end + dt.timedelta(days=7)

    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()

    # Two hold a place; the third waits and gets no invitation.
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted(r.email for r in registered[:2])
    mail = mailoutbox[0]
    assert mail.subject == f"Geändert: {event.title}"
    method, text = calendar_attachment(mail)
    assert method == "REQUEST"
    (vevent,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert vevent["sequence"] == first_sequence + 1
    assert vevent["dtstart"].dt == event.local_start
    assert int(vobject.readOne(text).vevent.sequence.value) == first_sequence + 1

    # Publishing again without a change sends nothing more.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert mailoutbox == []


def test_cancelling_the_event_removes_it_from_the_registrants_calendars(
    event, registered, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()
    event.status = "cancelled"

    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()

    # Two held a place and lose it from their calendars; the third waited and hears it too.
    by_address = {mail.to[0]: mail for mail in mailoutbox}
    assert len(mailoutbox) == 3 and set(by_address) == {r.email for r in registered}
    method, text = calendar_attachment(by_address[registered[0].email])
    assert method == "CANCEL"
    assert by_address[registered[0].email].subject == f"Abgesagt: {event.title}"
    assert vobject.readOne(text).vevent.status.value == "CANCELLED"
    assert "Sie standen auf der Warteliste" in by_address[registered[2].email].body
