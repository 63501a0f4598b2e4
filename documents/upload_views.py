"""Wagtail's document upload views, answering a full or read-only media disk on the form and
proposing titles from kind, event and date.

The same views at the same addresses (``wagtail/documents/admin_urls.py``), registered ahead of
Wagtail's in ``wagtail_hooks.py``; what they add is in ``operations/uploads.py`` (the disk) and
``documents/titles.py`` (the titles).
"""

from functools import partial
from urllib.parse import urlencode

from django.urls import path

from wagtail.documents.views import chooser, documents, multiple
from wagtail.models import UploadedFile

from operations.uploads import (
    KeepFormWhenStorageFails,
    RefuseFileWhenStorageFails,
    ReshowChooserFormWhenStorageFails,
    ReshowUploadFormWhenStorageFails,
)

from .titles import OCCASION_DATE_PARAMETER, OCCASION_TITLE_PARAMETER, Occasion


class OccasionFromQueryMixin:
    """For the chooser's views: the event the upload is for, from the chooser's address.

    The chooser of an event's materials sends the event's title and start along (its
    ``linked_fields``); they are kept on the upload form's address, so the form proposes
    "Protokoll – <event> vom <date>" when it is shown and again when it is sent.
    """

    def append_preserved_url_parameters(self, url):
        # The chooser's viewset sets ``preserve_url_parameters`` for all its views.
        url = super().append_preserved_url_parameters(url)
        occasion = {
            name: self.request.GET[name]
            for name in (OCCASION_TITLE_PARAMETER, OCCASION_DATE_PARAMETER)
            if self.request.GET.get(name)
        }
        if not occasion:
            return url
        return f"{url}{'&' if '?' in url else '?'}{urlencode(occasion)}"

    def get_creation_form_kwargs(self):
        return {
            **super().get_creation_form_kwargs(),
            "occasion": Occasion.from_query(self.request.GET),
        }


class DocumentChooseView(OccasionFromQueryMixin, chooser.DocumentChooseView):
    pass


class DocumentCreateView(KeepFormWhenStorageFails, documents.CreateView):
    pass


class DocumentEditView(KeepFormWhenStorageFails, documents.EditView):
    pass


class DocumentChooserUploadView(
    OccasionFromQueryMixin, ReshowChooserFormWhenStorageFails, chooser.DocumentChooserUploadView
):
    pass


class DocumentMultipleAddView(RefuseFileWhenStorageFails, multiple.AddView):
    pass


class CreateFromUploadedDocumentView(
    ReshowUploadFormWhenStorageFails, multiple.CreateFromUploadedDocumentView
):
    """The second step: its form has no file field, so it is told the kept file's name."""

    def get_edit_form_class(self):
        kept = UploadedFile.objects.filter(pk=self.kwargs.get(self.upload_pk_url_kwarg))
        file_name = kept.values_list("file", flat=True).first() or ""
        return partial(super().get_edit_form_class(), uploaded_file_name=file_name)


def document_upload_urls():
    return [
        path("documents/add/", DocumentCreateView.as_view()),
        path("documents/edit/<int:document_id>/", DocumentEditView.as_view()),
        path("documents/multiple/add/", DocumentMultipleAddView.as_view()),
        path(
            "documents/multiple/create_from_uploaded_document/<int:uploaded_file_id>/",
            CreateFromUploadedDocumentView.as_view(),
        ),
        # With the chooser's own settings (model, form, where "chosen" leads).
        path("documents/chooser/", chooser.viewset.construct_view(DocumentChooseView)),
        path(
            "documents/chooser/create/",
            chooser.viewset.construct_view(DocumentChooserUploadView),
        ),
    ]
