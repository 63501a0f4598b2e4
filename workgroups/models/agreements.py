"""What a meeting agreed ("Vereinbarungen"): who does what by when, until it is done.

An agreement is a part of the meeting that made it (a ``ParentalKey``), written with the
minutes in the same editor and published with them. While it is open it follows the working
group: members find it on the group's page, and later events of the group list it as
"offene Punkte". Ticking "erledigt am" in that meeting's editor ends it.

Who reads an agreement follows the meeting's minutes (``EventAgenda.minutes_audience``): with
members-only minutes, visitors never see the agreements either.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from home.members import is_member

from .agenda import MinutesAudience


class AgreementQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_on__isnull=True)

    def made_before(self, event):
        """Open agreements of published events of ``event``'s working group that began before
        it: what ``event`` brings up again."""
        parent_path = event.path[: -event.steplen]
        return (
            self.open()
            .filter(page__path__startswith=parent_path, page__depth=event.depth)
            .filter(page__live=True, page__start__lt=event.start)
            .exclude(page_id=event.pk)
        )

    def for_viewer(self, request):
        """Those whose meeting's minutes this viewer reads (members read all)."""
        if is_member(request.user):
            return self
        return self.filter(page__minutes_audience=MinutesAudience.EVERYONE)

    def in_the_order_to_work_on(self):
        """Overdue first, then by due date (none last), then by meeting and place."""
        return self.select_related("page", "municipality").order_by(
            models.F("due").asc(nulls_last=True), "page__start", "sort_order"
        )


class Agreement(Orderable):
    """Who (a member municipality, or the office) does what, by when."""

    page = ParentalKey("workgroups.EventPage", related_name="agreements", on_delete=models.CASCADE)
    task = models.TextField(
        _("Was zu tun ist"),
        max_length=600,
        help_text=_("z. B. „Entwurf einer Zweckvereinbarung an alle Mitglieder senden“."),
    )
    municipality = models.ForeignKey(
        "taxonomy.Municipality",
        verbose_name=_("Wer (Mitgliedskommune)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leer lassen: die Geschäftsstelle übernimmt es."),
    )
    due = models.DateField(_("Bis wann"), null=True, blank=True)
    done_on = models.DateField(
        _("Erledigt am"),
        null=True,
        blank=True,
        help_text=_("Eintragen, sobald es erledigt ist: dann ist es kein offener Punkt mehr."),
    )

    objects = AgreementQuerySet.as_manager()

    panels = [
        FieldPanel("task"),
        FieldRowPanel([FieldPanel("municipality"), FieldPanel("due"), FieldPanel("done_on")]),
    ]

    class Meta(Orderable.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = _("Vereinbarung")
        verbose_name_plural = _("Vereinbarungen")

    def __str__(self):
        return self.task

    def clean(self):
        super().clean()
        if self.done_on and self.done_on > timezone.localdate():
            raise ValidationError(
                {"done_on": _("„Erledigt am“ liegt in der Zukunft. Bitte das Datum prüfen.")}
            )

    @property
    def responsible(self):
        """ "Stadt Paderborn" or "Geschäftsstelle"."""
        return self.municipality.name if self.municipality_id else str(_("Geschäftsstelle"))

    @property
    def is_overdue(self):
        return self.done_on is None and self.due is not None and self.due < timezone.localdate()

    @property
    def is_done(self):
        return self.done_on is not None


AGREEMENT_PANELS = [
    MultiFieldPanel(
        [InlinePanel("agreements", label=_("Vereinbarung"))],
        heading=_("Vereinbarungen"),
        help_text=_(
            "Wer was bis wann erledigt. Offene Vereinbarungen stehen auf der Seite des "
            "Arbeitskreises und bei den nächsten Terminen als „offene Punkte“."
        ),
    )
]
