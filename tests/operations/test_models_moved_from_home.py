"""The content version and the worker's heartbeat moved from ``home`` to ``operations``: a site
that updates keeps its rows, its content types, and every mail still waiting in the queue."""

from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest
from django_tasks_db.models import DBTaskResult

from operations.content_version import current_version, start_new_version
from tests.mailserver import MailServer, run_queue

pytestmark = pytest.mark.usefixtures("migrated_database")

BEFORE_THE_MOVE = [("operations", None)]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def test_an_updated_site_keeps_its_version_content_types_and_queued_mails(settings):
    start_new_version()
    version = current_version(fresh=True)
    content_type = ContentType.objects.get_for_model(DBTaskResult)  # any row, to compare ids
    heartbeat_type = ContentType.objects.get(app_label="operations", model="workerheartbeat")
    with MailServer.down(settings) as mail_server:
        send_mail("Bestätigt", "Text", None, ["gerda@example.org"])  # the server is down
        _migrate(BEFORE_THE_MOVE)
        waiting = DBTaskResult.objects.get()
        assert waiting.task_path == "home.mail.deliver_mail"  # as the previous release wrote it
        assert ContentType.objects.get(pk=heartbeat_type.pk).app_label == "home"

        _migrate(_latest())

        assert current_version(fresh=True) == version
        assert ContentType.objects.get(pk=heartbeat_type.pk).app_label == "operations"
        assert not ContentType.objects.filter(app_label="home", model="workerheartbeat").exists()
        assert ContentType.objects.get_for_model(DBTaskResult) == content_type
        mail_server.start()
        run_queue()
        assert mail_server.subjects_to("gerda@example.org") == ["Bestätigt"]
