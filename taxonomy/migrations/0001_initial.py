"""Topics and member municipalities come over from ``workgroups``, tables and rows unchanged
(moves of the model state only).

Their tables keep their names, so instances still running the previous release read them
during an update. The content types come along, and with them the editors' permissions, the
admin history and the search index entries of the topics.
"""

import modelsearch.index
from django.db import migrations, models

MODELS = ("topic", "municipality")


def bring_along(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="taxonomy", model__in=MODELS).delete()
    ContentType.objects.filter(app_label="workgroups", model__in=MODELS).update(
        app_label="taxonomy"
    )


def take_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="taxonomy", model__in=MODELS).update(
        app_label="workgroups"
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("workgroups", "0004_members_audience_reads_eingeloggt"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Municipality",
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
                            "name",
                            models.CharField(max_length=120, unique=True, verbose_name="Name"),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("stadt", "Stadt"),
                                    ("gemeinde", "Gemeinde"),
                                    ("kreis", "Kreis"),
                                ],
                                default="stadt",
                                max_length=20,
                                verbose_name="Art",
                            ),
                        ),
                        (
                            "district",
                            models.CharField(
                                choices=[
                                    ("paderborn", "Kreis Paderborn"),
                                    ("hoexter", "Kreis Höxter"),
                                    ("lippe", "Kreis Lippe"),
                                    ("guetersloh", "Kreis Gütersloh"),
                                    ("soest", "Kreis Soest"),
                                    ("hochsauerland", "Hochsauerlandkreis"),
                                ],
                                max_length=20,
                                verbose_name="Kreis",
                            ),
                        ),
                        (
                            "member_since",
                            models.DateField(
                                blank=True,
                                help_text="Leer lassen, wenn unbekannt.",
                                null=True,
                                verbose_name="Mitglied seit",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Mitgliedskommune",
                        "verbose_name_plural": "Mitgliedskommunen",
                        "ordering": ["name"],
                        "db_table": "workgroups_municipality",
                    },
                ),
                migrations.CreateModel(
                    name="Topic",
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
                            "name",
                            models.CharField(max_length=120, unique=True, verbose_name="Name"),
                        ),
                        (
                            "slug",
                            models.SlugField(
                                help_text="Erscheint in Filter-Adressen, z. B. „mobiles-arbeiten“.",
                                max_length=120,
                                unique=True,
                                verbose_name="Kurzname für Adressen",
                            ),
                        ),
                        ("description", models.TextField(blank=True, verbose_name="Beschreibung")),
                    ],
                    options={
                        "verbose_name": "Thema",
                        "verbose_name_plural": "Themen",
                        "ordering": ["name"],
                        "db_table": "workgroups_topic",
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(bring_along, take_back),
    ]
