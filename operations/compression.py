"""Kept answers keep their compressed bytes too, so serving them again costs no gzip.

The page cache and the kept calendars, feeds and sitemaps (``conditional.py``) compress an
answer once, when they keep it, and send those bytes to every client that accepts gzip; the
others get the plain copy. ``CompressTextMiddleware`` leaves an answer that already carries
``Content-Encoding`` alone.
"""

from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

from .middleware import CompressTextMiddleware

#: Shorter bodies are sent as they are: gzip's header would eat the gain.
SHORTEST_COMPRESSED = 200


def compressed_copy(response):
    """The body gzip-compressed, if it is text worth compressing and gets shorter; else None."""
    if not CompressTextMiddleware.is_compressible(response):
        return None
    if len(response.content) < SHORTEST_COMPRESSED:
        return None
    compressed = compress_string(response.content)
    return compressed if len(compressed) < len(response.content) else None


def send_compressed_if_accepted(request, response, compressed):
    """``response`` (a fresh copy of a kept one) as its ``compressed`` bytes where the client
    takes gzip, marked as GZipMiddleware marks what it compresses (the ETag weak: the bytes
    differ from the plain answer's)."""
    patch_vary_headers(response, ("Accept-Encoding",))
    if not compressed or not re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        return response
    response.content = compressed
    response["Content-Length"] = str(len(compressed))
    response["Content-Encoding"] = "gzip"
    etag = response.get("ETag")
    if etag and etag.startswith('"'):
        response["ETag"] = "W/" + etag
    return response
