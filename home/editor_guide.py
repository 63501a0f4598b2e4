"""The editors' guide in the Wagtail admin: a short German handbook instead of the English one.

Reached through the admin's help menu ("Hilfe"); the URL is registered in ``wagtail_hooks``, where
Wagtail's admin URLs already require a logged-in user with access to the admin.
"""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    """How to create an event, keep protocols for members and approve board entries."""

    template_name = "home/admin/editor_guide.html"
    page_title = _("Redaktionshandbuch")
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]
