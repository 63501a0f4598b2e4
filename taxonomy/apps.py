from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    """Topics, member municipalities and districts: used by the working groups' events and by
    the board alike, so they belong to neither."""

    name = "taxonomy"
    verbose_name = _("Themen und Mitgliedskommunen")

    def ready(self):
        from operations.page_cache import purge_when_changed

        from .models import Municipality, Topic
        from .permissions import grant_editor_permissions

        # Topics name filters and chips on every listing; municipalities fill the board's
        # choices.
        purge_when_changed(Topic, Municipality)
        post_migrate.connect(
            grant_editor_permissions, sender=self, dispatch_uid="taxonomy.editor_permissions"
        )
