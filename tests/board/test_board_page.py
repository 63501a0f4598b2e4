"""The public exchange board: only live, unexpired entries; contact data for members only."""

import datetime as dt
from contextlib import contextmanager
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from board.models import CooperationEntry
from taxonomy.models import Municipality
from tests.factories import TopicFactory, bulk_entries

pytestmark = pytest.mark.django_db


@pytest.fixture
def towns(db):
    return {
        "Borchen": Municipality.objects.create(name="Borchen", district="paderborn"),
        "Höxter": Municipality.objects.create(name="Höxter", district="hoexter"),
    }


def _entry(towns, title, *, kind="offer", town="Borchen", live=True, days=90, topic=None):
    entry = CooperationEntry.objects.create(
        kind=kind,
        title=title,
        municipality=towns[town],
        description=f"Beschreibung zu {title}.",
        contact_name="Frau Beispiel",
        contact_email="kontakt@beispiel.example.org",
        contact_phone="05251 123",
        valid_until=timezone.localdate() + dt.timedelta(days=days),
        live=live,
    )
    if topic:
        entry.topics.add(topic)
        entry.save()  # parental many-to-many relations are written on save
    return entry


def test_board_lists_live_unexpired_entries_only(client, board, towns):
    _entry(towns, "Vergabestelle teilen")
    _entry(towns, "Noch in Moderation", live=False)
    _entry(towns, "Abgelaufen", days=-1)

    html = client.get(board.url).content.decode()

    assert "Vergabestelle teilen" in html
    assert "Noch in Moderation" not in html
    assert "Abgelaufen" not in html
    assert "1 Eintrag" in html


def test_filters_by_kind_topic_district_and_search(client, board, towns):
    topic = TopicFactory(slug="bauhof", name="Bauhof")
    _entry(towns, "Kehrmaschine gesucht", kind="request", town="Höxter", topic=topic)
    _entry(towns, "Vergabestelle teilen")

    def titles(query):
        html = client.get(board.url, query).content.decode()
        return {t for t in ("Kehrmaschine gesucht", "Vergabestelle teilen") if t in html}

    assert titles({"art": "request"}) == {"Kehrmaschine gesucht"}
    assert titles({"thema": "bauhof"}) == {"Kehrmaschine gesucht"}
    assert titles({"kreis": "paderborn"}) == {"Vergabestelle teilen"}
    assert titles({"q": "Vergabestelle"}) == {"Vergabestelle teilen"}
    assert titles({"q": "Kehrmaschine", "thema": "bauhof", "kreis": "hoexter"}) == {
        "Kehrmaschine gesucht"
    }
    bad = client.get(board.url, {"art": "tausch", "kreis": "<b>"})
    assert bad.status_code == 200 and "Ein Filterwert ist unbekannt" in bad.content.decode()


def test_detail_shows_contact_to_members_only(client, board, towns, member):
    entry = _entry(towns, "Vergabestelle teilen")
    url = f"{board.url}eintrag/{entry.slug}/"

    anonymous = client.get(url).content.decode()
    client.force_login(member)
    as_member = client.get(url).content.decode()

    assert "Beschreibung zu Vergabestelle teilen." in anonymous
    assert "kontakt@beispiel.example.org" not in anonymous and "05251 123" not in anonymous
    assert "bitte einloggen" in anonymous
    assert "kontakt@beispiel.example.org" in as_member


def test_drafts_and_expired_entries_have_no_detail_page(client, board, towns):
    draft = _entry(towns, "Entwurf", live=False)
    expired = _entry(towns, "Alt", days=-3)

    assert client.get(f"{board.url}eintrag/{draft.slug}/").status_code == 404
    assert client.get(f"{board.url}eintrag/{expired.slug}/").status_code == 404


def test_board_and_feed_queries_do_not_grow_with_entries(client, board, towns):
    topic = TopicFactory(slug="ozg")

    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    bulk_entries(10, municipality=towns["Borchen"], topic=topic)
    with_10 = {url: queries(url) for url in (board.url, f"{board.url}rss/")}
    bulk_entries(990, municipality=towns["Höxter"], topic=topic, prefix="Weitere")
    with_1000 = {url: queries(url) for url in (board.url, f"{board.url}rss/")}

    assert with_1000 == with_10
    # Exact, so a change is a decision: the board page 2 (its rows kept), its feed 5.
    assert with_10 == {board.url: 2, f"{board.url}rss/": 5}


