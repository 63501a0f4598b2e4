"""Where a document is offered: the live, public page that links to it."""

from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from home.privacy import private_pages_q


def document_places(documents, request):
    """Map document id to the first live public page referencing it (two queries in all).

    Uses Wagtail's reference index, so any page type that offers documents counts, and a
    draft or members-only page never gives its title away.
    """
    documents = list(documents)
    if not documents:
        return {}
    references = list(
        ReferenceIndex.objects.filter(
            to_content_type=ReferenceIndex._get_base_content_type(get_document_model()),
            to_object_id__in=[str(document.pk) for document in documents],
            base_content_type=ReferenceIndex._get_base_content_type(Page),
        ).values_list("to_object_id", "object_id")
    )
    page_ids = {int(object_id) for _to, object_id in references}
    pages = {
        page.pk: page
        for page in Page.objects.live()
        .exclude(private_pages_q(request))
        .filter(pk__in=page_ids)
        .only("title", "url_path", "path", "depth")
    }
    places = {}
    for to_object_id, object_id in references:
        page = pages.get(int(object_id))
        if page is not None:
            places.setdefault(int(to_object_id), page)
    return places
