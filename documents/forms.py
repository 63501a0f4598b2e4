"""The document form of the admin and the chooser modal, with content checks on upload."""

import json

from django.utils.translation import gettext as _

from wagtail.documents.forms import BaseDocumentForm

from .access import collection_is_restricted, restricted_collections
from .models import DocumentKind
from .validation import validate_upload


class CustomDocumentForm(BaseDocumentForm):
    """Refuses fake, broken, encrypted, empty and oddly named files with a German message.

    Wagtail uses this base for the single and the multiple upload and for the chooser's
    upload tab (``WAGTAILDOCS_DOCUMENT_FORM_BASE``), so every way in is checked.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "kind" in self.fields:
            # Read by protocol-collection.js: which collections a protocol may go to.
            protected = [str(pk) for pk in restricted_collections().values_list("pk", flat=True)]
            self.fields["kind"].widget.attrs.update(
                {
                    "data-protected-kind": DocumentKind.PROTOCOL,
                    "data-protected-collections": json.dumps(protected),
                }
            )

    def clean(self):
        """A protocol never lands in a collection anyone may open (e.g. the root, "Öffentlich").

        With a single collection Wagtail hides the field and files everything there, so that
        case is checked too, with a message on the form itself.
        """
        cleaned_data = super().clean()
        if cleaned_data.get("kind") != DocumentKind.PROTOCOL:
            return cleaned_data
        has_field = "collection" in self.fields
        collection = cleaned_data.get("collection") if has_field else self.collections[0]
        if collection is None or collection_is_restricted(collection.pk):
            return cleaned_data
        names = ", ".join(f"„{c.name}“" for c in restricted_collections())
        if names:
            message = _(
                "Protokolle sind nur für Mitglieder. Die Sammlung „%(collection)s“ ist "
                "öffentlich; bitte wählen Sie eine geschützte Sammlung (%(names)s)."
            ) % {"collection": collection.name, "names": names}
        else:
            message = _(
                "Protokolle sind nur für Mitglieder, aber es gibt noch keine geschützte "
                "Sammlung. Bitte legen Sie unter Einstellungen › Sammlungen eine an und "
                "beschränken Sie den Zugriff auf Mitglieder."
            )
        self.add_error("collection" if has_field else None, message)
        return cleaned_data

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            validate_upload(uploaded)
        return uploaded
