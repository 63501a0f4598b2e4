"""``manage.py backup_site FILE``: database and uploaded files in one archive
(``operations/backup.py``)."""

from django.core.management.base import BaseCommand, CommandError

from operations.backup import write_backup


class Command(BaseCommand):
    help = "Sichert Datenbank und hochgeladene Dateien in ein Archiv (.tar.gz)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Zieldatei, z. B. sicherung-2026-11-29.tar.gz")

    def handle(self, *args, file, verbosity, **options):
        try:
            rows = write_backup(file)
        except OSError as error:
            # A full or read-only target: ``write_backup`` has left nothing behind.
            raise CommandError(
                f"Sicherung nicht geschrieben ({error.strerror or error}): {file}. "
                "Eine ältere Sicherung dieses Namens ist unverändert."
            ) from error
        if verbosity:
            self.stdout.write(self.style.SUCCESS(f"{rows} Datensätze und Dateien in {file}."))
