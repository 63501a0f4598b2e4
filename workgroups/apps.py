from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class WorkgroupsConfig(AppConfig):
    name = "workgroups"
    verbose_name = _("Arbeitskreise")

    def ready(self):
        from .listing_cache import connect_signals
        from .permissions import grant_editor_permissions

        connect_signals()
        post_migrate.connect(
            grant_editor_permissions, sender=self, dispatch_uid="workgroups.editor_permissions"
        )
