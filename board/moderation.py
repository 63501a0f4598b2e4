"""The moderation workflow of the exchange board.

A Wagtail workflow without tasks approves and publishes at once; the board's workflow therefore
always carries a group approval task for Moderation, and a system check refuses to run if the
workflow assigned to board entries has no active task.
"""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core import checks
from django.db import DatabaseError, models
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from wagtail.models import (
    GroupApprovalTask,
    Workflow,
    WorkflowContentType,
    WorkflowState,
    WorkflowTask,
)

from home.groups import MODERATORS

from .entries import CooperationEntry

WORKFLOW_NAME = "Moderation der Kooperationsbörse"
TASK_NAME = "Freigabe durch die Moderation"


def ensure_board_workflow():
    """Create or repair the workflow and its approval task (idempotent)."""
    moderators = Group.objects.filter(name=MODERATORS).first()
    if moderators is None:
        return None
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(moderators)
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(
            workflow=workflow,
            task=task,
            sort_order=WorkflowTask.objects.filter(workflow=workflow).count(),
        )
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(CooperationEntry),
        defaults={"workflow": workflow},
    )
    return workflow


@checks.register(checks.Tags.security, deploy=True)
def board_workflow_has_an_approval_task(app_configs, **kwargs):
    try:
        workflow = CooperationEntry().get_workflow()
        active_tasks = workflow.tasks.filter(active=True).exists() if workflow else False
    except DatabaseError:
        return []  # database not migrated yet
    if active_tasks:
        return []
    return [
        checks.Error(
            "Die Kooperationsbörse hat keinen Moderations-Workflow mit aktiver Freigabeaufgabe; "
            "Einträge würden sofort veröffentlicht.",
            hint="python manage.py migrate legt ihn an.",
            id="board.E001",
        )
    ]


class ReviewState(models.TextChoices):
    """Where an entry stands for the moderators, as the listing's "Prüfung" column says it."""

    WAITING = "waiting", _("wartet auf Freigabe")
    CHANGES_REQUESTED = "changes_requested", _("Änderungen angefordert")
    CHANGE_WAITING = "change_waiting", _("veröffentlicht, Änderung wartet")
    PUBLISHED = "published", _("veröffentlicht")
    DRAFT = "draft", _("Entwurf")


def with_review_state(entries):
    """Annotate each entry's open workflow state in the same query (no query per row)."""
    open_states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(CooperationEntry),
        object_id=Cast(OuterRef("pk"), CharField()),
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
    )
    return entries.annotate(open_workflow_status=Subquery(open_states.values("status")[:1]))


def review_state(entry):
    """The :class:`ReviewState` of an entry annotated by :func:`with_review_state`."""
    status = entry.open_workflow_status
    if status == WorkflowState.STATUS_NEEDS_CHANGES:
        return ReviewState.CHANGES_REQUESTED
    if status == WorkflowState.STATUS_IN_PROGRESS:
        return ReviewState.CHANGE_WAITING if entry.live else ReviewState.WAITING
    return ReviewState.PUBLISHED if entry.live else ReviewState.DRAFT
