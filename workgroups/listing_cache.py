"""A version number for everything event listings derive from published pages and topics.

Filter options (years, topics) are cached under it; saving, unpublishing, moving or deleting
an event or working group and editing a topic bump it (``workgroups/signal_handlers.py``), so
no listing shows stale options.
"""

from django.core.cache import cache

VERSION_KEY = "workgroups:listing-version"


def listing_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, timeout=None)
    return version


def bump_listing_version(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def cached_for_listing(key, compute, timeout=60 * 60):
    """``compute()`` cached until the next change of published events or topics."""
    full_key = f"workgroups:{key}:v{listing_version()}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, timeout)
    return value
