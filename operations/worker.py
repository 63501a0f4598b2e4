"""The background worker, made to outlive database restarts and crashes, and to report that it
is alive.

django-tasks-db's worker exits for good on the first database error: after a PostgreSQL restart
every later task (PDF text, thumbnails, search index, mail) would wait silently. This worker
waits and reconnects instead, and writes a heartbeat that ``/healthz/`` reads.

A worker can also die without a word (``kill -9``, the kernel's out-of-memory killer, a lost
machine). Its claimed task would stay "running" for ever, so every worker looks for such
orphans with each heartbeat: a task whose worker's heartbeat is stale goes back into the queue,
within a minute of the death. The restarted worker cannot do that at its start, because the
dead one's heartbeat is still fresh then.

No task runs twice: a task is taken from its worker only after the worker has been silent for
:data:`STALE_AFTER`, and a worker that cannot write its heartbeat for :data:`FENCE_AFTER` while
it runs a task ends itself before that (systemd starts it again); while silent that long it
starts no task either. A task that keeps killing its worker is given up after
:data:`MAX_CLAIMS` attempts instead of being retried for ever; so is one interrupted from
outside (:class:`TaskInterrupted`) that many times.

``manage.py db_worker`` (``operations/management/commands/db_worker.py``) runs it; the systemd unit
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

HEARTBEAT_SECONDS = 5
# A worker that has not reported for this long is taken as gone: its tasks go back into the
# queue, and /healthz/ says so.
STALE_AFTER = timedelta(seconds=30)
# A worker running a task that has not managed to report for this long stops itself: others
# take it as gone STALE_AFTER after its last report, and must not find it still at work.
FENCE_AFTER = timedelta(seconds=20)
# How often a task may lose its worker before it is given up (a PDF that crashes every worker).
MAX_CLAIMS = 3
# Heartbeats of workers that ended (each start has a new id) are forgotten after this long.
FORGET_AFTER = timedelta(days=1)
MAX_RECONNECT_DELAY_SECONDS = 30
# What a lost or restarting database raises; the worker waits it out, pages answer 503.
DATABASE_ERRORS = (OperationalError, InterfaceError)
# The exit status of a worker that ended itself because it could not report (see FENCE_AFTER).
EXIT_FENCED = 75


class TaskInterrupted(Exception):
    """A task stopped from outside before it finished (its worker or a child of it being
    stopped), through no fault of its own: the worker puts it back into the queue.

    A task raising it must have changed nothing yet. Stored as the task's error while it is
    requeued, and for good after :data:`MAX_CLAIMS` attempts, so it must stay importable.
    """


class WorkerLost(Exception):
    """The worker running a task ended before finishing it, :data:`MAX_CLAIMS` times.

    Stored as the failed task's error (``exception_class_path``), so it must stay importable.
    """


def _class_path(exception_class):
    """How django-tasks-db stores a task's error class."""
    return f"{exception_class.__module__}.{exception_class.__qualname__}"


def write_heartbeat(worker_id):
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "last_seen": timezone.now(),
        },
    )


def living_worker_ids(now=None):
    """The workers that reported within :data:`STALE_AFTER`."""
    now = now or timezone.now()
    return set(
        WorkerHeartbeat.objects.filter(last_seen__gte=now - STALE_AFTER).values_list(
            "worker_id", flat=True
        )
    )


def is_orphaned(worker_ids, alive):
    """A running task whose (last) worker is not among the living ones."""
    return not worker_ids or worker_ids[-1] not in alive


def requeue_orphaned_tasks(backend_name, restarting_worker_id=None):
    """Put running tasks back in the queue whose worker is gone.

    ``restarting_worker_id`` names a worker that is (re)starting its loop and so runs nothing:
    what it had claimed before a database outage is orphaned too, fresh heartbeat or not.
    Each task is updated only if it is still the same claim that was found orphaned, so two
    workers looking at once, or a worker that just took the task again, change nothing.
    """
    alive = living_worker_ids() - {restarting_worker_id}
    requeued = abandoned = 0
    running = DBTaskResult.objects.running().filter(backend_name=backend_name)
    for task_id, worker_ids, started_at in running.values_list("id", "worker_ids", "started_at"):
        if not is_orphaned(worker_ids, alive):
            continue
        same_claim = DBTaskResult.objects.filter(
            id=task_id, status=TaskResultStatus.RUNNING, started_at=started_at
        )
        if len(worker_ids) >= MAX_CLAIMS:
            abandoned += same_claim.update(
                status=TaskResultStatus.FAILED,
                finished_at=timezone.now(),
                exception_class_path=_class_path(WorkerLost),
                traceback=(
                    f"{WorkerLost.__qualname__}: Der Worker endete {len(worker_ids)}-mal "
                    "während dieser Aufgabe; sie wird nicht mehr versucht.\n"
                ),
            )
        else:
            requeued += same_claim.update(status=TaskResultStatus.READY, started_at=None)
    if requeued:
        logger.warning("%d unterbrochene Aufgabe(n) wieder eingereiht.", requeued)
    if abandoned:
        logger.error(
            "%d Aufgabe(n) aufgegeben: ihr Worker endete %d-mal während der Arbeit daran.",
            abandoned,
            MAX_CLAIMS,
        )
    return requeued


