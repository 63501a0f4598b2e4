"""``manage.py restore_site FILE``: an archive of ``backup_site`` into an empty instance."""

import tarfile

from django.core.management.base import BaseCommand, CommandError

from operations.backup import RestoreRefused, read_backup


class Command(BaseCommand):
    help = "Stellt eine Sicherung von backup_site in einer leeren, migrierten Instanz wieder her."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Archiv von backup_site")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Auch eine Instanz mit Inhalten überschreiben (alle Daten gehen verloren).",
        )

    def handle(self, *args, file, replace, verbosity, **options):
        try:
            rows = read_backup(file, replace=replace)
        except RestoreRefused as error:
            raise CommandError(
                "Diese Instanz hat schon Inhalte oder Benutzer. Eine Sicherung wird nur in eine "
                "leere Instanz eingespielt; mit --replace werden alle Daten überschrieben."
            ) from error
        except (OSError, tarfile.TarError, KeyError) as error:
            raise CommandError(f"Das Archiv lässt sich nicht lesen: {error}") from error
        if verbosity:
            self.stdout.write(self.style.SUCCESS(f"{rows} Datensätze und Dateien eingespielt."))
