"""Django's Redis cache, made to step aside while Redis is unreachable.

The site uses the cache only to save work (filter options, Wagtail's site root paths, page
fragments); every value can be computed again from the database. So an unreachable Redis must
not turn into a server error: each cache call then answers as if the key were missing, logs a
warning, and for ``RETRY_AFTER_SECONDS`` the cache is not asked at all, so pages do not wait for
one connection timeout per cache call while Redis is down.

Configured in ``config/settings/base.py`` when ``REDIS_URL`` is set.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5.0

# What each client method answers while Redis is unreachable: a cache that holds nothing.
# ``get`` answers the caller's default and ``incr`` reports a missing key (see ``_answer``).
_ANSWERS_WHEN_DOWN = {
    "add": False,
    "get": None,
    "set": None,
    "touch": False,
    "delete": False,
    "get_many": {},
    "has_key": False,
    "incr": None,
    "set_many": None,
    "delete_many": None,
    "clear": False,
}


def _answer(method_name, args, kwargs):
    if method_name == "get":
        return args[1] if len(args) > 1 else kwargs.get("default")
    if method_name == "incr":
        raise ValueError(f"Key '{args[0]}' not found.")
    return _ANSWERS_WHEN_DOWN[method_name]


def _degrade_when_down(method_name):
    method = getattr(RedisCacheClient, method_name)

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        if time.monotonic() < self.unavailable_until:
            return _answer(method_name, args, kwargs)
        try:
            return method(self, *args, **kwargs)
        except RedisError as error:
            self.unavailable_until = time.monotonic() + RETRY_AFTER_SECONDS
            logger.warning(
                "Cache (Redis) nicht erreichbar, Seiten werden ohne Cache erzeugt: %s", error
            )
            return _answer(method_name, args, kwargs)

    return wrapper


class ResilientRedisCacheClient(RedisCacheClient):
    """Every cache operation answers "not cached" instead of raising while Redis is down.

    It also keeps one ``redis.Redis`` object per connection pool: Django builds a new one for
    every cache call, and building it (its table of ~200 response callbacks) cost more than the
    call itself, about 0.17 ms each. The object is thread-safe; connections come from the pool.
    """

    unavailable_until = 0.0

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients_by_pool", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


for _name in _ANSWERS_WHEN_DOWN:
    setattr(ResilientRedisCacheClient, _name, _degrade_when_down(_name))


class ResilientRedisCache(RedisCache):
    """``RedisCache`` with :class:`ResilientRedisCacheClient`."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient


HOUR_SECONDS = 60 * 60


def count_within_the_hour(key):
    """Count one more under ``key`` for an hour from the first count; answers the new count,
    or ``None`` while the cache cannot count (Redis down): each caller decides what that means.

    For limits anyone could run up (registrations per client, mails per address).
    """
    from django.core.cache import cache  # the configured cache, possibly this module's class

    cache.add(key, 0, timeout=HOUR_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:
        return None
