"""The schema as one migration, in place of 4 earlier ones (there was no production database yet).

A database migrated with the earlier ones keeps working: ``replaces`` counts this migration
as applied where they were. Their data steps only converted databases from before the board
had its own app; a new database needs none of them.
"""

import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("home", "0001_initial"),
        ("home", "0002_worker_heartbeat"),
        ("home", "0003_block_help_texts"),
        ("home", "0004_page_image"),
    ]

    initial = True

    dependencies = [
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='WorkerHeartbeat',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('worker_id', models.CharField(max_length=64, unique=True, verbose_name='Worker')),
                ('hostname', models.CharField(max_length=255, verbose_name='Rechner')),
                ('pid', models.PositiveIntegerField(verbose_name='Prozess')),
                ('last_seen', models.DateTimeField(db_index=True, verbose_name='Zuletzt gemeldet')),
            ],
            options={
                'verbose_name': 'Lebenszeichen des Hintergrunddienstes',
                'verbose_name_plural': 'Lebenszeichen des Hintergrunddienstes',
            },
        ),
        migrations.CreateModel(
            name='HomePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, help_text='Ein bis drei Sätze, die unter dem Titel stehen und in Übersichten erscheinen.', max_length=600, verbose_name='Einleitung')),
                ('tagline', models.CharField(blank=True, help_text='Kurzer Satz über dem Titel, z. B. „Stadt-Umland-Verbund e. V.“.', max_length=200, verbose_name='Unterzeile')),
                ('working_fields_heading', models.CharField(default='Unsere Aktionsfelder', max_length=120, verbose_name='Überschrift der Aktionsfelder')),
                ('working_fields', wagtail.fields.StreamField([('working_field', 3)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Titel', 'max_length': 120}), 1: ('wagtail.blocks.TextBlock', (), {'label': 'Kurzbeschreibung', 'required': False}), 2: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Seite des Aktionsfelds', 'required': False}), 3: ('wagtail.blocks.StructBlock', [[('title', 0), ('description', 1), ('page', 2)]], {})}, help_text='Die Aktionsfelder des Vereins als Karten auf der Startseite.', verbose_name='Aktionsfelder')),
                ('body', wagtail.fields.StreamField([('paragraph', 0), ('heading', 3), ('image', 7), ('quote', 10), ('document', 13), ('call_to_action', 18)], blank=True, block_lookup={0: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h2', 'h3', 'h4'], 'help_text': 'Fließtext mit Hervorhebungen, Listen und Links zu Seiten oder Dokumenten.', 'icon': 'pilcrow', 'label': 'Text', 'template': 'blocks/paragraph_block.html'}), 1: ('wagtail.blocks.CharBlock', (), {'label': 'Überschrift', 'max_length': 200}), 2: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Ebene 2'), ('h3', 'Ebene 3'), ('h4', 'Ebene 4')], 'label': 'Ebene'}), 3: ('wagtail.blocks.StructBlock', [[('text', 1), ('level', 2)]], {}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Bild'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Bildunterschrift', 'max_length': 300, 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Bildnachweis', 'max_length': 200, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5), ('attribution', 6)]], {}), 8: ('wagtail.blocks.TextBlock', (), {'label': 'Zitat'}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Quelle', 'max_length': 200, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 8), ('attribution', 9)]], {}), 11: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Dokument'}), 12: ('wagtail.blocks.CharBlock', (), {'help_text': 'Leer lassen, um den Titel des Dokuments zu verwenden.', 'label': 'Linktext', 'max_length': 200, 'required': False}), 13: ('wagtail.blocks.StructBlock', [[('document', 11), ('title', 12)]], {}), 14: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'required': False}), 15: ('wagtail.blocks.CharBlock', (), {'label': 'Beschriftung der Schaltfläche', 'max_length': 80}), 16: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Interne Seite', 'required': False}), 17: ('wagtail.blocks.URLBlock', (), {'label': 'Externe Adresse', 'required': False}), 18: ('wagtail.blocks.StructBlock', [[('heading', 1), ('text', 14), ('button_label', 15), ('page', 16), ('external_url', 17)]], {})}, verbose_name='Inhalt')),
                ('image', models.ForeignKey(blank=True, help_text='Erscheint oben auf der Seite und in Link-Vorschauen. Als Alternativtext dient die Beschreibung des Bildes; ohne Beschreibung gilt es als Schmuckbild.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='Bild')),
            ],
            options={
                'verbose_name': 'Startseite',
                'verbose_name_plural': 'Startseiten',
            },
            bases=('wagtailcore.page', models.Model),
        ),
        migrations.CreateModel(
            name='SiteSettings',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('organisation_name', models.CharField(blank=True, max_length=200, verbose_name='Name der Organisation')),
                ('street', models.CharField(blank=True, max_length=200, verbose_name='Straße und Hausnummer')),
                ('postal_code', models.CharField(blank=True, max_length=10, verbose_name='Postleitzahl')),
                ('city', models.CharField(blank=True, max_length=100, verbose_name='Ort')),
                ('phone', models.CharField(blank=True, help_text='So, wie die Nummer angezeigt werden soll, z. B. „+49 5251.88-12597“.', max_length=40, verbose_name='Telefon')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='E-Mail')),
                ('accessibility_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='Erklärung zur Barrierefreiheit')),
                ('imprint_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='Impressum')),
                ('privacy_page', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='Datenschutzerklärung')),
                ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
            ],
            options={
                'verbose_name': 'Website-Einstellungen',
            },
        ),
        migrations.CreateModel(
            name='StandardPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, help_text='Ein bis drei Sätze, die unter dem Titel stehen und in Übersichten erscheinen.', max_length=600, verbose_name='Einleitung')),
                ('body', wagtail.fields.StreamField([('paragraph', 0), ('heading', 3), ('image', 7), ('quote', 10), ('document', 13), ('call_to_action', 18)], blank=True, block_lookup={0: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul', 'h2', 'h3', 'h4'], 'help_text': 'Fließtext mit Hervorhebungen, Listen und Links zu Seiten oder Dokumenten.', 'icon': 'pilcrow', 'label': 'Text', 'template': 'blocks/paragraph_block.html'}), 1: ('wagtail.blocks.CharBlock', (), {'label': 'Überschrift', 'max_length': 200}), 2: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Ebene 2'), ('h3', 'Ebene 3'), ('h4', 'Ebene 4')], 'label': 'Ebene'}), 3: ('wagtail.blocks.StructBlock', [[('text', 1), ('level', 2)]], {}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Bild'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Bildunterschrift', 'max_length': 300, 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Bildnachweis', 'max_length': 200, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5), ('attribution', 6)]], {}), 8: ('wagtail.blocks.TextBlock', (), {'label': 'Zitat'}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Quelle', 'max_length': 200, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('quote', 8), ('attribution', 9)]], {}), 11: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Dokument'}), 12: ('wagtail.blocks.CharBlock', (), {'help_text': 'Leer lassen, um den Titel des Dokuments zu verwenden.', 'label': 'Linktext', 'max_length': 200, 'required': False}), 13: ('wagtail.blocks.StructBlock', [[('document', 11), ('title', 12)]], {}), 14: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'required': False}), 15: ('wagtail.blocks.CharBlock', (), {'label': 'Beschriftung der Schaltfläche', 'max_length': 80}), 16: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Interne Seite', 'required': False}), 17: ('wagtail.blocks.URLBlock', (), {'label': 'Externe Adresse', 'required': False}), 18: ('wagtail.blocks.StructBlock', [[('heading', 1), ('text', 14), ('button_label', 15), ('page', 16), ('external_url', 17)]], {})}, verbose_name='Inhalt')),
                ('image', models.ForeignKey(blank=True, help_text='Erscheint oben auf der Seite und in Link-Vorschauen. Als Alternativtext dient die Beschreibung des Bildes; ohne Beschreibung gilt es als Schmuckbild.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='Bild')),
            ],
            options={
                'verbose_name': 'Inhaltsseite',
                'verbose_name_plural': 'Inhaltsseiten',
            },
            bases=('wagtailcore.page', models.Model),
        ),
    ]
