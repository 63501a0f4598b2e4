"""Template tags for events: JSON-LD output."""

import json

from django import template
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def json_ld(data):
    """A dict as the body of ``<script type="application/ld+json">``, safe against ``</script>``."""
    text = json.dumps(data, ensure_ascii=False, indent=None).translate(_json_script_escapes)
    return mark_safe(text)  # noqa: S308 (escaped above exactly as Django's json_script does)
