"""A meeting's dossier ("Sitzungsmappe") as built: one PDF per event and edition.

The file lies under ``documents/`` in the media storage, which no web server serves directly
(``deploy/nginx.conf``); only ``workgroups/views.py`` hands it out, and only while its
``fingerprint`` matches what the edition would hold now (``workgroups/dossier.py``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DossierEdition(models.TextChoices):
    PUBLIC = "public", _("öffentliche Fassung")
    MEMBERS = "members", _("Fassung für Mitglieder")


class MeetingDossier(models.Model):
    event = models.ForeignKey(
        "workgroups.EventPage", on_delete=models.CASCADE, related_name="dossiers"
    )
    edition = models.CharField(_("Fassung"), max_length=10, choices=DossierEdition.choices)
    #: Hash of everything the edition holds (agenda, documents and their files) when built.
    fingerprint = models.CharField(max_length=64)
    file = models.FileField(upload_to="documents/sitzungsmappen/")
    page_count = models.PositiveIntegerField(_("Seiten"))
    #: What could not be merged, in German, as listed in the dossier itself.
    notes = models.JSONField(default=list)
    built_at = models.DateTimeField(_("Erstellt"), auto_now=True)

    class Meta:
        verbose_name = _("Sitzungsmappe")
        verbose_name_plural = _("Sitzungsmappen")
        constraints = [
            models.UniqueConstraint(fields=["event", "edition"], name="one_dossier_per_edition")
        ]

    def __str__(self):
        return f"{self.event_id} ({self.edition})"
