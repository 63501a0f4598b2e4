"""For the German workflow e-mails (templates/wagtailadmin/notifications/): one place that
names the object a notification is about, for pages and snippets alike."""

from django import template
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.utils import get_latest_str

register = template.Library()


@register.simple_tag(takes_context=True)
def name_the_notified_object(context):
    """Set ``title``, ``kind`` ("Seite", "Eintrag der Kooperationsbörse") and ``edit_url``
    (None where the recipient may not edit) in the template's context.

    Wagtail hands pages over as ``page`` and snippets as ``object`` with ``model_name``; every
    notification template needs the same three names for its sentences.
    """
    page = context.get("page")
    if page:
        context["title"] = page.get_admin_display_title()
        context["kind"] = _("Seite")
        context["edit_url"] = reverse("wagtailadmin_pages:edit", args=[page.id])
    else:
        notified = context["object"]
        context["title"] = get_latest_str(notified)
        context["kind"] = capfirst(context.get("model_name") or "")
        context["edit_url"] = AdminURLFinder(context.get("user")).get_edit_url(notified)
    return ""
