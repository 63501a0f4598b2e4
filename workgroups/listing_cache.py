"""Filter options (years, topics) cached per version of the site's content.

The version is the page cache's (``home/page_cache.py``): every change of published events,
working groups or topics starts a new one, so no listing shows stale options.
"""

from django.core.cache import cache

from home.page_cache import content_version


def cached_for_listing(key, compute, timeout=60 * 60):
    """``compute()`` cached until the next change of the site's content."""
    full_key = f"workgroups:{key}:v{content_version()}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, timeout)
    return value
