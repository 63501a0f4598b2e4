"""Delete the personal data of registrations some days after their event (privacy).

Run daily (deploy/arbeitskreise-daily.service runs it with the other daily jobs):
    manage.py delete_past_registrations
The number of days is ``REGISTRATION_RETENTION_DAYS`` (default 30), so editors can still
answer questions about attendance in the weeks after an event.
"""

import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from registrations.models import Registration


class Command(BaseCommand):
    help = (
        "Löscht Anmeldungen zu Veranstaltungen, die länger als die Aufbewahrungsfrist zurückliegen."
    )

    def handle(self, *args, verbosity=1, **options):
        cutoff = timezone.now() - dt.timedelta(days=settings.REGISTRATION_RETENTION_DAYS)
        expired = Registration.objects.alias(ended=Coalesce("event__end", "event__start")).filter(
            Q(ended__lt=cutoff)
        )
        count, _details = expired.delete()
        if verbosity:
            self.stdout.write(
                f"{count} Anmeldungen gelöscht (Veranstaltungen vor dem {cutoff:%d.%m.%Y})."
            )
