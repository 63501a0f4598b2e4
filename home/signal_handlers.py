"""Side effects the ground floor attaches to Wagtail's models (wired in ``HomeConfig.ready``)."""

from django.contrib.auth import get_user_model
from django.db.models.signals import pre_save
from django.utils.translation import gettext as _

from wagtail.models import TaskState


class TaskAlreadyDecided(Exception):
    """A moderation task was decided by someone else a moment ago.

    ``home.middleware.DecidedTaskMiddleware`` turns it into a message on the page the moderator
    came from. It is no ``PermissionDenied``: Wagtail's admin would swallow that into "Sie haben
    leider keinen Zugang zu diesem Bereich", which is not what happened.
    """


def refuse_finishing_a_finished_task(sender, instance, **kwargs):
    """Only one decision per moderation task, even when two moderators click at once.

    Wagtail checks that a task is still in progress on the object it loaded, before its own
    transaction; two moderators approving together both pass that check, both publish, and
    the history names the later one. Here the task's row is locked and read again inside the
    transaction: whoever comes second finds it decided and is refused with a message naming
    who decided, and nothing of theirs is saved. The member's change of an entry locks the
    same row first (``board.submissions``), so an approval of the version just replaced is
    refused too.
    """
    if not isinstance(instance, TaskState) or instance.pk is None:
        return
    if instance.status == TaskState.STATUS_IN_PROGRESS:
        return
    stored = (
        TaskState.objects.select_for_update(no_key=True)
        .filter(pk=instance.pk)
        .values_list("status", "finished_by")
        .first()
    )
    if stored is None or stored[0] == TaskState.STATUS_IN_PROGRESS:
        return
    decider = get_user_model().objects.filter(pk=stored[1]).first()
    name = (decider.get_full_name() or decider.get_username()) if decider else _("jemand anderes")
    raise TaskAlreadyDecided(
        _(
            "Das wurde gerade schon entschieden (von %(name)s). Ihre Entscheidung wurde nicht "
            "gespeichert; bitte sehen Sie sich den aktuellen Stand an."
        )
        % {"name": name}
    )


def connect_signal_handlers():
    pre_save.connect(
        refuse_finishing_a_finished_task, dispatch_uid="home.refuse_finishing_a_finished_task"
    )
