"""Members propose and edit board entries on the public site; moderators decide.

Every submission and every change becomes a new revision that starts the board's moderation
workflow (``board.moderation``). A new entry stays a draft until a moderator approves it; a
change to a published entry stays invisible (the published version keeps showing) until
approved. The member sees the state of their own entries on "Meine Einträge".
"""

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Revision, TaskState, WorkflowState

from home.forms import OfferedModelMultipleChoiceField
from taxonomy.models import Municipality, Topic

from .entries import CooperationEntry

MIN_DESCRIPTION_LENGTH = 40
MAX_VALIDITY_DAYS = 365
#: The field bots fill in and people never see (hidden by CSS, not by ``type=hidden``).
HONEYPOT_FIELD = "webseite"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class EntrySubmissionForm(forms.ModelForm):
    """What a member fills in; the status only once the entry exists."""

    topics = OfferedModelMultipleChoiceField(
        label=gettext_lazy("Themen"),
        queryset=Topic.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Bitte wählen Sie mindestens ein Thema.")},
    )
    webseite = forms.CharField(
        label=gettext_lazy("Webseite (bitte leer lassen)"), required=False, max_length=200
    )

    class Meta:
        model = CooperationEntry
        fields = [
            "kind",
            "title",
            "municipality",
            "topics",
            "description",
            "legal_form",
            "phase",
            "valid_until",
            "contact_name",
            "contact_email",
            "contact_phone",
            "status",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "description": forms.Textarea,
            "valid_until": DateInput,
        }
        help_texts = {
            "description": gettext_lazy(
                "Was bieten Sie an oder was suchen Sie? Mindestens 40, höchstens 4.000 Zeichen."
            ),
            "valid_until": gettext_lazy("Höchstens ein Jahr; danach verschwindet der Eintrag."),
            "contact_email": gettext_lazy("Nur eingeloggte Mitglieder sehen die Kontaktdaten."),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = self.fields["kind"].choices[1:]  # no empty radio button
        self.fields["municipality"].queryset = Municipality.objects.all()
        self.fields["municipality"].empty_label = _("Bitte wählen")
        self.fields["legal_form"].choices = [("", _("noch offen"))] + self.fields[
            "legal_form"
        ].choices[1:]
        self.fields["phase"].choices = [("", _("noch offen"))] + self.fields["phase"].choices[1:]
        if self.instance.pk is None:
            del self.fields["status"]
            if user is not None:
                self.initial.setdefault("contact_name", user.get_full_name())
                self.initial.setdefault("contact_email", user.email)
            self.initial.setdefault(
                "valid_until", timezone.localdate() + dt.timedelta(days=MAX_VALIDITY_DAYS // 2)
            )
        else:
            self.fields["status"].help_text = _(
                "Ist die Kooperation vermittelt oder abgeschlossen, erscheint der Eintrag nicht "
                "mehr in den passenden Einträgen anderer."
            )

    def clean_webseite(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(
                _("Dieses Feld muss leer bleiben. Bitte löschen Sie den Inhalt.")
            )
        return ""

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())

    def clean_description(self):
        description = self.cleaned_data["description"].strip()
        if len(description) < MIN_DESCRIPTION_LENGTH:
            raise forms.ValidationError(
                _("Bitte beschreiben Sie Ihr Anliegen in mindestens %(count)d Zeichen.")
                % {"count": MIN_DESCRIPTION_LENGTH}
            )
        return description

    def clean_valid_until(self):
        valid_until = self.cleaned_data["valid_until"]
        today = timezone.localdate()
        if valid_until < today:
            raise forms.ValidationError(_("Das Datum liegt in der Vergangenheit."))
        if valid_until > today + dt.timedelta(days=MAX_VALIDITY_DAYS):
            raise forms.ValidationError(
                _("Ein Eintrag gilt höchstens ein Jahr, also bis zum %(date)s.")
                % {"date": (today + dt.timedelta(days=MAX_VALIDITY_DAYS)).strftime("%d.%m.%Y")}
            )
        return valid_until


def submissions_today(user):
    """Revisions of board entries the user saved in the last 24 hours (new and changed)."""
    return Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(CooperationEntry),
        user=user,
        created_at__gte=timezone.now() - dt.timedelta(days=1),
    ).count()


def rate_limit_reached(user):
    return submissions_today(user) >= settings.BOARD_SUBMISSIONS_PER_DAY


class SubmissionLimitReached(Exception):
    """The member has used up ``BOARD_SUBMISSIONS_PER_DAY``; nothing was saved."""


class EntryLockedMeanwhile(Exception):
    """A moderator locked the entry while the member was editing it; nothing was saved."""


@transaction.atomic
def submit(form, user):
    """Save the member's entry as a revision and hand it to the moderators.

    A published entry keeps its row untouched (visitors go on seeing the approved version);
    only a draft's row is updated, so the admin listing shows what is waiting. A workflow
    already running on the entry is cancelled, so moderators always approve what they read.

    Safe under concurrent requests: the member's own row is locked first, so parallel
    submissions count against the daily limit one after the other; then the entry's moderation
    rows and the entry are locked in the order a moderator's approval locks them (task state,
    workflow state, entry), so an edit and an approval at the same moment wait for each other
    instead of deadlocking. Whatever the approval changed (published or not) is read after the
    wait, never overwritten with what the form was built on. The locks are ``no_key``
    (PostgreSQL's FOR NO KEY UPDATE): the approval's foreign-key checks at commit take a key
    share lock on the member's user row, which a plain FOR UPDATE would make wait for us.
    """
    get_user_model().objects.select_for_update(no_key=True).filter(pk=user.pk).first()
    if rate_limit_reached(user):
        raise SubmissionLimitReached
    entry = form.save(commit=False)
    is_new = entry.pk is None
    if is_new:
        entry.submitted_by = user
        entry.live = False
    else:
        current = _lock_for_change(entry)
        if current.locked:
            raise EntryLockedMeanwhile
        entry = current.with_content_json(entry.serializable_data())
    if not entry.live:
        entry.save()
        entry.topics.set(form.cleaned_data["topics"])
        entry.save()  # parental many-to-many relations are written on save
    else:
        entry.topics.set(form.cleaned_data["topics"])  # kept in the revision only
    entry.save_revision(user=user)
    running = entry.current_workflow_state
    if running is not None:
        running.cancel(user=user)
    entry.get_workflow().start(entry, user)
    return entry


def _lock_for_change(entry):
    """Lock the entry's running moderation, then the entry; return the entry's current row."""
    states = WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(CooperationEntry),
        object_id=str(entry.pk),
    )
    list(
        TaskState.objects.select_for_update(no_key=True)
        .filter(workflow_state__in=states, status=TaskState.STATUS_IN_PROGRESS)
        .values_list("pk", flat=True)
    )
    list(states.select_for_update(no_key=True).values_list("pk", flat=True))
    return CooperationEntry.objects.select_for_update(no_key=True).get(pk=entry.pk)


