"""The register of member municipalities (reference data for the exchange board)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MunicipalityKind(models.TextChoices):
    CITY = "stadt", _("Stadt")
    MUNICIPALITY = "gemeinde", _("Gemeinde")
    DISTRICT = "kreis", _("Kreis")


class District(models.TextChoices):
    """The six districts (Kreise) the association's members come from."""

    PADERBORN = "paderborn", _("Kreis Paderborn")
    HOEXTER = "hoexter", _("Kreis Höxter")
    LIPPE = "lippe", _("Kreis Lippe")
    GUETERSLOH = "guetersloh", _("Kreis Gütersloh")
    SOEST = "soest", _("Kreis Soest")
    HOCHSAUERLAND = "hochsauerland", _("Hochsauerlandkreis")


#: Districts that share a border; the board's matching calls them "Nachbarkreis".
NEIGHBOURING_DISTRICTS = {
    District.PADERBORN: {
        District.HOEXTER,
        District.LIPPE,
        District.GUETERSLOH,
        District.SOEST,
        District.HOCHSAUERLAND,
    },
    District.HOEXTER: {District.PADERBORN, District.LIPPE, District.HOCHSAUERLAND},
    District.LIPPE: {District.PADERBORN, District.HOEXTER, District.GUETERSLOH},
    District.GUETERSLOH: {District.PADERBORN, District.LIPPE, District.SOEST},
    District.SOEST: {District.PADERBORN, District.GUETERSLOH, District.HOCHSAUERLAND},
    District.HOCHSAUERLAND: {District.PADERBORN, District.HOEXTER, District.SOEST},
}


class Municipality(models.Model):
    """A member town, municipality or district of the association.

    Plain reference data without drafts or workflow: a snippet (``taxonomy/wagtail_hooks.py``).
    """

    name = models.CharField(_("Name"), max_length=120, unique=True)
    kind = models.CharField(
        _("Art"), max_length=20, choices=MunicipalityKind.choices, default=MunicipalityKind.CITY
    )
    district = models.CharField(_("Kreis"), max_length=20, choices=District.choices)
    member_since = models.DateField(
        _("Mitglied seit"), null=True, blank=True, help_text=_("Leer lassen, wenn unbekannt.")
    )

    class Meta:
        db_table = "workgroups_municipality"  # as Topic's: the name from before the move
        ordering = ["name"]
        verbose_name = _("Mitgliedskommune")
        verbose_name_plural = _("Mitgliedskommunen")

    def __str__(self):
        return self.name
