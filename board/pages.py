"""The board page: the "Kooperationsbörse" in the page tree, with the links to its routes.

Its routes (the board, each entry's page, the members' forms, the feed) are served by
``board/views.py``. The page knows no entries, so the entries' preview (``board/entries.py``)
can show an entry on it.
"""

from django.utils.translation import gettext_lazy as _

from home.members import is_member
from home.models import BasePage
from operations.subpage_routes import SubpageRoutesMixin


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

    def rss_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("rss")

    def entry_url(self, entry):
        return self.url + self.reverse_subpage("entry", args=(entry.slug,))
