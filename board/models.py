"""The board's models: the entries (``board/entries.py``, re-exported here so Django registers
them with the app) and the board page. The public board, each entry's page, the members' forms
and the feed are the page's routes, served by ``board/views.py``.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.members import is_member
from home.models import BasePage
from home.page_cache import cached_until_change, next_midnight
from home.subpage_routes import SubpageRoutesMixin
from workgroups.models import Municipality, Topic

from .entries import CooperationEntry, EntryKind, EntryStatus, LegalForm, Phase


class BoardPage(SubpageRoutesMixin, BasePage):
    """The "Kooperationsbörse": where offers and requests of cooperation meet."""

    page_description = _(
        "Die Kooperationsbörse: Angebote und Nachfragen der Mitgliedskommunen. Es gibt sie nur "
        "einmal."
    )

    template = "board/board_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        # The table dates from when the board was part of the workgroups app.
        db_table = "workgroups_boardpage"
        verbose_name = _("Kooperationsbörse")
        verbose_name_plural = _("Kooperationsbörsen")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["viewer_is_member"] = is_member(request.user)
        return context

    def filter_options(self):
        """Topics of the entries on the board, and the municipalities: the same for everyone,
        kept until content changes or midnight (when entries past "Gültig bis" leave)."""

        def compute():
            on_board = CooperationEntry.objects.on_board()
            return (
                list(Topic.objects.filter(entries__in=on_board).distinct()),
                list(Municipality.objects.all()),
            )

        return cached_until_change(
            f"board-filter-options:{self.pk}",
            compute,
            stale_from=lambda _options: next_midnight(timezone.now()),
        )

    def rss_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("rss")

    def entry_url(self, entry):
        return self.url + self.reverse_subpage("entry", args=(entry.slug,))


__all__ = [
    "BoardPage",
    "CooperationEntry",
    "EntryKind",
    "EntryStatus",
    "LegalForm",
    "Phase",
]
