"""Whether a document is public or for members only, said wherever editors handle documents.

The rule lives in the collection's view restrictions (``documents.access``); these helpers put
it into words in the admin: the document list (``documents.admin_views``), the chooser of a
page's attachments, and the check before a page with a public protocol is published.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.documents.widgets import AdminDocumentChooser

from .access import collection_is_restricted
from .models import DocumentKind

PUBLIC = _("öffentlich")
MEMBERS_ONLY = _("nur für Mitglieder")


def visibility_label(document, request=None):
    """ "öffentlich" or "nur für Mitglieder", from the restrictions on its collection."""
    return MEMBERS_ONLY if collection_is_restricted(document.collection_id, request) else PUBLIC


def public_protocols(documents):
    """The protocols among ``documents`` that anyone may download."""
    return [
        document
        for document in documents
        if document is not None
        and document.kind == DocumentKind.PROTOCOL
        and not collection_is_restricted(document.collection_id)
    ]


class DocumentChooserWithVisibility(AdminDocumentChooser):
    """The chooser of a page's attachment names the chosen document's visibility."""

    def get_display_title(self, instance):
        return f"{instance.title} ({visibility_label(instance)})"
