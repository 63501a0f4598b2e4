"""What a member follows, how they want to hear of it, and what there is to tell.

All of it is personal data: it belongs to the account (deleted with it, ``on_delete=CASCADE``)
and appears on no public page, feed, API or search. Relations point from the member to what
they follow, never back (``related_name="+"``), so no page or entry can list its followers.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from taxonomy.models import District


def new_calendar_token():
    """256 random bits, URL-safe: the personal calendar's only key."""
    return secrets.token_urlsafe(32)


class Delivery(models.TextChoices):
    SINGLE = "single", _("einzeln, sobald etwas neu ist")
    WEEKLY = "weekly", _("einmal pro Woche als Übersicht")


class WorkingGroupFollow(models.Model):
    """A member follows a working group: its events are in their personal calendar, and they
    choose what reaches them by e-mail."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="working_group_follows"
    )
    working_group = models.ForeignKey(
        "workgroups.WorkingGroupPage",
        verbose_name=_("Arbeitskreis"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    new_events = models.BooleanField(_("Neue Veranstaltungen"), default=True)
    changes = models.BooleanField(_("Änderungen und Absagen"), default=True)
    materials = models.BooleanField(_("Neue Protokolle und Unterlagen"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "working_group"], name="one_follow_per_working_group"
            )
        ]
        verbose_name = _("Arbeitskreis, dem ein Mitglied folgt")
        verbose_name_plural = _("Arbeitskreise, denen Mitglieder folgen")

    def __str__(self):
        return f"{self.user} → {self.working_group}"

    @property
    def gets_mail(self):
        return self.new_events or self.changes or self.materials


class BoardFollow(models.Model):
    """A member wants to hear of new board entries on a topic, from a district, or both."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="board_follows"
    )
    topic = models.ForeignKey(
        "taxonomy.Topic",
        verbose_name=_("Thema"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    district = models.CharField(_("Kreis"), max_length=20, choices=District.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(topic__isnull=False) | ~Q(district=""),
                name="board_follow_names_topic_or_district",
            ),
            models.UniqueConstraint(
                fields=["user", "topic", "district"],
                condition=Q(topic__isnull=False),
                name="one_board_follow_per_topic_choice",
            ),
            models.UniqueConstraint(
                fields=["user", "district"],
                condition=Q(topic__isnull=True),
                name="one_board_follow_per_district",
            ),
        ]
        ordering = ["pk"]
        verbose_name = _("Thema der Kooperationsbörse, dem ein Mitglied folgt")
        verbose_name_plural = _("Themen der Kooperationsbörse, denen Mitglieder folgen")

    def __str__(self):
        return self.description

    @property
    def description(self):
        """„Thema „Digitalisierung“ aus dem Kreis Paderborn“, as the member chose it."""
        if self.topic_id and self.district:
            return _("Thema „%(topic)s“ aus dem %(district)s") % {
                "topic": self.topic.name,
                "district": self.get_district_display(),
            }
        if self.topic_id:
            return _("Thema „%(topic)s“") % {"topic": self.topic.name}
        return self.get_district_display()


class MailPreference(models.Model):
    """How a member wants their notification mails: one per news, or a weekly overview."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mail_preference"
    )
    delivery = models.CharField(
        _("Zustellung"), max_length=10, choices=Delivery.choices, default=Delivery.SINGLE
    )
    last_digest_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("E-Mail-Einstellung")
        verbose_name_plural = _("E-Mail-Einstellungen")


class PersonalCalendar(models.Model):
    """The secret address of a member's personal calendar. Renewing replaces the token, so
    the old address answers 404 from that moment."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="personal_calendar"
    )
    token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Persönlicher Kalender")
        verbose_name_plural = _("Persönliche Kalender")


class NoticeKind(models.TextChoices):
    NEW_EVENT = "new_event", _("Neue Veranstaltung")
    CHANGED = "changed", _("Veranstaltung geändert")
    CANCELLED = "cancelled", _("Veranstaltung abgesagt")
    MATERIALS = "materials", _("Neue Unterlagen")
    BOARD_ENTRY = "board_entry", _("Neuer Eintrag in der Kooperationsbörse")


#: Which follower choice each kind of notice needs.
INTEREST_FOR_KIND = {
    NoticeKind.NEW_EVENT: "new_events",
    NoticeKind.CHANGED: "changes",
    NoticeKind.CANCELLED: "changes",
    NoticeKind.MATERIALS: "materials",
}


class Notice(models.Model):
    """Something followers are told of, once: recorded when an editor publishes, sent when
    the editing has come to rest (``due_at``), so five saves in a minute make one mail."""

    kind = models.CharField(max_length=20, choices=NoticeKind.choices)
    event = models.ForeignKey(
        "workgroups.EventPage", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    entry = models.ForeignKey(
        "board.CooperationEntry",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    #: The event's SEQUENCE this notice tells of (changes are told once per new SEQUENCE).
    sequence = models.PositiveIntegerField(default=0)
    #: Primary keys of the documents a materials notice announces (and a new event came with).
    document_ids = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    due_at = models.DateTimeField(db_index=True)
    dispatched_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["due_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.event_id or self.entry_id})"


class DigestItem(models.Model):
    """A notice waiting for a member's weekly overview."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="digest_items")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "notice"], name="one_digest_item_per_notice")
        ]
