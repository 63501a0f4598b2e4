"""Side effects the ground floor attaches to Wagtail's models (wired in ``HomeConfig.ready``)."""

from django.core.exceptions import PermissionDenied
from django.db.models.signals import pre_save

from wagtail.models import TaskState


def refuse_finishing_a_finished_task(sender, instance, **kwargs):
    """Only one decision per moderation task, even when two moderators click at once.

    Wagtail checks that a task is still in progress on the object it loaded, before its own
    transaction; two moderators approving together both pass that check, both publish, and
    the history names the later one. Here the task's row is locked and read again inside the
    transaction: whoever comes second finds it decided and is refused (403 in the admin),
    and nothing of theirs is saved. The member's change of an entry locks the same row first
    (``board.submissions``), so an approval of the version just replaced is refused
    too.
    """
    if not isinstance(instance, TaskState) or instance.pk is None:
        return
    if instance.status == TaskState.STATUS_IN_PROGRESS:
        return
    stored = (
        TaskState.objects.select_for_update(no_key=True)
        .filter(pk=instance.pk)
        .values_list("status", flat=True)
        .first()
    )
    if stored is not None and stored != TaskState.STATUS_IN_PROGRESS:
        raise PermissionDenied("Diese Aufgabe ist bereits erledigt.")


def connect_signal_handlers():
    pre_save.connect(
        refuse_finishing_a_finished_task, dispatch_uid="home.refuse_finishing_a_finished_task"
    )
