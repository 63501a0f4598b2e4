"""The machinery's rows: the content version every kept page is filed under, and the worker's
sign of life."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .content_version import ContentVersion  # noqa: F401 (a model of this app)


class WorkerHeartbeat(models.Model):
    """The background worker's sign of life, read by ``/healthz/``.

    Each worker process (``manage.py db_worker``, see ``operations/worker.py``) writes its row every
    few seconds. A missing or old heartbeat means tasks (PDF text, thumbnails, search index)
    are waiting; the worker's own tasks left half-done by a crash are put back in the queue
    when their worker's heartbeat is stale.
    """

    worker_id = models.CharField(_("Worker"), max_length=64, unique=True)
    hostname = models.CharField(_("Rechner"), max_length=255)
    pid = models.PositiveIntegerField(_("Prozess"))
    last_seen = models.DateTimeField(_("Zuletzt gemeldet"), db_index=True)

    class Meta:
        db_table = "home_workerheartbeat"  # as ContentVersion's: the name from before the move
        verbose_name = _("Lebenszeichen des Hintergrunddienstes")
        verbose_name_plural = _("Lebenszeichen des Hintergrunddienstes")

    def __str__(self):
        return f"{self.hostname}:{self.pid}"
