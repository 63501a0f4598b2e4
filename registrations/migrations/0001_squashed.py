"""The schema as one migration, in place of 1 earlier one (there was no production database yet).

A database migrated with the earlier ones keeps working: ``replaces`` counts this migration
as applied where they were. Their data steps only converted databases from before the board
had its own app; a new database needs none of them.
"""

import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("registrations", "0001_initial"),
    ]

    initial = True

    dependencies = [
        ('workgroups', '0001_squashed'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Registration',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200, verbose_name='Name')),
                ('email', models.EmailField(max_length=254, verbose_name='E-Mail-Adresse')),
                ('organisation', models.CharField(blank=True, max_length=200, verbose_name='Kommune oder Organisation')),
                ('attendance', models.CharField(choices=[('in_person', 'vor Ort'), ('online', 'online')], default='in_person', max_length=20, verbose_name='Teilnahme')),
                ('status', models.CharField(choices=[('unconfirmed', 'E-Mail-Adresse noch nicht bestätigt'), ('confirmed', 'angemeldet'), ('waiting', 'auf der Warteliste'), ('cancelled', 'abgemeldet')], db_index=True, max_length=20, verbose_name='Stand')),
                ('checked_in', models.BooleanField(default=False, verbose_name='anwesend')),
                ('key', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('sequence_sent', models.PositiveIntegerField(default=0, editable=False)),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='angemeldet am')),
                ('confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='Platz bestätigt am')),
                ('cancelled_at', models.DateTimeField(blank=True, null=True, verbose_name='abgemeldet am')),
                ('event', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='registrations', to='workgroups.eventpage', verbose_name='Veranstaltung')),
                ('user', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='event_registrations', to=settings.AUTH_USER_MODEL, verbose_name='Benutzerkonto')),
            ],
            options={
                'verbose_name': 'Anmeldung',
                'verbose_name_plural': 'Anmeldungen',
                'ordering': ['created_at', 'pk'],
                'indexes': [models.Index(fields=['event', 'status', 'attendance'], name='registratio_event_i_cd73ca_idx')],
                'constraints': [models.UniqueConstraint(condition=models.Q(('status__in', ('unconfirmed', 'confirmed', 'waiting'))), fields=('event', 'email'), name='one_active_registration_per_email')],
            },
        ),
    ]
