"""The exchange board in Chromium: a member proposes, a moderator approves, a visitor finds it."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import describe, save_screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BOARD = "/kooperationsboerse/"
TITLE = "Gemeinsamer Winterdienst an Kreisgrenzen"


def _log_in(page, username, password="demo-passwort"):
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.get_by_role("button", name="Einloggen").click()


def test_member_proposes_moderator_approves_visitor_finds(
    demo_server, browser, page, axe_violations
):
    # A member starts from the board and is sent to log in first.
    page.goto(demo_server.url + BOARD)
    page.get_by_role("link", name="Eintrag vorschlagen").click()
    page.get_by_role("link", name="Einloggen").last.click()
    _log_in(page, "mitglied")
    page.wait_for_url(f"**{BOARD}eintragen/")

    # Sending the empty form explains every missing field and keeps what was typed.
    page.fill("#id_title", TITLE)
    page.get_by_role("button", name="Zur Prüfung einreichen").click()
    expect(page.get_by_text("Bitte prüfen Sie Ihre Angaben")).to_be_visible()
    # The summary takes the focus, names each wrong field with a link, and the title says so.
    expect(page.locator("[data-error-summary]")).to_be_focused()
    assert page.title().startswith("Fehler:")
    page.locator("[data-error-summary]").get_by_role(
        "link", name=re.compile("^Beschreibung")
    ).click()
    expect(page.locator("#id_description")).to_be_focused()
    assert page.input_value("#id_title") == TITLE
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    save_screenshot(page, "boerse-formular-fehler")

    page.get_by_label("Nachfrage").check()
    page.select_option("#id_municipality", label="Altenbeken")
    page.get_by_label("Bauhof").check()
    page.fill(
        "#id_description",
        "Wir suchen eine Nachbarkommune, mit der wir Streufahrzeuge und Bereitschaft im "
        "Winterdienst an den Kreisgrenzen teilen.",
    )
    page.get_by_role("button", name="Zur Prüfung einreichen").click()
    # The redirect keeps the "#id_description" the summary link added.
    page.wait_for_url(re.compile(rf".*{BOARD}meine-eintraege/(#.*)?$"))
    expect(page.get_by_text("wird geprüft").first).to_be_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    save_screenshot(page, "boerse-meine-eintraege")

    # Not public yet.
    visitor = browser.new_context(locale="de-DE").new_page()
    visitor.goto(demo_server.url + BOARD + "?art=request")
    assert TITLE not in visitor.content()

    # A moderator approves it in the Wagtail admin.
    moderator = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    admin = moderator.new_page()
    admin.goto(demo_server.url + "/admin/login/")
    admin.fill("#id_username", "moderation")
    admin.fill("#id_password", "demo-passwort")
    admin.locator("button[type=submit]").click()
    admin.wait_for_url(demo_server.url + "/admin/")
    admin.goto(demo_server.url + "/admin/snippets/board/cooperationentry/")
    admin.get_by_role("link", name=TITLE).click()
    admin.wait_for_selector('[data-workflow-action-name="approve"]', state="attached")
    with admin.expect_navigation():
        admin.locator(
            '[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
        ).dispatch_event("click")
    moderator.close()

    # A visitor finds it by filter and reads it; contact data stays for members.
    visitor.goto(demo_server.url + BOARD)
    visitor.get_by_text("Einträge filtern").click()  # the filters are folded away
    visitor.select_option("#id_art", label="Nachfrage")
    visitor.select_option("#id_thema", label="Bauhof")
    visitor.get_by_role("button", name="Filter anwenden").click()
    visitor.get_by_role("link", name=TITLE).click()
    expect(visitor.get_by_role("heading", name=TITLE)).to_be_visible()
    assert "bitte einloggen" in visitor.content()
    expect(visitor.get_by_text("Bauhof-Fahrzeuge gemeinsam nutzen")).to_be_visible()  # a match
    violations = axe_violations(visitor)
    assert violations == [], describe(violations)
    save_screenshot(visitor, "boerse-neuer-eintrag")


def test_form_and_own_entries_fit_a_phone(demo_server, page, axe_violations):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(demo_server.url + "/einloggen/?next=" + BOARD + "eintragen/")
    _log_in(page, "mitglied")
    page.wait_for_url(f"**{BOARD}eintragen/")

    for name in ("boerse-formular", "boerse-meine-eintraege"):
        violations = axe_violations(page)
        overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        save_screenshot(page, f"{name}-375")
        assert violations == [], describe(violations)
        assert not overflow, "the page scrolls sideways"
        page.goto(demo_server.url + BOARD + "meine-eintraege/")
