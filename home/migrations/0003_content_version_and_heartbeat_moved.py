"""The content version and the worker's heartbeat now belong to ``operations``; their tables
stay (see ``operations/migrations/0001_initial.py``)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_content_version"),
        ("operations", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ContentVersion"),
                migrations.DeleteModel(name="WorkerHeartbeat"),
            ],
            database_operations=[],
        ),
    ]
