"""Which pages are private, worked out once per request and kept until the rules change.

Wagtail's ``PageQuerySet.public()`` reads all view restrictions on every call; every page of the
site filters its menu (and listings, filter options) by them. The restricted sections' tree
paths are kept in the cache until the next purge (a restriction saved or deleted purges), and
each request builds its ``Q`` once.
"""

from django.db.models import Q

from wagtail.models import PageViewRestriction

from operations.page_cache import cached_until_change


def restricted_section_paths():
    """Tree paths of the pages that carry a view restriction (their subtrees are private)."""
    return cached_until_change(
        "restricted-page-paths",
        lambda: sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True))),
    )


def in_restricted_section(page):
    """Whether ``page`` lies in a section with a view restriction (kept paths, no query)."""
    return any(page.path.startswith(path) for path in restricted_section_paths())


def private_pages_q(request):
    """A ``Q`` matching every page inside a restricted section (cached on the request)."""
    cached = getattr(request, "_private_pages_q", None)
    if cached is None:
        cached = Q(pk__in=[])
        for path in restricted_section_paths():
            cached |= Q(path__startswith=path)
        if request is not None:
            request._private_pages_q = cached
    return cached
