"""Owners hear before their board entry expires, once per "valid until" date.

Run daily (``manage.py remind_board_owners``, e.g. from cron or the platform's scheduler).
An entry leaves the board by itself after its date; the reminder gives the owner the chance
to extend it first. Extending sets a new date, which earns a new reminder later.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation

from operations.composed_mail import compose_mail, quoted

from .matching import SEEKING_STATUSES
from .models import BoardPage, CooperationEntry


def entries_due(today):
    """Live, still seeking entries that expire soon and whose owners have not heard yet."""
    horizon = today + dt.timedelta(days=settings.BOARD_REMINDER_DAYS)
    return (
        CooperationEntry.objects.filter(
            live=True,
            status__in=SEEKING_STATUSES,
            valid_until__gte=today,
            valid_until__lte=horizon,
        )
        .exclude(expiry_reminder_sent_for=F("valid_until"))
        .select_related("submitted_by")
        .order_by("valid_until", "pk")
    )


def recipients(entry):
    """The member who submitted the entry and the contact named in it, each once."""
    addresses = []
    if entry.submitted_by and entry.submitted_by.email:
        addresses.append(entry.submitted_by.email)
    if entry.contact_email and entry.contact_email.lower() not in map(str.lower, addresses):
        addresses.append(entry.contact_email)
    return addresses


def _links(board, entry):
    """Absolute links for the e-mail; editing on the site only for entries a member submitted."""
    if board is None:
        return {}
    base = board.get_full_url()
    links = {"entry_url": base + board.reverse_subpage("entry", args=(entry.slug,))}
    if entry.submitted_by_id:
        links["edit_url"] = base + board.reverse_subpage("edit", args=(entry.pk,))
    return links


@translation.override(settings.LANGUAGE_CODE)  # cron has no request to choose German month names
def send_expiry_reminders(today=None):
    """Send the reminders that are due; returns how many entries were reminded."""
    today = today or timezone.localdate()
    board = BoardPage.objects.live().first()
    sent = 0
    for entry in entries_due(today):
        context = {
            "entry": entry,
            "quoted_title": quoted(entry.title),
            "days_left": (entry.valid_until - today).days,
        }
        context.update(_links(board, entry))
        # The mail is queued (operations/mail.py) in the transaction that marks it sent: a run that
        # stops halfway neither repeats a reminder nor skips one.
        with transaction.atomic():
            compose_mail("board/email/expiry_reminder", context, to=recipients(entry)).send()
            CooperationEntry.objects.filter(pk=entry.pk).update(
                expiry_reminder_sent_for=entry.valid_until
            )
        sent += 1
    return sent