def forget_ended_workers():
    """Each worker start has a new id; the rows of those long gone only fill the table."""
    WorkerHeartbeat.objects.filter(last_seen__lt=timezone.now() - FORGET_AFTER).delete()


class ResilientWorker(Worker):
    """django-tasks-db's worker with reconnection, heartbeat and recovery of orphaned tasks."""

    def __init__(self, **options):
        super().__init__(**options)
        self._last_report = time.monotonic()

    def run(self):
        self._start_background_threads()
        delay = 1
        while self.running:
            try:
                write_heartbeat(self.worker_id)
                self._last_report = time.monotonic()
                requeue_orphaned_tasks(self.backend_name, restarting_worker_id=self.worker_id)
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

    def run_task(self, db_task_result):
        """Run the claimed task unless this worker has been silent too long; requeue it if it
        was interrupted from outside."""
        if self.silent_too_long():
            # Others may take this worker for gone any moment and run the task themselves.
            logger.warning(
                "Seit über %d s kein Lebenszeichen geschrieben; Aufgabe %s zurückgegeben.",
                FENCE_AFTER.total_seconds(),
                db_task_result.id,
            )
            self._hand_back(db_task_result, worker_ids=db_task_result.worker_ids[:-1])
            time.sleep(HEARTBEAT_SECONDS)
            return
        super().run_task(db_task_result)
        if (
            db_task_result.status == TaskResultStatus.FAILED
            and db_task_result.exception_class_path == _class_path(TaskInterrupted)
            and len(db_task_result.worker_ids) < MAX_CLAIMS
        ):
            logger.warning("Aufgabe %s unterbrochen; wieder eingereiht.", db_task_result.id)
            self._hand_back(db_task_result, worker_ids=db_task_result.worker_ids)

    def _hand_back(self, db_task_result, *, worker_ids):
        """Back into the queue, as if never started (``worker_ids`` counts the attempts)."""
        DBTaskResult.objects.filter(id=db_task_result.id).update(
            status=TaskResultStatus.READY,
            started_at=None,
            finished_at=None,
            worker_ids=worker_ids,
            exception_class_path="",
            traceback="",
        )

    def _start_background_threads(self):
        for target, name in ((self._beat, "heartbeat"), (self._guard, "fence")):
            threading.Thread(target=target, name=name, daemon=True).start()

    def _beat(self):
        """Runs in its own thread with its own database connection."""
        while self.running:
            self.beat()
            time.sleep(HEARTBEAT_SECONDS)
        connection.close()

    def beat(self):
        """Report being alive, then take up the tasks of workers that stopped reporting.

        Never raises: an error that ended the heartbeat thread would leave the worker taking
        tasks that others soon take up as orphaned.
        """
        try:
            write_heartbeat(self.worker_id)
            self._last_report = time.monotonic()
            requeue_orphaned_tasks(self.backend_name)
            forget_ended_workers()
        except DATABASE_ERRORS as error:
            logger.info("Lebenszeichen nicht geschrieben: %s", error)
            connection.close()
        except Exception:
            logger.exception(
                "Fehler beim Lebenszeichen; nächster Versuch in %d s.", HEARTBEAT_SECONDS
            )
            connection.close()

    def _guard(self):
        """Runs in its own thread, free of database calls that might hang."""
        while self.running:
            self.stop_if_silent_too_long()
            time.sleep(1)

    def silent_too_long(self):
        """Whether the last report is so old that others may soon take this worker for gone."""
        return time.monotonic() - self._last_report > FENCE_AFTER.total_seconds()

    def stop_if_silent_too_long(self):
        """End the process if it runs a task that others may soon take up as orphaned."""
        silent = time.monotonic() - self._last_report
        if self.running_task and self.silent_too_long():
            logger.critical(
                "Seit %d s kein Lebenszeichen geschrieben; der Worker beendet sich, bevor ein "
                "anderer seine Aufgabe übernimmt.",
                silent,
            )
            logging.shutdown()
            os._exit(EXIT_FENCED)
