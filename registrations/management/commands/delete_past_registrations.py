"""Delete the personal data of registrations some days after their event (privacy).

Run daily (deploy/arbeitskreise-daily.service runs it with the other daily jobs):
    manage.py delete_past_registrations
The number of days is ``REGISTRATION_RETENTION_DAYS`` (default 30), so editors can still
answer questions about attendance in the weeks after an event.

The registration row is not the only place holding the registrant's name and address:
Wagtail's admin history (``ModelLogEntry``) labels every creation, edit and deletion of a
registration with the name, and the task queue keeps a row for every mail it delivered
(``operations/mail.py``: the envelope with the addresses; a failed delivery's error may name them).
Both go with the registration, or the name
would live on in the database and every backup: the history of registrations that no longer
exist, the delivered mails to the addresses of the registrations deleted now, and every
delivered mail older than the retention period (that also covers registrations an editor
deleted by hand, whose address is known nowhere any more). Mails still waiting for delivery
stay. Registrations have no revisions.
"""

import datetime as dt

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from wagtail.models import ModelLogEntry

from django_tasks_db.models import DBTaskResult

from operations.mail import deliver_mail, mail_tasks_to
from registrations.models import Registration


class Command(BaseCommand):
    help = (
        "Löscht Anmeldungen zu Veranstaltungen, die länger als die Aufbewahrungsfrist "
        "zurückliegen, mit ihren Spuren im Änderungsprotokoll und in versandten E-Mails."
    )

    @transaction.atomic
    def handle(self, *args, verbosity=1, **options):
        cutoff = timezone.now() - dt.timedelta(days=settings.REGISTRATION_RETENTION_DAYS)
        expired = Registration.objects.alias(ended=Coalesce("event__end", "event__start")).filter(
            Q(ended__lt=cutoff)
        )
        addresses = set(expired.values_list("email", flat=True))
        count, _details = expired.delete()
        history, _details = history_of_deleted_registrations().delete()
        mails, _details = delivered_mails().filter(finished_at__lt=cutoff).delete()
        mails += delete_delivered_mails_to(addresses)
        if verbosity:
            self.stdout.write(
                f"{count} Anmeldungen gelöscht (Veranstaltungen vor dem {cutoff:%d.%m.%Y}), "
                f"dazu {history} Einträge im Änderungsprotokoll und {mails} versandte E-Mails."
            )


def history_of_deleted_registrations():
    """Admin history of every registration that no longer exists: those just deleted, and
    those an editor deleted earlier (Wagtail keeps a "deleted" entry with the name)."""
    existing = Registration.objects.annotate(
        text_pk=Cast("pk", output_field=models.CharField())
    ).values("text_pk")
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Registration)
    ).exclude(object_id__in=existing)


def delivered_mails():
    """Mails the queue has finished with, delivered or given up."""
    return DBTaskResult.objects.finished().filter(task_path=deliver_mail.module_path)


def delete_delivered_mails_to(addresses):
    """Delete the finished mails addressed to any of ``addresses``; return how many went."""
    deleted, _details = mail_tasks_to(addresses, delivered_mails()).delete()
    return deleted
