import secrets

from django.db import migrations, models
from django.utils import timezone


def create_the_one_row(apps, schema_editor):
    """The row every request reads; pages kept before this release are not filed under it."""
    apps.get_model("home", "ContentVersion").objects.get_or_create(
        pk=1, defaults={"version": secrets.randbits(62), "changed_at": timezone.now()}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_squashed"),
    ]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("version", models.BigIntegerField(verbose_name="Fassung")),
                ("changed_at", models.DateTimeField(verbose_name="Geändert")),
                (
                    "frontend_version",
                    models.BigIntegerField(null=True, verbose_name="Im Frontend-Cache geleert für"),
                ),
                (
                    "frontend_purged_at",
                    models.DateTimeField(null=True, verbose_name="Frontend-Cache zuletzt geleert"),
                ),
            ],
            options={
                "verbose_name": "Fassung der Inhalte",
                "verbose_name_plural": "Fassung der Inhalte",
            },
        ),
        migrations.RunPython(create_the_one_row, migrations.RunPython.noop),
    ]
