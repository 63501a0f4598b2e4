"""Delete the personal data of registrations some days after their event (privacy).

Run daily (deploy/arbeitskreise-daily.service runs it with the other daily jobs):
    manage.py delete_past_registrations
The number of days is ``REGISTRATION_RETENTION_DAYS`` (default 30), so editors can still
answer questions about attendance in the weeks after an event.

The registration row is not the only place holding the registrant's name: Wagtail's admin
history (``ModelLogEntry``) labels every creation, edit and deletion of a registration with
it. That history goes with the registration, or the name would live on in the database and
every backup. Registrations have no revisions.
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

from registrations.models import Registration


class Command(BaseCommand):
    help = (
        "Löscht Anmeldungen zu Veranstaltungen, die länger als die Aufbewahrungsfrist "
        "zurückliegen, mit ihren Spuren im Änderungsprotokoll."
    )

    @transaction.atomic
    def handle(self, *args, verbosity=1, **options):
        cutoff = timezone.now() - dt.timedelta(days=settings.REGISTRATION_RETENTION_DAYS)
        expired = Registration.objects.alias(ended=Coalesce("event__end", "event__start")).filter(
            Q(ended__lt=cutoff)
        )
        count, _details = expired.delete()
        history, _details = history_of_deleted_registrations().delete()
        if verbosity:
            self.stdout.write(
                f"{count} Anmeldungen gelöscht (Veranstaltungen vor dem {cutoff:%d.%m.%Y}), "
                f"dazu {history} Einträge im Änderungsprotokoll."
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
