"""The cooperation exchange board: offers and requests of inter-municipal cooperation.

Entries are snippets with drafts, revisions, locking and a moderation workflow: what members
submit stays a draft until a moderator approves it (docs/architecture.md; the workflow must
have an approval task, see ``board.moderation``).
"""

from django import forms
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    ModelLogEntry,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from taxonomy.models import Municipality

from .pages import BoardPage
from .terms import match_terms_for


class EntryKind(models.TextChoices):
    OFFER = "offer", _("Angebot")
    REQUEST = "request", _("Nachfrage")


class EntryStatus(models.TextChoices):
    OPEN = "open", _("offen")
    IN_TALKS = "in_talks", _("in Gesprächen")
    MATCHED = "matched", _("vermittelt")
    CLOSED = "closed", _("abgeschlossen")


class LegalForm(models.TextChoices):
    AGREEMENT = "public_agreement", _("öffentlich-rechtliche Vereinbarung")
    ASSOCIATION = "zweckverband", _("Zweckverband")
    CONTRACT = "contract", _("Vertrag")
    PRIVATE = "private", _("privatrechtliche Lösung")


class Phase(models.TextChoices):
    IDEA = "idea", _("Idee")
    INITIATION = "initiation", _("Anbahnung")
    IMPLEMENTATION = "implementation", _("Umsetzung")
    OPERATION = "operation", _("Betrieb")


SLUG_ATTEMPTS = 5


class CooperationEntryQuerySet(SearchableQuerySetMixin, models.QuerySet):
    """Board entries can be searched like pages (``.search()``)."""

    def on_board(self):
        """What the public board shows: published and not yet expired."""
        return self.filter(live=True, valid_until__gte=timezone.localdate())


class CooperationEntry(
    PreviewableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
):
    """An offer or request for cooperation by a member municipality."""

    kind = models.CharField(_("Art"), max_length=10, choices=EntryKind.choices)
    title = models.CharField(_("Titel"), max_length=150)
    slug = models.SlugField(
        _("Kurzname für die Adresse"),
        max_length=160,
        unique=True,
        blank=True,
        help_text=_("Wird aus dem Titel gebildet, wenn leer."),
    )
    topics = ParentalManyToManyField(
        "taxonomy.Topic", verbose_name=_("Themen"), blank=True, related_name="entries"
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("Kommune"),
        on_delete=models.PROTECT,
        related_name="cooperation_entries",
    )
    description = models.TextField(_("Beschreibung"), max_length=4000)
    legal_form = models.CharField(
        _("Rechtsform"), max_length=20, choices=LegalForm.choices, blank=True
    )
    phase = models.CharField(_("Phase"), max_length=20, choices=Phase.choices, blank=True)
    contact_name = models.CharField(_("Ansprechperson"), max_length=150)
    contact_email = models.EmailField(_("E-Mail"))
    contact_phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    valid_until = models.DateField(
        _("Gültig bis"), help_text=_("Danach verschwindet der Eintrag von selbst von der Börse.")
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=EntryStatus.choices, default=EntryStatus.OPEN
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Eingereicht von"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="cooperation_entries",
    )
    created_at = models.DateTimeField(_("Angelegt am"), auto_now_add=True)
    # The "valid until" date the owner was last reminded of; a later date earns a new reminder.
    expiry_reminder_sent_for = models.DateField(
        _("Erinnerung an den Ablauf gesendet für"), null=True, blank=True, editable=False
    )
    # Word stems of title and description, kept so the matching never re-reads descriptions.
    match_terms = models.TextField(_("Stichwörter für den Abgleich"), editable=False, blank=True)

    objects = CooperationEntryQuerySet.as_manager()

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="cooperationentry")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="cooperationentry",
        for_concrete_model=False,
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("municipality"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("legal_form"), FieldPanel("phase")]),
        FieldPanel("valid_until"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Kontakt (nur für eingeloggte Mitglieder sichtbar)"),
        ),
    ]
    search_fields = [
        index.SearchField("title", boost=5),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
        index.FilterField("status"),
        index.FilterField("live"),
        index.FilterField("valid_until"),
        index.FilterField("municipality"),
        index.FilterField("created_at"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("municipality", [index.SearchField("name")]),
    ]

    class Meta:
        # The table dates from when the board was part of the workgroups app.
        db_table = "workgroups_cooperationentry"
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Eintrag der Kooperationsbörse")
        verbose_name_plural = _("Einträge der Kooperationsbörse")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return "board/entry.html"

    def get_preview_context(self, request, mode_name):
        """The entry as visitors will see it on the board, so moderators approve what they read.

        Matches are left out; they are computed from the published board.
        """
        board_page = BoardPage.objects.live().first()
        context = board_page.get_context(request) if board_page else {"request": request}
        context.update({"entry": self, "matches": []})
        return context

    def with_content_json(self, content):
        """A revision brings back the text, not the reminder bookkeeping of the row."""
        entry = super().with_content_json(content)
        entry.expiry_reminder_sent_for = self.expiry_reminder_sent_for
        return entry

    def clean(self):
        super().clean()
        if self.valid_until and not self.pk and self.valid_until < timezone.localdate():
            raise ValidationError({"valid_until": _("Das Datum liegt in der Vergangenheit.")})

    def save(self, *args, **kwargs):
        generated_slug = not self.slug
        if generated_slug:
            self.slug = self._unique_slug()
        self.match_terms = match_terms_for(self)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"title", "description"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "match_terms"}
        if not generated_slug:
            super().save(*args, **kwargs)
            return
        # Two entries with the same title saved at the same moment both find the slug free;
        # the second insert then fails on the unique index and takes the next free slug.
        for attempt in range(SLUG_ATTEMPTS):
            try:
                with transaction.atomic():
                    super().save(*args, **kwargs)
                return
            except IntegrityError:
                taken = CooperationEntry.objects.filter(slug=self.slug).exclude(pk=self.pk)
                if attempt == SLUG_ATTEMPTS - 1 or not taken.exists():
                    raise
                self.slug = self._unique_slug()

    def _unique_slug(self):
        base = slugify(self.title)[:140] or "eintrag"
        slug, number = base, 2
        while CooperationEntry.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug

    def topic_names(self):
        """The topics as one readable line, e.g. for the admin's CSV/XLSX export."""
        return ", ".join(topic.name for topic in self.topics.all())

    def submitter_name(self):
        """Who submitted the entry, as moderators know them: the full name, else the login."""
        if self.submitted_by is None:
            return ""
        return self.submitted_by.get_full_name() or self.submitted_by.get_username()

    submitter_name.short_description = _("Eingereicht von")


def entries_removed_since_publication():
    """When a board entry last left the board by unpublishing or deletion (admin history)."""
    return (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(CooperationEntry),
            action__in=("wagtail.unpublish", "wagtail.delete"),
        )
        .aggregate(latest=Max("timestamp"))
        .get("latest")
    )
