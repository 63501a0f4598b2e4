"""The base of the site's RSS and Atom feeds (events, the board), on Django's syndication."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from .models import SiteSettings


class RequestFeed(Feed):
    """A feed built per request from items a page hands over (never a module-level feed),
    keeping the request for absolute links."""

    feed_type = Rss201rev2Feed
    language = "de"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def author_name(self):
        """Atom requires an author (RFC 4287); it is the association that publishes."""
        return SiteSettings.for_request(self.request).organisation_name or _("Arbeitskreise")
