"""Who may download which document: collection view restrictions, checked once per request."""

from wagtail.models import CollectionViewRestriction


def viewer_may_download(document, request):
    """True if every view restriction on the document's collection lets this request in."""
    return all(
        restriction.accept_request(request)
        for restriction in _restrictions_for(document.collection_id, request)
    )


def is_restricted(document, request=None):
    return bool(_restrictions_for(document.collection_id, request))


def _restrictions_for(collection_id, request):
    """Restrictions on a collection or its ancestors (all read in one query per request)."""
    cache = getattr(request, "_collection_restrictions", None) if request is not None else None
    if cache is None:
        cache = list(CollectionViewRestriction.objects.select_related("collection"))
        if request is not None:
            request._collection_restrictions = cache
    paths = _collection_paths(collection_id, request)
    return [r for r in cache if any(path.startswith(r.collection.path) for path in paths)]


def _collection_paths(collection_id, request):
    from wagtail.models import Collection

    paths = getattr(request, "_collection_paths", None) if request is not None else None
    if paths is None:
        paths = dict(Collection.objects.values_list("pk", "path"))
        if request is not None:
            request._collection_paths = paths
    path = paths.get(collection_id)
    return [path] if path else []
