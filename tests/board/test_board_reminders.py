"""Owners are reminded once before their entry leaves the board, and again after extending it."""

import datetime as dt
import io

from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.formats import date_format

from wagtail.models import Revision

import pytest

from board.models import EntryStatus
from board.reminders import send_expiry_reminders
from tests.factories import CooperationEntryFactory, UserFactory

pytestmark = pytest.mark.django_db


def _in_days(days):
    return timezone.localdate() + dt.timedelta(days=days)


def test_owner_and_contact_are_reminded_once_before_expiry(board, mailoutbox, settings):
    settings.BOARD_REMINDER_DAYS = 14
    owner = UserFactory(username="eigentuemerin", email="owner@paderborn.example.org")
    soon = CooperationEntryFactory(
        title="Vergabe & Beschaffung teilen",
        valid_until=_in_days(10),
        submitted_by=owner,
        contact_email="vergabe@paderborn.example.org",
    )
    CooperationEntryFactory(title="Noch lange gültig", valid_until=_in_days(60))
    CooperationEntryFactory(
        title="Schon vermittelt", valid_until=_in_days(5), status=EntryStatus.MATCHED
    )
    CooperationEntryFactory(title="Entwurf", valid_until=_in_days(5), live=False)

    output = io.StringIO()
    with translation.override("en"):  # as from cron, without a German request around it
        call_command("remind_board_owners", stdout=output)
    send_expiry_reminders()  # the next day's run sends nothing new

    [mail] = mailoutbox
    assert mail.subject == "Ihr Eintrag „Vergabe & Beschaffung teilen“ läuft bald ab"
    assert set(mail.to) == {"owner@paderborn.example.org", "vergabe@paderborn.example.org"}
    assert "noch 10 Tage" in mail.body
    with translation.override("de"):
        assert date_format(soon.valid_until, "j. F Y") in mail.body  # German month name
    assert f"/boerse/meine-eintraege/{soon.pk}/" in mail.body
    assert "„Vergabe & Beschaffung teilen“" in mail.body  # plain text, not HTML-escaped
    assert output.getvalue().strip() == "Erinnerungen versendet: 1"


def test_extending_the_entry_earns_a_new_reminder(board, mailoutbox):
    entry = CooperationEntryFactory(title="Kehrmaschine", valid_until=_in_days(3))
    send_expiry_reminders()

    entry.valid_until = _in_days(200)
    entry.save_revision().publish()
    send_expiry_reminders()
    later = timezone.localdate() + dt.timedelta(days=190)
    send_expiry_reminders(today=later)

    assert len(mailoutbox) == 2
    assert "Zum Verlängern antworten Sie bitte der Geschäftsstelle." in mailoutbox[0].body


def test_publishing_an_older_revision_does_not_repeat_the_reminder(board, mailoutbox):
    entry = CooperationEntryFactory(title="Kehrmaschine", valid_until=_in_days(5))
    entry.description = "Neuer Text, noch in der Moderation."
    revision = entry.save_revision()  # written before the reminder goes out
    send_expiry_reminders()

    Revision.objects.get(pk=revision.pk).publish()  # approved later, in another request
    send_expiry_reminders()

    assert len(mailoutbox) == 1
    entry.refresh_from_db()
    assert entry.description == "Neuer Text, noch in der Moderation."
