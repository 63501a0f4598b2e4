"""Topics and municipalities moved to ``taxonomy``; events and working groups point there. The
tables stay as they are (``taxonomy/migrations/0001_initial.py``)."""

import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("workgroups", "0004_members_audience_reads_eingeloggt"),
        ("taxonomy", "0001_initial"),
        ("board", "0002_terms_from_taxonomy"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="eventpage",
                    name="topics",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        related_name="events",
                        to="taxonomy.topic",
                        verbose_name="Themen",
                    ),
                ),
                migrations.AlterField(
                    model_name="workinggrouppage",
                    name="topics",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        related_name="working_groups",
                        to="taxonomy.topic",
                        verbose_name="Themen",
                    ),
                ),
                migrations.DeleteModel(name="Municipality"),
                migrations.DeleteModel(name="Topic"),
            ],
            database_operations=[],
        ),
    ]
