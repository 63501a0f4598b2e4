"""Admin panels of event pages that need more than a field: the public-protocol confirmation.

The confirmation is a field of the event pages' admin form (``workgroups/page_forms.py``),
which refuses to publish a page with a public protocol until it is ticked.
"""

from wagtail.admin.panels import FieldPanel

from documents.visibility import public_protocols

CONFIRMATION_FIELD = "confirm_public_protocol"


class PublicProtocolConfirmationPanel(FieldPanel):
    """The confirmation checkbox, shown only while the page has a public protocol attached."""

    def __init__(self, **kwargs):
        kwargs.setdefault("field_name", CONFIRMATION_FIELD)
        super().__init__(**kwargs)

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            if self.form.errors.get(CONFIRMATION_FIELD):
                return True
            page = self.instance
            materials = page.materials.all() if page.pk else []
            return bool(public_protocols([material.document for material in materials]))
