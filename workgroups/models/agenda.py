"""An event's agenda: its items ("Tagesordnungspunkte") in order, each with who brings it in,
the materials that belong to it and what came of it.

Items are rows of their own (a ``ParentalKey`` part of the event), so they keep their identity
across edits: the open interface names them by it, materials hang on them, and a draft's agenda
is saved in the page's revisions and published with the page. Their number is their place.

The results ("Ergebnis") are the minutes per item. Whether visitors read them or only members
is chosen once per event (``minutes_audience``); the page asks ``minutes_visible_to``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable

from documents.visibility import DocumentChooserWithVisibility
from home.members import is_member

MINUTES_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class MinutesAudience(models.TextChoices):
    MEMBERS = "members", _("nur Mitglieder (eingeloggt)")
    EVERYONE = "everyone", _("alle Besucherinnen und Besucher")


class MaterialChooserBlock(DocumentChooserBlock):
    """The document chooser of an item's materials names each document's visibility."""

    @property
    def widget(self):
        return DocumentChooserWithVisibility()


class AgendaMaterialBlock(blocks.StructBlock):
    document = MaterialChooserBlock(
        label=_("Dokument"),
        help_text=_("Die Art und wer es öffnen darf, werden am Dokument festgelegt."),
    )
    title = blocks.CharBlock(
        label=_("Linktext"),
        max_length=200,
        required=False,
        help_text=_("Leer lassen, um den Titel des Dokuments zu verwenden."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Unterlage")
        help_text = _(
            "Ein Dokument, das zu diesem Punkt gehört, z. B. eine Vorlage oder eine Präsentation."
        )


class EventAgenda(models.Model):
    """Who reads the results of an event's agenda items (abstract; the items are rows)."""

    minutes_audience = models.CharField(
        _("Wer die Ergebnisse lesen kann"),
        max_length=20,
        choices=MinutesAudience.choices,
        default=MinutesAudience.MEMBERS,
        help_text=_(
            "Die Ergebnisse der Tagesordnungspunkte; Besucherinnen und Besucher sehen sonst "
            "nur, dass es sie gibt."
        ),
    )

    agenda_panels = [
        MultiFieldPanel(
            [
                InlinePanel(
                    "agenda_items",
                    label=_("Tagesordnungspunkt"),
                    help_text=_("Die Nummer ergibt sich aus der Reihenfolge."),
                ),
                FieldPanel("minutes_audience"),
            ],
            heading=_("Tagesordnung"),
        )
    ]

    class Meta:
        abstract = True

    def minutes_visible_to(self, request):
        """Whether this viewer reads the items' results (members always)."""
        return self.minutes_audience == MinutesAudience.EVERYONE or is_member(request.user)


class AgendaItem(Orderable):
    """One item of an event's agenda: title, short text, who presents it, its materials and
    its result."""

    page = ParentalKey(
        "workgroups.EventPage", related_name="agenda_items", on_delete=models.CASCADE
    )
    title = models.CharField(_("Titel"), max_length=300)
    note = models.TextField(
        _("Erläuterung"), blank=True, help_text=_("Kurz, worum es geht; erscheint unter dem Titel.")
    )
    presenter = models.CharField(
        _("Berichterstattung"),
        max_length=200,
        blank=True,
        help_text=_("Wer den Punkt einbringt, z. B. „Herr Meier“ oder „Geschäftsstelle“."),
    )
    municipality = models.ForeignKey(
        "taxonomy.Municipality",
        verbose_name=_("Mitgliedskommune"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Die Kommune, die den Punkt einbringt, falls eine."),
    )
    materials = StreamField(
        [("material", AgendaMaterialBlock())],
        verbose_name=_("Unterlagen zu diesem Punkt"),
        blank=True,
    )
    result = RichTextField(
        _("Ergebnis"),
        blank=True,
        features=MINUTES_FEATURES,
        help_text=_("Was besprochen und beschlossen wurde (Protokoll zu diesem Punkt)."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("note"),
        FieldRowPanel([FieldPanel("presenter"), FieldPanel("municipality")]),
        FieldPanel("materials"),
        FieldPanel("result"),
    ]

    class Meta(Orderable.Meta):
        # Rows saved outside the editor may have no place yet: then the order they were added.
        ordering = ["sort_order", "pk"]
        verbose_name = _("Tagesordnungspunkt")
        verbose_name_plural = _("Tagesordnungspunkte")

    def __str__(self):
        return self.title

    @property
    def presented_by(self):
        """ "Herr Meier (Stadt Paderborn)", "Stadt Paderborn" or ""."""
        municipality = self.municipality.name if self.municipality_id else ""
        if self.presenter and municipality:
            return f"{self.presenter} ({municipality})"
        return self.presenter or municipality

    def material_document_ids(self):
        """The ids of the documents chosen as materials, from the stored data (no query)."""
        return [
            block["value"].get("document")
            for block in self.materials.raw_data
            if block.get("value", {}).get("document")
        ]
