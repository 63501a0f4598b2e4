"""The composed mails as a mail program receives them from a real SMTP server: a text and an
HTML part in German, the calendar part calendar programs apply, the one-click unsubscribe."""

from pathlib import Path

import icalendar
import pytest

from operations.composed_mail import compose_mail
from tests.mailserver import MailServer, run_queue

pytestmark = pytest.mark.usefixtures("migrated_database")

TEMPLATES = Path(__file__).parent / "mail_templates"

CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//DE\r\nMETHOD:REQUEST\r\n"
    "BEGIN:VEVENT\r\nUID:event-1@example.org\r\nSEQUENCE:2\r\nDTSTAMP:20261205T100000Z\r\n"
    "DTSTART:20261210T090000Z\r\nSUMMARY:Arbeitskreis Mobilität\r\n"
    "ORGANIZER;CN=Geschäftsstelle:mailto:office@example.org\r\n"
    "ATTENDEE;CN=Gerda:mailto:gerda@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
).encode()


@pytest.fixture
def delivered(settings):
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [*engine["DIRS"], TEMPLATES]}]
    with MailServer.down(settings) as server:
        server.start()

        def deliver(**kwargs):
            context = {
                "name": "Gerda",
                "title": "Arbeitskreis Mobilität",
                "url": "https://example.org/a/",
            }
            compose_mail("testmail/invite", context, to=["gerda@example.org"], **kwargs).send()
            run_queue()
            (message,) = server.messages_to("gerda@example.org")
            return message

        yield deliver


def _types(message):
    return [part.get_content_type() for part in message.walk()]


def test_a_plain_mail_has_a_german_one_line_subject_a_text_and_an_html_part(delivered):
    message = delivered()

    assert str(message["Subject"]).strip() == "Einladung: „Arbeitskreis Mobilität“"
    assert _types(message) == ["multipart/alternative", "text/plain", "text/html"]
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "Sie sind eingeladen: https://example.org/a/" in text
    html = message.get_body(preferencelist=("html",)).get_content()
    assert '<html lang="de">' in html
    assert '<a href="https://example.org/a/">Arbeitskreis Mobilität</a>' in html
    assert "Arbeitskreise der regiopolREGION PADERBORN" in html
    assert "abbestellen" not in html + text
    assert message["List-Unsubscribe"] is None


def test_an_invitation_carries_the_calendar_as_outlook_and_google_send_it(delivered):
    message = delivered(calendar=CALENDAR, calendar_method="REQUEST")

    assert _types(message) == [
        "multipart/mixed",
        "multipart/alternative",
        "text/plain",
        "text/html",
        "text/calendar",
        "application/ics",
    ]
    calendar_part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    assert calendar_part.get_param("method") == "REQUEST"
    assert calendar_part.get_content_charset() == "utf-8"
    assert calendar_part.get_content_disposition() is None
    calendar = icalendar.Calendar.from_ical(calendar_part.get_content())
    assert calendar["METHOD"] == calendar_part.get_param("method")
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == "event-1@example.org"
    assert event["SEQUENCE"] == 2
    assert event["SUMMARY"] == "Arbeitskreis Mobilität"

    (attachment,) = message.iter_attachments()
    assert attachment.get_content_type() == "application/ics"
    assert attachment.get_filename() == "einladung.ics"
    assert attachment.get_content() == CALENDAR


def test_a_mail_one_can_unsubscribe_from_says_so_in_its_headers_and_both_parts(delivered):
    url = "https://example.org/abbestellen/abc/"
    message = delivered(unsubscribe_url=url, reply_to=["office@example.org"])

    assert message["List-Unsubscribe"] == f"<{url}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Reply-To"] == "office@example.org"
    html = message.get_body(preferencelist=("html",)).get_content()
    assert f'<a href="{url}"' in html
    assert url in message.get_body(preferencelist=("plain",)).get_content()


def test_the_password_reset_mail_has_its_link_as_a_link_in_the_html_part(
    settings, client, home_page, member
):
    member.email = "kommune@example.org"
    member.save()
    with MailServer.down(settings) as server:
        server.start()
        client.post("/passwort/vergessen/", {"email": "kommune@example.org"})
        run_queue()
        (message,) = server.messages_to("kommune@example.org")

    assert str(message["Subject"]).strip() == "Neues Passwort für die Arbeitskreise"
    text = message.get_body(preferencelist=("plain",)).get_content()
    (link,) = [line for line in text.splitlines() if "/passwort/neu/" in line]
    assert "Ihr Benutzername: kommune" in text
    html = message.get_body(preferencelist=("html",)).get_content()
    assert f'<a href="{link.strip()}"' in html
    assert '<html lang="de">' in html
