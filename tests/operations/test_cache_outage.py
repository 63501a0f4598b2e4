"""With Redis as the README's production section sets it up, every page serves, Redis or not."""

import importlib
import logging
import os

from django.core.cache import cache

import pytest
import redis

from tests.public_urls import public_demo_urls

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
UNREACHABLE_REDIS_URL = "redis://127.0.0.1:1/0"


def _production_caches(monkeypatch, redis_url):
    """``CACHES`` exactly as ``config/settings/base.py`` builds it from ``REDIS_URL``."""
    import config.settings.base

    monkeypatch.setenv("REDIS_URL", redis_url)
    caches = importlib.reload(config.settings.base).CACHES
    monkeypatch.delenv("REDIS_URL")
    importlib.reload(config.settings.base)
    return caches


def _get_all(client, urls):
    statuses = {url: client.get(url).status_code for url in urls}
    return {url: status for url, status in statuses.items() if status >= 400}


def test_every_page_serves_from_redis(demo_site, client, settings, monkeypatch, worker_id):
    caches = _production_caches(monkeypatch, REDIS_URL)
    caches["default"]["KEY_PREFIX"] = f"test-{worker_id}-{os.getpid()}"
    settings.CACHES = caches
    settings.PAGE_CACHE_ENABLED = True  # as REDIS_URL switches it on in production
    server = redis.Redis.from_url(REDIS_URL)
    try:
        server.ping()
    except redis.ConnectionError:
        pytest.fail(f"Redis unter {REDIS_URL} nicht erreichbar (bash .ci/run startet ihn)")
    urls = public_demo_urls()

    try:
        assert _get_all(client, urls) == {}
        assert server.keys(f"{caches['default']['KEY_PREFIX']}:*"), "nothing was cached"
        assert _get_all(client, urls) == {}  # and again, now from the cache
    finally:
        cache.clear()


def test_every_page_serves_while_redis_is_down(demo_site, client, settings, monkeypatch, caplog):
    settings.CACHES = _production_caches(monkeypatch, UNREACHABLE_REDIS_URL)
    settings.PAGE_CACHE_ENABLED = True  # as REDIS_URL switches it on in production

    with caplog.at_level(logging.WARNING, logger="operations.cache"):
        failures = _get_all(client, public_demo_urls())

    assert failures == {}
    assert "Cache (Redis) nicht erreichbar" in caplog.text
