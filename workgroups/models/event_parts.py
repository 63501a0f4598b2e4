"""What belongs to an event page: its materials and its speakers (inline in the editor)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from documents.visibility import DocumentChooserWithVisibility

from .events import EventPage


class EventMaterial(Orderable):
    """A document that belongs to an event: programme, presentation, protocol or other."""

    page = ParentalKey(EventPage, related_name="materials", on_delete=models.CASCADE)
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("Dokument"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Die Art (Programm, Präsentation, Protokoll) wird am Dokument festgelegt."),
    )
    title = models.CharField(
        _("Linktext"),
        max_length=200,
        blank=True,
        help_text=_("Leer lassen, um den Titel des Dokuments zu verwenden."),
    )

    panels = [FieldPanel("document", widget=DocumentChooserWithVisibility), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("Unterlage")
        verbose_name_plural = _("Unterlagen")

    @property
    def link_text(self):
        return self.title or self.document.title


class EventSpeaker(Orderable):
    """A person who presents at a workshop, with the presentation they gave."""

    page = ParentalKey(EventPage, related_name="speakers", on_delete=models.CASCADE)
    name = models.CharField(_("Name"), max_length=200)
    role = models.CharField(
        _("Funktion"), max_length=200, blank=True, help_text=_("z. B. „Bürgermeister“.")
    )
    organisation = models.CharField(
        _("Organisation"), max_length=200, blank=True, help_text=_("z. B. „Stadt Paderborn“.")
    )
    topic = models.CharField(_("Thema des Beitrags"), max_length=300, blank=True)
    presentation = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("Präsentation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("role")]),
        FieldPanel("organisation"),
        FieldPanel("topic"),
        FieldPanel("presentation", widget=DocumentChooserWithVisibility),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Referentin oder Referent")
        verbose_name_plural = _("Referentinnen und Referenten")

    def __str__(self):
        return self.name
