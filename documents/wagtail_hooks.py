"""Admin and site integration of documents."""

from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html

from wagtail import hooks

from .admin_views import DocumentIndexWithVisibility
from .search import document_hits
from .upload_views import document_upload_urls


@hooks.register("site_search_results")
def search_documents(request, query):
    return document_hits(request, query)


@hooks.register("insert_global_admin_js")
def protocol_collection_script():
    """Choosing "Protokoll" in a document form selects a protected collection."""
    return format_html('<script src="{}"></script>', static("documents/js/protocol-collection.js"))


@hooks.register("insert_global_admin_js")
def document_title_script():
    """A new document's title shows the proposal from kind, event and date, not the file name."""
    return format_html('<script src="{}"></script>', static("documents/js/document-title.js"))


@hooks.register("register_admin_urls")
def document_list_with_visibility():
    """The admin's document list says "öffentlich" or "nur für Mitglieder" for each document.

    Registered before ``wagtail.documents`` (this app comes first in ``INSTALLED_APPS``), so
    these two paths answer instead of Wagtail's list; every other document view is Wagtail's.
    """
    return [
        path("documents/", DocumentIndexWithVisibility.as_view(), name="documents_index"),
        path(
            "documents/results/",
            DocumentIndexWithVisibility.as_view(results_only=True),
            name="documents_index_results",
        ),
    ]


@hooks.register("register_admin_urls")
def document_uploads_that_survive_a_full_disk():
    """Wagtail's upload views, which show a full or read-only media disk on the form."""
    return document_upload_urls()
