"""Who may download which document: collection view restrictions, checked once per request.

The restrictions and the collection tree are kept in the cache until the next purge (saving or
deleting a restriction or a collection purges), so a page with documents reads neither.
"""

from django.contrib.auth.models import AnonymousUser

from wagtail.models import Collection, CollectionViewRestriction

from home.members import group_names
from operations.page_cache import cached_until_change


def viewer_may_download(document, request):
    """True if every view restriction on the document's collection lets this request in."""
    return _collection_open(document.collection_id, request)


def is_restricted(document, request=None):
    return collection_is_restricted(document.collection_id, request)


def collection_is_restricted(collection_id, request=None):
    """Whether a view restriction guards the collection or one of its parents."""
    return bool(_restrictions_for(collection_id, request))


def _restrictions_for(collection_id, request):
    """Restrictions on a collection or its ancestors (all read in one query per request)."""
    cache = getattr(request, "_collection_restrictions", None) if request is not None else None
    if cache is None:
        cache = cached_until_change("collection-restrictions", _all_restrictions)
        if request is not None:
            request._collection_restrictions = cache
    path = _collection_path_map(request).get(collection_id)
    if path is None:
        return []
    return [r for r in cache if path.startswith(r.collection.path)]


def _all_restrictions():
    return list(
        CollectionViewRestriction.objects.select_related("collection").prefetch_related("groups")
    )


def restricted_collections():
    """Collections with a view restriction of their own, e.g. "Nur für Mitglieder"."""
    return Collection.objects.filter(view_restrictions__isnull=False).distinct().order_by("path")


def visible_collection_ids(request):
    """Collections whose documents this viewer may download (restrictions read once)."""
    return [pk for pk in _all_collection_ids(request) if _collection_open(pk, request)]


def members_only_collection_ids(request):
    """Restricted collections this viewer may nevertheless open: the members' material."""
    return [
        pk
        for pk in _all_collection_ids(request)
        if _restrictions_for(pk, request) and _collection_open(pk, request)
    ]


def _collection_open(collection_id, request):
    """Whether the request passes every restriction on the collection (memoised per request,
    because a group restriction reads the user's groups each time it is asked)."""
    memo = getattr(request, "_collection_open", None) if request is not None else None
    if memo is None:
        memo = {}
        if request is not None:
            request._collection_open = memo
    if collection_id not in memo:
        group_names(getattr(request, "user", None) or AnonymousUser())  # prefetch groups once
        memo[collection_id] = all(
            restriction.accept_request(request)
            for restriction in _restrictions_for(collection_id, request)
        )
    return memo[collection_id]


def _all_collection_ids(request):
    return list(_collection_path_map(request))


def _collection_path_map(request):
    """Collection id to tree path, read once per request."""
    paths = getattr(request, "_collection_paths", None) if request is not None else None
    if paths is None:
        paths = cached_until_change(
            "collection-paths", lambda: dict(Collection.objects.values_list("pk", "path"))
        )
        if request is not None:
            request._collection_paths = paths
    return paths
