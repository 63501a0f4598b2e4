"""The document form of the admin and the chooser modal, with content checks on upload."""

from wagtail.documents.forms import BaseDocumentForm

from .validation import validate_upload


class CustomDocumentForm(BaseDocumentForm):
    """Refuses fake, broken, encrypted, empty and oddly named files with a German message.

    Wagtail uses this base for the single and the multiple upload and for the chooser's
    upload tab (``WAGTAILDOCS_DOCUMENT_FORM_BASE``), so every way in is checked.
    """

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            validate_upload(uploaded)
        return uploaded
