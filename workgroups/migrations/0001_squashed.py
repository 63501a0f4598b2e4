"""The schema as one migration, in place of 10 earlier ones (there was no production database yet).

A database migrated with the earlier ones keeps working: ``replaces`` counts this migration
as applied where they were. Their data steps only converted databases from before the board
had its own app; a new database needs none of them.
"""

import django.db.models.deletion
import modelcluster.fields
import modelsearch.index
import wagtail.contrib.routable_page.models
import wagtail.fields
import workgroups.models.pages
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("workgroups", "0001_initial"),
        ("workgroups", "0002_municipalities"),
        ("workgroups", "0003_cooperation_board"),
        ("workgroups", "0004_board_page"),
        ("workgroups", "0005_entry_matching_and_reminders"),
        ("workgroups", "0006_board_moves_to_its_own_app"),
        ("workgroups", "0007_block_help_texts"),
        ("workgroups", "0008_event_registration_options"),
        ("workgroups", "0009_page_image"),
        ("workgroups", "0010_topics_are_called_themen"),
    ]

    initial = True

    dependencies = [
        ('documents', '0001_squashed'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.CreateModel(
            name='EventPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, help_text='Ein bis drei Sätze, die unter dem Titel stehen und in Übersichten erscheinen.', max_length=600, verbose_name='Einleitung')),
                ('registration_enabled', models.BooleanField(default=False, help_text='Teilnehmende melden sich auf der Veranstaltungsseite an. Den Link zur Online-Teilnahme erhalten dann nur Angemeldete.', verbose_name='Anmeldung auf der Website')),
                ('registration_audience', models.CharField(choices=[('members', 'nur Mitglieder (angemeldet auf der Website)'), ('everyone', 'alle, auch Gäste (mit Bestätigung der E-Mail-Adresse)')], default='members', max_length=20, verbose_name='Wer sich anmelden kann')),
                ('registration_deadline', models.DateTimeField(blank=True, help_text='Leer lassen: Anmeldung bis zum Beginn.', null=True, verbose_name='Anmeldeschluss')),
                ('capacity_in_person', models.PositiveIntegerField(blank=True, help_text='Leer lassen: unbegrenzt. Ist alles belegt, gibt es eine Warteliste.', null=True, verbose_name='Plätze vor Ort')),
                ('capacity_online', models.PositiveIntegerField(blank=True, help_text='Nur bei Online- und Hybridveranstaltungen. Leer lassen: unbegrenzt.', null=True, verbose_name='Plätze online')),
                ('contact_name', models.CharField(blank=True, help_text='Steht auf der Seite und in der Einladung; leer: die Geschäftsstelle.', max_length=200, verbose_name='Ansprechperson')),
                ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='E-Mail der Ansprechperson')),
                ('contact_phone', models.CharField(blank=True, max_length=50, verbose_name='Telefon der Ansprechperson')),
                ('agenda', wagtail.fields.StreamField([('item', 2)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Tagesordnungspunkt', 'max_length': 300}), 1: ('wagtail.blocks.TextBlock', (), {'label': 'Erläuterung', 'required': False}), 2: ('wagtail.blocks.StructBlock', [[('title', 0), ('note', 1)]], {})}, help_text='Optional; erscheint nummeriert auf der Veranstaltungsseite.', verbose_name='Tagesordnung')),
                ('start', models.DateTimeField(help_text='Datum und Uhrzeit (deutsche Zeit). Bei ganztägigen Terminen zählt nur das Datum.', verbose_name='Beginn')),
                ('end', models.DateTimeField(blank=True, help_text='Leer lassen, wenn das Ende offen ist. Mehrtägige Termine: letzter Tag.', null=True, verbose_name='Ende')),
                ('all_day', models.BooleanField(default=False, help_text='Ohne Uhrzeiten anzeigen; im Kalender als ganztägiger Termin.', verbose_name='ganztägig')),
                ('status', models.CharField(choices=[('scheduled', 'findet statt'), ('cancelled', 'abgesagt'), ('postponed', 'verschoben')], default='scheduled', help_text='Abgesagte und verschobene Termine bleiben sichtbar und werden deutlich markiert.', max_length=20, verbose_name='Status')),
                ('previous_start', models.DateTimeField(blank=True, help_text='Nur bei verschobenen Terminen: der alte Termin, der im Hinweis genannt wird.', null=True, verbose_name='Ursprünglicher Beginn')),
                ('attendance_mode', models.CharField(choices=[('in_person', 'vor Ort'), ('online', 'online'), ('hybrid', 'hybrid (vor Ort und online)')], default='in_person', max_length=20, verbose_name='Teilnahme')),
                ('venue_name', models.CharField(blank=True, help_text='Name des Ortes, z. B. „Rathaus Paderborn, Großer Sitzungssaal“.', max_length=200, verbose_name='Veranstaltungsort')),
                ('street', models.CharField(blank=True, max_length=200, verbose_name='Straße und Hausnummer')),
                ('postal_code', models.CharField(blank=True, max_length=10, verbose_name='Postleitzahl')),
                ('city', models.CharField(blank=True, max_length=100, verbose_name='Ort')),
                ('online_url', models.URLField(blank=True, help_text='Nur angemeldete Mitglieder sehen diesen Link. Öffentlich erscheint nur der Hinweis auf die Online-Teilnahme.', verbose_name='Link zur Online-Teilnahme')),
                ('is_free', models.BooleanField(default=True, verbose_name='Teilnahme kostenfrei')),
                ('body', wagtail.fields.StreamField([('paragraph', 0), ('heading', 3), ('image', 7), ('quote', 10), ('document', 13), ('call_to_action', 18)], blank=True, block_lookup={0: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h2', 'h3', 'h4'], 'help_text': 'Fließtext mit Hervorhebungen, Listen und Links zu Seiten oder Dokumenten.', 'icon': 'pilcrow', 'label': 'Text', 'template': 'blocks/paragraph_block.html'}), 1: ('wagtail.blocks.CharBlock', (), {'label': 'Überschrift', 'max_length': 200}), 2: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Ebene 2'), ('h3', 'Ebene 3'), ('h4', 'Ebene 4')], 'label': 'Ebene'}), 3: ('wagtail.blocks.StructBlock', [[('text', 1), ('level', 2)]], {}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Bild'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Bildunterschrift', 'max_length': 300, 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Bildnachweis', 'max_length': 200, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5), ('attribution', 6)]], {}), 8: ('wagtail.blocks.TextBlock', (), {'label': 'Zitat'}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Quelle', 'max_length': 200, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 8), ('attribution', 9)]], {}), 11: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Dokument'}), 12: ('wagtail.blocks.CharBlock', (), {'help_text': 'Leer lassen, um den Titel des Dokuments zu verwenden.', 'label': 'Linktext', 'max_length': 200, 'required': False}), 13: ('wagtail.blocks.StructBlock', [[('document', 11), ('title', 12)]], {}), 14: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'required': False}), 15: ('wagtail.blocks.CharBlock', (), {'label': 'Beschriftung der Schaltfläche', 'max_length': 80}), 16: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Interne Seite', 'required': False}), 17: ('wagtail.blocks.URLBlock', (), {'label': 'Externe Adresse', 'required': False}), 18: ('wagtail.blocks.StructBlock', [[('heading', 1), ('text', 14), ('button_label', 15), ('page', 16), ('external_url', 17)]], {})}, verbose_name='Beschreibung')),
                ('ical_sequence', models.PositiveIntegerField(default=0, editable=False, help_text='Steigt, wenn sich Zeit, Ort oder Status ändern (SEQUENCE im iCalendar).', verbose_name='Kalender-Version')),
                ('image', models.ForeignKey(blank=True, help_text='Erscheint oben auf der Seite und in Link-Vorschauen. Als Alternativtext dient die Beschreibung des Bildes; ohne Beschreibung gilt es als Schmuckbild.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='Bild')),
            ],
            options={
                'verbose_name': 'Veranstaltung',
                'verbose_name_plural': 'Veranstaltungen',
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='Municipality',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=120, unique=True, verbose_name='Name')),
                ('kind', models.CharField(choices=[('stadt', 'Stadt'), ('gemeinde', 'Gemeinde'), ('kreis', 'Kreis')], default='stadt', max_length=20, verbose_name='Art')),
                ('district', models.CharField(choices=[('paderborn', 'Kreis Paderborn'), ('hoexter', 'Kreis Höxter'), ('lippe', 'Kreis Lippe'), ('guetersloh', 'Kreis Gütersloh'), ('soest', 'Kreis Soest'), ('hochsauerland', 'Hochsauerlandkreis')], max_length=20, verbose_name='Kreis')),
                ('member_since', models.DateField(blank=True, help_text='Leer lassen, wenn unbekannt.', null=True, verbose_name='Mitglied seit')),
            ],
            options={
                'verbose_name': 'Mitgliedskommune',
                'verbose_name_plural': 'Mitgliedskommunen',
                'ordering': ['name'],
            },
        ),
        migrations.CreateModel(
            name='Topic',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=120, unique=True, verbose_name='Name')),
                ('slug', models.SlugField(help_text='Erscheint in Filter-Adressen, z. B. „mobiles-arbeiten“.', max_length=120, unique=True, verbose_name='Kurzname für Adressen')),
                ('description', models.TextField(blank=True, verbose_name='Beschreibung')),
            ],
            options={
                'verbose_name': 'Thema',
                'verbose_name_plural': 'Themen',
                'ordering': ['name'],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='EventIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, help_text='Ein bis drei Sätze, die unter dem Titel stehen und in Übersichten erscheinen.', max_length=600, verbose_name='Einleitung')),
                ('image', models.ForeignKey(blank=True, help_text='Erscheint oben auf der Seite und in Link-Vorschauen. Als Alternativtext dient die Beschreibung des Bildes; ohne Beschreibung gilt es als Schmuckbild.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='Bild')),
            ],
            options={
                'verbose_name': 'Terminübersicht',
                'verbose_name_plural': 'Terminübersichten',
            },
            bases=(workgroups.models.pages.EventListingMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='InfoSessionPage',
            fields=[
                ('eventpage_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='workgroups.eventpage')),
                ('questions', wagtail.fields.StreamField([('question', 0)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'help_text': 'Eine Frage je Eintrag, z. B. „Was ist mobile Arbeit?“', 'label': 'Frage', 'max_length': 300})}, verbose_name='Fragen, die die Veranstaltung beantwortet')),
                ('programme', wagtail.fields.StreamField([('item', 3)], blank=True, block_lookup={0: ('wagtail.blocks.TimeBlock', (), {'label': 'Uhrzeit', 'required': False}), 1: ('wagtail.blocks.CharBlock', (), {'label': 'Programmpunkt', 'max_length': 300}), 2: ('wagtail.blocks.CharBlock', (), {'label': 'Mit', 'required': False}), 3: ('wagtail.blocks.StructBlock', [[('time', 0), ('title', 1), ('speaker', 2)]], {'help_text': 'Uhrzeit, Programmpunkt und wer ihn gestaltet.', 'icon': 'time', 'label': 'Programmpunkt'})}, help_text='Der Ablauf; ein Programm als PDF kann zusätzlich unter Unterlagen stehen.', verbose_name='Programm')),
            ],
            options={
                'verbose_name': 'Informationsveranstaltung',
                'verbose_name_plural': 'Informationsveranstaltungen',
            },
            bases=('workgroups.eventpage',),
        ),
        migrations.CreateModel(
            name='MeetingPage',
            fields=[
                ('eventpage_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='workgroups.eventpage')),
                ('meeting_kind', models.CharField(choices=[('meeting', 'Arbeitskreistreffen'), ('workshop_meeting', 'Werkstatt-Treffen')], default='meeting', max_length=30, verbose_name='Art des Treffens')),
                ('outcomes', wagtail.fields.RichTextField(blank=True, help_text='Was das Treffen ergeben hat; erscheint hervorgehoben auf der Seite.', verbose_name='Ergebnisse')),
            ],
            options={
                'verbose_name': 'Arbeitskreistreffen',
                'verbose_name_plural': 'Arbeitskreistreffen',
            },
            bases=('workgroups.eventpage',),
        ),
        migrations.CreateModel(
            name='WorkshopPage',
            fields=[
                ('eventpage_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='workgroups.eventpage')),
                ('moderation', models.CharField(blank=True, help_text='Wer moderiert, z. B. ein Planungsbüro oder die Geschäftsstelle.', max_length=300, verbose_name='Moderation')),
            ],
            options={
                'verbose_name': 'Fachwerkstatt',
                'verbose_name_plural': 'Fachwerkstätten',
            },
            bases=('workgroups.eventpage',),
        ),
        migrations.CreateModel(
            name='EventMaterial',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('title', models.CharField(blank=True, help_text='Leer lassen, um den Titel des Dokuments zu verwenden.', max_length=200, verbose_name='Linktext')),
                ('document', models.ForeignKey(help_text='Die Art (Programm, Präsentation, Protokoll) wird am Dokument festgelegt.', on_delete=django.db.models.deletion.CASCADE, related_name='+', to='documents.customdocument', verbose_name='Dokument')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='materials', to='workgroups.eventpage')),
            ],
            options={
                'verbose_name': 'Unterlage',
                'verbose_name_plural': 'Unterlagen',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.CreateModel(
            name='EventSpeaker',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('name', models.CharField(max_length=200, verbose_name='Name')),
                ('role', models.CharField(blank=True, help_text='z. B. „Bürgermeister“.', max_length=200, verbose_name='Funktion')),
                ('organisation', models.CharField(blank=True, help_text='z. B. „Stadt Paderborn“.', max_length=200, verbose_name='Organisation')),
                ('topic', models.CharField(blank=True, max_length=300, verbose_name='Thema des Beitrags')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='speakers', to='workgroups.eventpage')),
                ('presentation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='documents.customdocument', verbose_name='Präsentation')),
            ],
            options={
                'verbose_name': 'Referentin oder Referent',
                'verbose_name_plural': 'Referentinnen und Referenten',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
        migrations.AddField(
            model_name='eventpage',
            name='topics',
            field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='events', to='workgroups.topic', verbose_name='Themen'),
        ),
        migrations.CreateModel(
            name='WorkingGroupPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, help_text='Ein bis drei Sätze, die unter dem Titel stehen und in Übersichten erscheinen.', max_length=600, verbose_name='Einleitung')),
                ('tagline', models.CharField(blank=True, help_text='Steht über dem Titel, z. B. „Verwaltungskooperation | Zusammenarbeit“.', max_length=200, verbose_name='Unterzeile')),
                ('body', wagtail.fields.StreamField([('paragraph', 0), ('heading', 3), ('image', 7), ('quote', 10), ('document', 13), ('call_to_action', 18)], blank=True, block_lookup={0: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h2', 'h3', 'h4'], 'help_text': 'Fließtext mit Hervorhebungen, Listen und Links zu Seiten oder Dokumenten.', 'icon': 'pilcrow', 'label': 'Text', 'template': 'blocks/paragraph_block.html'}), 1: ('wagtail.blocks.CharBlock', (), {'label': 'Überschrift', 'max_length': 200}), 2: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Ebene 2'), ('h3', 'Ebene 3'), ('h4', 'Ebene 4')], 'label': 'Ebene'}), 3: ('wagtail.blocks.StructBlock', [[('text', 1), ('level', 2)]], {}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Bild'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Bildunterschrift', 'max_length': 300, 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Bildnachweis', 'max_length': 200, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5), ('attribution', 6)]], {}), 8: ('wagtail.blocks.TextBlock', (), {'label': 'Zitat'}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Quelle', 'max_length': 200, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 8), ('attribution', 9)]], {}), 11: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Dokument'}), 12: ('wagtail.blocks.CharBlock', (), {'help_text': 'Leer lassen, um den Titel des Dokuments zu verwenden.', 'label': 'Linktext', 'max_length': 200, 'required': False}), 13: ('wagtail.blocks.StructBlock', [[('document', 11), ('title', 12)]], {}), 14: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'required': False}), 15: ('wagtail.blocks.CharBlock', (), {'label': 'Beschriftung der Schaltfläche', 'max_length': 80}), 16: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Interne Seite', 'required': False}), 17: ('wagtail.blocks.URLBlock', (), {'label': 'Externe Adresse', 'required': False}), 18: ('wagtail.blocks.StructBlock', [[('heading', 1), ('text', 14), ('button_label', 15), ('page', 16), ('external_url', 17)]], {})}, verbose_name='Inhalt')),
                ('contact_name', models.CharField(blank=True, max_length=200, verbose_name='Ansprechperson')),
                ('contact_role', models.CharField(blank=True, max_length=200, verbose_name='Funktion')),
                ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='E-Mail')),
                ('contact_phone', models.CharField(blank=True, max_length=40, verbose_name='Telefon')),
                ('image', models.ForeignKey(blank=True, help_text='Erscheint oben auf der Seite und in Link-Vorschauen. Als Alternativtext dient die Beschreibung des Bildes; ohne Beschreibung gilt es als Schmuckbild.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='Bild')),
                ('topics', modelcluster.fields.ParentalManyToManyField(blank=True, related_name='working_groups', to='workgroups.topic', verbose_name='Themen')),
            ],
            options={
                'verbose_name': 'Arbeitskreis',
                'verbose_name_plural': 'Arbeitskreise',
            },
            bases=(workgroups.models.pages.EventListingMixin, 'wagtailcore.page', models.Model),
        ),
        migrations.AddIndex(
            model_name='eventpage',
            index=models.Index(fields=['start'], name='workgroups__start_3ff0f4_idx'),
        ),
    ]
