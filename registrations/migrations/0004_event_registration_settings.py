"""An event's registration settings become a part of the event owned by this app.

Every event gets its row with the values it had, and every revision of an event page carries
them as that part (``registration_settings``) instead of the six fields: a draft keeps its
unpublished capacity, and publishing or reverting to an old revision restores the settings it
was saved with. The fields leave the event page in ``workgroups/migrations/0006`` afterwards.
"""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models

#: Field on the event page → field of the settings.
MOVED = {
    "registration_enabled": "enabled",
    "registration_audience": "audience",
    "others_may_be_registered": "others_may_be_registered",
    "registration_deadline": "deadline",
    "capacity_in_person": "capacity_in_person",
    "capacity_online": "capacity_online",
}
#: What a revision saved before a field existed means by its absence (the fields' defaults).
ABSENT = {
    "registration_enabled": False,
    "registration_audience": "members",
    "others_may_be_registered": False,
    "registration_deadline": None,
    "capacity_in_person": None,
    "capacity_online": None,
}
RELATION = "registration_settings"


def _event_revisions(apps):
    """Revisions of event pages (of every event type: they share the event page's table)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    event_types = ContentType.objects.filter(
        app_label="workgroups", model__in=["meetingpage", "workshoppage", "infosessionpage"]
    )
    return Revision.objects.filter(content_type__in=event_types)


def copy_settings_out_of_events(apps, schema_editor):
    EventPage = apps.get_model("workgroups", "EventPage")
    RegistrationSettings = apps.get_model("registrations", "RegistrationSettings")
    settings_of = {}
    for event in EventPage.objects.order_by("pk").iterator():
        values = {new: getattr(event, old) for old, new in MOVED.items()}
        settings_of[event.pk] = RegistrationSettings.objects.create(event_id=event.pk, **values)
    for revision in _event_revisions(apps).iterator():
        content = revision.content
        event_id = int(revision.object_id)
        stored = settings_of.get(event_id)
        part = {"pk": stored.pk if stored else None, "event": event_id}
        part.update({new: content.pop(old, ABSENT[old]) for old, new in MOVED.items()})
        content[RELATION] = [part]
        revision.save(update_fields=["content"])


def copy_settings_back_into_events(apps, schema_editor):
    EventPage = apps.get_model("workgroups", "EventPage")
    RegistrationSettings = apps.get_model("registrations", "RegistrationSettings")
    for settings in RegistrationSettings.objects.iterator():
        values = {old: getattr(settings, new) for old, new in MOVED.items()}
        EventPage.objects.filter(pk=settings.event_id).update(**values)
    for revision in _event_revisions(apps).iterator():
        content = revision.content
        parts = content.pop(RELATION, None) or [{}]
        content.update({old: parts[0].get(new, ABSENT[old]) for old, new in MOVED.items()})
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("registrations", "0003_cancelled_reads_abgesagt"),
        ("workgroups", "0005_terms_moved_to_taxonomy"),
        ("wagtailcore", "0072_alter_revision_content_type_notnull"),
    ]

    operations = [
        migrations.CreateModel(
            name="RegistrationSettings",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "enabled",
                    models.BooleanField(
                        default=True,
                        help_text="Teilnehmende melden sich auf der Veranstaltungsseite an. Den Link zur Online-Teilnahme erhalten dann nur Angemeldete.",
                        verbose_name="Anmeldung auf der Website",
                    ),
                ),
                (
                    "audience",
                    models.CharField(
                        choices=[
                            ("members", "nur Mitglieder (eingeloggt auf der Website)"),
                            ("everyone", "alle, auch Gäste (mit Bestätigung der E-Mail-Adresse)"),
                        ],
                        default="members",
                        max_length=20,
                        verbose_name="Wer sich anmelden kann",
                    ),
                ),
                (
                    "others_may_be_registered",
                    models.BooleanField(
                        default=False,
                        help_text="Eingeloggte Mitglieder können zusätzlich Kolleginnen und Kollegen anmelden. Jede so angemeldete Person bekommt eine E-Mail und zählt erst, wenn sie ihre Adresse bestätigt hat.",
                        verbose_name="Mitglieder dürfen weitere Personen anmelden",
                    ),
                ),
                (
                    "deadline",
                    models.DateTimeField(
                        blank=True,
                        help_text="Leer lassen: Anmeldung bis zum Beginn.",
                        null=True,
                        verbose_name="Anmeldeschluss",
                    ),
                ),
                (
                    "capacity_in_person",
                    models.PositiveIntegerField(
                        blank=True,
                        help_text="Leer lassen: unbegrenzt. Ist alles belegt, gibt es eine Warteliste.",
                        null=True,
                        verbose_name="Plätze vor Ort",
                    ),
                ),
                (
                    "capacity_online",
                    models.PositiveIntegerField(
                        blank=True,
                        help_text="Nur bei Online- und Hybridveranstaltungen. Leer lassen: unbegrenzt.",
                        null=True,
                        verbose_name="Plätze online",
                    ),
                ),
                (
                    "event",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="registration_settings",
                        to="workgroups.eventpage",
                    ),
                ),
            ],
            options={
                "verbose_name": "Anmeldung",
                "verbose_name_plural": "Anmeldungen",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("event",), name="one_registration_settings_per_event"
                    )
                ],
            },
        ),
        migrations.RunPython(copy_settings_out_of_events, copy_settings_back_into_events),
    ]
