"""Delete uploads that an editor started in the multiple upload but never finished.

Wagtail's multiple upload keeps a file as an ``UploadedFile`` (in ``MEDIA_ROOT/wagtail_uploads``)
while the editor still has to fill in required fields such as the document kind. Closing the
browser at that point leaves the file behind for good; Wagtail never removes it. Run daily from
cron (README, "Betrieb").
"""

import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from wagtail.models import UploadedFile

UPLOADS_FOLDER = "wagtail_uploads"


class Command(BaseCommand):
    help = "Löscht angefangene Mehrfach-Uploads, die nicht abgeschlossen wurden."

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=int,
            default=24,
            help="Uploads, die älter sind als so viele Stunden, werden gelöscht (Standard: 24).",
        )

    def handle(self, *args, hours, verbosity, **options):
        cutoff = timezone.now() - dt.timedelta(hours=hours)
        removed = 0
        referenced = set()
        for upload in UploadedFile.objects.all():
            referenced.add(upload.file.name)
            if _older_than(upload.file.storage, upload.file.name, cutoff):
                upload.file.delete(save=False)
                upload.delete()
                removed += 1
        removed += _remove_unreferenced_files(referenced, cutoff)
        if verbosity:
            self.stdout.write(f"{removed} abgebrochene Uploads gelöscht.")


def _older_than(storage, name, cutoff):
    """Missing files count as old: there is nothing left to wait for."""
    if not name or not storage.exists(name):
        return True
    return storage.get_modified_time(name) < cutoff


def _remove_unreferenced_files(referenced, cutoff):
    """Files in the uploads folder that no ``UploadedFile`` names any more (left by errors)."""
    storage = UploadedFile._meta.get_field("file").storage
    if not storage.exists(UPLOADS_FOLDER):
        return 0
    removed = 0
    for filename in storage.listdir(UPLOADS_FOLDER)[1]:
        name = f"{UPLOADS_FOLDER}/{filename}"
        if name not in referenced and _older_than(storage, name, cutoff):
            storage.delete(name)
            removed += 1
    return removed
