"""A member follows a working group, copies the personal calendar's address and reads it the
way a calendar program would: in Chromium, on the demo site."""

import icalendar
import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import BEST_PRACTICE_RULES, describe, save_screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WORKING_GROUP = "/kommunen-ohne-grenzen/"


def _log_in(page, server):
    page.goto(server.url + "/einloggen/")
    page.fill("#id_username", "mitglied")
    page.fill("#id_password", "demo-passwort")
    page.get_by_role("button", name="Einloggen").click()
    page.wait_for_url(server.url + "/")


def test_a_member_follows_a_group_and_subscribes_to_the_personal_calendar(
    demo_server, page, axe_violations
):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    _log_in(page, demo_server)
    page.goto(demo_server.url + WORKING_GROUP)

    page.get_by_role("button", name="Arbeitskreis folgen").click()

    expect(page.get_by_text("Sie folgen jetzt dem Arbeitskreis")).to_be_visible()
    expect(page.get_by_role("button", name="Nicht mehr folgen")).to_be_visible()

    page.goto(demo_server.url + "/benachrichtigungen/")
    page.get_by_role("button", name="Adresse kopieren").click()
    expect(page.get_by_text("Adresse kopiert.")).to_be_visible()
    address = page.evaluate("navigator.clipboard.readText()")
    assert address == page.input_value("#kalender-adresse")
    webcal = page.get_by_role("link", name="Kalender abonnieren").get_attribute("href")
    assert webcal == "webcal://" + address.split("://", 1)[1]
    save_screenshot(page, "benachrichtigungen-1280")
    assert axe_violations(page) == [], describe(axe_violations(page))
    assert axe_violations(page, BEST_PRACTICE_RULES) == []

    # The calendar program has no session: a fresh context reads the address.
    calendar_program = page.context.browser.new_context()
    response = calendar_program.request.get(address)
    assert response.status == 200
    assert "private" in response.headers["cache-control"]
    summaries = {
        str(event["summary"])
        for event in icalendar.Calendar.from_ical(response.body()).walk("VEVENT")
    }
    assert any("Arbeitskreistreffen" in summary for summary in summaries)

    page.get_by_role("button", name="Adresse erneuern").click()
    expect(page.get_by_text("Die bisherige gilt ab sofort nicht mehr")).to_be_visible()
    assert calendar_program.request.get(address).status == 404
    calendar_program.close()


def test_the_settings_fit_a_phone(demo_server, page):
    page.set_viewport_size({"width": 375, "height": 740})
    _log_in(page, demo_server)

    page.goto(demo_server.url + "/benachrichtigungen/")

    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"Die Seite ist {width} px breit"
    save_screenshot(page, "benachrichtigungen-375")
