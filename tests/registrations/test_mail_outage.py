"""A mail server that is down never decides a registration: it delays the mails, and they
arrive once it is back, each once.

The site runs as in production: mails are tasks in the database queue, delivered by SMTP to a
real server (aiosmtpd) that the test starts after the outage; the worker runs in-process.
"""

import re

from django.test import Client

import icalendar
import pytest

from registrations.models import Registration, RegistrationStatus
from tests.mailserver import MailServer, pauses_pass, run_queue, waiting_mails
from tests.registrations.guest import GUEST_FORM as FORM

# The requests commit, as in production; the tests start from the migrated database.
pytestmark = pytest.mark.usefixtures("migrated_database")


@pytest.fixture
def mail_server(settings):
    with MailServer.down(settings) as server:
        yield server


def _link(message, name):
    text = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(rf"https?://[^/\s]+(/veranstaltungsanmeldung/{name}/[^\s]+/)", text)[1]


def _calendar_part(message):
    (part,) = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    return part


def test_a_guest_registers_while_the_mail_server_is_down_and_the_mail_arrives_once_after(
    mail_server, event
):
    response = Client().post(f"/veranstaltungsanmeldung/{event.pk}/", FORM)

    assert response.status_code == 200
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in response.content.decode()
    registration = Registration.objects.get(email="gerda@example.org")
    assert registration.status == RegistrationStatus.UNCONFIRMED
    assert waiting_mails().count() == 1

    run_queue()  # the server is still down: the attempt fails, a retry waits
    assert waiting_mails().count() == 1
    assert mail_server.received == []

    mail_server.start()
    pauses_pass()
    run_queue()
    pauses_pass()
    run_queue()

    assert mail_server.subjects_to("gerda@example.org") == [
        f"Bitte bestätigen Sie Ihre Anmeldung: {event.title}"
    ]
    assert waiting_mails().count() == 0
    (confirmation,) = mail_server.messages_to("gerda@example.org")
    confirmed = Client().post(_link(confirmation, "bestaetigen"))
    assert "Sie sind angemeldet" in confirmed.content.decode()


def test_a_cancellation_while_the_mail_server_is_down_tells_the_promoted_person_after(
    mail_server, event, members
):
    first, second, waiting = (Client() for _ in range(3))
    for client, member in zip((first, second, waiting), members, strict=False):
        client.force_login(member)
        data = {**FORM, "name": member.get_full_name(), "email": member.email}
        assert client.post(f"/veranstaltungsanmeldung/{event.pk}/", data).status_code == 200
    assert Registration.objects.get(email=members[2].email).status == RegistrationStatus.WAITING
    mail_server.start()
    run_queue()
    mail_server.stop()
    cancel_url = _link(mail_server.messages_to(members[0].email)[0], "absagen")

    response = Client().post(cancel_url)

    assert response.status_code == 302
    assert Registration.objects.get(email=members[0].email).status == RegistrationStatus.CANCELLED
    promoted = Registration.objects.get(email=members[2].email)
    assert promoted.status == RegistrationStatus.CONFIRMED
    run_queue()
    assert len(mail_server.received) == 3  # the three registrations, nothing since

    mail_server.start()
    pauses_pass()
    run_queue()

    assert mail_server.subjects_to(members[2].email) == [
        f"Warteliste: {event.title}",
        f"Ein Platz ist frei: Sie sind angemeldet für {event.title}",
    ]
    invitation = _calendar_part(mail_server.messages_to(members[2].email)[-1])
    assert invitation.get_content_type() == "text/calendar"
    assert invitation.get_param("method") == "REQUEST"
    (attachment,) = mail_server.messages_to(members[2].email)[-1].iter_attachments()
    assert attachment.get_filename() == "einladung.ics"
    calendar = icalendar.Calendar.from_ical(invitation.get_content())
    assert calendar["method"] == "REQUEST"
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["attendee"]) == f"mailto:{members[2].email}"
    assert mail_server.subjects_to(members[0].email)[-1] == f"Teilnahme abgesagt: {event.title}"
    cancelled = mail_server.messages_to(members[0].email)[-1]
    assert _calendar_part(cancelled).get_param("method") == "CANCEL"
    assert len(mail_server.received) == 5
