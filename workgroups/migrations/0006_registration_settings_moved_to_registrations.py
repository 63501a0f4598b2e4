"""The registration settings left the event page for ``registrations.RegistrationSettings``;
``registrations/migrations/0004`` copied them (and their values in every revision) first."""

from django.db import migrations

MOVED_FIELDS = (
    "registration_enabled",
    "registration_audience",
    "others_may_be_registered",
    "registration_deadline",
    "capacity_in_person",
    "capacity_online",
)


class Migration(migrations.Migration):
    dependencies = [
        ("workgroups", "0005_terms_moved_to_taxonomy"),
        ("registrations", "0004_event_registration_settings"),
    ]

    operations = [
        migrations.RemoveField(model_name="eventpage", name=field) for field in MOVED_FIELDS
    ]
