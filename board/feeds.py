"""The board's RSS feed of new entries (Django's syndication framework)."""

from django.utils.translation import gettext as _

from home.feeds import RequestFeed


class BoardFeed(RequestFeed):
    """New offers and requests of the exchange board, newest first.

    Gets its entries from the feed view (``board/views.py``), which hands over only live,
    unexpired ones, so an entry in moderation never reaches a feed reader. Contact data stays
    out: feeds are public.
    """

    def __init__(self, board_page, entries):
        super().__init__()
        self.board_page = board_page
        self.entries = list(entries)

    def title(self):
        return _("%(title)s: neue Einträge") % {"title": self.board_page.title}

    def link(self):
        return self.board_page.get_url(request=self.request)

    def description(self):
        return self.board_page.intro or self.title()

    def items(self):
        return self.entries

    def item_title(self, entry):
        return f"{entry.get_kind_display()}: {entry.title}"

    def item_description(self, entry):
        place = f"{entry.municipality.name} ({entry.municipality.get_district_display()})"
        return f"{place} – {entry.description}"

    def item_link(self, entry):
        return self.board_page.entry_url(entry)

    def item_guid(self, entry):
        return self.request.build_absolute_uri(self.board_page.entry_url(entry))

    item_guid_is_permalink = True

    def item_pubdate(self, entry):
        return entry.first_published_at or entry.created_at

    def item_updateddate(self, entry):
        return entry.last_published_at

    def item_categories(self, entry):
        return [topic.name for topic in entry.topics.all()]
