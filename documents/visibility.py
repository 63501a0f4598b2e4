"""Whether a document is public or for members only, said wherever editors handle documents.

The rule lives in the collection's view restrictions (``documents.access``); these helpers put
it into words in the admin: the document list (``documents.admin_views``), the chooser of a
page's attachments, and the check before a page with a public protocol is published.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.documents.widgets import AdminDocumentChooser

from .access import collection_is_restricted
from .models import DocumentKind
from .titles import OCCASION_DATE_PARAMETER, OCCASION_TITLE_PARAMETER

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
    """The chooser of an event's attachments names the chosen document's visibility.

    Opening it sends the page's title and start along (Wagtail's ``linked_fields``, read from
    the editor's form when the chooser opens, so an unsaved event counts too); its upload tab
    proposes "Protokoll – <event> vom <date>" from them (``documents/titles.py``). The page
    form must have both fields (``#id_title``, ``#id_start``): Wagtail's script fails without.
    """

    linked_fields = {OCCASION_TITLE_PARAMETER: "#id_title", OCCASION_DATE_PARAMETER: "#id_start"}

    def get_display_title(self, instance):
        return f"{instance.title} ({visibility_label(instance)})"
