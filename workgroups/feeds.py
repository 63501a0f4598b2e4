"""RSS and Atom feeds of events through Django's syndication framework."""

from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from home.feeds import RequestFeed


class EventFeed(RequestFeed):
    """Newest events first; each item says when and where, the link leads to the event page.

    Instantiated per request by a listing's feed view (``workgroups/views.py``), which hands
    over the events the page may show, so drafts and private pages never reach a feed.
    """

    def __init__(self, listing_page, events, *, atom=False):
        super().__init__()
        self.listing_page = listing_page
        self.events = list(events)
        if atom:
            self.feed_type = Atom1Feed

    def title(self):
        """ "Termine: <Arbeitskreis>", and "Termine der Arbeitskreise" for the overview."""
        return self.listing_page.calendar_name()

    def link(self):
        return self.listing_page.get_url(request=self.request)

    def description(self):
        return self.listing_page.intro or self.title()

    def subtitle(self):
        return self.description()

    def items(self):
        return self.events

    def item_title(self, event):
        prefix = ""
        if event.is_cancelled:
            prefix = _("Abgesagt: ")
        elif event.is_postponed:
            prefix = _("Verschoben: ")
        return f"{prefix}{event.title}"

    def item_description(self, event):
        parts = [event.event_type, event.date_display, event.location_display, event.intro]
        return " – ".join(part for part in parts if part)

    def item_link(self, event):
        return event.get_url(request=self.request)

    def item_guid(self, event):
        return event.get_full_url(request=self.request)

    item_guid_is_permalink = True

    def item_pubdate(self, event):
        return event.first_published_at

    def item_updateddate(self, event):
        return event.last_published_at

    def item_categories(self, event):
        return [topic.name for topic in event.topics.all()]
