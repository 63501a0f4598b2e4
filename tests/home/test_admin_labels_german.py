"""What screen readers announce in the admin is German too: button values, labels and the
labels of StreamField blocks, which the sweep of visible text (test_admin_german.py) does not
read. Found before: the dashboard's search button "Search", the image block's "Image"."""

import json
from html import unescape
from html.parser import HTMLParser

from django.contrib.auth import get_user_model

import pytest

from board.entries import CooperationEntry
from tests.home.test_admin_german import ENGLISH_WORDS, _english_sources
from workgroups.models import MeetingPage, WorkingGroupPage

LABEL_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "aria-description")


class AnnouncedText(HTMLParser):
    """Labels, the values of input buttons, and the labels inside block definitions."""

    def __init__(self):
        super().__init__()
        self.texts = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.texts += [attributes[name] for name in LABEL_ATTRIBUTES if attributes.get(name)]
        if tag == "input" and attributes.get("type") in ("submit", "button", "reset"):
            self.texts.append(attributes.get("value") or "")
        if definition := attributes.get("data-w-block-data-value"):
            self.texts += _labels_in(json.loads(definition))


def _labels_in(data):
    if isinstance(data, dict):
        return [
            text
            for key, value in data.items()
            for text in (
                [value] if key == "label" and isinstance(value, str) else _labels_in(value)
            )
        ]
    if isinstance(data, list):
        return [text for item in data for text in _labels_in(item)]
    return []


def english_announcements(html, english_sources):
    parser = AnnouncedText()
    parser.feed(html)
    texts = {" ".join(unescape(text).split()) for text in parser.texts}
    return sorted(text for text in texts if text in english_sources or text in ENGLISH_WORDS)


@pytest.fixture(scope="module")
def english_sources():
    return _english_sources()


def _screens():
    group = WorkingGroupPage.objects.get(slug="kommunen-ohne-grenzen")
    meeting = MeetingPage.objects.live().child_of(group).first()
    waiting = CooperationEntry.objects.filter(live=False).order_by("pk").first()
    return [
        "/admin/",
        "/admin/choose-page/",
        f"/admin/pages/{meeting.pk}/edit/",
        f"/admin/pages/add/workgroups/meetingpage/{group.pk}/",
        "/admin/documents/add/",
        "/admin/documents/multiple/add/",
        f"/admin/snippets/board/cooperationentry/edit/{waiting.pk}/",
    ]


def test_what_screen_readers_announce_is_german(demo_site, client, english_sources):
    client.force_login(get_user_model().objects.get(username="moderation"))
    found = {}
    for url in _screens():
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.json()["html"] if response["Content-Type"].endswith("json") else None
        html = html or response.content.decode()
        if english := english_announcements(html, english_sources):
            found[url] = english
    assert found == {}


def test_the_check_hears_english(english_sources):
    definition = json.dumps({"_args": [{"label": "Image"}, {"label": "Bild"}]})
    html = (
        '<input type="submit" value="Search"><button aria-label="Suchen"></button>'
        f"<div data-w-block-data-value='{definition}'></div>"
    )
    assert english_announcements(html, english_sources) == ["Image", "Search"]
