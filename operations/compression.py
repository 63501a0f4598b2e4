"""Kept answers keep their compressed bytes too, so serving them again costs no gzip.

The page cache and the kept calendars, feeds and sitemaps (``conditional.py``) compress an
answer once, when they keep it, and send those bytes to every client that accepts gzip; the
others get the plain copy. ``CompressTextMiddleware`` leaves an answer that already carries
``Content-Encoding`` alone.

Each form is kept under a key of its own (``GZIP`` or ``PLAIN``, from ``accepted_form``): a hit
reads only the bytes it sends. For a calendar of a year of events, reading the plain copy along
with the compressed one was most of a hit's time.
"""

import copy

from django.http.response import ResponseHeaders
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

from .middleware import CompressTextMiddleware

#: Shorter bodies are sent as they are: gzip's header would eat the gain.
SHORTEST_COMPRESSED = 200

#: The two forms a kept answer has, named as the client's ``Accept-Encoding`` decides.
GZIP, PLAIN = "gzip", "plain"


def accepted_form(request):
    """``GZIP`` where the client takes gzip (nearly every browser), else ``PLAIN``."""
    accepts = re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    return GZIP if accepts else PLAIN


def kept_forms(response):
    """``{GZIP: …, PLAIN: …}``: copies of ``response`` to keep, one to send to each kind of
    client as it is. Where compressing is not worth it, both are the plain copy."""
    plain = _copy_with(response, response.content)
    patch_vary_headers(plain, ("Accept-Encoding",))
    compressed = compressed_copy(response)
    if compressed is None:
        return {GZIP: plain, PLAIN: plain}
    return {GZIP: _mark_compressed(_copy_with(plain, compressed)), PLAIN: plain}


def _copy_with(response, content):
    """A copy of ``response`` (its attributes too, such as ``allow_any_origin``) with headers
    of its own and ``content``."""
    form = copy.copy(response)
    form.headers = ResponseHeaders(response.headers)
    form.content = content
    return form


def _mark_compressed(response):
    """Mark gzip bytes as GZipMiddleware marks what it compresses (the ETag weak: the bytes
    differ from the plain answer's)."""
    response["Content-Length"] = str(len(response.content))
    response["Content-Encoding"] = "gzip"
    etag = response.get("ETag")
    if etag and etag.startswith('"'):
        response["ETag"] = "W/" + etag
    return response


def compressed_copy(response):
    """The body gzip-compressed, if it is text worth compressing and gets shorter; else None."""
    if not CompressTextMiddleware.is_compressible(response):
        return None
    if len(response.content) < SHORTEST_COMPRESSED:
        return None
    compressed = compress_string(response.content)
    return compressed if len(compressed) < len(response.content) else None
