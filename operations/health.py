"""What ``/healthz/`` reports: database, cache, task backlog and the worker's heartbeat.

"degraded" (still 200) names what an operator should look at while the site still serves:
no cache, no living worker, tasks waiting too long, or stuck tasks (running far longer than
any task should, or running on a worker that stopped reporting). 503 only without database.
"""

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.utils import timezone
from django.utils.crypto import get_random_string

from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from .models import WorkerHeartbeat
from .worker import STALE_AFTER, is_orphaned, living_worker_ids

# A task waiting longer than this means the worker does not keep up (or does not run).
BACKLOG_WARNING_SECONDS = 10 * 60
# No task runs this long (PDF work stops after a minute, mail gives up on a dead server); one
# that does hangs.
RUNNING_WARNING_SECONDS = 10 * 60


def health_report():
    database = _database()
    cache_state = _cache()
    report = {"status": "ok", "database": database, "cache": cache_state}
    if database != "ok":
        report["status"] = "error"
        return report
    report.update(_tasks())
    worries = (
        cache_state != "ok",
        report["worker"]["status"] not in {"ok", "not_needed"},
        report["tasks"].get("oldest_waiting_seconds", 0) > BACKLOG_WARNING_SECONDS,
        report["tasks"].get("stuck", 0) > 0,
    )
    if any(worries):
        report["status"] = "degraded"
    return report


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return "unavailable"
    return "ok"


def _cache():
    """A round trip through the cache; the resilient Redis cache answers "missing" when down."""
    key = "healthz-probe"
    value = get_random_string(12)
    cache.set(key, value, 10)
    return "ok" if cache.get(key) == value else "unavailable"


def _tasks():
    if not isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        # Development and tests run tasks at once; there is no queue and no worker.
        return {"tasks": {"waiting": 0}, "worker": {"status": "not_needed"}}
    now = timezone.now()
    waiting = DBTaskResult.objects.ready()
    oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    tasks = {"waiting": waiting.count()}
    if oldest:
        tasks["oldest_waiting_seconds"] = int((now - oldest).total_seconds())
    tasks.update(_running_tasks(now))
    heartbeat = WorkerHeartbeat.objects.order_by("-last_seen").first()
    if heartbeat is None:
        worker = {"status": "never_seen"}
    else:
        worker = {
            "status": "ok" if now - heartbeat.last_seen <= STALE_AFTER else "stale",
            "last_heartbeat": heartbeat.last_seen.isoformat(),
            "seconds_since_heartbeat": int((now - heartbeat.last_seen).total_seconds()),
        }
    return {"tasks": tasks, "worker": worker}


def _running_tasks(now):
    """How many tasks run, and how many of them are stuck: too long, or with a silent worker.

    The workers put orphaned tasks back within a minute; one that stays means no worker runs.
    """
    alive = living_worker_ids(now)
    running = DBTaskResult.objects.running().values_list("started_at", "worker_ids")
    stuck = sum(
        1
        for started_at, worker_ids in running
        if is_orphaned(worker_ids, alive)
        or (now - started_at).total_seconds() > RUNNING_WARNING_SECONDS
    )
    return {"running": len(running), "stuck": stuck}