def test_demo_board_page_exists(demo_site, client):
    html = client.get("/kooperationsboerse/").content.decode()

    assert "Partner für gemeinsame Vergabestelle gesucht" in html
    assert "14 Einträge" in html
    assert "Kooperationsbörse" in client.get("/").content.decode()  # in the menu


def test_rss_feed_lists_new_public_entries_without_contact(client, board, towns):
    import feedparser

    _entry(towns, "Ältere Vergabestelle")
    _entry(towns, "Neue Kehrmaschine", kind="request", town="Höxter")
    _entry(towns, "Noch in Moderation", live=False)
    _entry(towns, "Abgelaufen", days=-1)

    response = client.get(f"{board.url}rss/")
    feed = feedparser.parse(response.content)

    assert response["Content-Type"].startswith("application/rss+xml")
    assert {item.title for item in feed.entries} == {
        "Angebot: Ältere Vergabestelle",
        "Nachfrage: Neue Kehrmaschine",
    }
    assert feed.entries[0].link.endswith("/eintrag/neue-kehrmaschine/")
    assert "Höxter (Kreis Höxter)" in feed.entries[0].description
    assert b"kontakt@beispiel.example.org" not in response.content
    assert f'href="{board.url}rss/"' in client.get(board.url).content.decode()


def test_each_entry_is_its_own_page_for_search_engines_and_link_previews(client, board, towns):
    entry = _entry(towns, "Kehrmaschine teilen")

    html = client.get(board.entry_url(entry)).content.decode()

    url = f"http://testserver{board.entry_url(entry)}"
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:title" content="Angebot: Kehrmaschine teilen">' in html
    assert '<meta name="description" content="Beschreibung zu Kehrmaschine teilen.">' in html


@contextmanager
def freeze_log_time(minutes):
    """Log entries written inside carry a time ``minutes`` ahead (HTTP dates are in seconds)."""
    ahead = timezone.now() + dt.timedelta(minutes=minutes)
    with mock.patch("django.utils.timezone.now", return_value=ahead):
        yield


def test_the_board_feed_answers_304_until_an_entry_leaves(client, board, towns):
    entry = _entry(towns, "Kehrmaschine teilen")
    entry.save_revision().publish()
    url = f"{board.url}rss/"
    first = client.get(url)

    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    assert client.get(url, headers={"if-modified-since": first["Last-Modified"]}).status_code == 304

    later = first["Last-Modified"]
    with freeze_log_time(minutes=5):
        entry.unpublish()
    after = client.get(url, headers={"if-modified-since": later})
    assert after.status_code == 200
    assert b"Kehrmaschine teilen" not in after.content


def test_kept_board_rows_follow_approvals_and_the_date(client, board, towns, member, monkeypatch):
    """Members are never served from the page cache, but the board's rows are kept for them
    too: an approval shows at once, and an entry leaves the day after its "Gültig bis"."""
    client.force_login(member)
    last_day = _entry(towns, "Heute zum letzten Mal", days=0)
    assert "Heute zum letzten Mal" in client.get(board.url).content.decode()

    draft = _entry(towns, "Gerade freigegeben", live=False)
    CooperationEntry.objects.get(pk=draft.pk).save_revision().publish()
    after_approval = client.get(board.url).content.decode()
    tomorrow = timezone.now() + dt.timedelta(days=1)
    monkeypatch.setattr("django.utils.timezone.now", lambda: tomorrow)
    monkeypatch.setattr(
        "django.utils.timezone.localdate", lambda *args: last_day.valid_until + dt.timedelta(1)
    )
    next_day = client.get(board.url).content.decode()

    assert "Gerade freigegeben" in after_approval
    assert "Heute zum letzten Mal" not in next_day
    assert "Gerade freigegeben" in next_day
