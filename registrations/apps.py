from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    """Taking part in events: registrations, waiting lists, invitations and their updates."""

    name = "registrations"
    verbose_name = _("Anmeldungen")

    def ready(self):
        from .permissions import grant_registration_permissions
        from .signal_handlers import connect_signal_handlers

        connect_signal_handlers()
        post_migrate.connect(
            grant_registration_permissions,
            sender=self,
            dispatch_uid="registrations.editor_permissions",
        )
