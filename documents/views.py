"""Serving documents and their thumbnails, always through a permission check."""

import logging

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve as wagtail_serve

from .access import is_restricted, viewer_may_download

logger = logging.getLogger(__name__)

PUBLIC_MAX_AGE = 60 * 60


@require_GET
def serve_document(request, document_id, document_filename):
    """Wagtail's permission-checked download, plus caching rules by privacy.

    Members-only files are ``Cache-Control: private`` so no shared cache (proxy, CDN) keeps a
    copy; public files may be cached for an hour.
    """
    try:
        response = wagtail_serve(request, document_id, document_filename)
    except FileNotFoundError as error:
        # Wagtail checks the permission first, so only an allowed viewer learns of this.
        logger.warning("Datei von Dokument %s fehlt: %s", document_id, error.filename)
        raise Http404 from error
    if response.status_code == 200:
        document = get_document_model().objects.get(pk=document_id)
        _cache_by_privacy(response, document, request)
    return response


@require_GET
def document_thumbnail(request, document_id):
    """The first-page preview, for exactly the people who may download the document."""
    document = get_object_or_404(get_document_model(), pk=document_id)
    if not document.thumbnail or not viewer_may_download(document, request):
        raise Http404
    response = FileResponse(document.thumbnail.open("rb"), content_type="image/png")
    _cache_by_privacy(response, document, request)
    return response


def _cache_by_privacy(response, document, request):
    """No shared cache may keep a members-only file; public files for an hour."""
    if is_restricted(document, request):
        patch_cache_control(response, private=True, no_store=True)
    else:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
