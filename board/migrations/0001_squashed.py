"""The schema as one migration, in place of 3 earlier ones (there was no production database yet).

A database migrated with the earlier ones keeps working: ``replaces`` counts this migration
as applied where they were. Their data steps only converted databases from before the board
had its own app; a new database needs none of them.
"""

import django.db.models.deletion
import modelcluster.fields
import modelsearch.index
import wagtail.contrib.routable_page.models
import wagtail.models.preview
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("board", "0001_initial"),
        ("board", "0002_page_image"),
        ("board", "0003_topics_are_called_themen"),
    ]

    initial = True

    dependencies = [
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
        ('workgroups', '0001_squashed'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='BoardPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, help_text='Ein bis drei Sätze, die unter dem Titel stehen und in Übersichten erscheinen.', max_length=600, verbose_name='Einleitung')),
                ('image', models.ForeignKey(blank=True, help_text='Erscheint oben auf der Seite und in Link-Vorschauen. Als Alternativtext dient die Beschreibung des Bildes; ohne Beschreibung gilt es als Schmuckbild.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='Bild')),
            ],
            options={
                'verbose_name': 'Kooperationsbörse',
                'verbose_name_plural': 'Kooperationsbörsen',
                'db_table': 'workgroups_boardpage',
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='CooperationEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('live', models.BooleanField(default=True, editable=False, verbose_name='live')),
                ('has_unpublished_changes', models.BooleanField(default=False, editable=False, verbose_name='has unpublished changes')),
                ('first_published_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='first published at')),
                ('last_published_at', models.DateTimeField(editable=False, null=True, verbose_name='last published at')),
                ('go_live_at', models.DateTimeField(blank=True, null=True, verbose_name='go live date/time')),
                ('expire_at', models.DateTimeField(blank=True, null=True, verbose_name='expiry date/time')),
                ('expired', models.BooleanField(default=False, editable=False, verbose_name='expired')),
                ('locked', models.BooleanField(default=False, editable=False, verbose_name='locked')),
                ('locked_at', models.DateTimeField(editable=False, null=True, verbose_name='locked at')),
                ('kind', models.CharField(choices=[('offer', 'Angebot'), ('request', 'Nachfrage')], max_length=10, verbose_name='Art')),
                ('title', models.CharField(max_length=150, verbose_name='Titel')),
                ('slug', models.SlugField(blank=True, help_text='Wird aus dem Titel gebildet, wenn leer.', max_length=160, unique=True, verbose_name='Kurzname für die Adresse')),
                ('description', models.TextField(max_length=4000, verbose_name='Beschreibung')),
                ('legal_form', models.CharField(blank=True, choices=[('public_agreement', 'öffentlich-rechtliche Vereinbarung'), ('zweckverband', 'Zweckverband'), ('contract', 'Vertrag'), ('private', 'privatrechtliche Lösung')], max_length=20, verbose_name='Rechtsform')),
                ('phase', models.CharField(blank=True, choices=[('idea', 'Idee'), ('initiation', 'Anbahnung'), ('implementation', 'Umsetzung'), ('operation', 'Betrieb')], max_length=20, verbose_name='Phase')),
                ('contact_name', models.CharField(max_length=150, verbose_name='Ansprechperson')),
                ('contact_email', models.EmailField(max_length=254, verbose_name='E-Mail')),
                ('contact_phone', models.CharField(blank=True, max_length=40, verbose_name='Telefon')),
                ('valid_until', models.DateField(help_text='Danach verschwindet der Eintrag von selbst von der Börse.', verbose_name='Gültig bis')),
                ('status', models.CharField(choices=[('open', 'offen'), ('in_talks', 'in Gesprächen'), ('matched', 'vermittelt'), ('closed', 'abgeschlossen')], default='open', max_length=20, verbose_name='Status')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='Angelegt am')),
                ('expiry_reminder_sent_for', models.DateField(blank=True, editable=False, null=True, verbose_name='Erinnerung an den Ablauf gesendet für')),
                ('match_terms', models.TextField(blank=True, editable=False, verbose_name='Stichwörter für den Abgleich')),
                ('latest_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision')),
                ('live_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='live revision')),
                ('locked_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='locked_%(class)ss', to=settings.AUTH_USER_MODEL, verbose_name='locked by')),
                ('municipality', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='cooperation_entries', to='workgroups.municipality', verbose_name='Kommune')),
                ('submitted_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='cooperation_entries', to=settings.AUTH_USER_MODEL, verbose_name='Eingereicht von')),
                ('topics', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='entries', to='workgroups.topic', verbose_name='Themen')),
            ],
            options={
                'verbose_name': 'Eintrag der Kooperationsbörse',
                'verbose_name_plural': 'Einträge der Kooperationsbörse',
                'db_table': 'workgroups_cooperationentry',
                'ordering': ['-created_at', '-pk'],
            },
            bases=(wagtail.models.preview.PreviewableMixin, modelsearch.index.Indexed, models.Model),
        ),
    ]
