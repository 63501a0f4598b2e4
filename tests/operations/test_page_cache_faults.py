"""Faults at the moment of a change: no kept page or fragment reaches the wrong audience.

Redis is frozen for real (a private ``redis-server`` stopped with SIGSTOP, ``tests/network.py``),
as when a cache server stalls while an editor makes a page members-only.
"""

from django.contrib.auth.models import Group
from django.http import HttpResponse

from wagtail.models import PageViewRestriction

import pytest

from operations import cache as resilient_cache
from operations.page_cache import PageCacheMiddleware, purge_page_cache
from tests.factories import MeetingPageFactory
from tests.network import PrivateRedis, free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_redis(tmp_path, settings, monkeypatch):
    """A Redis of this test's own as the production cache, with the page cache on."""
    server = PrivateRedis(tmp_path / "redis")
    settings.CACHES = {
        "default": {
            "BACKEND": "operations.cache.ResilientRedisCache",
            "LOCATION": server.url(),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    settings.PAGE_CACHE_ENABLED = True
    # Ask Redis again at once after an error, so the test sees the state after the fault.
    monkeypatch.setattr(resilient_cache, "RETRY_AFTER_SECONDS", 0.0)
    try:
        yield server
    finally:
        server.stop()


def _make_members_only(page):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Mitglieder"))


def test_a_page_made_members_only_while_redis_is_frozen_is_never_served_again(
    client, working_group, private_redis
):
    event = MeetingPageFactory(parent=working_group, title="Interne Klausur")
    client.get(event.url)
    assert not client.get(event.url).templates  # kept: served without rendering
    assert "Interne Klausur" in client.get(working_group.url).content.decode()
    client.get(working_group.url)

    with private_redis.stalled():
        _make_members_only(event)

    assert private_redis.kept_pages(), "the public copies are still in Redis"
    event_page = client.get(event.url)
    assert event_page.status_code == 302 and event_page["Location"].startswith("/einloggen/")
    # The listing's kept menu and rows do not name the members' page to visitors either.
    assert "Interne Klausur" not in client.get(working_group.url).content.decode()


def test_a_change_while_redis_refuses_connections_is_seen_once_it_is_back(
    client, working_group, private_redis, settings
):
    """Redis answering "connection refused" during the change, then back with its old data."""
    event = MeetingPageFactory(parent=working_group, title="Öffentliches Treffen")
    client.get(event.url)
    assert not client.get(event.url).templates
    working = settings.CACHES["default"]["LOCATION"]
    settings.CACHES = {
        "default": {**settings.CACHES["default"], "LOCATION": f"redis://127.0.0.1:{free_port()}/0"}
    }

    event.unpublish()
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": working}}

    assert private_redis.kept_pages(), "the public copy is still in Redis"
    assert client.get(event.url).status_code == 404


def _page(request):
    return HttpResponse("Seite")


def _page_during_which_a_change_commits(request):
    purge_page_cache()
    return HttpResponse("Seite")


@pytest.mark.parametrize(
    ("view", "offered"), [(_page, True), (_page_during_which_a_change_commits, False)]
)
def test_a_page_rendered_while_a_change_commits_is_not_offered_to_varnish(
    rf, settings, view, offered, caplog
):
    """Such a page may show the old content and reach Varnish after the change's purge."""
    settings.FRONTEND_CACHE_URLS = [f"http://127.0.0.1:{free_port()}"]

    response = PageCacheMiddleware(view)(rf.get("/"))

    assert ("s-maxage" in response.get("Cache-Control", "")) is offered
