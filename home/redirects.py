"""Addresses that moved: the old one answers with a permanent redirect to the new one.

Links in sent e-mails, bookmarks and pages still cached in browsers or proxies keep working.
The query string goes along (``?next=…`` after logging in). A GET or HEAD gets a 301, which
every client and search engine knows; any other method gets a 308, so a form posted to the
old address (a login or logout form from a cached page) arrives at the new one unchanged,
with its body and CSRF token.
"""

from django.http import HttpResponsePermanentRedirect
from django.urls import reverse


def moved_permanently(pattern_name):
    """A view sending every request to the URL named ``pattern_name`` (same URL arguments)."""

    def redirect_to_new_address(request, *args, **kwargs):
        url = reverse(pattern_name, args=args, kwargs=kwargs)
        if query := request.META.get("QUERY_STRING"):
            url = f"{url}?{query}"
        keep_method = request.method not in ("GET", "HEAD")
        return HttpResponsePermanentRedirect(url, preserve_request=keep_method)

    return redirect_to_new_address
