"""Site search: pages plus whatever other apps contribute, each hit with its place and a snippet.

Other apps add results through the ``site_search_results`` hook (a function taking
``request`` and ``query`` and returning ``SearchHits``), so this module never imports them.
Every source returns only what the current viewer may see.

Each source asks the database once for the ids of its best matches, ranked, at most
``MAX_HITS_PER_SOURCE``: that list is also its count, so the paginator needs no count query of
its own. Objects and ``SearchHit``s are built only for the page of results shown, in one plain
query per source on that page, so a search costs the same with 50 matches as with 5.
"""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

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


class SearchHits(Sequence):
    """One source's matches, best first, at most ``limit``.

    ``queryset`` is what the viewer may see of the source; ``prepare(queryset)`` adds what
    building hits needs (related rows, the specific page types); ``to_hits(objects)`` turns the
    objects of a slice into ``SearchHit``s. The objects are read through ``queryset`` again, so
    one that left the viewer's sight in between is left out, never shown.
    """

    def __init__(self, queryset, query, to_hits, *, prepare=None, limit=MAX_HITS_PER_SOURCE):
        self.queryset, self.query, self.to_hits, self.limit = queryset, query, to_hits, limit
        self.prepare = prepare or (lambda queryset: queryset)

    @cached_property
    def ranked_ids(self):
        """The ids of the best matches, in one ranked query that reads nothing else."""
        return [found.pk for found in self.queryset.only("pk").search(self.query)[: self.limit]]

    def __len__(self):
        return len(self.ranked_ids)

    def __getitem__(self, index):
        if isinstance(index, slice):
            ids = self.ranked_ids[index]
            if not ids:
                return []
            found = {obj.pk: obj for obj in self.prepare(self.queryset.filter(pk__in=ids))}
            return self.to_hits([found[pk] for pk in ids if pk in found])
        return self[index : index + 1][0]


class ChainedHits(Sequence):
    """Several sources one after the other, sliced across their borders (for the paginator)."""

    def __init__(self, sources):
        self.sources = sources

    def __len__(self):
        return sum(len(source) for source in self.sources)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(len(self))
        hits, offset = [], 0
        for source in self.sources:
            size = len(source)
            if start < offset + size and stop > offset:
                hits.extend(source[max(start - offset, 0) : min(stop - offset, size)])
            offset += size
        return hits


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
    return SearchHits(
        pages,
        query,
        lambda results: _page_hits(request, query, results),
        prepare=lambda pages: pages.specific(),
    )


def _page_hits(request, query, results):
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
    """All hits for ``query`` the viewer may see, pages first, then the other sources; a
    sequence the paginator slices (see ``SearchHits``)."""
    sources = [page_hits(request, query)]
    for source in hooks.get_hooks("site_search_results"):
        sources.append(source(request, query))
    return ChainedHits(sources)
