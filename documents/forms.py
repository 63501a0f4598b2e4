"""The document form of the admin and the chooser modal, with content checks on upload and a
title proposed from kind, event and date (``documents/titles.py``)."""

import json

from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.documents.forms import BaseDocumentForm

from .access import collection_is_restricted, restricted_collections
from .models import DocumentKind
from .titles import Occasion, is_proposed_or_file_name, proposed_title, proposed_titles
from .validation import validate_upload


class CustomDocumentForm(BaseDocumentForm):
    """Refuses fake, broken, encrypted, empty and oddly named files with a German message.

    Wagtail uses this base for the single and the multiple upload and for the chooser's
    upload tab (``WAGTAILDOCS_DOCUMENT_FORM_BASE``), so every way in is checked.

    The title may stay empty: the form then proposes one from the kind and ``occasion`` (the
    event whose materials the upload is for, when known), never the file's name. The
    multiple upload's second step has no file field; its view names the uploaded file in
    ``uploaded_file_name``.
    """

    def __init__(self, *args, occasion=None, uploaded_file_name="", **kwargs):
        super().__init__(*args, **kwargs)
        self.occasion = occasion or Occasion()
        self.uploaded_file_name = uploaded_file_name
        if "title" in self.fields:
            self._offer_title_proposals()
        if "kind" in self.fields:
            # Read by protocol-collection.js: which collections a protocol may go to.
            protected = [str(pk) for pk in restricted_collections().values_list("pk", flat=True)]
            self.fields["kind"].widget.attrs.update(
                {
                    "data-protected-kind": DocumentKind.PROTOCOL,
                    "data-protected-collections": json.dumps(protected),
                }
            )

    @property
    def upload_day(self):
        """The day the document came: today for a new one."""
        created = self.instance.created_at if self.instance.pk else None
        return timezone.localdate(created) if created else timezone.localdate()

    def _offer_title_proposals(self):
        field = self.fields["title"]
        field.required = False
        field.help_text = _(
            "Der Linktext auf der Website. Leer lassen für den Vorschlag aus Art, "
            "Veranstaltung und Datum, z. B. „Protokoll – Arbeitskreistreffen vom 12.03.2020“."
        )
        # Read by document-title.js: the title follows the kind until someone types one.
        field.widget.attrs["data-title-proposals"] = json.dumps(
            proposed_titles(self.occasion, self.upload_day), ensure_ascii=False
        )
        if not self.instance.pk and not self.is_bound:
            kind = self.initial.get("kind") or self.instance.kind
            self.initial["title"] = proposed_title(kind, self.occasion, self.upload_day)

    def _propose_title(self, cleaned_data):
        """Replace a title nobody chose (empty, a file name, another kind's proposal)."""
        kind = cleaned_data.get("kind") or self.instance.kind
        uploaded = cleaned_data.get("file")
        file_names = [
            getattr(uploaded, "name", ""),
            self.uploaded_file_name,
            getattr(self.instance.file, "name", ""),
        ]
        proposals = proposed_titles(self.occasion, self.upload_day).values()
        if is_proposed_or_file_name(cleaned_data.get("title"), proposals, file_names):
            cleaned_data["title"] = proposed_title(kind, self.occasion, self.upload_day)

    def clean(self):
        """A title nobody chose becomes the proposal for the chosen kind; and a protocol never
        lands in a collection anyone may open (e.g. the root, "Öffentlich").

        With a single collection Wagtail hides the field and files everything there, so that
        case is checked too, with a message on the form itself.
        """
        cleaned_data = super().clean()
        if "title" in self.fields:
            self._propose_title(cleaned_data)
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
