"""A real mail server for tests, and the site's mail queue as production runs it.

``MailServer.down(settings)`` switches the site to what production uses: every mail queued
(operations/mail.py) as a task in the database (django-tasks-db), delivered by SMTP. The server's
port is closed at first, a mail server that is down; ``start()`` brings an SMTP server
(aiosmtpd) up on it, which keeps every message as a mail program would receive it.
``run_queue()`` works through the due tasks as ``manage.py db_worker`` does, and
``pauses_pass()`` makes the queued retries due without waiting for them.
"""

import contextlib
import email
import email.policy

from django.utils import timezone

from aiosmtpd.controller import Controller
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from tests.network import free_port


class MailServer:
    def __init__(self, port):
        self.port = port
        self.received = []
        #: Addresses the server refuses for good (``550``), as for a mailbox that does not exist.
        self.unknown_addresses = set()
        self._controller = None

    @classmethod
    @contextlib.contextmanager
    def down(cls, settings):
        server = cls(free_port())
        settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
        settings.EMAIL_BACKEND = "operations.mail.QueuedEmailBackend"
        settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_TIMEOUT = 10
        try:
            yield server
        finally:
            server.stop()

    def start(self):
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self):
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.unknown_addresses:
            return "550 5.1.1 Mailbox unbekannt"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.received.append(
            (
                list(envelope.rcpt_tos),
                email.message_from_bytes(envelope.original_content, policy=email.policy.default),
            )
        )
        return "250 Message accepted for delivery"

    def messages_to(self, address):
        return [message for recipients, message in self.received if address in recipients]

    def subjects_to(self, address):
        return [str(message["Subject"]).strip() for message in self.messages_to(address)]


def run_queue():
    """The worker's loop (django-tasks-db's, which ``manage.py db_worker`` runs in
    operations/worker.py), until no task is due; without the worker's heartbeat threads."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


def waiting_mails():
    """Mail tasks in the queue that have not run yet (due now or later)."""
    return DBTaskResult.objects.filter(
        task_path="operations.mail.deliver_mail", status=TaskResultStatus.READY
    )


def pauses_pass():
    """Every retry the queue holds becomes due now, as if its pause were over."""
    return waiting_mails().update(run_after=timezone.now())
