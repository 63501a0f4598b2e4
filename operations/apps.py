from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """The machinery below the site: caches, the mail queue, the worker, health, storage."""

    name = "operations"
    verbose_name = _("Betrieb")

    def ready(self):
        from .page_cache import purge_page_cache

        # Every release runs `migrate`: pages and fragments kept from the old templates would
        # otherwise be served with the new stylesheet until content changes.
        post_migrate.connect(
            purge_page_cache, sender=self, dispatch_uid="operations.purge_on_release"
        )
