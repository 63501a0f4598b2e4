"""Wagtail's document upload views, answering a full or read-only media disk on the form.

The same views at the same addresses (``wagtail/documents/admin_urls.py``), registered ahead of
Wagtail's in ``wagtail_hooks.py``; what they add is in ``home/uploads.py``.
"""

from django.urls import path

from wagtail.documents.views import chooser, documents, multiple

from home.uploads import (
    KeepFormWhenStorageFails,
    RefuseFileWhenStorageFails,
    ReshowChooserFormWhenStorageFails,
    ReshowUploadFormWhenStorageFails,
)


class DocumentCreateView(KeepFormWhenStorageFails, documents.CreateView):
    pass


class DocumentEditView(KeepFormWhenStorageFails, documents.EditView):
    pass


class DocumentChooserUploadView(
    ReshowChooserFormWhenStorageFails, chooser.DocumentChooserUploadView
):
    pass


class DocumentMultipleAddView(RefuseFileWhenStorageFails, multiple.AddView):
    pass


class CreateFromUploadedDocumentView(
    ReshowUploadFormWhenStorageFails, multiple.CreateFromUploadedDocumentView
):
    pass


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
        path(
            "documents/chooser/create/",
            chooser.viewset.construct_view(DocumentChooserUploadView),
        ),
    ]
