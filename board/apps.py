from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class BoardConfig(AppConfig):
    """The cooperation exchange board: entries, moderation, matching, the public board."""

    name = "board"
    verbose_name = _("Kooperationsbörse")

    def ready(self):
        from operations.page_cache import purge_when_changed

        from . import (
            moderation,  # noqa: F401 (registers the workflow check)
            views,  # noqa: F401 (registers the board page's routes)
        )
        from .entries import CooperationEntry
        from .permissions import grant_board_permissions

        # An entry approved, changed, expired or withdrawn changes the board and its feed.
        purge_when_changed(CooperationEntry)
        post_migrate.connect(
            grant_board_permissions, sender=self, dispatch_uid="board.editor_permissions"
        )
