"""The three kinds of event editors create: meetings, workshops and info sessions."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.members import is_member
from home.models import BasePage
from operations.page_cache import cached_until_change

from .agreements import AGREEMENT_PANELS, Agreement
from .events import AttendanceMode, EventPage


class MeetingKind(models.TextChoices):
    MEETING = "meeting", _("Arbeitskreistreffen")
    WORKSHOP_MEETING = "workshop_meeting", _("Werkstatt-Treffen")


class MeetingPage(EventPage):
    """A meeting of the working group itself, with its outcomes and protocol."""

    page_description = _(
        "Ein Treffen eines Arbeitskreises (Arbeitskreis- oder Werkstatt-Treffen) mit Ergebnissen "
        "und Protokoll."
    )

    template = "workgroups/meeting_page.html"
    is_creatable = True  # Wagtail does not inherit this one
    type_label = _("Arbeitskreistreffen")
    type_key = "treffen"

    meeting_kind = models.CharField(
        _("Art des Treffens"),
        max_length=30,
        choices=MeetingKind.choices,
        default=MeetingKind.MEETING,
    )
    outcomes = RichTextField(
        _("Ergebnisse"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("Was das Treffen ergeben hat; erscheint hervorgehoben auf der Seite."),
    )

    search_fields = [*EventPage.search_fields, index.SearchField("outcomes")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("meeting_kind"),
        *EventPage.time_panels,
        *EventPage.participation_panels,
        EventPage.topics_panel,
        FieldPanel("outcomes"),
        *AGREEMENT_PANELS,
        FieldPanel("body"),
        *EventPage.materials_panels,
    ]

    class Meta:
        verbose_name = _("Arbeitskreistreffen")
        verbose_name_plural = _("Arbeitskreistreffen")

    def open_points(self, request):
        """Open agreements of the group's earlier events this viewer may read, while this
        meeting is still ahead (it brings them up again); ``[]`` once it is past."""
        if self.is_past or not self.pk:
            return []
        audience = "members" if is_member(request.user) else "everyone"
        return cached_until_change(
            f"open-points:{self.pk}:{audience}",
            lambda: list(
                Agreement.objects.made_before(self).for_viewer(request).in_the_order_to_work_on()
            ),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["open_points"] = self.open_points(request)
        return context

    @classmethod
    def type_label_for(cls, event):
        kind = getattr(event, "meeting_kind", None) or getattr(event, "listing_meeting_kind", None)
        return MeetingKind(kind).label if kind else cls.type_label


class WorkshopPage(EventPage):
    """A Fachwerkstatt: talks by speakers from member municipalities, with a moderator."""

    page_description = _(
        "Eine Fachwerkstatt mit Moderation, Referentinnen und Referenten und ihren Präsentationen."
    )

    template = "workgroups/workshop_page.html"
    is_creatable = True  # Wagtail does not inherit this one
    type_label = _("Fachwerkstatt")
    type_key = "fachwerkstatt"

    moderation = models.CharField(
        _("Moderation"),
        max_length=300,
        blank=True,
        help_text=_("Wer moderiert, z. B. ein Planungsbüro oder die Geschäftsstelle."),
    )

    search_fields = [
        *EventPage.search_fields,
        index.SearchField("moderation"),
        index.RelatedFields(
            "speakers", [index.SearchField("name"), index.SearchField("organisation")]
        ),
    ]
    content_panels = [
        *BasePage.content_panels,
        *EventPage.time_panels,
        *EventPage.participation_panels,
        EventPage.topics_panel,
        FieldPanel("body"),
        FieldPanel("moderation"),
        InlinePanel("speakers", heading=_("Referentinnen und Referenten"), label=_("Person")),
        *EventPage.materials_panels,
    ]

    class Meta:
        verbose_name = _("Fachwerkstatt")
        verbose_name_plural = _("Fachwerkstätten")

    @classmethod
    def type_label_for(cls, event):
        if event.attendance_mode == AttendanceMode.ONLINE:
            return _("Digitale Fachwerkstatt")
        return cls.type_label

    @classmethod
    def type_filter(cls):
        """Workshops, and the meetings held as a workshop ("Werkstatt-Treffen"): visitors
        filtering for "Fachwerkstatt" look for both."""
        return super().type_filter() | Q(meetingpage__meeting_kind=MeetingKind.WORKSHOP_MEETING)


class InfoSessionPage(EventPage):
    """An information event on one subject, with its programme and the questions it answers."""

    page_description = _(
        "Eine Informationsveranstaltung mit den Fragen, die sie beantwortet, und ihrem Programm."
    )

    template = "workgroups/info_session_page.html"
    is_creatable = True  # Wagtail does not inherit this one
    type_label = _("Informationsveranstaltung")
    type_key = "information"

    questions = StreamField(
        [
            (
                "question",
                blocks.CharBlock(
                    label=_("Frage"),
                    max_length=300,
                    help_text=_("Eine Frage je Eintrag, z. B. „Was ist mobile Arbeit?“"),
                ),
            )
        ],
        verbose_name=_("Fragen, die die Veranstaltung beantwortet"),
        blank=True,
    )
    programme = StreamField(
        [
            (
                "item",
                blocks.StructBlock(
                    [
                        ("time", blocks.TimeBlock(label=_("Uhrzeit"), required=False)),
                        ("title", blocks.CharBlock(label=_("Programmpunkt"), max_length=300)),
                        ("speaker", blocks.CharBlock(label=_("Mit"), required=False)),
                    ],
                    icon="time",
                    label=_("Programmpunkt"),
                    help_text=_("Uhrzeit, Programmpunkt und wer ihn gestaltet."),
                ),
            )
        ],
        verbose_name=_("Programm"),
        blank=True,
        help_text=_("Der Ablauf; ein Programm als PDF kann zusätzlich unter Unterlagen stehen."),
    )

    search_fields = [
        *EventPage.search_fields,
        index.SearchField("questions"),
        index.SearchField("programme"),
    ]
    content_panels = [
        *BasePage.content_panels,
        *EventPage.time_panels,
        *EventPage.participation_panels,
        EventPage.topics_panel,
        FieldPanel("body"),
        FieldPanel("questions"),
        FieldPanel("programme"),
        *EventPage.materials_panels,
    ]

    class Meta:
        verbose_name = _("Informationsveranstaltung")
        verbose_name_plural = _("Informationsveranstaltungen")


EVENT_TYPES = (MeetingPage, WorkshopPage, InfoSessionPage)
