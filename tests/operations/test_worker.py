"""The background worker outlives a database outage and the death of a worker, reports itself,
loses no task and runs none twice."""

import datetime as dt
import time

from django.db import OperationalError
from django.utils import timezone

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from documents import tasks as document_tasks
from documents.pdf_processing import Interrupted
from operations.models import WorkerHeartbeat
from operations.worker import (
    EXIT_FENCED,
    FENCE_AFTER,
    HEARTBEAT_SECONDS,
    MAX_CLAIMS,
    STALE_AFTER,
    ResilientWorker,
    write_heartbeat,
)
from tests.factories.documents import pdf_document

# The worker commits and reconnects like the real process, so the test cannot run inside a
# transaction that is rolled back; it starts from the database as the migrations left it.
pytestmark = pytest.mark.usefixtures("migrated_database")


@pytest.fixture
def queued_tasks(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The heartbeat and fence threads are left out; tests call their steps (beat, fence) directly.
    monkeypatch.setattr(ResilientWorker, "_start_background_threads", lambda worker: None)
    sleeps = []
    monkeypatch.setattr("operations.worker.time.sleep", sleeps.append)
    return sleeps


def _worker(worker_id="w-test"):
    return ResilientWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )


def test_worker_waits_out_a_database_outage_and_then_does_the_work(queued_tasks, monkeypatch):
    document = pdf_document("Protokoll", text="Ergebnisse")
    assert document.page_count is None  # the metadata task waits in the queue
    outages = iter([OperationalError("server closed the connection unexpectedly")] * 2)

    def database_restarting():
        error = next(outages, None)
        if error:
            raise error

    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections",
        database_restarting,
    )

    _worker().run()

    document.refresh_from_db()
    assert document.page_count == 1
    assert queued_tasks == [1, 1]  # waited after each failed attempt, then worked
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()
    assert WorkerHeartbeat.objects.get(worker_id="w-test").last_seen > timezone.now() - (
        dt.timedelta(minutes=1)
    )


def test_tasks_of_a_vanished_worker_run_again_those_of_a_living_one_stay(queued_tasks):
    orphaned, running_elsewhere = pdf_document("A"), pdf_document("B")
    tasks = DBTaskResult.objects.filter(task_path__endswith=".extract_document_metadata")
    tasks = tasks.order_by("enqueued_at")
    assert tasks.count() == 2
    now = timezone.now()
    WorkerHeartbeat.objects.create(
        worker_id="gone", hostname="app1", pid=1, last_seen=now - dt.timedelta(hours=1)
    )
    WorkerHeartbeat.objects.create(worker_id="alive", hostname="app2", pid=2, last_seen=now)
    for task, worker_id in zip(tasks, ["gone", "alive"], strict=True):
        task.claim(worker_id)

    _worker().run()

    orphaned.refresh_from_db()
    running_elsewhere.refresh_from_db()
    assert orphaned.page_count == 1
    assert running_elsewhere.page_count is None
    assert tasks.last().status == TaskResultStatus.RUNNING


def _heartbeat(worker_id, seconds_ago):
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": "app1",
            "pid": 1,
            "last_seen": timezone.now() - dt.timedelta(seconds=seconds_ago),
        },
    )


def _metadata_tasks():
    return DBTaskResult.objects.filter(task_path__endswith=".extract_document_metadata").order_by(
        "enqueued_at"
    )


def test_a_killed_workers_task_is_taken_up_while_the_restarted_worker_runs(queued_tasks):
    """kill -9, and systemd starts a new worker seconds later: the dead one's heartbeat is still
    fresh then, so its task stays; the new worker's heartbeat finds it once that has gone stale."""
    document = pdf_document("Protokoll")
    _metadata_tasks().get().claim("killed")
    _heartbeat("killed", seconds_ago=3)
    restarted = _worker("restarted")

    restarted.run()

    assert _metadata_tasks().get().status == TaskResultStatus.RUNNING

    _heartbeat("killed", seconds_ago=STALE_AFTER.total_seconds() + 1)
    restarted.beat()
    restarted.run()

    document.refresh_from_db()
    assert document.page_count == 1
    assert _metadata_tasks().get().status == TaskResultStatus.SUCCESSFUL


def test_a_task_running_on_a_living_worker_is_never_taken_from_it(queued_tasks):
    """A long task elsewhere, and the worker's own running task, stay with their workers."""
    elsewhere, own = pdf_document("A"), pdf_document("B")
    long_running, running_here = _metadata_tasks()
    long_running.claim("alive")
    DBTaskResult.objects.filter(pk=long_running.pk).update(
        started_at=timezone.now() - dt.timedelta(hours=2)
    )
    _heartbeat("alive", seconds_ago=4)
    worker = _worker("w-test")
    running_here.claim(worker.worker_id)

    worker.beat()

    assert set(_metadata_tasks().values_list("status", flat=True)) == {TaskResultStatus.RUNNING}
    elsewhere.refresh_from_db()
    own.refresh_from_db()
    assert (elsewhere.page_count, own.page_count) == (None, None)


