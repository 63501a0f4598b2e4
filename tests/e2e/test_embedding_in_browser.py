"""A member municipality's website (another origin) shows our events: the frame and the
JavaScript snippet, both copied from our webmasters' page, work in Chromium."""

import html
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import save_screenshot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _snippet(guide_html, snippet_id):
    code = re.search(rf'id="{snippet_id}"><code>(.*?)</code>', guide_html, re.S)[1]
    return html.unescape(code)


@pytest.fixture
def municipality_site():
    """A tiny web server on another port: another origin, like www.borchen.de."""
    pages = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path, "").encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", pages
    server.shutdown()


def test_a_municipality_site_shows_our_events_by_frame_and_by_script(
    demo_server, page, municipality_site
):
    origin, pages = municipality_site
    guide = page.context.request.get(demo_server.url + "/termine/einbinden/").text()
    pages["/"] = (
        "<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'>"
        "<title>Gemeinde Borchen</title></head><body><h1>Gemeinde Borchen</h1>"
        "<h2>Termine der Arbeitskreise</h2>"
        + _snippet(guide, "snippet-iframe")
        + "<h2>Nächste Termine (Skript)</h2>"
        + _snippet(guide, "snippet-javascript")
        + "</body></html>"
    )

    page.goto(origin + "/")

    frame = page.frame_locator("iframe[title='Termine der Arbeitskreise']")
    expect(frame.locator(".embed__item").first).to_be_visible()
    scripted = page.locator("#arbeitskreis-termine li")
    expect(scripted.first).to_be_visible()
    assert scripted.count() >= 3
    assert "/kommunen-ohne-grenzen/" in scripted.first.locator("a").get_attribute("href")
    save_screenshot(page, "einbettung-kommune")


def test_keyboard_reaches_and_scrolls_the_code_on_a_phone(demo_server, page):
    """The snippets are wider than a phone: without a keyboard stop their ends are out of reach."""
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(demo_server.url + "/termine/einbinden/")
    snippet = page.locator("#snippet-javascript")
    assert snippet.evaluate("box => box.scrollWidth > box.clientWidth")

    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "snippet-javascript":
            break
    else:
        pytest.fail("Tab never reaches the JavaScript example")
    for _ in range(5):
        page.keyboard.press("ArrowRight")

    # Chromium scrolls smoothly: the box moves over a few frames after the key presses.
    page.wait_for_function(
        "() => document.getElementById('snippet-javascript').scrollLeft > 0", timeout=5000
    )
    expect(page.get_by_role("region", name="Code für das JavaScript-Beispiel")).to_be_focused()


def test_the_embedded_list_has_a_main_heading(demo_server, page):
    page.goto(demo_server.url + "/termine/einbetten/")

    heading = page.get_by_role("heading", level=1, name="Termine der Arbeitskreise")

    expect(heading).to_have_count(1)
    expect(page.locator(".embed__item").first).to_be_visible()
