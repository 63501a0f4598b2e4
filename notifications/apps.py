from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Members stay informed without visiting: the personal calendar, following working groups
    and board topics, and the mails that tell followers what is new."""

    name = "notifications"
    verbose_name = _("Benachrichtigungen")

    def ready(self):
        from .signal_handlers import connect_signal_handlers

        connect_signal_handlers()
