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

from django.db import connection, models
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
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT version FROM {ContentVersion._meta.db_table} WHERE id = %s",  # noqa: S608
            [ROW_ID],
        )
        row = cursor.fetchone()
    # No row only after a database was emptied (tests' flush); the next change writes it.
    version = row[0] if row else 0
    if memo is not None:
        memo[:] = [version]
    return version


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
