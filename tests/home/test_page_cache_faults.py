"""Faults at the moment of a change: no kept page or fragment reaches the wrong audience.

Redis is frozen for real (a private ``redis-server`` stopped with SIGSTOP), as when a cache
server stalls while an editor makes a page members-only.
"""

import os
import shutil
import signal
import subprocess
import time

from django.contrib.auth.models import Group
from django.http import HttpResponse

from wagtail.models import PageViewRestriction

import pytest
import redis

from home import cache as resilient_cache
from home.page_cache import PageCacheMiddleware, purge_page_cache
from tests.factories import MeetingPageFactory
from tests.network import free_port

pytestmark = pytest.mark.django_db

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


@pytest.fixture
def private_redis(tmp_path, settings, monkeypatch):
    """A Redis of this test's own as the production cache, with the page cache on."""
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 (our own command line)
        [REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    server = redis.Redis(port=port)
    deadline = time.monotonic() + 10
    while True:
        try:
            server.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                pytest.fail("redis-server ist nicht angelaufen")
            time.sleep(0.05)
    settings.CACHES = {
        "default": {
            "BACKEND": "home.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    settings.PAGE_CACHE_ENABLED = True
    # Ask Redis again at once after an error, so the test sees the state after the fault.
    monkeypatch.setattr(resilient_cache, "RETRY_AFTER_SECONDS", 0.0)
    try:
        yield process, server
    finally:
        os.kill(process.pid, signal.SIGCONT)
        process.terminate()
        process.wait(timeout=10)


def _make_members_only(page):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Mitglieder"))


def test_a_page_made_members_only_while_redis_is_frozen_is_never_served_again(
    client, working_group, private_redis
):
    process, server = private_redis
    event = MeetingPageFactory(parent=working_group, title="Interne Klausur")
    client.get(event.url)
    assert not client.get(event.url).templates  # kept: served without rendering
    assert "Interne Klausur" in client.get(working_group.url).content.decode()
    client.get(working_group.url)

    os.kill(process.pid, signal.SIGSTOP)
    try:
        _make_members_only(event)
    finally:
        os.kill(process.pid, signal.SIGCONT)

    assert server.keys("*page-cache:page:*"), "the public copies are still in Redis"
    event_page = client.get(event.url)
    assert event_page.status_code == 302 and event_page["Location"].startswith("/anmelden/")
    # The listing's kept menu and rows do not name the members' page to visitors either.
    assert "Interne Klausur" not in client.get(working_group.url).content.decode()


def test_a_change_while_redis_refuses_connections_is_seen_once_it_is_back(
    client, working_group, private_redis, settings
):
    """Redis answering "connection refused" during the change, then back with its old data."""
    process, server = private_redis
    event = MeetingPageFactory(parent=working_group, title="Öffentliches Treffen")
    client.get(event.url)
    assert not client.get(event.url).templates
    working = settings.CACHES["default"]["LOCATION"]
    settings.CACHES = {
        "default": {**settings.CACHES["default"], "LOCATION": f"redis://127.0.0.1:{free_port()}/0"}
    }

    event.unpublish()
    settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": working}}

    assert server.keys("*page-cache:page:*"), "the public copy is still in Redis"
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
