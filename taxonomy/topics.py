"""Topics (Themen) shared by events and the cooperation exchange board."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Topic(index.Indexed, models.Model):
    """A field of inter-municipal cooperation, e.g. "Mobiles Arbeiten" or "Digitalisierung / OZG".

    A snippet rather than a tag, so editors keep one curated list the filters can rely on.
    """

    name = models.CharField(_("Name"), max_length=120, unique=True)
    slug = models.SlugField(
        _("Kurzname für Adressen"),
        max_length=120,
        unique=True,
        help_text=_("Erscheint in Filter-Adressen, z. B. „mobiles-arbeiten“."),
    )
    description = models.TextField(_("Beschreibung"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        # The table keeps the name from before the model moved here out of ``workgroups``:
        # instances still running the previous release read it during an update.
        db_table = "workgroups_topic"
        ordering = ["name"]
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")

    def __str__(self):
        return self.name
