"""What the editor decides per event about registering: who may, until when, how many places.

The registrations themselves live in the ``registrations`` app (a layer above); the event only
carries the options, so the page editor shows them beside time and place.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class RegistrationAudience(models.TextChoices):
    MEMBERS = "members", _("nur Mitglieder (eingeloggt auf der Website)")
    EVERYONE = "everyone", _("alle, auch Gäste (mit Bestätigung der E-Mail-Adresse)")


class RegistrationOptions(models.Model):
    """Registration and capacity of an event (abstract)."""

    #: The audience a new event of this type starts with (``EventPageForm`` sets it).
    default_registration_audience = RegistrationAudience.EVERYONE

    registration_enabled = models.BooleanField(
        _("Anmeldung auf der Website"),
        default=False,
        help_text=_(
            "Teilnehmende melden sich auf der Veranstaltungsseite an. Den Link zur "
            "Online-Teilnahme erhalten dann nur Angemeldete."
        ),
    )
    registration_audience = models.CharField(
        _("Wer sich anmelden kann"),
        max_length=20,
        choices=RegistrationAudience.choices,
        default=RegistrationAudience.MEMBERS,
    )
    others_may_be_registered = models.BooleanField(
        _("Mitglieder dürfen weitere Personen anmelden"),
        default=False,
        help_text=_(
            "Eingeloggte Mitglieder können zusätzlich Kolleginnen und Kollegen anmelden. Jede "
            "so angemeldete Person bekommt eine E-Mail und zählt erst, wenn sie ihre Adresse "
            "bestätigt hat."
        ),
    )
    registration_deadline = models.DateTimeField(
        _("Anmeldeschluss"),
        null=True,
        blank=True,
        help_text=_("Leer lassen: Anmeldung bis zum Beginn."),
    )
    capacity_in_person = models.PositiveIntegerField(
        _("Plätze vor Ort"),
        null=True,
        blank=True,
        help_text=_("Leer lassen: unbegrenzt. Ist alles belegt, gibt es eine Warteliste."),
    )
    capacity_online = models.PositiveIntegerField(
        _("Plätze online"),
        null=True,
        blank=True,
        help_text=_("Nur bei Online- und Hybridveranstaltungen. Leer lassen: unbegrenzt."),
    )
    registration_panels = [
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldPanel("registration_audience"),
                FieldPanel("others_may_be_registered"),
                FieldPanel("registration_deadline"),
                FieldRowPanel([FieldPanel("capacity_in_person"), FieldPanel("capacity_online")]),
            ],
            heading=_("Anmeldung"),
        ),
    ]

    class Meta:
        abstract = True

    @property
    def registration_closes_at(self):
        return self.registration_deadline or self.start

    def capacity_for(self, attendance):
        """Places for ``attendance`` ("in_person" or "online"); None means unlimited."""
        return self.capacity_online if attendance == "online" else self.capacity_in_person

    def registration_errors(self):
        """Validation of the options, merged into the page's ``clean``."""
        errors = {}
        if not self.registration_enabled:
            return errors
        if self.registration_deadline and self.start and self.registration_deadline > self.start:
            errors["registration_deadline"] = _(
                "Der Anmeldeschluss liegt nach dem Beginn der Veranstaltung."
            )
        if self.capacity_online is not None and self.attendance_mode == "in_person":
            errors["capacity_online"] = _(
                "Online-Plätze gibt es nur bei Online- und Hybridveranstaltungen."
            )
        return errors
