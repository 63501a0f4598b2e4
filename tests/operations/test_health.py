"""`/healthz/` tells the operator what works: database, cache, task backlog, worker."""

import datetime as dt

from django.db import DatabaseError, OperationalError
from django.test import Client
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from documents.tasks import extract_document_metadata
from home.models import HomePage
from operations.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db

QUEUED_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_all_well_in_development(client):
    response = client.get("/healthz/")

    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "tasks": {"waiting": 0},
        "worker": {"status": "not_needed"},
    }


def test_answers_503_only_when_the_database_fails(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise DatabaseError("connection refused")

    monkeypatch.setattr("operations.health.connection.cursor", broken_cursor)

    response = client.get("/healthz/")

    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["database"] == "unavailable"


def test_cache_outage_is_degraded_not_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "operations.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }

    response = client.get("/healthz/")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["cache"] == "unavailable"


def test_worker_that_never_reported_and_waiting_tasks(client, settings):
    settings.TASKS = QUEUED_TASKS
    extract_document_metadata.enqueue(1)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - dt.timedelta(minutes=30))

    report = client.get("/healthz/").json()

    assert report["status"] == "degraded"
    assert report["tasks"]["waiting"] == 1
    assert report["tasks"]["oldest_waiting_seconds"] >= 30 * 60
    assert report["worker"] == {"status": "never_seen"}


@pytest.mark.parametrize(
    ("seconds_ago", "worker_status", "status"), [(5, "ok", "ok"), (600, "stale", "degraded")]
)
def test_worker_heartbeat(client, settings, seconds_ago, worker_status, status):
    settings.TASKS = QUEUED_TASKS
    WorkerHeartbeat.objects.create(
        worker_id="w1",
        hostname="app1",
        pid=42,
        last_seen=timezone.now() - dt.timedelta(seconds=seconds_ago),
    )

    report = client.get("/healthz/").json()

    assert report["status"] == status
    assert report["worker"]["status"] == worker_status
    assert report["worker"]["seconds_since_heartbeat"] >= seconds_ago


def _running_task(worker_id, minutes_ago):
    extract_document_metadata.enqueue(1)
    task = DBTaskResult.objects.get(status="READY")
    task.claim(worker_id)
    DBTaskResult.objects.filter(pk=task.pk).update(
        started_at=timezone.now() - dt.timedelta(minutes=minutes_ago)
    )


@pytest.mark.parametrize(
    ("worker_id", "minutes_ago", "stuck", "status"),
    [
        ("alive", 1, 0, "ok"),
        ("alive", 11, 1, "degraded"),  # running far longer than any task should
        ("killed", 1, 1, "degraded"),  # its worker stopped reporting
    ],
)
def test_stuck_tasks(client, settings, worker_id, minutes_ago, stuck, status):
    settings.TASKS = QUEUED_TASKS
    for name, seconds_ago in (("alive", 2), ("killed", 90)):
        WorkerHeartbeat.objects.create(
            worker_id=name,
            hostname="app1",
            pid=1,
            last_seen=timezone.now() - dt.timedelta(seconds=seconds_ago),
        )
    _running_task(worker_id, minutes_ago)

    response = client.get("/healthz/")

    assert response.status_code == 200
    report = response.json()
    assert report["status"] == status
    assert report["tasks"] == {"waiting": 0, "running": 1, "stuck": stuck}
    assert report["worker"]["status"] == "ok"


@pytest.mark.parametrize(
    ("error", "status", "text"),
    [
        (
            OperationalError("terminating connection due to administrator command"),
            503,
            "Kurze Wartung",
        ),
        (RuntimeError("Programmfehler"), 500, "Technischer Fehler"),
    ],
)
def test_database_outages_answer_503_other_faults_500(home_page, monkeypatch, error, status, text):
    def failing(*args, **kwargs):
        raise error

    monkeypatch.setattr(HomePage, "serve", failing)
    response = Client(raise_request_exception=False).get("/")

    assert response.status_code == status
    assert text in response.content.decode()
    assert ("Retry-After" in response) == (status == 503)
