"""The daily reminder run does not depend on the mail server: its reminders wait in the queue
and go out once the server is back, each once."""

import datetime as dt
import io

from django.core.management import call_command
from django.utils import timezone

import pytest

from board.models import CooperationEntry
from board.reminders import send_expiry_reminders
from tests.factories import CooperationEntryFactory
from tests.mailserver import MailServer, pauses_pass, run_queue, waiting_mails

# The run commits, as from cron; the test starts from the migrated database.
pytestmark = pytest.mark.usefixtures("migrated_database")


def test_reminders_wait_for_the_mail_server_and_go_out_once(settings, board):
    valid_until = timezone.localdate() + dt.timedelta(days=5)
    entry = CooperationEntryFactory(
        title="Kehrmaschine teilen",
        valid_until=valid_until,
        contact_email="bauhof@borchen.example.org",
    )
    with MailServer.down(settings) as mail_server:
        output = io.StringIO()
        call_command("remind_board_owners", stdout=output)
        run_queue()  # the server is down: the attempt fails, a retry waits

        assert output.getvalue().strip() == "Erinnerungen versendet: 1"
        assert CooperationEntry.objects.get(pk=entry.pk).expiry_reminder_sent_for == valid_until
        assert send_expiry_reminders() == 0  # the next day's run queues nothing new
        assert waiting_mails().count() == 1

        mail_server.start()
        pauses_pass()
        run_queue()

        assert mail_server.subjects_to("bauhof@borchen.example.org") == [
            "Ihr Eintrag „Kehrmaschine teilen“ läuft bald ab"
        ]
