"""Daily job: remind owners of board entries that expire soon (see ``board.reminders``)."""

from django.core.management.base import BaseCommand

from board.reminders import send_expiry_reminders


class Command(BaseCommand):
    help = "Erinnert Eigentümer von Börseneinträgen, die bald ablaufen (einmal je Ablaufdatum)."

    def handle(self, *args, **options):
        sent = send_expiry_reminders()
        self.stdout.write(f"Erinnerungen versendet: {sent}")
