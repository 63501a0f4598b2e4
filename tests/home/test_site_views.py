"""Site-wide endpoints: search, sitemap, robots.txt, health check and error pages."""

from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from home.sitemaps import PageSitemap
from tests.factories import CooperationEntryFactory, StandardPageFactory
from tests.sitemaps import sitemap_pages, sitemap_text

pytestmark = pytest.mark.django_db


def test_search_finds_live_public_pages_only(client, home_page):
    StandardPageFactory(
        parent=home_page, title="Kooperation im Bauhof", intro="Gemeinsamer Bauhof."
    )
    StandardPageFactory(parent=home_page, title="Bauhof Entwurf", live=False)
    restricted = StandardPageFactory(parent=home_page, title="Bauhof intern")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")

    response = client.get("/suche/", {"q": "Bauhof"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Kooperation im Bauhof" in html
    assert "Bauhof Entwurf" not in html
    assert "Bauhof intern" not in html
    assert "1 Treffer für „Bauhof“" in html


def test_search_without_query_shows_form_and_no_results(client, home_page):
    response = client.get("/suche/")

    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()
    assert "Treffer" not in response.content.decode()


@pytest.mark.parametrize("page_param", ["abc", "999", "-1"])
def test_search_with_bad_page_number_still_answers(client, home_page, page_param):
    StandardPageFactory(parent=home_page, title="Bauhof")

    response = client.get("/suche/", {"q": "Bauhof", "page": page_param})

    assert response.status_code == 200
    assert "Bauhof" in response.content.decode()


def test_search_paginates(client, home_page):
    for number in range(12):
        StandardPageFactory(parent=home_page, title=f"Abwasser {number}")

    first = client.get("/suche/", {"q": "Abwasser"}).content.decode()
    second = client.get("/suche/", {"q": "Abwasser", "page": 2}).content.decode()

    assert "Seite 1 von 2" in first and 'rel="next"' in first and "q=Abwasser" in first
    assert "Seite 2 von 2" in second


def test_search_queries_do_not_grow_with_the_matches(client, home_page, board):
    """Each source ranks its ids once (its count as well) and reads only the hits shown."""

    def search_queries(pages, entries):
        for number in range(pages):
            StandardPageFactory(
                parent=home_page, title=f"Bauhof Seite {number}", slug=f"bauhof-{pages}-{number}"
            )
        for number in range(entries):
            CooperationEntryFactory(
                title=f"Bauhof gemeinsam {number}", slug=f"bauhof-{pages}-{number}"
            )
        client.get("/suche/", {"q": "Bauhof"})
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/suche/", {"q": "Bauhof"}).content.decode()
        # The ranked ids are the count: the paginator sends no count query of its own.
        assert not [query for query in queries if "COUNT(" in query["sql"].upper()]
        return html, len(queries)

    few_html, few = search_queries(pages=2, entries=3)
    many_html, many = search_queries(pages=10, entries=40)

    assert "5 Treffer für „Bauhof“" in few_html
    assert "55 Treffer für „Bauhof“" in many_html and "Seite 1 von 6" in many_html
    assert many <= few <= 10  # the hits shown, not the matches, decide


def test_sitemap_lists_live_public_pages(client, home_page):
    live = StandardPageFactory(parent=home_page, title="Öffentlich", slug="oeffentlich")
    StandardPageFactory(parent=home_page, title="Entwurf", slug="entwurf", live=False)
    restricted = StandardPageFactory(parent=home_page, title="Intern", slug="intern")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")

    xml = sitemap_text(client)

    assert f"{live.slug}/</loc>" in xml
    assert "entwurf/</loc>" not in xml
    assert "intern/</loc>" not in xml


def test_the_sitemap_comes_in_pages_whose_queries_do_not_grow(client, home_page, monkeypatch):
    monkeypatch.setattr(PageSitemap, "limit", 3)

    def sitemap_queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/sitemap-seiten.xml")
        # Counted at once: the next request empties the log the count is read from.
        return response.content.decode(), len(captured)

    for number in range(3):
        StandardPageFactory(parent=home_page, slug=f"seite-{number}")
    _few_pages, with_4 = sitemap_queries()
    for number in range(3, 9):
        StandardPageFactory(parent=home_page, slug=f"seite-{number}")
    first, with_10 = sitemap_queries()
    pages = sitemap_pages(client)
    last = client.get("/sitemap-seiten.xml?p=4").content.decode()

    assert pages == [f"/sitemap-seiten.xml{suffix}" for suffix in ("", "?p=2", "?p=3", "?p=4")]
    assert first.count("<loc>") == 3 and last.count("<loc>") == 1  # 10 pages with the home page
    assert "seite-8/</loc>" in last
    # 9, and the content version with its date for ETag and Last-Modified
    # (operations/conditional.py)
    assert with_10 == with_4 == 10
    assert client.get("/sitemap-seiten.xml?p=5").status_code == 404


def test_robots_txt_points_to_sitemap(client, home_page):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_unknown_address_gets_german_404_page(client, home_page):
    response = client.get("/gibt-es-nicht/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "Seite nicht gefunden" in html
    assert '<html lang="de"' in html


def test_500_page_is_german_and_self_contained():
    html = render_to_string("500.html")

    assert "Technischer Fehler" in html
    assert '<html lang="de">' in html
    assert 'href="#inhalt"' in html


def test_only_wagtails_admin_is_reachable(client, home_page):
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/admin/login/").status_code == 200


@pytest.mark.parametrize(
    ("url", "indexed"),
    [
        ("/", True),
        ("/einloggen/", False),
        ("/passwort/vergessen/", False),
        ("/suche/?q=Kooperation", False),
        ("/kooperationsboerse/", True),
        ("/kooperationsboerse/eintragen/", False),
    ],
)
def test_only_public_content_pages_are_offered_to_search_engines(demo_site, client, url, indexed):
    html = client.get(url).content.decode()

    assert ('<meta name="robots" content="noindex">' not in html) == indexed


def test_snippets_cut_between_words_and_event_hits_say_when(client, working_group):
    from home.search import highlight
    from tests.factories import MeetingPageFactory

    text = "Vorwort " * 30 + "Die gemeinsame Vergabestelle entlastet kleine Verwaltungen " * 20
    snippet = highlight(text, "Vergabestelle")
    inner = snippet.removeprefix("… ").removesuffix(" …")
    assert all(
        word in text.split() for word in inner.replace("<mark>", "").replace("</mark>", "").split()
    )
    assert "<mark>Vergabestelle</mark>" in snippet

    event = MeetingPageFactory(parent=working_group, title="Treffen zur Vergabestelle")
    html = client.get("/suche/", {"q": "Vergabestelle"}).content.decode()
    assert event.date_display in html
