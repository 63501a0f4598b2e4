"""The schema as one migration, in place of 4 earlier ones (there was no production database yet).

A database migrated with the earlier ones keeps working: ``replaces`` counts this migration
as applied where they were. Their data steps only converted databases from before the board
had its own app; a new database needs none of them.
"""

import django.db.models.deletion
import modelsearch.index
import taggit.managers
import wagtail.models.media
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("documents", "0001_initial"),
        ("documents", "0002_document_metadata"),
        ("documents", "0003_members_area_page"),
        ("documents", "0004_page_image"),
    ]

    initial = True

    dependencies = [
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='CustomDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=255, verbose_name='title')),
                ('file', models.FileField(upload_to='documents', verbose_name='file')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('file_size', models.PositiveBigIntegerField(editable=False, null=True)),
                ('file_hash', models.CharField(blank=True, editable=False, max_length=40)),
                ('kind', models.CharField(choices=[('programme', 'Programm'), ('presentation', 'Präsentation'), ('protocol', 'Protokoll'), ('other', 'Sonstiges')], default='other', help_text='Wofür die Datei steht, z. B. Programm oder Protokoll einer Veranstaltung.', max_length=20, verbose_name='Art')),
                ('page_count', models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name='Seitenzahl')),
                ('extracted_text', models.TextField(blank=True, editable=False, verbose_name='Enthaltener Text')),
                ('thumbnail', models.FileField(blank=True, editable=False, upload_to='documents/thumbnails', verbose_name='Vorschaubild')),
                ('collection', models.ForeignKey(default=wagtail.models.media.get_root_collection_id, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailcore.collection', verbose_name='collection')),
                ('tags', taggit.managers.TaggableManager(blank=True, help_text=None, through='taggit.TaggedItem', to='taggit.Tag', verbose_name='tags')),
                ('uploaded_by_user', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL, verbose_name='uploaded by user')),
            ],
            options={
                'verbose_name': 'Dokument',
                'verbose_name_plural': 'Dokumente',
                'abstract': False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name='MembersAreaPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, help_text='Ein bis drei Sätze, die unter dem Titel stehen und in Übersichten erscheinen.', max_length=600, verbose_name='Einleitung')),
                ('image', models.ForeignKey(blank=True, help_text='Erscheint oben auf der Seite und in Link-Vorschauen. Als Alternativtext dient die Beschreibung des Bildes; ohne Beschreibung gilt es als Schmuckbild.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='Bild')),
            ],
            options={
                'verbose_name': 'Mitgliederbereich',
                'verbose_name_plural': 'Mitgliederbereiche',
            },
            bases=('wagtailcore.page', models.Model),
        ),
    ]
