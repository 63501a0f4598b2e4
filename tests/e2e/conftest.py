"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Locally they skip with a reason when Chromium is missing; in CI (``CI=true``) a skip fails the
run (see ``tests/conftest.py``). Playwright's own browser download is never used.
"""

import json
import os
import shutil
from pathlib import Path

from django.conf import settings

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"Chromium fehlt unter {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser tab; whatever the Content-Security-Policy blocked fails the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert blocked == [], "Content-Security-Policy blocked: " + "; ".join(blocked)


@pytest.fixture
def demo_server(live_server, transactional_db, demo_snapshot, media_root):
    """The live server with the demo content, committed for the server and flushed afterwards."""
    demo_snapshot.restore(media_root)
    return live_server


# Findings of axe that its WCAG tags leave out, but that a screen reader or keyboard user runs
# into: two landmarks of the same kind and name, a page without a main heading, a box that
# scrolls but cannot be reached to scroll it.
BEST_PRACTICE_RULES = ["landmark-unique", "page-has-heading-one", "scrollable-region-focusable"]


@pytest.fixture
def axe_violations():
    """Run axe-core in the page and return its WCAG 2.1 A/AA violations."""
    if not AXE_SCRIPT.exists():
        pytest.skip(f"axe-core fehlt unter {AXE_SCRIPT} (npm ci)")
    script = AXE_SCRIPT.read_text()

    def run(page, rules=None):
        """``rules`` names axe rules to run instead of the WCAG tags, e.g. best practices
        such as landmark-unique that the tags leave out."""
        # Evaluated by the browser's debugging protocol: the site's Content-Security-Policy
        # forbids inline scripts, and the pages are checked with that policy in force.
        page.evaluate(script)
        if rules:
            run_only = {"type": "rule", "values": rules}
        else:
            run_only = {"type": "tag", "values": WCAG_TAGS}
        result = page.evaluate("runOnly => axe.run(document, {runOnly})", run_only)
        return [
            {
                "id": violation["id"],
                "help": violation["help"],
                "targets": [node["target"] for node in violation["nodes"]],
            }
            for violation in result["violations"]
        ]

    return run


def save_screenshot(page, name):
    """Keep a full-page screenshot next to the test run for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def describe(violations):
    return json.dumps(violations, indent=2, ensure_ascii=False)
