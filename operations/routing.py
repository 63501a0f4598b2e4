"""Finding the page for a URL with one query instead of two per level of the tree.

Wagtail walks from the home page down: for ``/arbeitskreis/termin/`` it asks the database for
the child ``arbeitskreis``, then for its specific page, then the same for ``termin``: four
queries before the page is even served. Which page a path leads to changes only when content
does, so the answer (the page's id and type, and how many parts of the path it took) is kept
until the next purge, and a request loads just the page it shows.

The page's own ``route`` still decides the rest: whether it is live, and what a remaining path
means (a calendar file, a month). Paths that lead nowhere (404) are not kept.
"""

from django.contrib.contenttypes.models import ContentType

from .page_cache import cached_until_change


class CachedRouteMixin:
    """For the site's root page: route through the kept answer, walk the tree only once."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        walked = []

        def walk_the_tree():
            result = super(CachedRouteMixin, self).route(request, path_components)
            walked.append(result)
            return _route_target(self, result[0], path_components)

        target = cached_until_change(f"route:{self.pk}:" + "/".join(path_components), walk_the_tree)
        if walked:
            return walked[0]
        page = _load_target(self, target, path_components)
        if page is None:  # gone since it was kept, or never found the usual way
            return super().route(request, path_components)
        return page.route(request, path_components[target[2] :])


def _route_target(root, page, path_components):
    """(id, content type, path parts used) of the page a walk found, if it is the usual one:
    the page whose URL path is the start of the requested path."""
    for used in range(len(path_components), 0, -1):
        if page.url_path == _url_path(root, path_components[:used]):
            return page.pk, page.content_type_id, used
    return None


def _load_target(root, target, path_components):
    if target is None:
        return None
    pk, content_type_id, used = target
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = model.objects.filter(pk=pk).first() if model is not None else None
    if page is None or page.url_path != _url_path(root, path_components[:used]):
        return None
    return page


def _url_path(root, components):
    return root.url_path + "".join(f"{component}/" for component in components)
