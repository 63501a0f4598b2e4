"""Editors and moderators read the admin in German: a sweep over the screens they use.

A text is English when it is exactly a source text of Wagtail's or Django's catalogues whose
German translation differs (so it reached the page untranslated), or one of the English words
the German catalogues leave as they are. Hidden elements, scripts and icons are not read.
"""

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import django
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation

import wagtail
from wagtail.models import Collection, Page, Task, Workflow

import pytest

from board.entries import CooperationEntry
from documents.models import CustomDocument
from workgroups.models import MeetingPage, WorkingGroupPage

PROJECT_CATALOGUE = Path(settings.BASE_DIR) / "locale" / "de" / "LC_MESSAGES" / "django.po"
# Left in English by the German catalogues (or by Wagtail's own first migration).
ENGLISH_WORDS = {
    "Dashboard",
    "Home",
    "Breadcrumb",
    "Root",
    "Locale",
    "Moderators approval",
    "Workflows",
}
# Broken German seen before the overrides: a model name glued to "-Objekt", and the like.
BROKEN_GERMAN = re.compile(r"-Objekt|Objekts?\b|Elternteil|Dateigrösse|Benachichtigung")


def _catalogue_entries(path):
    """(msgid, msgstr) pairs of a .po file; plural entries give their singular forms."""
    text = Path(path).read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        fields = {
            match.group(1): _po_string(match.group(2))
            for match in re.finditer(
                r'^(msgid|msgstr(?:\[0\])?) ((?:".*"\n?)+)', block + "\n", re.MULTILINE
            )
        }
        if "msgid" in fields:
            yield fields["msgid"], fields.get("msgstr", fields.get("msgstr[0]", ""))


def _po_string(quoted_lines):
    return "".join(ast.literal_eval(line) for line in quoted_lines.strip().splitlines())


def _english_sources():
    """Source texts whose German differs: seen as-is on a page, they were not translated."""
    sources = set()
    for package in (wagtail, django):
        for path in Path(package.__file__).parent.rglob("locale/de/LC_MESSAGES/django.po"):
            for msgid, msgstr in _catalogue_entries(path):
                if len(msgid) > 3 and msgstr and msgstr != msgid and "%" not in msgid:
                    sources.add(msgid)
    return sources


class VisibleText(HTMLParser):
    """Text nodes and the labels people hear (aria-label, title, placeholder, alt)."""

    SKIPPED = {"script", "style", "template", "svg", "noscript"}
    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "area", "col"}

    def __init__(self):
        super().__init__()
        self.stack = []
        self.texts = []

    def _hidden(self):
        return any(self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        hidden = tag in self.SKIPPED or "hidden" in attributes
        if not hidden and not self._hidden():
            for name in ("aria-label", "title", "placeholder", "alt"):
                if attributes.get(name):
                    self.texts.append(attributes[name].strip())
        if tag not in self.VOID:
            self.stack.append(hidden)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if data.strip() and not self._hidden():
            self.texts.append(" ".join(data.split()))


def english_texts(html, english_sources):
    parser = VisibleText()
    parser.feed(html)
    return sorted(
        {
            text
            for text in parser.texts
            if text in english_sources or text in ENGLISH_WORDS or BROKEN_GERMAN.search(text)
        }
    )


@pytest.fixture(scope="module")
def english_sources():
    return _english_sources()


def _editor_screens():
    group = WorkingGroupPage.objects.get(slug="kommunen-ohne-grenzen")
    meeting = MeetingPage.objects.live().child_of(group).first()
    document = CustomDocument.objects.order_by("pk").first()
    return [
        "/admin/",
        f"/admin/pages/{group.pk}/",
        f"/admin/pages/{group.pk}/add_subpage/",
        f"/admin/pages/add/workgroups/meetingpage/{group.pk}/",
        f"/admin/pages/{meeting.pk}/edit/",
        f"/admin/pages/{meeting.pk}/history/",
        "/admin/documents/",
        "/admin/documents/multiple/add/",
        f"/admin/documents/edit/{document.pk}/",
        "/admin/images/",
        "/admin/veranstaltungen/",
        "/admin/veranstaltungen/choose_parent/",
        "/admin/reports/workflow/",
        "/admin/anmeldungen/",
        f"/admin/anmeldungen/nachricht/{meeting.pk}/",
        "/admin/snippets/taxonomy/topic/",
        "/admin/snippets/taxonomy/municipality/",
        "/admin/snippets/taxonomy/municipality/add/",
        "/admin/handbuch/",
        "/admin/account/",
        "/admin/pages/search/?q=Vergabe",
    ]


def _moderator_screens():
    waiting = CooperationEntry.objects.filter(live=False).order_by("pk").first()
    return [
        "/admin/",
        "/admin/snippets/board/cooperationentry/",
        f"/admin/snippets/board/cooperationentry/edit/{waiting.pk}/",
        f"/admin/snippets/board/cooperationentry/history/{waiting.pk}/",
    ]


@pytest.mark.parametrize(
    ("username", "screens"), [("redaktion", _editor_screens), ("moderation", _moderator_screens)]
)
def test_the_screens_editors_and_moderators_use_are_german(
    demo_site, client, english_sources, username, screens
):
    client.force_login(get_user_model().objects.get(username=username))
    found = {}
    for url in screens():
        response = client.get(url)
        assert response.status_code == 200, url
        if english := english_texts(response.content.decode(), english_sources):
            found[url] = english
    assert found == {}


def test_the_admin_login_is_german(db, client, english_sources):
    html = client.get("/admin/login/").content.decode()

    assert english_texts(html, english_sources) == []
    assert "Passwort" in html
    assert "Login für Redaktion und Moderation" in html


def test_the_sweep_recognises_english(english_sources):
    """The detector itself: Wagtail's English, a glued model name and hidden text."""
    html = (
        "<h2>Forgotten password?</h2><p>Jeder kann dieses Seite-Objekt bearbeiten</p>"
        "<nav aria-label='Breadcrumb'></nav><div hidden>Forgotten password? None</div>"
        "<p>Kürzlich bearbeitet</p>"
    )
    assert english_texts(html, english_sources) == [
        "Breadcrumb",
        "Forgotten password?",
        "Jeder kann dieses Seite-Objekt bearbeiten",
    ]


def test_wagtails_english_defaults_have_german_names(db):
    assert Collection.get_first_root_node().name == "Öffentlich"
    assert Page.get_first_root_node().title == "Alle Websites"
    assert Workflow.objects.filter(name="Freigabe von Seiten").exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()


def test_the_compiled_catalogue_matches_its_source():
    """``make messages`` was run after the last edit of locale/de/LC_MESSAGES/django.po."""
    entries = [(msgid, msgstr) for msgid, msgstr in _catalogue_entries(PROJECT_CATALOGUE) if msgid]
    assert len(entries) > 30
    with translation.override("de"):
        stale = [msgid for msgid, msgstr in entries if translation.gettext(msgid) != msgstr]
    assert stale == []
