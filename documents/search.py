"""Documents in the site search: found by title and by the text inside the file."""

from django.utils.translation import gettext as _

from wagtail.documents import get_document_model

from home.search import SearchHit, SearchHits, highlight

from .access import visible_collection_ids
from .models import DocumentKind
from .places import document_places


def document_hits(request, query):
    documents = get_document_model().objects.filter(
        collection_id__in=visible_collection_ids(request)
    )
    return SearchHits(documents, query, lambda found: _document_hits(request, query, found))


def _document_hits(request, query, documents):
    places = document_places(documents, request)
    hits = []
    for document in documents:
        kind = DocumentKind(document.kind).label
        page = places.get(document.pk)
        place = f"{kind} – {page.title}" if page else kind
        hits.append(
            SearchHit(
                title=document.title,
                url=document.url,
                kind=_("Dokument (%(details)s)") % {"details": document.link_details},
                context=_("in: %(place)s") % {"place": place},
                snippet=highlight(document.extracted_text, query),
            )
        )
    return hits
