"""Every mail goes through the task queue (operations/mail.py): it arrives as it was composed, it is
sent only for a committed change, and a mail server that is down only delays it.

The site runs as in production here: mails are tasks in the database queue, delivered by SMTP
to a real server (aiosmtpd) the test starts; the worker runs in-process.
"""

import email
import email.policy
import json
import logging
import re
from email.mime.text import MIMEText

from django.core.mail import EmailMultiAlternatives, send_mail
from django.db import transaction

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from operations.mail import RETRY_DELAYS, QueuedMessage
from tests.factories import UserFactory
from tests.mailserver import MailServer, pauses_pass, run_queue, waiting_mails

CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
    "UID:treffen-42@example.org\r\nSUMMARY:Arbeitskreistreffen Vergabe – Köln\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)


@pytest.fixture
def mail_server(settings):
    with MailServer.down(settings) as server:
        yield server


def _invitation():
    """A mail like the registrations' (inline calendar part), with all a mail can carry."""
    message = EmailMultiAlternatives(
        "Anmeldung bestätigt: Arbeitskreistreffen „Vergabe“ in Höxter",
        "Guten Tag Gerda Gast,\n\nSie sind angemeldet. Grüße aus Paderborn – bis bald!\n",
        "Arbeitskreise <arbeitskreise@example.org>",
        ["Gerda Gast <gerda@example.org>"],
        cc=["plan@example.org"],
        bcc=["archiv@example.org"],
        reply_to=["Petra Plan <plan@example.org>"],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative("<p>Sie sind <strong>angemeldet</strong>.</p>", "text/html")
    calendar = MIMEText(CALENDAR, "calendar", "utf-8")
    calendar.set_param("method", "REQUEST")
    calendar.add_header("Content-Disposition", "attachment", filename="einladung.ics")
    message.attach(calendar)
    message.attach("programm.pdf", b"%PDF-1.7\n\x00\xff\xfe binary", "application/pdf")
    return message


def _parts(message):
    """Each part's headers (but the multipart boundary) and decoded content, in order."""
    return [
        (
            part.get_content_type(),
            part.get_params(),
            part.get("Content-Disposition"),
            part.get_payload(decode=True),
        )
        for part in message.walk()
        if not part.is_multipart()
    ]


@pytest.mark.usefixtures("migrated_database")
def test_a_mail_arrives_as_it_was_composed(mail_server):
    composed = _invitation()
    # What Django's SMTP backend put on the wire when it sent from the request.
    on_the_wire = composed.message().as_bytes(linesep="\r\n")
    expected_parts = _parts(email.message_from_bytes(on_the_wire, policy=email.policy.default))
    mail_server.start()

    assert composed.send() == 1
    assert mail_server.received == []  # queued, not sent from here
    run_queue()

    ((recipients, received),) = mail_server.received
    assert recipients == ["gerda@example.org", "plan@example.org", "archiv@example.org"]
    assert "Bcc" not in received
    assert str(received["Subject"]).strip() == composed.subject
    assert str(received["To"]) == "Gerda Gast <gerda@example.org>"
    assert str(received["Reply-To"]) == "Petra Plan <plan@example.org>"
    assert received["Auto-Submitted"] == "auto-generated"
    assert _parts(received) == expected_parts
    (calendar,) = [p for p in received.walk() if p.get_content_type() == "text/calendar"]
    assert calendar.get_param("method") == "REQUEST"
    assert calendar.get_content() == CALENDAR


@pytest.mark.django_db
def test_a_mail_about_a_change_that_is_rolled_back_is_never_queued(mail_server):
    with transaction.atomic():
        send_mail("Bestätigt", "Text", None, ["gerda@example.org"])
        transaction.set_rollback(True)
    assert not waiting_mails().exists()

    with transaction.atomic():
        send_mail("Bestätigt", "Text", None, ["gerda@example.org"])
    assert waiting_mails().count() == 1


@pytest.mark.django_db
def test_the_immediate_backend_sends_only_after_the_commit(
    settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "operations.mail.QueuedEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            send_mail("Zurückgerollt", "Text", None, ["gerda@example.org"])
            transaction.set_rollback(True)
        with transaction.atomic():
            send_mail("Bestätigt", "Text", None, ["gerda@example.org"])
            assert mailoutbox == []

    assert [mail.subject for mail in mailoutbox] == ["Bestätigt"]


@pytest.mark.usefixtures("migrated_database")
def test_the_queue_tries_for_more_than_a_day_then_gives_up_in_the_log(mail_server, caplog):
    send_mail("Bestätigt", "Text", None, ["gerda@example.org"])
    pauses = []

    with caplog.at_level(logging.WARNING, logger="operations.mail"):
        while waiting_mails().exists():
            run_queue()
            pauses += [task.run_after - task.enqueued_at for task in waiting_mails()]
            pauses_pass()

    minutes = [round(pause.total_seconds() / 60) for pause in pauses]
    assert len(minutes) == len(RETRY_DELAYS)
    assert minutes == sorted(minutes)  # the pauses grow
    assert sum(minutes) > 24 * 60
    attempts = DBTaskResult.objects.filter(task_path="operations.mail.deliver_mail")
    assert attempts.count() == len(RETRY_DELAYS) + 1
    assert attempts.filter(status=TaskResultStatus.FAILED).count() == 1
    give_up = [record for record in caplog.records if record.name == "operations.mail"][-1]
    assert give_up.levelno == logging.ERROR
    assert give_up.getMessage().startswith(
        f"E-Mail „Bestätigt“ an 1 Empfänger (example.org) nach {len(RETRY_DELAYS) + 1} "
        "Versuch(en) aufgegeben: "
    )
    assert "gerda@" not in caplog.text
    assert mail_server.received == []


@pytest.mark.usefixtures("migrated_database")
def test_a_mailbox_refused_for_good_is_not_tried_again(mail_server, caplog, settings):
    mail_server.unknown_addresses.add("weg@example.org")
    mail_server.start()
    send_mail("Bestätigt", "Text", None, ["weg@example.org"])

    with caplog.at_level(logging.ERROR, logger="operations.mail"):
        run_queue()

    assert not waiting_mails().exists()
    (give_up,) = [
        record.getMessage() for record in caplog.records if record.name == "operations.mail"
    ]
    assert give_up == (
        "E-Mail „Bestätigt“ an 1 Empfänger (example.org) nach 1 Versuch(en) aufgegeben: "
        "Empfänger abgelehnt (550 5.1.1 Mailbox unbekannt)"
    )
    assert _rows_of_the_queue() == [
        ({"sender": settings.DEFAULT_FROM_EMAIL, "recipients": ["weg@example.org"]}, 1)
    ]
    assert mail_server.received == []


def _rows_of_the_queue():
    """The arguments each mail task's row keeps, oldest first."""
    return [
        tuple(row.args_kwargs["args"])
        for row in DBTaskResult.objects.filter(task_path="operations.mail.deliver_mail").order_by(
            "enqueued_at"
        )
    ]


@pytest.mark.usefixtures("migrated_database")
def test_a_delivered_reset_link_is_not_kept_in_the_queue(client, home_page, mail_server):
    """Whoever reads the database (or a backup) finds no working link in the mails the queue
    has finished with; a retry still delivers the mail as it was composed."""
    UserFactory(username="kommune", email="kommune@example.org", groups=["Mitglieder"])
    client.post("/passwort/vergessen/", {"email": "kommune@example.org"})
    ((queued,),) = _rows_of_the_queue()
    composed = email.message_from_bytes(QueuedMessage(queued).mime)

    run_queue()  # the mail server is down: a retry waits with the message
    mail_server.start()
    pauses_pass()
    run_queue()

    ((recipients, received),) = mail_server.received
    assert recipients == ["kommune@example.org"]
    assert received["Message-ID"] == composed["Message-ID"]
    link = re.search(r"https?://\S+/passwort/\S+", received.get_body().get_content()).group()
    envelope = {"sender": queued["sender"], "recipients": ["kommune@example.org"]}
    assert _rows_of_the_queue() == [(envelope, 1), (envelope, 2)]
    everything = json.dumps(list(DBTaskResult.objects.values()), default=str)
    assert link not in everything
    assert queued["mime"] not in everything
