"""The content version and the worker's heartbeat come over from ``home``, tables and rows
unchanged (moves of the model state only).

Two things name the old place and are brought along: the content types (so permissions and
admin history stay attached) and the queued mails, whose task rows name the task by its path.
A row still saying ``home.mail.deliver_mail`` would neither be delivered nor be found by the
retention that deletes delivered mails' envelopes.
"""

from django.db import migrations, models

MODELS = ("contentversion", "workerheartbeat")
OLD_TASK_PATH = "home.mail.deliver_mail"
NEW_TASK_PATH = "operations.mail.deliver_mail"


def bring_along(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="operations", model__in=MODELS).delete()
    ContentType.objects.filter(app_label="home", model__in=MODELS).update(app_label="operations")
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    DBTaskResult.objects.filter(task_path=OLD_TASK_PATH).update(task_path=NEW_TASK_PATH)


def take_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="operations", model__in=MODELS).update(app_label="home")
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    DBTaskResult.objects.filter(task_path=NEW_TASK_PATH).update(task_path=OLD_TASK_PATH)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("home", "0002_content_version"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ContentVersion",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("version", models.BigIntegerField(verbose_name="Fassung")),
                        ("changed_at", models.DateTimeField(verbose_name="Geändert")),
                        (
                            "frontend_version",
                            models.BigIntegerField(
                                null=True, verbose_name="Im Frontend-Cache geleert für"
                            ),
                        ),
                        (
                            "frontend_purged_at",
                            models.DateTimeField(
                                null=True, verbose_name="Frontend-Cache zuletzt geleert"
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Fassung der Inhalte",
                        "verbose_name_plural": "Fassung der Inhalte",
                        "db_table": "home_contentversion",
                    },
                ),
                migrations.CreateModel(
                    name="WorkerHeartbeat",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "worker_id",
                            models.CharField(max_length=64, unique=True, verbose_name="Worker"),
                        ),
                        ("hostname", models.CharField(max_length=255, verbose_name="Rechner")),
                        ("pid", models.PositiveIntegerField(verbose_name="Prozess")),
                        (
                            "last_seen",
                            models.DateTimeField(db_index=True, verbose_name="Zuletzt gemeldet"),
                        ),
                    ],
                    options={
                        "verbose_name": "Lebenszeichen des Hintergrunddienstes",
                        "verbose_name_plural": "Lebenszeichen des Hintergrunddienstes",
                        "db_table": "home_workerheartbeat",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(bring_along, take_back),
    ]
