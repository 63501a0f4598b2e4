"""The background worker, made to outlive database restarts and to report that it is alive.

django-tasks-db's worker exits for good on the first database error: after a PostgreSQL restart
every later task (PDF text, thumbnails, search index) would wait silently. This worker waits
and reconnects instead, writes a heartbeat that ``/healthz/`` reads, and puts tasks back in
the queue that a worker (itself before the outage, or a crashed one) claimed but never
finished, so no task is lost.

``manage.py db_worker`` (``home/management/commands/db_worker.py``) runs it; the systemd unit
in ``deploy/`` restarts the process should it still end.
"""

import logging
import os
import socket
import threading
import time
from datetime import timedelta

from django.db import InterfaceError, OperationalError, connection, connections
from django.utils import timezone

from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 10
# A worker that has not reported for this long is taken as gone; /healthz/ says so.
STALE_AFTER = timedelta(seconds=6 * HEARTBEAT_SECONDS)
MAX_RECONNECT_DELAY_SECONDS = 30
# What a lost or restarting database raises; the worker waits it out, pages answer 503.
DATABASE_ERRORS = (OperationalError, InterfaceError)


def write_heartbeat(worker_id):
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "last_seen": timezone.now(),
        },
    )


def requeue_orphaned_tasks(backend_name, own_worker_id):
    """Put tasks back in the queue whose worker is this one (before an outage) or is gone."""
    alive = set(
        WorkerHeartbeat.objects.filter(last_seen__gte=timezone.now() - STALE_AFTER)
        .exclude(worker_id=own_worker_id)
        .values_list("worker_id", flat=True)
    )
    requeued = 0
    for task_id, worker_ids in DBTaskResult.objects.filter(
        backend_name=backend_name, status=TaskResultStatus.RUNNING
    ).values_list("id", "worker_ids"):
        if worker_ids and worker_ids[-1] in alive:
            continue
        requeued += DBTaskResult.objects.filter(id=task_id, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.READY, started_at=None
        )
    if requeued:
        logger.warning("%d unterbrochene Aufgabe(n) wieder eingereiht.", requeued)
    return requeued


class ResilientWorker(Worker):
    """django-tasks-db's worker with reconnection, heartbeat and recovery of orphaned tasks."""

    def run(self):
        self._start_heartbeat()
        delay = 1
        while self.running:
            try:
                write_heartbeat(self.worker_id)
                requeue_orphaned_tasks(self.backend_name, self.worker_id)
                delay = 1
                super().run()
                return
            except DATABASE_ERRORS as error:
                logger.warning(
                    "Datenbank nicht erreichbar (%s); neuer Versuch in %d s.", error, delay
                )
                connections.close_all()
                time.sleep(delay)
                delay = min(delay * 2, MAX_RECONNECT_DELAY_SECONDS)

    def _start_heartbeat(self):
        thread = threading.Thread(target=self._beat, name="heartbeat", daemon=True)
        thread.start()

    def _beat(self):
        """Runs in its own thread with its own database connection."""
        while self.running:
            try:
                write_heartbeat(self.worker_id)
            except DATABASE_ERRORS as error:
                logger.info("Lebenszeichen nicht geschrieben: %s", error)
                connection.close()
            time.sleep(HEARTBEAT_SECONDS)
        connection.close()
