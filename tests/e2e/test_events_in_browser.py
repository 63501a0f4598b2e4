"""A visitor finds an event, reads it and puts it into their calendar (Chromium)."""

from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import describe, save_screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

EVENT_PAGES = {
    "arbeitskreis": "/kommunen-ohne-grenzen/",
    "termine": "/termine/",
    "monatsansicht": "/termine/monat/2020/11/",
    "treffen": "/kommunen-ohne-grenzen/arbeitskreistreffen-2020-03-12/",
    "fachwerkstatt": "/kommunen-ohne-grenzen/fachwerkstatt-aufgabenteilung-2020-11-12/",
    "informationsveranstaltung": (
        "/kommunen-ohne-grenzen/infoveranstaltung-mobile-arbeit-2021-04-29/"
    ),
    "kommendes-treffen": "/kommunen-ohne-grenzen/arbeitskreistreffen-vergabestelle/",
}


@pytest.mark.parametrize("name", EVENT_PAGES)
def test_event_pages_have_no_axe_violations(demo_server, page, axe_violations, name):
    page.goto(demo_server.url + EVENT_PAGES[name])

    violations = axe_violations(page)

    save_screenshot(page, f"{name}-1280")
    assert violations == [], describe(violations)


@pytest.mark.parametrize("name", ["arbeitskreis", "fachwerkstatt", "monatsansicht"])
def test_event_pages_on_a_phone(demo_server, page, axe_violations, name):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(demo_server.url + EVENT_PAGES[name])

    violations = axe_violations(page)
    overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")

    save_screenshot(page, f"{name}-375")
    assert violations == [], describe(violations)
    assert not overflow, "the page scrolls sideways on a phone"


def test_visitor_filters_opens_event_and_downloads_calendar(demo_server, page):
    page.goto(demo_server.url + "/kommunen-ohne-grenzen/")

    page.get_by_text("Termine filtern").click()  # the filters are folded away
    page.select_option("#id_thema", label="Mobiles Arbeiten")
    page.get_by_role("button", name="Filter anwenden").click()
    page.wait_for_url("**thema=mobiles-arbeiten**")
    archive = page.locator("section", has=page.locator("#vergangene-termine"))
    expect(archive.get_by_text("Infoveranstaltung „Mobile Arbeit“ am 29.04.2021")).to_be_visible()
    assert archive.get_by_text("Werkstatt-Treffen vom 18.12.2019").count() == 0

    archive.get_by_role("link", name="Infoveranstaltung „Mobile Arbeit“ am 29.04.2021").click()
    page.wait_for_url("**/infoveranstaltung-mobile-arbeit-2021-04-29/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Infoveranstaltung")
    expect(page.get_by_text("Was ist mobile Arbeit?")).to_be_visible()

    # A past event offers no calendar entry; an upcoming one does.
    assert page.get_by_role("link", name="In Kalender eintragen").count() == 0
    page.goto(demo_server.url + "/kommunen-ohne-grenzen/arbeitskreistreffen-vergabestelle/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="In Kalender eintragen").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    calendar = icalendar.Calendar.from_ical(Path(download.path()).read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Arbeitskreistreffen: Gemeinsame Vergabestelle"


def test_month_view_is_usable_with_the_keyboard(demo_server, page):
    page.goto(demo_server.url + "/termine/monat/2020/11/")

    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.month-table__event') !== null"):
            break
    assert page.evaluate("document.activeElement.closest('.month-table__event') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fachwerkstatt-aufgabenteilung-2020-11-12/")
    assert "Digitale Fachwerkstatt" in page.get_by_role("heading", level=1).inner_text()


def test_phones_get_the_month_as_a_list_not_a_clipped_grid(demo_server, page):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(demo_server.url + "/termine/monat/2020/11/")

    expect(page.locator(".month-table")).to_be_hidden()
    expect(
        page.get_by_role("heading", name="Alle Termine im November 2020 als Liste")
    ).to_be_visible()
    expect(page.locator(".event-list .event-teaser__title").first).to_be_visible()

    page.set_viewport_size({"width": 1024, "height": 800})
    expect(page.locator(".month-table")).to_be_visible()