@dataclass(frozen=True)
class OwnEntry:
    """One of the member's entries with its state in words."""

    entry: CooperationEntry
    state: str
    moderator_comment: str = ""
    public: bool = False


def own_entries(user):
    """The member's entries, newest first, each with what happens to it next.

    Two queries: the entries and their running workflow states.
    """
    entries = list(CooperationEntry.objects.filter(submitted_by=user).order_by("-created_at"))
    states = {
        int(state.object_id): state
        for state in WorkflowState.objects.active()
        .filter(
            base_content_type=ContentType.objects.get_for_model(CooperationEntry),
            object_id__in=[str(entry.pk) for entry in entries],
        )
        .select_related("current_task_state")
    }
    today = timezone.localdate()
    result = []
    for entry in entries:
        state = states.get(entry.pk)
        public = entry.live and entry.valid_until >= today
        comment = ""
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            label = _("Änderungen erbeten – bitte überarbeiten und erneut einreichen")
            comment = state.current_task_state.comment if state.current_task_state else ""
        elif state is not None and entry.live:
            label = _("veröffentlicht, Änderungen werden geprüft")
        elif state is not None:
            label = _("wird geprüft")
        elif not entry.live:
            label = _("Entwurf – nicht eingereicht")
        elif not public:
            label = _("abgelaufen")
        else:
            label = _("veröffentlicht")
        result.append(OwnEntry(entry, label, comment, public))
    return result
