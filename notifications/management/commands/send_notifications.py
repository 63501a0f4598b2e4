from django.core.management.base import BaseCommand

from notifications.tasks import dispatch_due_notices, send_weekly_digests


class Command(BaseCommand):
    help = (
        "Sendet fällige Benachrichtigungen, die noch nicht verschickt sind, und die "
        "Wochenübersichten, die eine Woche alt sind (täglich aufgerufen)."
    )

    def handle(self, *args, **options):
        # Called directly: the daily timer is the safety net if a queued dispatch was lost.
        dispatch_due_notices.call()
        send_weekly_digests.call()
