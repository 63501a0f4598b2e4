"""The demo site in Chromium: accessibility (axe-core, WCAG 2.1 AA) and keyboard use."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import BEST_PRACTICE_RULES, describe, save_screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PAGES = {
    "startseite": "/",
    "inhaltsseite": "/ueber-den-verein/",
    "impressum": "/impressum/",
    "suche": "/suche/?q=Verein",
    "einloggen": "/einloggen/",
    "boerse": "/kooperationsboerse/?art=request",
    "boerse-eintrag": "/kooperationsboerse/eintrag/partner-fur-gemeinsame-vergabestelle-gesucht/",
    "boerse-vorschlagen-einloggen": "/kooperationsboerse/eintragen/",
    "nicht-gefunden": "/gibt-es-nicht/",
}


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("width", [375, 1280])
def test_page_has_no_axe_violations(demo_server, page, axe_violations, name, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(demo_server.url + PAGES[name])

    violations = axe_violations(page)
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")

    save_screenshot(page, f"{name}-{width}")
    assert violations == [], describe(violations)
    assert not overflow, "the page scrolls sideways"


NARROW_PAGES = {
    **PAGES,
    "termine": "/termine/",
    "monat": "/termine/monat/",
    "arbeitskreis": "/kommunen-ohne-grenzen/",
    "treffen": "/kommunen-ohne-grenzen/arbeitskreistreffen-vergabestelle/",
    "fachwerkstatt": "/kommunen-ohne-grenzen/fachwerkstatt-aufgabenteilung-2020-11-12/",
    "informationsveranstaltung": "/kommunen-ohne-grenzen/informationsveranstaltung-ozg-2021-03-25/",
    "einbinden": "/termine/einbinden/",
    "einbetten": "/termine/einbetten/",
}


BEST_PRACTICE_PAGES = {name: NARROW_PAGES[name] for name in ("suche", "einbinden", "einbetten")}


@pytest.mark.parametrize("name", BEST_PRACTICE_PAGES)
def test_landmarks_headings_and_scrolling_boxes_on_a_phone(demo_server, page, axe_violations, name):
    page.set_viewport_size({"width": 375, "height": 900})
    page.goto(demo_server.url + BEST_PRACTICE_PAGES[name])

    violations = axe_violations(page) + axe_violations(page, rules=BEST_PRACTICE_RULES)

    assert violations == [], describe(violations)


@pytest.mark.parametrize("name", NARROW_PAGES)
def test_no_page_scrolls_sideways_on_phones_and_tablets(demo_server, page, name):
    for width in (320, 375, 768):
        page.set_viewport_size({"width": width, "height": 800})
        response = page.goto(demo_server.url + NARROW_PAGES[name])
        assert response.status == (404 if name == "nicht-gefunden" else 200), name
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{name} is {scroll_width} px wide at {width} px"


def test_fonts_and_kern_styles_load(demo_server, page):
    page.goto(demo_server.url + "/")
    page.evaluate("document.fonts.ready")

    family = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    loaded = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').length")

    assert "Fira Sans" in family
    assert loaded >= 1


def test_keyboard_reaches_skip_link_then_main_content(demo_server, page):
    page.goto(demo_server.url + "/ueber-den-verein/")

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Zum Inhalt springen"
    expect(page.locator(".skip-link")).to_be_visible()

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"


def test_keyboard_walks_the_header_navigation(demo_server, page):
    page.goto(demo_server.url + "/")
    menu_links = page.locator(".main-menu__link")
    expected = [menu_links.nth(i).inner_text() for i in range(menu_links.count())]
    assert expected == ["Start", "Arbeitskreise", "Termine", "Kooperationsbörse", "Über den Verein"]

    reached = []
    for _ in range(20):
        page.keyboard.press("Tab")
        in_menu = page.evaluate("document.activeElement.classList.contains('main-menu__link')")
        if in_menu:
            reached.append(page.evaluate("document.activeElement.textContent.trim()"))
            # Focus must be visible: the outline is drawn.
            outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none"
        if len(reached) == len(expected):
            break
    assert reached == expected

    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ueber-den-verein/")
    assert page.locator("h1").inner_text() == "Über den Verein"


def test_site_works_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_server.url + "/")

    page.fill("#site-search-q", "Verein")
    page.press("#site-search-q", "Enter")
    page.wait_for_url("**/suche/?q=Verein")

    assert "Treffer" in page.locator("main").inner_text()
    context.close()


def test_axe_check_catches_a_real_violation(page, axe_violations):
    """Guards the guard: an image without alternative text must be reported."""
    page.set_content(
        '<!DOCTYPE html><html lang="de"><body><main><img src="x.png"></main></body></html>'
    )

    violations = axe_violations(page)

    assert "image-alt" in [violation["id"] for violation in violations]


def test_the_next_event_is_on_the_first_screen_and_titles_outrank_dates(demo_server, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(demo_server.url + "/")

    title = page.locator(".event-teaser__title").first
    date = page.locator(".event-teaser__date").first
    assert title.bounding_box()["y"] + title.bounding_box()["height"] <= 900

    def style(locator, name):
        return locator.evaluate(f"e => getComputedStyle(e.querySelector('a') || e).{name}")

    assert float(style(title, "fontSize")[:-2]) > float(style(date, "fontSize")[:-2])
    assert int(style(title, "fontWeight")) > int(style(date, "fontWeight"))
