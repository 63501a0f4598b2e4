"""Members and visitors meet members-only protocols in Chromium."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import BEST_PRACTICE_RULES, describe, save_screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MEETING = "/kommunen-ohne-grenzen/arbeitskreistreffen-2020-03-12/"


def _is_document(response):
    return "/dokumente/" in response.url and response.url.endswith(".pdf")


def _log_in(page, username="mitglied", password="demo-passwort"):
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.get_by_role("button", name="Einloggen").click()


def test_member_logs_in_opens_the_meeting_and_downloads_the_protocol(demo_server, page):
    page.goto(demo_server.url + "/einloggen/")
    _log_in(page)
    page.wait_for_url(demo_server.url + "/")
    expect(page.get_by_text("Eingeloggt als Mia Mitglied")).to_be_visible()

    page.goto(demo_server.url + MEETING)
    link = page.get_by_role("link", name="Protokoll des Arbeitskreistreffens vom 12.03.2020")
    with page.expect_response(_is_document) as response_info:
        link.click()
    response = response_info.value

    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    # Chromium shows the PDF in its viewer; fetch the same URL with the member's cookies.
    assert page.context.request.get(response.url).body().startswith(b"%PDF-")
    assert "private" in response.headers["cache-control"]


def test_visitor_sees_the_hint_and_comes_back_after_login(demo_server, page):
    page.goto(demo_server.url + MEETING)

    hint = page.locator(".document-link--locked")
    assert "Nur für Mitglieder" in hint.inner_text()
    hint.get_by_role("link", name="bitte einloggen").click()
    page.wait_for_url("**/einloggen/?next=/dokumente/**")

    with page.expect_response(lambda r: _is_document(r) and r.status == 200) as response_info:
        _log_in(page)
    assert response_info.value.headers["content-type"] == "application/pdf"


def test_wrong_password_keeps_the_username_and_says_why(demo_server, page, axe_violations):
    page.goto(demo_server.url + "/einloggen/")
    _log_in(page, password="falsch")

    expect(page.get_by_text("Benutzername oder Passwort sind nicht korrekt")).to_be_visible()
    assert page.input_value("#id_username") == "mitglied"
    violations = axe_violations(page)
    assert violations == [], describe(violations)


@pytest.mark.parametrize(
    ("name", "path", "logged_in"),
    [
        ("mitgliederbereich", "/mitgliederbereich/", True),
        ("suche-dokumente", "/suche/?q=Vergabestelle", False),
        ("suche-mitglied", "/suche/?q=Verwaltungskooperationsregister", True),
        ("passwort-vergessen", "/passwort/vergessen/", False),
        ("treffen-mit-protokoll", MEETING, False),
    ],
)
def test_member_pages_have_no_axe_violations(
    demo_server, page, axe_violations, name, path, logged_in
):
    if logged_in:
        page.goto(demo_server.url + "/einloggen/")
        _log_in(page)
        page.wait_for_url(demo_server.url + "/")
    page.goto(demo_server.url + path)

    violations = axe_violations(page) + axe_violations(page, rules=BEST_PRACTICE_RULES)

    save_screenshot(page, f"{name}-1280")
    assert violations == [], describe(violations)


def test_editor_choosing_protocol_gets_the_protected_collection(demo_server, page):
    """The accident seen in the upload dialog: "Protokoll" with the public root collection."""
    page.goto(demo_server.url + "/admin/login/")
    page.fill("#id_username", "redaktion")
    page.fill("#id_password", "demo-passwort")
    page.get_by_role("button", name="Einloggen").click()
    page.wait_for_url("**/admin/")
    page.goto(demo_server.url + "/admin/documents/add/")
    collection = page.locator("#id_collection")
    public = collection.locator("option").first.get_attribute("value")
    collection.select_option(public)

    page.select_option("#id_kind", "protocol")

    chosen = collection.evaluate("select => select.options[select.selectedIndex].text")
    assert "Mitglieder" in chosen
    save_screenshot(page, "admin-dokument-protokoll-sammlung")
