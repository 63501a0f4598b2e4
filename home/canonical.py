"""The address a page names as its own (``<link rel="canonical">`` and ``og:url``).

A page's routes are pages of their own for search engines and link previews: the month view,
the embed guide, the second page of an archive. Each names the address it was asked for, on
the site's root URL as the page's own address is (``page.full_url``), and keeps only the
query that decides what it shows: the listing's valid filters and page numbers other than 1,
in a fixed order (``listing_query``). So ``?seite=1``, an unknown parameter, an invalid filter
value or a page number beyond the last page never make a second address for the same list.

A filtered list names itself with its filters: it shows other events than the unfiltered list
at the same page number, and a canonical address claims "the same content as there". Search
engines ignore canonicals that point at different content; naming the filtered list keeps the
claim true and, normalised, still one address per list.

Views put the query into the context as ``canonical_query``; a route that describes something
else (a board entry) sets ``share_url``, which then is the address. ``templates/base.html``
reads the result with ``{% canonical_address %}`` (``home/templatetags/canonical_tags.py``).
"""

from urllib.parse import unquote, urlencode, urlsplit

from django.utils.encoding import escape_uri_path


def listing_query(filters=None, **page_numbers):
    """The query of a listing's own address: ``filters`` (already validated, in the form's
    order) without empty values, then each page number that is not the first page."""
    pairs = [(name, value) for name, value in (filters or {}).items() if value not in (None, "")]
    pairs += [(name, number) for name, number in page_numbers.items() if number and number > 1]
    return urlencode(pairs)


def canonical_url(request, page, query=""):
    """The absolute address of what ``request`` shows of ``page`` (the page or a route of it).

    A preview, or a view elsewhere that shows a page (a form for an event, say), names the
    page itself. ``""`` when the page has no address (a preview of a page not yet in the tree).
    """
    if page is None:
        return ""
    if request is None or getattr(request, "is_preview", False):
        return page.full_url or ""
    page_url = page.get_full_url(request)
    if not page_url:
        return ""
    page_path = unquote(urlsplit(page_url).path)
    if not request.path.startswith(page_path):
        return page_url
    address = page_url + escape_uri_path(request.path[len(page_path) :])
    return f"{address}?{query}" if query else address
