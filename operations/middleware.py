"""Headers Django does not set itself: compression, permissions policy, CORS for public data."""

from django.conf import settings
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware


class CompressTextMiddleware(GZipMiddleware):
    """Pages, feeds, calendars and JSON go out gzip-compressed (a page is 30 KB, compressed 7).

    Files are left alone: documents, images and ZIPs are compressed already or streamed, and
    static files are compressed ahead of time by WhiteNoise, which answers before this runs.
    Django's middleware adds random bytes to every compressed page, against BREACH.
    """

    COMPRESSIBLE_TYPES = (
        "text/",
        "application/json",
        "application/xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/javascript",
    )

    @classmethod
    def is_compressible(cls, response):
        content_type = response.get("Content-Type", "")
        return not response.streaming and content_type.startswith(cls.COMPRESSIBLE_TYPES)

    def process_response(self, request, response):
        if response.streaming or not self.is_compressible(response):
            return response
        return super().process_response(request, response)


class PermissionsPolicyMiddleware:
    """Send ``Permissions-Policy`` (``settings.PERMISSIONS_POLICY``): no page of the site needs
    camera, microphone, location or payment, so no embedded content may ask for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class PublicCorsMiddleware:
    """``Access-Control-Allow-Origin: *`` on public, read-only answers, so member
    municipalities' websites can read the events from the browser.

    Applies to GET and HEAD under ``settings.PUBLIC_CORS_PATH_PREFIXES`` and to responses a view
    marked with ``allow_any_origin`` (feeds, calendars). Browsers send no cookies with such
    requests, so what they receive is what any visitor sees.

    A ``fetch()`` that names a header such as ``Content-Type`` first asks with ``OPTIONS``
    (a preflight). It is answered here, without touching the database, for the API and for
    addresses ending like a feed or calendar (``PUBLIC_CORS_PATH_SUFFIXES``); it only lets the
    browser ask, and whether it may read the answer is still decided by the GET's own response.
    """

    PREFLIGHT_HEADERS = {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": "GET, HEAD",
        "Access-Control-Allow-Headers": "Accept, Content-Type, If-None-Match, If-Modified-Since",
        "Access-Control-Max-Age": "86400",
    }

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixes = tuple(settings.PUBLIC_CORS_PATH_PREFIXES)
        self.suffixes = tuple(settings.PUBLIC_CORS_PATH_SUFFIXES)

    def __call__(self, request):
        if self._is_public_preflight(request):
            response = HttpResponse(status=204)
            for name, value in self.PREFLIGHT_HEADERS.items():
                response[name] = value
            return response
        response = self.get_response(request)
        if request.method in ("GET", "HEAD") and (
            getattr(response, "allow_any_origin", False) or request.path.startswith(self.prefixes)
        ):
            response["Access-Control-Allow-Origin"] = "*"
            # Polling scripts may read the validators for their next conditional request.
            response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
        return response

    def _is_public_preflight(self, request):
        meta = request.META
        return (
            request.method == "OPTIONS"
            and "HTTP_ORIGIN" in meta
            and meta.get("HTTP_ACCESS_CONTROL_REQUEST_METHOD") in ("GET", "HEAD")
            and (request.path.startswith(self.prefixes) or request.path.endswith(self.suffixes))
        )
