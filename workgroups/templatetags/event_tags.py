"""Template tags for events: the home page's next dates and JSON-LD output."""

import json

from django import template
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

from workgroups.models import EventIndexPage, EventPage, attach_parents

register = template.Library()


@register.inclusion_tag("components/upcoming-events.html", takes_context=True)
def upcoming_events(context, count=3):
    """The next live, public events of the current site, for the home page."""
    request = context.get("request")
    page = context.get("page")
    events = EventPage.objects.live().public()
    if page is not None:
        events = events.descendant_of(page.get_site().root_page)
    events = attach_parents(events.upcoming().for_listing()[:count])
    return {
        "events": events,
        "request": request,
        "index_page": EventIndexPage.objects.live().first(),
    }


@register.filter
def json_ld(data):
    """A dict as the body of ``<script type="application/ld+json">``, safe against ``</script>``."""
    text = json.dumps(data, ensure_ascii=False, indent=None).translate(_json_script_escapes)
    return mark_safe(text)  # noqa: S308 (escaped above exactly as Django's json_script does)
