"""RSS and Atom feeds as a feed reader sees them (parsed with feedparser)."""

from wagtail.models import PageViewRestriction

import feedparser
import pytest

from tests.factories import MeetingPageFactory, WorkshopPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("route", "version"), [("rss/", "rss20"), ("atom/", "atom10")])
def test_feed_lists_public_events_with_date_and_place(client, working_group, route, version):
    MeetingPageFactory(parent=working_group, title="Arbeitskreistreffen Vergabe")
    WorkshopPageFactory(parent=working_group, title="Abgesagte Werkstatt", status="cancelled")
    MeetingPageFactory(parent=working_group, title="Entwurf", live=False)
    private = MeetingPageFactory(parent=working_group, title="Intern")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    response = client.get(f"{working_group.url}{route}")

    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.version == version
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Termine: Die neuen Kommunen ohne Grenzen"
    titles = {entry.title for entry in feed.entries}
    assert titles == {"Arbeitskreistreffen Vergabe", "Abgesagt: Abgesagte Werkstatt"}
    entry = next(e for e in feed.entries if e.title == "Arbeitskreistreffen Vergabe")
    assert "Rathaus, Marienplatz 1, 33098 Paderborn" in entry.summary
    assert entry.link.startswith("http://testserver/kommunen-ohne-grenzen/")


def test_feed_answers_304_when_unchanged(client, working_group):
    MeetingPageFactory(parent=working_group)
    url = f"{working_group.url}rss/"
    first = client.get(url)

    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    assert client.get(url, headers={"if-modified-since": first["Last-Modified"]}).status_code == 304
