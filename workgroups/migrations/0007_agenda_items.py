"""An event's agenda becomes rows of its own: one ``AgendaItem`` per item, in order.

Every event's items keep their title and explanation; every revision of an event page carries
them as that part (``agenda_items``) instead of the ``agenda`` stream, keeping the rows' ids by
position, so publishing a draft updates the items it was saved with. Backwards the rows become
the stream again (presenters, materials and results, which the stream never had, are lost).
"""

import json

import django.db.models.deletion
import modelcluster.fields
import wagtail.fields
from django.db import migrations, models

RELATION = "agenda_items"


def _event_revisions(apps):
    """Revisions of event pages (of every event type: they share the event page's table)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    event_types = ContentType.objects.filter(
        app_label="workgroups", model__in=["meetingpage", "workshoppage", "infosessionpage"]
    )
    return Revision.objects.filter(content_type__in=event_types)


def _stream_items(stream):
    """``[(title, note), …]`` of an agenda stream: a JSON string (revisions), a list or a
    stream value (the live page)."""
    if stream is None:
        return []
    if isinstance(stream, str):
        stream = json.loads(stream or "[]")
    raw = getattr(stream, "raw_data", stream)
    return [
        (block["value"].get("title", ""), block["value"].get("note") or "")
        for block in raw
        if block.get("type") == "item"
    ]


def agenda_into_items(apps, schema_editor):
    EventPage = apps.get_model("workgroups", "EventPage")
    AgendaItem = apps.get_model("workgroups", "AgendaItem")
    item_ids = {}
    for event in EventPage.objects.order_by("pk").iterator():
        item_ids[event.pk] = [
            AgendaItem.objects.create(page_id=event.pk, sort_order=order, title=title, note=note).pk
            for order, (title, note) in enumerate(_stream_items(event.agenda))
        ]
    for revision in _event_revisions(apps).iterator():
        content = revision.content
        event_id = int(revision.object_id)
        ids = item_ids.get(event_id, [])
        content[RELATION] = [
            {
                "pk": ids[order] if order < len(ids) else None,
                "page": event_id,
                "sort_order": order,
                "title": title,
                "note": note,
                "presenter": "",
                "municipality": None,
                "materials": "[]",
                "result": "",
            }
            for order, (title, note) in enumerate(_stream_items(content.pop("agenda", None)))
        ]
        revision.save(update_fields=["content"])


def _as_stream(items):
    return [
        {"type": "item", "value": {"title": title, "note": note}, "id": None}
        for title, note in items
    ]


def items_into_agenda(apps, schema_editor):
    EventPage = apps.get_model("workgroups", "EventPage")
    AgendaItem = apps.get_model("workgroups", "AgendaItem")
    for event in EventPage.objects.order_by("pk").iterator():
        items = AgendaItem.objects.filter(page_id=event.pk).order_by("sort_order", "pk")
        stream = json.dumps(_as_stream(items.values_list("title", "note")))
        EventPage.objects.filter(pk=event.pk).update(agenda=stream)
    for revision in _event_revisions(apps).iterator():
        content = revision.content
        parts = sorted(content.pop(RELATION, None) or [], key=lambda p: p.get("sort_order") or 0)
        content["agenda"] = json.dumps(
            _as_stream((part.get("title", ""), part.get("note", "")) for part in parts)
        )
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("taxonomy", "0001_initial"),
        ("workgroups", "0006_registration_settings_moved_to_registrations"),
        ("wagtailcore", "0072_alter_revision_content_type_notnull"),
    ]

    operations = [
        migrations.AddField(
            model_name="eventpage",
            name="minutes_audience",
            field=models.CharField(
                choices=[
                    ("members", "nur Mitglieder (eingeloggt)"),
                    ("everyone", "alle Besucherinnen und Besucher"),
                ],
                default="members",
                help_text="Die Ergebnisse der Tagesordnungspunkte; Besucherinnen und Besucher sehen sonst nur, dass es sie gibt.",
                max_length=20,
                verbose_name="Wer die Ergebnisse lesen kann",
            ),
        ),
        migrations.CreateModel(
            name="AgendaItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("title", models.CharField(max_length=300, verbose_name="Titel")),
                (
                    "note",
                    models.TextField(
                        blank=True,
                        help_text="Kurz, worum es geht; erscheint unter dem Titel.",
                        verbose_name="Erläuterung",
                    ),
                ),
                (
                    "presenter",
                    models.CharField(
                        blank=True,
                        help_text="Wer den Punkt einbringt, z. B. „Herr Meier“ oder „Geschäftsstelle“.",
                        max_length=200,
                        verbose_name="Berichterstattung",
                    ),
                ),
                (
                    "materials",
                    wagtail.fields.StreamField(
                        [("material", 2)],
                        blank=True,
                        block_lookup={
                            0: (
                                "workgroups.models.agenda.MaterialChooserBlock",
                                (),
                                {
                                    "help_text": "Die Art und wer es öffnen darf, werden am Dokument festgelegt.",
                                    "label": "Dokument",
                                },
                            ),
                            1: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "Leer lassen, um den Titel des Dokuments zu verwenden.",
                                    "label": "Linktext",
                                    "max_length": 200,
                                    "required": False,
                                },
                            ),
                            2: (
                                "wagtail.blocks.StructBlock",
                                [[("document", 0), ("title", 1)]],
                                {},
                            ),
                        },
                        verbose_name="Unterlagen zu diesem Punkt",
                    ),
                ),
                (
                    "result",
                    wagtail.fields.RichTextField(
                        blank=True,
                        help_text="Was besprochen und beschlossen wurde (Protokoll zu diesem Punkt).",
                        verbose_name="Ergebnis",
                    ),
                ),
                (
                    "municipality",
                    models.ForeignKey(
                        blank=True,
                        help_text="Die Kommune, die den Punkt einbringt, falls eine.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="taxonomy.municipality",
                        verbose_name="Mitgliedskommune",
                    ),
                ),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="agenda_items",
                        to="workgroups.eventpage",
                    ),
                ),
            ],
            options={
                "verbose_name": "Tagesordnungspunkt",
                "verbose_name_plural": "Tagesordnungspunkte",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.RunPython(agenda_into_items, items_into_agenda),
        migrations.RemoveField(
            model_name="eventpage",
            name="agenda",
        ),
    ]
