"""Admin and site integration of documents."""

from wagtail import hooks

from .search import document_hits


@hooks.register("site_search_results")
def search_documents(request, query):
    return document_hits(request, query)
