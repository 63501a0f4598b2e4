"""The home page and content pages as a visitor sees them."""

import re

import pytest

from tests.factories import StandardPageFactory
from tests.queries import count_queries

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
    breadcrumbs = html[html.index('class="breadcrumbs__list') :]
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


def test_page_query_count_does_not_grow_with_the_menu(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Ziel")
    StandardPageFactory(parent=home_page, title="Seite 0", show_in_menus=True)
    with_1 = count_queries(client, page.url)
    for number in range(1, 12):
        StandardPageFactory(parent=home_page, title=f"Seite {number}", show_in_menus=True)
    with_12 = count_queries(client, page.url)

    assert with_12 == with_1
    assert with_1 == 2  # exact: a change is a decision (public pages: at most 15)
    assert "Seite 11" in client.get(page.url).content.decode()  # the menu did grow


def test_every_page_has_a_share_image_made_from_the_logo(client, home_page):
    from django.contrib.staticfiles import finders

    html = client.get(home_page.url).content.decode()

    assert '<meta property="og:image" content="http://testserver/static/img/share.png">' in html
    assert '<meta property="og:image:width" content="1200">' in html
    assert finders.find("img/share.png")


def test_pages_with_an_image_show_it_with_its_description_and_share_it(client, demo_site):
    from workgroups.models import WorkingGroupPage

    group = WorkingGroupPage.objects.get(slug="kommunen-ohne-grenzen")
    assert group.image is not None  # the demo draws its own illustrations

    html = client.get(group.url).content.decode()

    assert f'alt="{group.image.description}"' in html
    assert 'srcset="/media/images/' in html
    og_image = html.split('<meta property="og:image" content="', 1)[1].split('"', 1)[0]
    assert og_image.startswith("http://testserver/media/images/")
    from django.core.files.storage import default_storage

    assert default_storage.exists(og_image.removeprefix("http://testserver/media/"))


def test_a_changed_image_description_shows_at_once(client, demo_site):
    """The renditions and the alternative text are kept per image until the image changes."""
    from workgroups.models import WorkingGroupPage

    group = WorkingGroupPage.objects.get(slug="kommunen-ohne-grenzen")
    client.get(group.url)
    image = group.image
    image.description = "Karte der Kommunen im Kreis Paderborn"
    image.save()

    html = client.get(group.url).content.decode()

    assert 'alt="Karte der Kommunen im Kreis Paderborn"' in html
    assert '<meta property="og:image:alt" content="Karte der Kommunen im Kreis Paderborn">' in html
