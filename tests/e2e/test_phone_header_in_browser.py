"""The header on a 375 × 740 phone: small, with search and menu behind one "Menü" button, so
the next date is on the first screen; on a wide screen the menu bar with its working groups."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import BEST_PRACTICE_RULES, describe, save_screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}
WORKING_GROUPS = [
    "Die neuen Kommunen ohne Grenzen",
    "Der neue Mittelstand",
    "Die neue Mobilität",
    "Das neue Stadt Land Quartier",
]


def _bottom(locator):
    box = locator.bounding_box()
    return box["y"] + box["height"]


def test_on_a_phone_the_menu_folds_behind_one_button_that_names_the_working_groups(
    demo_server, page, axe_violations
):
    page.set_viewport_size(PHONE)
    page.goto(demo_server.url + "/")
    button = page.get_by_role("button", name="Menü")
    menu = page.get_by_role("navigation", name="Hauptnavigation")

    assert _bottom(page.locator(".site-header")) <= 130
    expect(menu).to_be_hidden()
    expect(page.get_by_role("search")).to_be_hidden()
    expect(button).to_have_attribute("aria-expanded", "false")

    button.click()

    expect(button).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("search")).to_be_visible()
    for title in WORKING_GROUPS:
        expect(menu.get_by_role("link", name=title)).to_be_visible()
    save_screenshot(page, "menue-offen-375")
    violations = axe_violations(page) + axe_violations(page, rules=BEST_PRACTICE_RULES)
    assert violations == [], describe(violations)

    page.keyboard.press("Escape")

    expect(menu).to_be_hidden()
    expect(button).to_have_attribute("aria-expanded", "false")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Menü"

    button.focus()
    page.keyboard.press("Space")
    menu.get_by_role("link", name="Der neue Mittelstand").click()
    page.wait_for_url("**/der-neue-mittelstand/")


def test_without_javascript_the_menu_button_is_a_link_that_opens_the_menu(browser, demo_server):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_server.url + "/")
    menu = page.get_by_role("navigation", name="Hauptnavigation")
    expect(menu).to_be_hidden()

    page.get_by_role("link", name="Menü").click()

    expect(menu).to_be_visible()
    expect(page.get_by_role("search")).to_be_visible()
    menu.get_by_text("Arbeitskreise").click()  # a disclosure that needs no script
    expect(menu.get_by_role("link", name="Die neue Mobilität")).to_be_visible()
    context.close()


def test_on_a_phone_the_next_date_and_an_events_time_and_place_are_on_the_first_screen(
    demo_server, page
):
    page.set_viewport_size(PHONE)
    page.goto(demo_server.url + "/")
    assert _bottom(page.locator(".event-teaser__date").first) <= PHONE["height"]
    save_screenshot(page, "startseite-erster-bildschirm-375")

    for path in (
        "/kommunen-ohne-grenzen/arbeitskreistreffen-vergabestelle/",
        "/kommunen-ohne-grenzen/fachwerkstatt-regionaler-personalpool/",
    ):
        page.goto(demo_server.url + path)
        facts = page.locator(".event-facts__list dd")
        when, where = facts.nth(0), facts.nth(1)
        # The place is the address where there is one (the notes on directions and access
        # may follow below the fold), else the note on online attendance.
        address = where.locator(".venue__address")
        place = address if address.count() else where
        assert _bottom(when) <= PHONE["height"], f"{path}: Wann liegt unter dem ersten Bildschirm"
        assert _bottom(place) <= PHONE["height"], f"{path}: Wo liegt unter dem ersten Bildschirm"


def test_on_a_wide_screen_the_working_groups_drop_down_from_the_menu_bar(demo_server, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(demo_server.url + "/kommunen-ohne-grenzen/")
    menu = page.get_by_role("navigation", name="Hauptnavigation")
    expect(page.locator(".site-header__menu-button")).to_be_hidden()
    expect(menu.get_by_role("link", name="Termine")).to_be_visible()
    expect(menu.get_by_role("link", name="Der neue Mittelstand")).to_be_hidden()

    menu.get_by_text("Arbeitskreise").click()

    current = menu.get_by_role("link", name="Die neuen Kommunen ohne Grenzen")
    expect(current).to_be_visible()
    expect(current).to_have_attribute("aria-current", "page")
    page.keyboard.press("Escape")
    expect(current).to_be_hidden()
