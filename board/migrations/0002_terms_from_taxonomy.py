"""An entry's municipality and topics are ``taxonomy``'s now; the tables stay as they are
(``taxonomy/migrations/0001_initial.py``)."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("board", "0001_squashed"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="cooperationentry",
                    name="municipality",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="cooperation_entries",
                        to="taxonomy.municipality",
                        verbose_name="Kommune",
                    ),
                ),
                migrations.AlterField(
                    model_name="cooperationentry",
                    name="topics",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        related_name="entries",
                        to="taxonomy.topic",
                        verbose_name="Themen",
                    ),
                ),
            ],
            database_operations=[],
        ),
    ]