def test_a_worker_that_cannot_report_ends_itself_before_its_task_is_taken(
    queued_tasks, monkeypatch
):
    exits = []
    monkeypatch.setattr("operations.worker.os._exit", exits.append)

    def database_gone(worker_id):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr("operations.worker.write_heartbeat", database_gone)
    worker = _worker()
    worker._last_report = time.monotonic() - FENCE_AFTER.total_seconds() - 1
    worker.beat()

    worker.stop_if_silent_too_long()
    assert exits == []  # idle: nothing anyone could take up twice

    worker.running_task = True
    worker.stop_if_silent_too_long()
    assert exits == [EXIT_FENCED]
    assert FENCE_AFTER < STALE_AFTER


def test_a_task_that_keeps_killing_its_worker_is_given_up(queued_tasks):
    document = pdf_document("Giftig")
    task = _metadata_tasks().get()
    for number in range(MAX_CLAIMS):
        task.claim(f"died-{number}")

    _worker().run()

    task.refresh_from_db()
    document.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED
    assert task.exception_class_path == "operations.worker.WorkerLost"
    assert document.page_count is None


def test_heartbeats_of_long_ended_workers_are_forgotten(queued_tasks):
    _heartbeat("ended-yesterday", seconds_ago=25 * 60 * 60)
    _heartbeat("ended-an-hour-ago", seconds_ago=60 * 60)

    _worker().beat()

    assert set(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == {
        "ended-an-hour-ago",
        "w-test",
    }


def test_an_unexpected_error_does_not_end_the_heartbeat(queued_tasks, monkeypatch):
    """Only database errors were caught before: anything else ended the heartbeat thread
    silently, and the worker went on taking tasks while others took it for gone."""
    failures = iter([ValueError("unerwartet")])

    def fails_once(worker_id):
        error = next(failures, None)
        if error:
            raise error
        write_heartbeat(worker_id)

    monkeypatch.setattr("operations.worker.write_heartbeat", fails_once)
    worker = _worker()
    beats = []

    def sleep(seconds):
        beats.append(seconds)
        worker.running = len(beats) < 2

    monkeypatch.setattr("operations.worker.time.sleep", sleep)

    worker._beat()

    assert beats == [HEARTBEAT_SECONDS, HEARTBEAT_SECONDS]  # it went on after the error
    assert WorkerHeartbeat.objects.filter(worker_id="w-test").exists()


def test_a_worker_silent_too_long_starts_no_task(queued_tasks):
    """Others may take it for gone any moment; the task goes back for them, not counted as
    an attempt."""
    document = pdf_document("Protokoll")
    task = _metadata_tasks().get()
    worker = _worker()
    task.claim(worker.worker_id)
    worker._last_report = time.monotonic() - FENCE_AFTER.total_seconds() - 1

    worker.run_task(task)

    task.refresh_from_db()
    document.refresh_from_db()
    assert (task.status, task.worker_ids) == (TaskResultStatus.READY, [])
    assert document.page_count is None


def test_a_pdf_reading_stopped_from_outside_is_queued_again(queued_tasks, monkeypatch):
    """The worker being stopped stops the PDF's child process too: the task goes back into the
    queue and runs in full later, instead of ending with the document marked unreadable."""
    document = pdf_document("Protokoll", text="Ergebnisse")
    interruptions = iter([Interrupted("Kindprozess von außen beendet: SIGTERM")])
    real_read = document_tasks.read_pdf_isolated

    def interrupted_once(data):
        error = next(interruptions, None)
        if error:
            raise error
        return real_read(data)

    monkeypatch.setattr(document_tasks, "read_pdf_isolated", interrupted_once)

    _worker().run()

    document.refresh_from_db()
    task = _metadata_tasks().get()
    assert (document.page_count, document.processing_note) == (1, "")
    assert "Ergebnisse" in document.extracted_text
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert task.worker_ids == ["w-test", "w-test"]


def test_a_task_interrupted_again_and_again_is_given_up(queued_tasks, monkeypatch):
    pdf_document("Protokoll")

    def always_interrupted(data):
        raise Interrupted("Kindprozess von außen beendet: SIGTERM")

    monkeypatch.setattr(document_tasks, "read_pdf_isolated", always_interrupted)

    _worker().run()

    task = _metadata_tasks().get()
    assert task.status == TaskResultStatus.FAILED
    assert task.exception_class_path == "operations.worker.TaskInterrupted"
    assert len(task.worker_ids) == MAX_CLAIMS
