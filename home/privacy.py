"""Which pages are private, worked out once per request.

Wagtail's ``PageQuerySet.public()`` reads all view restrictions on every call; a page that
filters several querysets (menu, listings, filter options) shares one read instead.
"""

from wagtail.models import Page


def private_pages_q(request):
    """A ``Q`` matching every page inside a restricted section (cached on the request)."""
    cached = getattr(request, "_private_pages_q", None)
    if cached is None:
        cached = Page.objects.all().private_q()
        if request is not None:
            request._private_pages_q = cached
    return cached
