"""Views of the machinery: the health checks, the 500/503 page and development media."""

import logging
import posixpath
import sys
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError
from django.http import Http404, HttpResponse, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.defaults import server_error as django_server_error
from django.views.static import serve

from . import frontend_cache
from .health import health_report
from .media import PUBLIC_MEDIA_FOLDERS
from .worker import DATABASE_ERRORS

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request):
    """Health for the load balancer and the operator, as JSON.

    503 only when the site cannot serve (no database). A cache outage, a silent worker or a
    growing task backlog answer 200 with ``"status": "degraded"``: pages still work, but the
    operator should look (details in ``operations/health.py``).
    """
    report = health_report()
    return JsonResponse(report, status=503 if report["status"] == "error" else 200)


@never_cache
@require_GET
def frontend_cache_probe(request):
    """Varnish's health probe: may it serve the pages it keeps from this instance?

    200 when every change has been purged from the frontend cache (outstanding purges are sent
    first, ``operations/frontend_cache.py``); 503 while one cannot be delivered or the database is
    gone. Varnish then passes every request through instead of serving what it kept.
    """
    try:
        may_serve = frontend_cache.probe()
    except DatabaseError:
        may_serve = False
    return HttpResponse(
        "ok" if may_serve else "purge outstanding",
        content_type="text/plain",
        status=200 if may_serve else 503,
    )


def serve_image_media(request, path):
    """Development only (``DEBUG``): serve Wagtail's image files from ``MEDIA_ROOT``.

    Documents and their thumbnails live in ``MEDIA_ROOT/documents`` and are served only by the
    permission-checked views in ``documents/views.py``. Django's ``static.serve`` would follow
    ``images/../documents/…`` to them, so the path is resolved first (dots, encoded dots,
    symbolic links) and must end inside one of the public image folders.
    """
    media_root = Path(settings.MEDIA_ROOT).resolve()
    normalized = posixpath.normpath(path)
    folder = normalized.split("/", 1)[0]
    target = (media_root / normalized).resolve()
    if (
        normalized != path
        or folder not in PUBLIC_MEDIA_FOLDERS
        or not target.is_relative_to(media_root / folder)
    ):
        raise Http404
    return serve(request, normalized, document_root=media_root)


# Seconds after which a browser or proxy may try again while the database is away.
RETRY_AFTER_SECONDS = 30


def server_error(request):
    """500 page, or 503 with ``Retry-After`` while the database cannot be reached.

    A database restart or failover takes seconds; monitoring, proxies and crawlers should see
    "try again shortly", not a fault of the site. Neither page touches the database.
    """
    error = sys.exc_info()[1]
    if not isinstance(error, DATABASE_ERRORS):
        return django_server_error(request)
    logger.warning("Datenbank nicht erreichbar: %s", error)
    return HttpResponse(
        loader.get_template("503.html").render(),
        status=503,
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )
