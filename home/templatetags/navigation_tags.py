"""Header menu, breadcrumbs and footer as inclusion tags returning small dicts
(bakerydemo's ``navigation_tags``), so templates stay free of queries."""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.templatetags.static import static

from wagtail.models import Page, Site, get_page_models

from home.members import is_member
from home.models import SiteSettings
from home.privacy import private_pages_q
from operations.page_cache import cached_until_change

register = template.Library()


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("components/main-menu.html", takes_context=True)
def main_menu(context):
    """The live children of the site's home page that editors marked "show in menus", and the
    pages whose type names a menu group (the working groups), gathered under that group's name
    where the first of them stands in the page tree."""
    request = context.get("request")
    root = _site_root(context)
    current = context.get("page")
    current_path = current.path if current is not None else ""
    entries = []
    groups = {}
    if root is not None:
        for page in _menu_pages(root, request):
            item = {
                "title": page.title,
                "url": page.get_url(request=request),
                "is_current": current is not None and page.pk == current.pk,
                "is_ancestor": current_path.startswith(page.path)
                and (current is None or page.pk != current.pk),
            }
            if page.menu_group:
                group = groups.get(page.menu_group)
                if group is None:
                    group = groups[page.menu_group] = {
                        "label": page.menu_group,
                        "items": [],
                        "is_ancestor": False,
                    }
                    entries.append({"group": group})
                group["items"].append(item)
                group["is_ancestor"] |= item["is_current"] or item["is_ancestor"]
            else:
                entries.append(item)
    return {
        "entries": entries,
        "home_url": root.get_url(request=request) if root else "/",
        "home_is_current": root is not None and current is not None and current.pk == root.pk,
    }


def _grouped_page_types():
    """Content types of page models that declare a ``menu_group``: their pages always appear in
    the menu, under that name (the layers above name it, so this module needs no import of
    them)."""
    models = [model for model in get_page_models() if getattr(model, "menu_group", None)]
    return list(ContentType.objects.get_for_models(*models).values()) if models else []


def _menu_pages(root, request):
    """The menu's pages, kept until content changes; members see their area, others don't.

    Each page carries ``menu_group``: the group's name (a plain string, so it keeps in the
    cache) or ``""``.
    """
    members = is_member(getattr(request, "user", None))

    def compute():
        grouped_types = _grouped_page_types()
        children = (
            root.get_children()
            .live()
            .filter(Q(show_in_menus=True) | Q(content_type__in=grouped_types))
        )
        if not members:
            children = children.exclude(private_pages_q(request))
        pages = list(children.only("title", "url_path", "path", "content_type"))
        labels = {
            content_type.pk: str(content_type.model_class().menu_group)
            for content_type in grouped_types
        }
        for page in pages:
            page.menu_group = labels.get(page.content_type_id, "")
        return pages

    audience = "members" if members else "public"
    return cached_until_change(f"main-menu-entries:{root.pk}:{audience}", compute)


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
