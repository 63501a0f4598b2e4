"""An event's agenda: its items in order, numbered by their place.

Each item is a block of its own (title, explanation), so it can grow into a structured agenda
item with materials and minutes without the editors retyping their agendas.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField


class AgendaItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tagesordnungspunkt"), max_length=300)
    note = blocks.TextBlock(label=_("Erläuterung"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Tagesordnungspunkt")
        help_text = _("Ein Punkt der Tagesordnung; die Nummer ergibt sich aus der Reihenfolge.")


class EventAgenda(models.Model):
    """The agenda of an event (abstract)."""

    agenda = StreamField(
        [("item", AgendaItemBlock())],
        verbose_name=_("Tagesordnung"),
        blank=True,
        help_text=_("Optional; erscheint nummeriert auf der Veranstaltungsseite."),
    )

    agenda_panels = [FieldPanel("agenda")]

    class Meta:
        abstract = True
