"""Header menu, breadcrumbs and footer as inclusion tags returning small dicts
(bakerydemo's ``navigation_tags``), so templates stay free of queries."""

from django import template
from django.templatetags.static import static

from wagtail.models import Page, Site

from home.members import is_member
from home.models import SiteSettings
from home.page_cache import cached_until_change
from home.privacy import private_pages_q

register = template.Library()


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("components/main-menu.html", takes_context=True)
def main_menu(context):
    """The live children of the site's home page that editors marked "show in menus"."""
    request = context.get("request")
    root = _site_root(context)
    current = context.get("page")
    items = []
    if root is not None:
        current_path = current.path if current is not None else ""
        for page in _menu_pages(root, request):
            items.append(
                {
                    "title": page.title,
                    "url": page.get_url(request=request),
                    "is_current": current is not None and page.pk == current.pk,
                    "is_ancestor": current_path.startswith(page.path) and page.pk != current.pk,
                }
            )
    return {
        "items": items,
        "home_url": root.get_url(request=request) if root else "/",
        "home_is_current": root is not None and current is not None and current.pk == root.pk,
    }


def _menu_pages(root, request):
    """The menu's pages, kept until content changes; members see their area, others don't."""
    members = is_member(getattr(request, "user", None))

    def compute():
        children = root.get_children().live().in_menu()
        if not members:
            children = children.exclude(private_pages_q(request))
        return list(children.only("title", "url_path", "path"))

    audience = "members" if members else "public"
    return cached_until_change(f"main-menu:{root.pk}:{audience}", compute)


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The path from the home page to the current page; empty on the home page itself."""
    page = context.get("page")
    root = _site_root(context)
    if page is None or root is None or page.depth <= root.depth:
        return {"ancestors": []}
    ancestors = cached_until_change(
        f"breadcrumbs:{page.pk}:{root.pk}",
        lambda: list(
            page.get_ancestors().filter(depth__gte=root.depth).only("title", "url_path", "path")
        ),
    )
    return {"ancestors": ancestors, "current": page, "request": context.get("request")}


@register.inclusion_tag("components/site-footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    settings = SiteSettings.for_request(request) if request else None
    legal_links = []
    if settings is not None:
        ids = [settings.imprint_page_id, settings.privacy_page_id, settings.accessibility_page_id]
        pages = cached_until_change(
            f"legal-pages:{settings.pk}",
            lambda: Page.objects.live().filter(pk__in=ids).only("title", "url_path").in_bulk(),
        )
        legal_links = [
            {"title": pages[pk].title, "url": pages[pk].get_url(request=request)}
            for pk in ids
            if pk in pages
        ]
    return {"site_settings": settings, "legal_links": legal_links, "request": request}


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """A full address for ``url`` (link previews need one, e.g. ``og:image``)."""
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


@register.simple_tag(takes_context=True)
def absolute_static(context, path):
    """A static file's full address."""
    return absolute_url(context, static(path))
