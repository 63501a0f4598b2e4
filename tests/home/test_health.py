"""`/healthz/` tells the operator what works: database, cache, task backlog, worker."""

import datetime as dt

from django.db import DatabaseError, OperationalError
from django.test import Client
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from documents.tasks import extract_document_metadata
from home.models import HomePage, WorkerHeartbeat

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

    monkeypatch.setattr("home.health.connection.cursor", broken_cursor)

    response = client.get("/healthz/")

    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["database"] == "unavailable"


def test_cache_outage_is_degraded_not_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "home.cache.ResilientRedisCache",
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


def test_pages_answer_503_with_retry_after_while_the_database_is_away(home_page, monkeypatch):
    def database_restarting(*args, **kwargs):
        raise OperationalError("terminating connection due to administrator command")

    monkeypatch.setattr(HomePage, "serve", database_restarting)
    response = Client(raise_request_exception=False).get("/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Kurze Wartung" in response.content.decode()


def test_other_faults_stay_a_500(home_page, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("Programmfehler")

    monkeypatch.setattr(HomePage, "serve", broken)
    response = Client(raise_request_exception=False).get("/")

    assert response.status_code == 500
    assert "Technischer Fehler" in response.content.decode()
