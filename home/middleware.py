"""Request-wide helpers: cheap logged-in pages, and the headers Django does not set itself."""

from django.conf import settings
from django.db.models import prefetch_related_objects


class PrefetchUserGroupsMiddleware:
    """Read a logged-in user's groups once per request.

    Page and collection view restrictions, the member check and the menu all ask for the
    user's groups; with the prefetch they share one query instead of one each.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            prefetch_related_objects([user], "groups")
        return self.get_response(request)


class PermissionsPolicyMiddleware:
    """Send ``Permissions-Policy`` (``settings.PERMISSIONS_POLICY``): no page of the site needs
    camera, microphone, location or payment, so no embedded content may ask for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
