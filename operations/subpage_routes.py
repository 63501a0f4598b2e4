"""Sub-page routes of a page type, declared in its app's ``views`` module instead of its model.

Wagtail's ``RoutablePageMixin`` collects the ``@path`` methods of a page class, which pulls the
views' forms, feeds and calendars into the model module and makes every view module a
dependency of the models (docs/architecture.md, "Schichten"). Here a views module registers
plain functions ``view(page, request, *args)`` for a page class with ``subpage_route``, and
``SubpageRoutesMixin`` adds them to the class's routes. The model keeps what pages know about
themselves (their events, their links); ``page.reverse_subpage(name)`` and
``{% routablepageurl %}`` work as before.

Each app imports its views module in ``AppConfig.ready()``, before the first request builds a
page type's resolver; a route registered later would never be found, so that raises.
"""

from collections import defaultdict

from django.core.exceptions import ImproperlyConfigured
from django.urls import path, re_path

from wagtail.contrib.routable_page.models import RoutablePageMixin

# Page class → its registered URL patterns, in the order the views module declares them.
_registered_routes = defaultdict(list)


def subpage_route(page_class, route, *, name=None, regex=False):
    """Register the decorated function as the view of ``route`` below pages of ``page_class``
    (and of its subclasses). ``route`` is ``path()`` syntax, or a regular expression with
    ``regex=True``; ``name`` (default: the function's name) is what ``reverse_subpage`` takes.
    """
    make_pattern = re_path if regex else path

    def register(view):
        resolved = [cls for cls in _with_subclasses(page_class) if _has_resolver(cls)]
        if resolved:
            raise ImproperlyConfigured(
                f"The route {route!r} of {page_class.__name__} comes too late: "
                f"{resolved[0].__name__} already answers requests. Import the views module "
                f"in its AppConfig.ready()."
            )
        _registered_routes[page_class].append(make_pattern(route, view, name=name or view.__name__))
        return view

    return register


class SubpageRoutesMixin(RoutablePageMixin):
    """A routable page whose routes are registered by ``subpage_route``.

    Routes registered for a class come before those of its bases, as Wagtail orders the
    methods of subclasses first; all of them come before the mixin's own default
    ``index_route``, so a registered ``""`` route serves the page itself (and its preview).
    """

    @classmethod
    def get_subpage_urls(cls):
        registered = [
            pattern for klass in cls.__mro__ for pattern in _registered_routes.get(klass, ())
        ]
        return (*registered, *super().get_subpage_urls())


def _with_subclasses(cls):
    yield cls
    for subclass in cls.__subclasses__():
        yield from _with_subclasses(subclass)


def _has_resolver(cls):
    return "_routablepage_urlresolver" in cls.__dict__
