"""The registration mails as a mail program receives them from a real SMTP server: text and
HTML, and an invitation whose calendar part Outlook and webmail apply to the existing entry."""

import datetime as dt
import re

from django.test import Client

import icalendar
import pytest

from registrations.models import Registration, RegistrationStatus
from tests.factories import change_registration
from tests.mailserver import MailServer, run_queue
from tests.registrations.guest import GUEST_FORM as FORM

pytestmark = pytest.mark.usefixtures("migrated_database")


@pytest.fixture
def mail_server(settings):
    with MailServer.down(settings) as server:
        server.start()
        yield server


def _text(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def _html(message):
    return message.get_body(preferencelist=("html",)).get_content()


def _calendar(message):
    (part,) = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    calendar = icalendar.Calendar.from_ical(part.get_content())
    assert part.get_param("method") == calendar["METHOD"]
    assert part.get_content_charset() == "utf-8"
    (vevent,) = calendar.walk("VEVENT")
    return part.get_param("method"), vevent


def _confirmed_guest(mail_server, event):
    Client().post(f"/veranstaltungsanmeldung/{event.pk}/", FORM)
    run_queue()
    (request,) = mail_server.messages_to(FORM["email"])
    path = re.search(
        r"https?://[^/\s]+(/veranstaltungsanmeldung/bestaetigen/[^\s]+/)", _text(request)
    )
    Client().post(path[1])
    run_queue()
    return Registration.objects.get(email=FORM["email"])


def test_the_invitation_and_its_update_reach_the_calendar_as_one_entry(mail_server, event):
    registration = _confirmed_guest(mail_server, event)
    assert registration.status == RegistrationStatus.CONFIRMED
    event.start += dt.timedelta(days=7)
    event.end += dt.timedelta(days=7)
    event.save_revision().publish()
    run_queue()

    confirmation, invitation, update = mail_server.messages_to(FORM["email"])
    assert (
        str(confirmation["Subject"]).strip()
        == f"Bitte bestätigen Sie Ihre Anmeldung: {event.title}"
    )
    assert str(invitation["Subject"]).strip() == f"Anmeldung bestätigt: {event.title}"
    assert str(update["Subject"]).strip() == f"Geändert: {event.title}"
    assert [p.get_content_type() for p in update.walk()] == [
        "multipart/mixed",
        "multipart/alternative",
        "text/plain",
        "text/html",
        "text/calendar",
        "application/ics",
    ]
    (attachment,) = update.iter_attachments()
    assert attachment.get_filename() == "einladung.ics"

    first_method, first = _calendar(invitation)
    method, vevent = _calendar(update)
    assert first_method == method == "REQUEST"
    assert str(vevent["UID"]) == str(first["UID"])
    assert vevent["SEQUENCE"] == first["SEQUENCE"] + 1
    assert vevent["DTSTART"].dt == event.local_start
    assert str(vevent["ORGANIZER"]) == "mailto:plan@example.org"
    assert str(vevent["ATTENDEE"]) == f"mailto:{FORM['email']}"
    cancel_path = re.search(r"/veranstaltungsanmeldung/absagen/[^\s]+/", _text(update))[0]
    assert re.search(rf'<a href="https?://[^"/]+{re.escape(cancel_path)}"', _html(update))
    assert '<html lang="de">' in _html(update)

    response = Client().post(cancel_path)
    assert response.status_code == 302
    run_queue()
    cancellation = mail_server.messages_to(FORM["email"])[-1]
    assert str(cancellation["Subject"]).strip() == f"Teilnahme abgesagt: {event.title}"
    method, vevent = _calendar(cancellation)
    assert method == "CANCEL"
    assert vevent["STATUS"] == "CANCELLED"
    assert str(vevent["UID"]) == str(first["UID"])


def test_the_waiting_list_mail_quotes_a_quoted_title_once(mail_server, event):
    change_registration(event, capacity_in_person=0)
    event.title = "„Vergabe 2030“"
    event.save_revision().publish()

    _confirmed_guest(mail_server, event)

    waiting = mail_server.messages_to(FORM["email"])[-1]
    assert str(waiting["Subject"]).strip() == "Warteliste: „Vergabe 2030“"
    for body in (_text(waiting), _html(waiting)):
        assert body.count("„") == body.count("“") == 1
        assert "„Vergabe 2030“ ist ausgebucht" in body
    assert not [p for p in waiting.walk() if p.get_content_type() == "text/calendar"]
