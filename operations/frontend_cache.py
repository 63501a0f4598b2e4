"""Varnish in front of the site: purged by the application itself, again until it has heard.

After every change commits, the application sends ``BAN /`` to each Varnish in
``FRONTEND_CACHE_URLS`` (``VARNISH_URL``) at once, with a short timeout; nothing waits for the
background worker, whose queue may be standing still. The VCL (``deploy/varnish.vcl``) drops
every kept address under every host name, so a page fetched under a ``www.`` alias goes too.

Which version Varnish was last purged for is written next to the content version
(``operations/content_version.py``). Every Varnish asks each application instance every second for
``/healthz/frontend-cache/`` (:func:`probe`): if a purge is outstanding, the instance sends it
before answering, and while it cannot, it answers 503. Varnish serves kept pages only while its
backend is healthy, so while a purge cannot be delivered every request passes through to the
application: slower, never with a page from before the change.

A page rendered from the old content while the change committed could still reach Varnish just
after the purge. Two things stop that: a response whose rendering saw the version move on is
not offered for sharing (``operations/page_cache.py``), and the probe purges once more
``SETTLE_SECONDS`` after each change, when every such rendering has long been delivered.
"""

import datetime as dt
import http.client
import logging
import threading
import time
import urllib.error
import urllib.request

from django.conf import settings
from django.db import DatabaseError
from django.utils import timezone

from .content_version import mark_committed, read_state, record_frontend_purge

logger = logging.getLogger(__name__)

# Short: the editor's request waits for it, and so does Varnish's probe (timeout 1.5 s).
PURGE_TIMEOUT_SECONDS = 1.0
SETTLE_SECONDS = 3
# The probe is a public address: however often it is asked, one process tries an outstanding
# purge at most this often (and answers "outstanding" in between).
PROBE_PURGE_INTERVAL_SECONDS = 0.5

_probe_purge_lock = threading.Lock()
_last_probe_purge = 0.0


def is_configured():
    return bool(settings.FRONTEND_CACHE_URLS)


def _ban_everything(location):
    """``BAN /`` to one Varnish: every kept address of every host name. True if it took it."""
    request = urllib.request.Request(  # noqa: S310 (an address from the settings)
        f"{location.rstrip('/')}/", method="BAN", headers={"User-Agent": "arbeitskreise-purge"}
    )
    try:
        with urllib.request.urlopen(request, timeout=PURGE_TIMEOUT_SECONDS) as response:  # noqa: S310
            return response.status == 200
    except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
        logger.warning("Frontend-Cache %s nicht geleert: %s", location, error)
        return False


def purge(version):
    """Purge every frontend cache; records ``version`` as purged if all of them took it."""
    purged = all([_ban_everything(location) for location in settings.FRONTEND_CACHE_URLS])
    if purged:
        record_frontend_purge(version)
    return purged


def purge_after_change():
    """Run when a change has committed: purge at once (the probe retries if this fails).

    The settling purge is counted from now, the commit, not from when the transaction wrote
    the version: renderings of the old content may run until the commit.
    """
    try:
        state = mark_committed()
        if state is not None:
            purge(state.version)
    except DatabaseError as error:  # the change is committed; the probe catches up
        logger.warning("Frontend-Cache nach einer Änderung nicht geleert: %s", error)


def _outstanding(state, now):
    """Whether ``state`` asks for a purge now: none yet for this version, or the settling one."""
    if state.frontend_version != state.version:
        return True
    settled_from = state.changed_at + dt.timedelta(seconds=SETTLE_SECONDS)
    return state.frontend_purged_at < settled_from <= now


def probe():
    """Whether the frontend cache may serve its kept pages now; sends outstanding purges first.

    Raises ``DatabaseError`` without a database (the caller answers 503).
    """
    global _last_probe_purge
    state = read_state()
    if state is None or not is_configured():
        return True
    if not _outstanding(state, timezone.now()):
        return True
    with _probe_purge_lock:
        if time.monotonic() - _last_probe_purge < PROBE_PURGE_INTERVAL_SECONDS:
            return state.frontend_version == state.version
        _last_probe_purge = time.monotonic()
    return purge(state.version)
