"""Editors and moderators in the admin, in Chromium: the walks the editors' issue asked for.

As ``redaktion``: from the dashboard to a published meeting with a newly uploaded protocol,
then proof as a visitor that the protocol stays for members; an agenda item with a material
of its own added to a meeting. As ``moderation``: preview a
waiting board entry as visitors will see it, then approve it.
"""

import re

import pytest
from playwright.sync_api import expect

from documents.pdf_writer import make_pdf
from tests.e2e.conftest import save_screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WORKING_GROUP = "Die neuen Kommunen ohne Grenzen"
MEETING = "Arbeitskreistreffen Bauhofkooperation"
PROTOCOL = "Protokoll Bauhofkooperation"


class ClickCounter:
    """Counts the clicks an editor makes; typing and choosing a file are not clicks."""

    def __init__(self):
        self.count = 0

    def __call__(self, locator):
        self.count += 1
        locator.click()


def _admin_login(page, url, username):
    page.goto(url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo-passwort")
    page.get_by_role("button", name="Einloggen").click()
    page.wait_for_url(url + "/admin/")


def test_editor_publishes_a_meeting_with_a_new_protocol_which_stays_private(
    demo_server, browser, page, tmp_path
):
    protocol_file = tmp_path / "protokoll-bauhof.pdf"
    protocol_file.write_bytes(make_pdf(PROTOCOL, ["Ergebnisse des Treffens"]))
    click = ClickCounter()
    _admin_login(page, demo_server.url, "redaktion")
    save_screenshot(page, "admin-uebersicht")

    # One click from the dashboard to the form of a new meeting in this working group.
    click(page.get_by_role("link", name=f"Arbeitskreistreffen in {WORKING_GROUP} anlegen"))
    page.wait_for_url("**/admin/pages/add/workgroups/meetingpage/**")
    assert click.count == 1
    page.fill("#id_title", MEETING)
    page.fill("#id_start", "18.03.2027 10:00")
    page.fill("#id_end", "18.03.2027 12:00")
    page.locator("#id_title").click()  # closes the date picker, which would cover buttons
    page.fill("#id_city", "Paderborn")

    # Attach a protocol uploaded right here; "Protokoll" picks the members' collection.
    click(page.get_by_role("button", name="Unterlage hinzufügen"))
    click(page.get_by_role("button", name="Dokument auswählen"))
    modal = page.locator(".modal-dialog")
    click(modal.get_by_role("tab", name="Hochladen"))
    modal.locator("#id_document-chooser-upload-title").fill(PROTOCOL)
    modal.locator("#id_document-chooser-upload-file").set_input_files(str(protocol_file))
    modal.locator("#id_document-chooser-upload-kind").select_option(label="Protokoll")
    expect(modal.locator("#id_document-chooser-upload-collection option:checked")).to_have_text(
        "Protokolle (nur für Mitglieder)"
    )
    save_screenshot(page, "admin-protokoll-hochladen")
    click(modal.get_by_role("button", name="Hochladen"))
    expect(modal).to_have_count(0)
    expect(page.locator("#id_materials-0-document-title")).to_have_text(PROTOCOL)

    # Wagtail's autosave stores the new page as a draft half a second after the last change;
    # from then on the form posts to the page's edit view. A publish sent while that first save
    # is still on its way lands on the draft with a request to publish it there
    # (tests/home/test_publish_after_autosave.py); a person takes longer than half a second to
    # reach the button, so the test waits for the save as well.
    page.wait_for_url("**/admin/pages/*/edit/**")

    # Publish from the footer's menu.
    click(page.locator("footer [data-w-dropdown-target='toggle']").last)
    with page.expect_navigation():
        click(page.get_by_role("button", name="Veröffentlichen"))
    # Named first, so that a refused form says which field it refused and why.
    expect(page.locator(".error-message")).to_have_text([])
    # Published from the edit view (the page exists as an autosaved draft), whose message
    # leaves out "erstellt".
    expect(page.get_by_role("status")).to_contain_text(
        re.compile(r"wurde (erstellt und )?veröffentlicht")
    )
    assert click.count == 7
    save_screenshot(page, "admin-veroeffentlicht")

    # The attachment now says who may download it.
    page.get_by_role("link", name=MEETING).first.click()
    expect(page.get_by_text(f"{PROTOCOL} (nur für Mitglieder)")).to_be_visible()

    # A visitor sees the meeting, a hint instead of the protocol, and cannot download it.
    visitor = browser.new_context(locale="de-DE").new_page()
    visitor.goto(demo_server.url + "/kommunen-ohne-grenzen/")
    visitor.get_by_role("link", name=MEETING).first.click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(MEETING)
    # Published as the editor's "Anmeldung" section proposed it: registration on, for members.
    expect(visitor.locator(".registration-box")).to_contain_text("nur Mitgliedern offen")
    hint = visitor.locator(".document-link--locked")
    expect(hint).to_contain_text("Nur für Mitglieder")
    document_path = hint.get_by_role("link", name="bitte einloggen").get_attribute("href")
    document_path = document_path.split("next=", 1)[1]
    download = visitor.request.get(demo_server.url + document_path, max_redirects=0)
    assert download.status == 302
    assert download.headers["location"].startswith("/einloggen/")


def test_editor_adds_an_agenda_item_with_a_material_of_its_own(demo_server, browser, page):
    """The agenda item's materials are a stream inside the inline panel: both must work
    together in the browser (adding a block, the chooser, publishing)."""
    _admin_login(page, demo_server.url, "redaktion")
    page.goto(demo_server.url + "/admin/pages/search/?q=Gemeinsame+Vergabestelle")
    page.get_by_role("link", name="Arbeitskreistreffen: Gemeinsame Vergabestelle").first.click()
    page.wait_for_url("**/admin/pages/*/edit/**")

    page.get_by_role("button", name="Tagesordnungspunkt hinzufügen").click()
    items = page.locator("input[id^='id_agenda_items-'][id$='-title']")
    number = items.count()  # the demo meeting has four items
    page.fill(f"#id_agenda_items-{number - 1}-title", "Kosten der Vergabestelle")
    item = page.locator(f"#inline_child_agenda_items-{number - 1}")
    item.get_by_title("Einen Block einfügen").click()
    item.get_by_role("button", name="Dokument auswählen").click()
    modal = page.locator(".modal-dialog")
    modal.get_by_role("link", name=re.compile("Auswertung der Umfrage")).first.click()
    expect(modal).to_have_count(0)
    save_screenshot(page, "admin-tagesordnungspunkt")
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Veröffentlichen").click()
    expect(page.locator(".error-message")).to_have_text([])

    visitor = browser.new_context(locale="de-DE").new_page()
    visitor.goto(demo_server.url + "/kommunen-ohne-grenzen/arbeitskreistreffen-vergabestelle/")
    added = visitor.locator(f"#top-{number}")
    expect(added).to_contain_text(f"TOP {number}")
    expect(added).to_contain_text("Kosten der Vergabestelle")
    expect(added.get_by_role("link", name=re.compile("Auswertung der Umfrage"))).to_be_visible()


def test_moderator_previews_and_approves_a_board_entry(demo_server, page):
    waiting = "Gemeinsame Datenschutzbeauftragte gesucht"  # the demo member's submission
    _admin_login(page, demo_server.url, "moderation")
    page.get_by_role("link", name="Kooperationsbörse").first.click()
    row = page.locator("tr", has_text=waiting)
    expect(row).to_contain_text("wartet auf Freigabe")
    save_screenshot(page, "admin-boerse-liste")
    row.get_by_role("link", name=waiting).click()

    # The preview panel shows the entry as visitors will see it.
    page.get_by_role("button", name="Vorschau umschalten").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_contain_text(waiting)
    save_screenshot(page, "admin-boerse-vorschau")

    with page.expect_navigation():
        page.locator(
            '[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
        ).dispatch_event("click")
    expect(page.locator("tr", has_text=waiting)).to_contain_text("veröffentlicht")
