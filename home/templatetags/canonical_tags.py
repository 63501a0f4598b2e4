"""``{% canonical_address as canonical %}``: the one address a page names as its own
(``home/canonical.py``), for ``<link rel="canonical">`` and ``og:url`` alike."""

from django import template

from home.canonical import canonical_url

register = template.Library()


@register.simple_tag(takes_context=True)
def canonical_address(context):
    """``share_url`` if a route set one (a board entry); else the address of the page or its
    route that was asked for, with the ``canonical_query`` its view chose."""
    if context.get("share_url"):
        return context["share_url"]
    page = context.get("page")
    if not hasattr(page, "get_full_url"):  # a view without a page
        return ""
    request = getattr(context, "request", None) or context.get("request")
    return canonical_url(request, page, context.get("canonical_query", ""))
