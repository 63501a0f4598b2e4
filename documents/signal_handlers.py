"""Side effects of documents (wired in ``DocumentsConfig.ready``)."""

from django.db import transaction
from django.db.models.signals import post_delete

from operations.page_cache import purge_when_changed

from .models import CustomDocument


def delete_thumbnail_with_its_document(instance, **kwargs):
    """Wagtail removes a deleted document's file; its first-page preview goes with it.

    After the commit, like Wagtail's own clean-up: a rolled-back delete keeps both files.
    """
    if instance.thumbnail:
        storage, name = instance.thumbnail.storage, instance.thumbnail.name
        transaction.on_commit(lambda: storage.delete(name))


def connect_signal_handlers():
    # A file replaced, or moved into or out of the members' collection, changes pages linking it.
    purge_when_changed(CustomDocument)
    post_delete.connect(
        delete_thumbnail_with_its_document,
        sender=CustomDocument,
        dispatch_uid="documents.delete_thumbnail_with_its_document",
    )
