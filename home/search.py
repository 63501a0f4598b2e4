"""Site search: pages plus whatever other apps contribute, each hit with its place and a snippet.

Other apps add results through the ``site_search_results`` hook (a function taking
``request`` and ``query`` and returning ``SearchHit`` objects), so this module never imports
them. Every source returns only what the current viewer may see.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.models import Page, Site

from .privacy import private_pages_q

SNIPPET_RADIUS = 110
MAX_HITS_PER_SOURCE = 50
SEARCH_QUERY_MAX_LENGTH = 200


def clean_search_query(text, max_length=SEARCH_QUERY_MAX_LENGTH):
    """What a person typed, reduced to words every search backend accepts.

    Double quotes open phrases that SQLite's full-text syntax refuses when unbalanced, and NUL
    or other control characters are refused by both databases; neither carries meaning in a
    search box. Whitespace is collapsed and the length capped.
    """
    kept = "".join(
        " " if char == '"' or unicodedata.category(char)[0] == "C" else char
        for char in (text or "")
    )
    return " ".join(kept.split())[:max_length].strip()


@dataclass
class SearchHit:
    title: str
    url: str
    kind: str
    context: str = ""
    snippet: str = ""
    #: When it takes place, for events ("Donnerstag, 17. Dezember 2026, 10:00 Uhr").
    date: str = ""


def highlight(text, query, radius=SNIPPET_RADIUS):
    """A short, escaped excerpt of ``text`` around the first query word, words in ``<mark>``."""
    if not text:
        return ""
    words = [re.escape(word) for word in query.split() if len(word) > 1]
    if not words:
        return escape(text[: radius * 2])
    pattern = re.compile("|".join(words), re.IGNORECASE)
    match = pattern.search(text)
    start = max(0, match.start() - radius) if match else 0
    end = min(len(text), start + radius * 2)
    # Cut between words, never inside one.
    if start > 0:
        space = text.find(" ", start, match.start() if match else end)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    excerpt = " ".join(text[start:end].split())
    marked = pattern.sub(lambda m: f"\x00{m.group(0)}\x01", excerpt)
    html = escape(marked).replace("\x00", "<mark>").replace("\x01", "</mark>")
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{html}{suffix}")  # noqa: S308 (escaped above)


def _page_text(page):
    return " ".join(part for part in (getattr(page, "intro", ""), page.search_description) if part)


def page_hits(request, query):
    site = Site.find_for_request(request)
    pages = Page.objects.live().exclude(private_pages_q(request))
    if site is not None:
        pages = pages.in_site(site)
    results = list(pages.specific().search(query)[:MAX_HITS_PER_SOURCE])
    parent_paths = {page.path[: -page.steplen] for page in results if page.depth > 2}
    parents = {p.path: p for p in Page.objects.filter(path__in=parent_paths).only("title", "path")}
    hits = []
    for page in results:
        parent = parents.get(page.path[: -page.steplen])
        event_type = getattr(page, "event_type", "")
        hits.append(
            SearchHit(
                title=page.title,
                url=page.get_url(request=request),
                kind=str(event_type or page.specific_class._meta.verbose_name),
                context=_("in: %(place)s") % {"place": parent.title} if parent else "",
                snippet=highlight(_page_text(page), query),
                date=getattr(page, "date_display", ""),
            )
        )
    return hits


def search_site(request, query):
    """All hits for ``query`` the viewer may see: pages first, then other sources."""
    hits = page_hits(request, query)
    for source in hooks.get_hooks("site_search_results"):
        hits.extend(source(request, query)[:MAX_HITS_PER_SOURCE])
    return hits
