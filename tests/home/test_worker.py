"""The background worker outlives a database outage, reports itself and loses no task."""

import datetime as dt

from django.db import OperationalError
from django.utils import timezone

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from home.models import WorkerHeartbeat
from home.worker import ResilientWorker
from tests.factories.documents import pdf_document

# The worker commits and reconnects like the real process, so the test cannot run inside a
# transaction that is rolled back; it starts from the database as the migrations left it.
pytestmark = pytest.mark.usefixtures("migrated_database")


@pytest.fixture
def queued_tasks(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The heartbeat thread is a second connection; the test checks the beat of the main loop.
    monkeypatch.setattr(ResilientWorker, "_start_heartbeat", lambda worker: None)
    sleeps = []
    monkeypatch.setattr("home.worker.time.sleep", sleeps.append)
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
