"""``manage.py db_worker``: django-tasks-db's worker command, running :class:`ResilientWorker`.

Same options as the original; only the worker differs (reconnects, heartbeat, requeues
orphaned tasks; see ``operations/worker.py``). ``home`` comes before ``django_tasks_db`` in
``INSTALLED_APPS``, so this command takes the name.
"""

import os

from django.core.management import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader

from django_tasks_db.management.commands import db_worker

from operations.worker import ResilientWorker


class Command(db_worker.Command):
    help = "Führt Hintergrundaufgaben aus; übersteht Neustarts der Datenbank."

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        **options,
    ):
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ResilientWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded_queue_names,
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
