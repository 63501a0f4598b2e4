"""Who answers questions about an event: named on its page and as ORGANIZER of invitations."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class EventContact(models.Model):
    """The contact person of an event (abstract); empty, the office answers."""

    contact_name = models.CharField(
        _("Ansprechperson"),
        max_length=200,
        blank=True,
        help_text=_("Steht auf der Seite und in der Einladung; leer: die Geschäftsstelle."),
    )
    contact_email = models.EmailField(_("E-Mail der Ansprechperson"), blank=True)
    contact_phone = models.CharField(_("Telefon der Ansprechperson"), max_length=50, blank=True)

    contact_panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading=_("Ansprechperson"),
        ),
    ]

    class Meta:
        abstract = True
