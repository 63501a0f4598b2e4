from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Website")

    def ready(self):
        from .admin_names import rename_wagtail_defaults
        from .groups import ensure_groups
        from .signal_handlers import connect_signal_handlers

        # After every `migrate`, so a production database gets the groups without demo data.
        post_migrate.connect(ensure_groups, sender=self, dispatch_uid="home.ensure_groups")
        post_migrate.connect(
            rename_wagtail_defaults, sender=self, dispatch_uid="home.rename_wagtail_defaults"
        )
        connect_signal_handlers()
