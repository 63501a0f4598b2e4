"""The sitemap: an index at ``/sitemap.xml`` and sections of at most ``SITEMAP_LIMIT`` addresses.

Wagtail's own sitemap builds every page as its full specific object and asks each for its
addresses; with 2,000 events and 2,000 board entries that took 620 ms and 467 KB per request.
Here each section reads only what an address needs (path and date) as plain values, and search
engines fetch it in pages from the index. The apps add sections through the ``sitemap_sections``
hook: a function of the Wagtail site answering ``{name: Sitemap}`` (the board adds its
entries). Visitors get all of it from the page cache, purged like every page.

Search engines ask again with If-Modified-Since or If-None-Match and get 304 while the content
version is unchanged (``operations/conditional.py``); a section whose addresses also change by time
alone says when that last happened (``changed_by_time``).
"""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404
from django.utils import timezone

from wagtail import hooks
from wagtail.models import Page, Site

from operations.conditional import content_conditional_response

SITEMAP_LIMIT = 1000
SECTIONS_HOOK = "sitemap_sections"


class SiteSitemap(Sitemap):
    """Addresses of one Wagtail site, absolute on the site's root URL like its canonical links."""

    limit = SITEMAP_LIMIT

    def __init__(self, site):
        self.site = site
        self.root_url = urlsplit(site.root_url)

    def get_domain(self, site=None):
        return self.root_url.netloc

    def get_protocol(self, protocol=None):
        return self.root_url.scheme

    def changed_by_time(self, now):
        """The last moment before ``now`` this section changed without an edit (or None)."""
        return None

    def relative_url(self, url_path):
        """A page's address below the site root, from its ``url_path`` (``/home/a/`` → ``/a/``)."""
        return "/" + url_path[len(self.site.root_page.url_path) :]


class PageSitemap(SiteSitemap):
    """Every live page visitors may open, in tree order."""

    def items(self):
        return (
            Page.objects.live()
            .public()
            .descendant_of(self.site.root_page, inclusive=True)
            .order_by("path")
            .values_list("url_path", "last_published_at")
        )

    def location(self, item):
        return self.relative_url(item[0])

    def lastmod(self, item):
        return item[1]


def sitemap_sections(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    sections = {"seiten": PageSitemap(site)}
    for add_sections in hooks.get_hooks(SECTIONS_HOOK):
        sections.update(add_sections(site) or {})
    return sections


def _conditional(request, sections, build_response):
    now = timezone.now()
    moments = [section.changed_by_time(now) for section in sections.values()]
    return content_conditional_response(
        request,
        key=f"sitemap|{request.get_full_path()}",
        build_response=build_response,
        changed_by_time=max((moment for moment in moments if moment), default=None),
        keep_built=True,
    )


def sitemap_index(request):
    """``/sitemap.xml``: one entry per section and page of it."""
    sections = sitemap_sections(request)
    return _conditional(
        request,
        sections,
        lambda: sitemap_views.index(request, sections, sitemap_url_name="sitemap_section"),
    )


def sitemap_section(request, section):
    """``/sitemap-<section>.xml?p=<n>``: the addresses of one page of a section."""
    sections = sitemap_sections(request)
    if section not in sections:
        raise Http404
    return _conditional(
        request,
        {section: sections[section]},
        lambda: sitemap_views.sitemap(request, sections, section=section),
    )
