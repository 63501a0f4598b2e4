"""Uploads the media storage could not keep (disk full, read-only): the form comes back.

Wagtail's upload views validate the form and then save, and the file is written while saving.
A full or read-only disk there was a server error. The storage (``operations/storage.py``) removes
what it had begun and raises ``MediaNotStored``; the mixins here answer it the way each of
Wagtail's views answers a refused file, with the reason in German and the form kept:

- the add and edit views re-render the form, the reason on the file field;
- the chooser's upload tab shows its creation form again;
- the multiple upload marks the file as failed with the reason, like a file of the wrong type,
  and its second step (kind, collection) shows its form again.

Nothing reaches the database: the file is written before the row, and the add and edit views
save inside a transaction. The views are Wagtail's, registered at Wagtail's own addresses ahead
of Wagtail's (``images_upload_urls`` here; the documents' in ``documents/wagtail_hooks.py``).
"""

from django.db import transaction
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.urls import path, reverse

from wagtail.images.views import chooser as image_chooser
from wagtail.images.views import images, multiple

from .storage import MediaNotStored


class KeepFormWhenStorageFails:
    """For Wagtail's generic create and edit views of documents and images.

    Wagtail's document and image forms delete the file being replaced (and an image's
    renditions) before they store the new one, so a full disk would leave the row pointing at
    nothing. Here the old file goes only once the new one is stored and the row committed.
    """

    def form_valid(self, form):
        replaced = getattr(form, "original_file", None) if "file" in form.changed_data else None
        if replaced:
            form.original_file = None  # Wagtail's form would delete it first
        try:
            response = super().form_valid(form)
        except MediaNotStored as failure:
            form.add_error("file" if "file" in form.fields else None, failure.message)
            if getattr(getattr(self, "object", None), "pk", None) is not None:
                self.object = self.get_object()  # the edited one as stored, with its old file
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        if replaced:
            storage, name = replaced.storage, replaced.name
            transaction.on_commit(lambda: storage.delete(name), robust=True)
            if hasattr(form.instance, "renditions"):
                form.instance.renditions.all().delete()  # their files go with them
        return response


class ReshowChooserFormWhenStorageFails:
    """For the chooser's upload tab (the modal that uploads and chooses at once)."""

    def post(self, request, *args, **kwargs):
        try:
            with transaction.atomic():  # a savepoint: the failed save is undone alone
                return super().post(request, *args, **kwargs)
        except MediaNotStored as failure:
            self.form.add_error("file", failure.message)
            return self.get_reshow_creation_form_response()


class RefuseFileWhenStorageFails:
    """For the multiple upload's first step: the file is marked failed with the reason."""

    def post(self, request, *args, **kwargs):
        try:
            with transaction.atomic():  # a savepoint: the failed save is undone alone
                return super().post(request, *args, **kwargs)
        except MediaNotStored as failure:
            return JsonResponse({"success": False, "error_message": failure.message})


class ReshowUploadFormWhenStorageFails:
    """For the multiple upload's second step, which moves the kept upload to its place."""

    def save_object(self, form):
        self.form = form
        return super().save_object(form)

    def post(self, request, *args, **kwargs):
        try:
            with transaction.atomic():  # a savepoint: the failed save is undone alone
                return super().post(request, *args, **kwargs)
        except MediaNotStored as failure:
            self.form.add_error(None, failure.message)
            context = {
                self.context_upload_name: self.upload,
                "edit_action": reverse(self.edit_upload_url_name, args=(self.upload.id,)),
                "delete_action": reverse(self.delete_upload_url_name, args=(self.upload.id,)),
                "form": self.form,
            }
            html = render_to_string(self.edit_form_template_name, context, request=request)
            return JsonResponse({"success": False, "form": html})


class ImageCreateView(KeepFormWhenStorageFails, images.CreateView):
    pass


class ImageEditView(KeepFormWhenStorageFails, images.EditView):
    pass


class ImageChooserUploadView(ReshowChooserFormWhenStorageFails, image_chooser.ImageUploadView):
    pass


class ImageMultipleAddView(RefuseFileWhenStorageFails, multiple.AddView):
    pass


class CreateFromUploadedImageView(
    ReshowUploadFormWhenStorageFails, multiple.CreateFromUploadedImageView
):
    pass


def images_upload_urls():
    """Wagtail's image upload addresses (``wagtail/images/admin_urls.py``), answered here."""
    return [
        path("images/add/", ImageCreateView.as_view()),
        path("images/<int:image_id>/", ImageEditView.as_view()),
        path("images/multiple/add/", ImageMultipleAddView.as_view()),
        path(
            "images/multiple/create_from_uploaded_image/<int:uploaded_file_id>/",
            CreateFromUploadedImageView.as_view(),
        ),
        # With the chooser's own settings (model, form, where "chosen" leads).
        path(
            "images/chooser/create/",
            image_chooser.viewset.construct_view(ImageChooserUploadView),
        ),
    ]
