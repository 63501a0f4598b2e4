"""Site-wide views that are not pages: search and robots.txt."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .search import clean_search_query, search_site

SEARCH_RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    """Full-text search over pages and documents; each viewer sees only what they may open."""
    query = clean_search_query(request.GET.get("q", ""))
    results_page = None
    if query:
        paginator = Paginator(search_site(request, query), SEARCH_RESULTS_PER_PAGE)
        try:
            results_page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results_page = paginator.page(1)
        except EmptyPage:
            results_page = paginator.page(paginator.num_pages)
    return render(
        request,
        "home/search.html",
        {
            "search_query": query,
            "results": results_page,
            "page_title": _("Suche"),
            "pagination_query": urlencode({"q": query}),
        },
    )


@require_GET
def robots_txt(request):
    """Crawlers may read everything public; the admin and member login stay out of indexes."""
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /suche/",
        f"Sitemap: {sitemap_url}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
