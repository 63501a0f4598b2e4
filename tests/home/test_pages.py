"""The home page and content pages as a visitor sees them."""

import re

import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def _count_h1(html):
    return len(re.findall(r"<h1[\s>]", html))


def test_home_page_shows_intro_working_fields_and_contact(client, home_page):
    home_page.working_fields = [
        ("working_field", {"title": "Die neue Mobilität", "description": "Wege in der Region."})
    ]
    home_page.save_revision().publish()

    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert _count_h1(html) == 1
    assert 'href="#inhalt"' in html and '<main id="inhalt"' in html
    assert "Stadt-Umland-Verbund e. V." in html
    assert "Die neue Mobilität" in html
    assert "Unsere Aktionsfelder" in html
    # Contact data comes from site settings, with a dialable tel: link.
    assert 'href="tel:+495251881259' in html
    assert "Verbund e. V., 33098 Paderborn" in html


def test_standard_page_renders_every_body_block(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Impressum",
        slug="impressum",
        body=[
            ("heading", {"text": "Angaben zum Verein", "level": "h2"}),
            ("paragraph", "<p>Eingetragener <b>Verein</b>.</p>"),
            ("quote", {"quote": "Gemeinsam geht mehr.", "attribution": "Vorstand"}),
            (
                "call_to_action",
                {
                    "heading": "Mitmachen",
                    "text": "Schreiben Sie uns.",
                    "button_label": "Kontakt",
                    "page": None,
                    "external_url": "https://example.org/kontakt",
                },
            ),
        ],
    )

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert _count_h1(html) == 1
    assert '<h2 class="rich-content__heading">Angaben zum Verein</h2>' in html
    assert "Eingetragener <b>Verein</b>." in html
    assert "Gemeinsam geht mehr." in html and "Vorstand" in html
    assert 'href="https://example.org/kontakt"' in html


def test_menu_lists_live_pages_marked_for_menus_only(client, home_page):
    StandardPageFactory(parent=home_page, title="Über den Verein", show_in_menus=True)
    StandardPageFactory(parent=home_page, title="Nicht im Menü", show_in_menus=False)
    StandardPageFactory(parent=home_page, title="Entwurf im Menü", show_in_menus=True, live=False)

    html = client.get("/").content.decode()
    menu = html[
        html.index('class="main-menu"') : html.index("</nav>", html.index('class="main-menu"'))
    ]

    assert "Über den Verein" in menu
    assert "Nicht im Menü" not in menu
    assert "Entwurf im Menü" not in menu


def test_current_menu_item_and_breadcrumbs(client, home_page):
    parent = StandardPageFactory(parent=home_page, title="Über den Verein", show_in_menus=True)
    child = StandardPageFactory(parent=parent, title="Satzung")

    html = client.get(child.url).content.decode()

    assert 'aria-label="Brotkrümelnavigation"' in html
    breadcrumbs = html[html.index('class="breadcrumbs__list"') :]
    assert breadcrumbs.index("Start") < breadcrumbs.index("Über den Verein")
    assert '<span aria-current="page">Satzung</span>' in breadcrumbs
    assert "main-menu__link--ancestor" in html


def test_footer_links_legal_pages_from_settings(client, home_page):
    imprint = StandardPageFactory(parent=home_page, title="Impressum")
    privacy = StandardPageFactory(parent=home_page, title="Datenschutzerklärung")
    settings = home_page.get_site().sitesettings
    settings.imprint_page = imprint
    settings.privacy_page = privacy
    settings.save()

    html = client.get("/").content.decode()
    footer = html[html.index('class="site-footer"') :]

    assert f'href="{imprint.url}"' in footer and "Impressum" in footer
    assert f'href="{privacy.url}"' in footer
    assert "kontakt@example.org" in footer


def test_draft_page_is_not_served(client, home_page):
    draft = StandardPageFactory(parent=home_page, title="Noch geheim", live=False)

    assert client.get(draft.url_path.replace("/start", "", 1)).status_code == 404


@pytest.mark.parametrize("page_count", [1, 12])
def test_page_query_count_stays_small_as_menu_grows(
    client, home_page, django_assert_max_num_queries, page_count
):
    for number in range(page_count):
        StandardPageFactory(parent=home_page, title=f"Seite {number}", show_in_menus=True)
    page = StandardPageFactory(parent=home_page, title="Ziel")
    client.get(page.url)  # warm the site and settings caches as production would

    with django_assert_max_num_queries(15):
        response = client.get(page.url)

    assert response.status_code == 200
