"""The application purges the frontend cache itself, after the commit, and again until it has
heard; the probe tells Varnish whether its kept pages may be served
(``operations/frontend_cache.py``).

A small HTTP server stands in for Varnish's purge address; ``tests/operations/test_varnish.py`` runs
the real one.
"""

import datetime as dt
import http.server
import threading

from django.db import transaction
from django.utils import timezone

import pytest

from operations import frontend_cache
from operations.content_version import ContentVersion, current_version
from operations.page_cache import purge_page_cache
from tests.network import free_port

pytestmark = pytest.mark.django_db


class _PurgeAddress(http.server.BaseHTTPRequestHandler):
    received = []

    def do_BAN(self):  # noqa: N802 (the HTTP method's name)
        self.received.append((self.command, self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def varnish_purge_address(settings, monkeypatch):
    received = []
    monkeypatch.setattr(_PurgeAddress, "received", received)
    server = http.server.HTTPServer(("127.0.0.1", 0), _PurgeAddress)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.FRONTEND_CACHE_URLS = [f"http://127.0.0.1:{server.server_port}"]
    monkeypatch.setattr(frontend_cache, "PROBE_PURGE_INTERVAL_SECONDS", 0)
    try:
        yield received
    finally:
        server.shutdown()
        server.server_close()


def _state():
    return ContentVersion.objects.get()


def test_a_change_bans_everything_once_it_has_committed(
    varnish_purge_address, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        purge_page_cache()
        purge_page_cache()  # a tree of pages deleted: one signal each
        assert varnish_purge_address == []  # nothing while the change may still roll back

    assert varnish_purge_address == [("BAN", "/")]
    assert _state().frontend_version == current_version()


def test_a_rolled_back_change_sends_nothing_and_keeps_the_version(
    varnish_purge_address, django_capture_on_commit_callbacks
):
    before = current_version()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        purge_page_cache()
        raise RuntimeError

    assert varnish_purge_address == []
    assert current_version(fresh=True) == before


def test_while_varnish_cannot_be_reached_the_probe_says_so_and_retries(
    varnish_purge_address, settings, django_capture_on_commit_callbacks
):
    reachable = settings.FRONTEND_CACHE_URLS
    settings.FRONTEND_CACHE_URLS = [f"http://127.0.0.1:{free_port()}"]

    with django_capture_on_commit_callbacks(execute=True):
        purge_page_cache()  # its purge after the commit fails
    outstanding = frontend_cache.probe()
    settings.FRONTEND_CACHE_URLS = reachable
    after_it_is_back = frontend_cache.probe()

    assert outstanding is False
    assert after_it_is_back is True
    assert varnish_purge_address == [("BAN", "/")]
    assert _state().frontend_version == current_version()


def test_the_probe_bans_once_more_when_the_change_has_settled(varnish_purge_address):
    purge_page_cache()
    assert frontend_cache.probe() is True  # purged just now: nothing outstanding yet
    ContentVersion.objects.update(
        changed_at=timezone.now() - dt.timedelta(seconds=frontend_cache.SETTLE_SECONDS + 1),
        frontend_purged_at=timezone.now() - dt.timedelta(seconds=frontend_cache.SETTLE_SECONDS),
    )

    assert frontend_cache.probe() is True
    assert frontend_cache.probe() is True

    assert varnish_purge_address == [("BAN", "/"), ("BAN", "/")]


def test_the_probe_answers_503_while_a_purge_is_outstanding(client, settings):
    settings.FRONTEND_CACHE_URLS = [f"http://127.0.0.1:{free_port()}"]
    purge_page_cache()

    response = client.get("/healthz/frontend-cache/")

    assert response.status_code == 503
    assert "no-cache" in response["Cache-Control"]


def test_without_varnish_the_probe_passes(client):
    purge_page_cache()

    assert client.get("/healthz/frontend-cache/").status_code == 200
