"""Documents in the site search: found by title and by the text inside the file."""

from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, ReferenceIndex

from home.privacy import private_pages_q
from home.search import MAX_HITS_PER_SOURCE, SearchHit, highlight

from .access import viewer_may_download
from .models import DocumentKind


def visible_collection_ids(request):
    """Collections whose documents this viewer may download (restrictions read once)."""
    return [
        collection.pk
        for collection in Collection.objects.all()
        if viewer_may_download(_Probe(collection.pk), request)
    ]


class _Probe:
    """Stands in for a document of a collection when asking the access rules."""

    def __init__(self, collection_id):
        self.collection_id = collection_id


def _places(documents, request):
    """For each document, the live public page that offers it (one query each way)."""
    document_model = get_document_model()
    references = ReferenceIndex.objects.filter(
        to_content_type=ReferenceIndex._get_base_content_type(document_model),
        to_object_id__in=[str(document.pk) for document in documents],
        base_content_type=ReferenceIndex._get_base_content_type(Page),
    ).values_list("to_object_id", "object_id")
    page_ids = {int(object_id) for _to, object_id in references}
    pages = {
        page.pk: page
        for page in Page.objects.live()
        .exclude(private_pages_q(request))
        .filter(pk__in=page_ids)
        .only("title")
    }
    places = {}
    for to_object_id, object_id in references:
        page = pages.get(int(object_id))
        if page is not None:
            places.setdefault(int(to_object_id), page)
    return places


def document_hits(request, query):
    documents = list(
        get_document_model()
        .objects.filter(collection_id__in=visible_collection_ids(request))
        .search(query)[:MAX_HITS_PER_SOURCE]
    )
    places = _places(documents, request)
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
