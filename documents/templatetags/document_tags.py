"""Template access to document permissions, for blocks rendered without a view's help."""

from django import template

from documents.access import is_restricted, viewer_may_download

register = template.Library()


@register.simple_tag(takes_context=True)
def document_access(context, document):
    """``{% document_access doc as access %}``: may this viewer download it, is it members-only?"""
    request = context.get("request")
    return {
        "may_download": viewer_may_download(document, request) if request else False,
        "members_only": is_restricted(document, request),
    }
