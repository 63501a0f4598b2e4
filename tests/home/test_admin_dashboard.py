"""The admin dashboard starts with what waits for the user, and reads German to screen readers."""

import re

from django.contrib.auth import get_user_model
from django.utils.html import escape

import pytest

from board.entries import CooperationEntry

#: The dashboard's panels, in the order Wagtail renders them (each is a <section id="…-section">).
PANEL = re.compile(r'<section[^>]*\bid="([a-z-]+)-section"')


def dashboard_of(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_moderator_sees_what_awaits_review_first(
    demo_site, client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(75):
        html = dashboard_of(client, "moderation")

    panels = PANEL.findall(html)
    assert panels[0] == "awaiting-review", panels
    assert {"new-event", "upcoming-events"} <= set(panels[1:])
    # The board entries members submitted wait there.
    review = html[html.index('id="awaiting-review-section"') :]
    waiting = CooperationEntry.objects.filter(live=False).order_by("pk").first()
    assert escape(waiting.title) in review


def test_editors_without_review_tasks_start_with_the_event_shortcuts(demo_site, client):
    panels = PANEL.findall(dashboard_of(client, "redaktion"))

    assert "awaiting-review" not in panels
    assert panels[0] == "new-event"


@pytest.mark.parametrize("url", ["/admin/", "/admin/choose-page/"])
def test_search_buttons_for_screen_readers_are_german(demo_site, client, url):
    client.force_login(get_user_model().objects.get(username="redaktion"))

    html = client.get(url).content.decode().replace('\\"', '"')

    assert 'value="Search"' not in html
    assert '<input type="submit" value="Suchen" class="button" />' in html
