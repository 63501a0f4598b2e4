"""Admin and site integration of documents."""

from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks

from .search import document_hits


@hooks.register("site_search_results")
def search_documents(request, query):
    return document_hits(request, query)


@hooks.register("insert_global_admin_js")
def protocol_collection_script():
    """Choosing "Protokoll" in a document form selects a protected collection."""
    return format_html('<script src="{}"></script>', static("documents/js/protocol-collection.js"))
