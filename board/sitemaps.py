"""The board's entries in the sitemap, so search engines find the offers and requests too."""

import datetime as dt

from home.sitemaps import SiteSitemap
from operations.page_cache import next_midnight

from .entries import CooperationEntry
from .models import BoardPage


class BoardEntrySitemap(SiteSitemap):
    """Every entry the board shows, read as (slug, date) only."""

    def __init__(self, site, board):
        super().__init__(site)
        self.entry_prefix = self.relative_url(board.url_path) + board.reverse_subpage(
            "entry", args=("-",)
        ).removesuffix("-/")

    def changed_by_time(self, now):
        """Entries leave the board at midnight after their "gültig bis" day."""
        return next_midnight(now) - dt.timedelta(days=1)

    def items(self):
        return (
            CooperationEntry.objects.on_board()
            .order_by("pk")
            .values_list("slug", "last_published_at")
        )

    def location(self, item):
        return f"{self.entry_prefix}{item[0]}/"

    def lastmod(self, item):
        return item[1]


def board_sitemap_sections(site):
    """The entries section, if the site has a public board."""
    board = (
        BoardPage.objects.live()
        .public()
        .descendant_of(site.root_page)
        .only("url_path", "path", "depth")
        .first()
    )
    return {"boerse": BoardEntrySitemap(site, board)} if board else {}
