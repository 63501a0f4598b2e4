"""The content version: one value in the database that changes with everything pages show.

Every kept page and fragment (``operations/page_cache.py``) is filed under the version it was made
from and is served only while that is still the current version; a change starts a new one and
so drops them all at once.

Why in the database and not in the cache: the version used to live in Redis. When Redis froze
for three seconds while an editor made a page members-only, the new version was never written,
nothing retried it, and both application instances went on serving the public copy for hours.
Here the new version is written by the change's own transaction: it commits with the change or
not at all, and no outage of Redis, Varnish or the worker can keep it from being seen. Reading
it costs one primary-key query per request (remembered for the rest of the request).

New versions are random, not counted up: a version written by a transaction that is then rolled
back is never written again, so nothing filed under it can ever come back.
"""

import contextvars
import secrets

from django.db import DatabaseError, connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ROW_ID = 1


class ContentVersion(models.Model):
    """The one row holding the current content version (and what Varnish has been purged for).

    ``frontend_version`` and ``frontend_purged_at`` record the version a frontend cache
    (Varnish) was last purged for and when (``operations/frontend_cache.py``): while they lag
    behind, the purge is sent again.
    """

    version = models.BigIntegerField(_("Fassung"))
    changed_at = models.DateTimeField(_("Geändert"))
    frontend_version = models.BigIntegerField(_("Im Frontend-Cache geleert für"), null=True)
    frontend_purged_at = models.DateTimeField(_("Frontend-Cache zuletzt geleert"), null=True)

    class Meta:
        app_label = "operations"
        # The table keeps the name from before the model moved here out of ``home``: instances
        # still running the previous release read it while a new one is being rolled out.
        db_table = "home_contentversion"
        verbose_name = _("Fassung der Inhalte")
        verbose_name_plural = _("Fassung der Inhalte")

    def __str__(self):
        return str(self.version)


# The version as one request read it: pages ask for it several times (menu, privacy rules,
# filter options), one query per request is enough. ``PageCacheMiddleware`` sets it to an
# empty list for each request; a new version empties it again.
_read_in_request = contextvars.ContextVar("content_version_read_in_request", default=None)


def remember_for_this_request():
    """Start remembering the version for the current request; returns the token to reset."""
    return _read_in_request.set([])


def forget_for_this_request(token):
    _read_in_request.reset(token)


def current_version(*, fresh=False):
    """The current content version; ``fresh`` reads it again even if this request knows it.

    Raises ``DatabaseError`` without a database: nothing kept can be vouched for then.
    """
    memo = _read_in_request.get()
    if memo and not fresh:
        return memo[0]
    version = _read_checking_the_connection()
    if memo is not None:
        memo[:] = [version]
    return version


def _read_checking_the_connection():
    """The version in the database; the first read of a request is also its connection check.

    A connection kept between requests (``CONN_MAX_AGE``) may have died meanwhile (a restart of
    PostgreSQL), so Django checks it with a query of its own before the first use in a request
    (``CONN_HEALTH_CHECKS``). For a page from the page cache that was a second trip to the
    database beside this read, a third of the hit's time. This read is the check instead: if it
    fails outside a transaction, the connection is closed and the read made once more on a new
    one, as Django's check would have done; if that fails too, the error goes up (fail closed).
    """
    if (
        connection.connection is not None
        and connection.health_check_enabled
        and not connection.health_check_done
        and not connection.in_atomic_block
    ):
        connection.health_check_done = True
        try:
            return _select_version()
        except DatabaseError:
            connection.close()
    return _select_version()


def _select_version():
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT version FROM {ContentVersion._meta.db_table} WHERE id = %s",  # noqa: S608
            [ROW_ID],
        )
        row = cursor.fetchone()
    # No row only after a database was emptied (tests' flush); the next change writes it.
    return row[0] if row else 0


def start_new_version():
    """Write a new version in the current transaction; answers it."""
    memo = _read_in_request.get()
    if memo is not None:
        memo.clear()
    version = secrets.randbits(62)
    now = timezone.now()
    rows = ContentVersion.objects.filter(pk=ROW_ID)
    if not rows.update(version=version, changed_at=now):
        ContentVersion.objects.bulk_create(
            [ContentVersion(pk=ROW_ID, version=version, changed_at=now)], ignore_conflicts=True
        )
        rows.update(version=version, changed_at=now)
    return version


def read_state():
    """The whole row (for the frontend cache's bookkeeping), or ``None`` if there is none."""
    return ContentVersion.objects.filter(pk=ROW_ID).first()


def mark_committed():
    """Set ``changed_at`` of the current version to now (its commit); answers the row."""
    state = read_state()
    if state is not None:
        state.changed_at = timezone.now()
        ContentVersion.objects.filter(pk=ROW_ID, version=state.version).update(
            changed_at=state.changed_at
        )
    return state


def record_frontend_purge(version):
    """Note that the frontend cache was purged while ``version`` was current.

    Only if ``version`` is still the current one: a change in between needs its own purge.
    """
    return ContentVersion.objects.filter(pk=ROW_ID, version=version).update(
        frontend_version=version, frontend_purged_at=timezone.now()
    )
