"""Side effects the ground floor attaches to Wagtail's models (wired in ``HomeConfig.ready``)."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils.translation import gettext as _

from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Site,
    TaskState,
)
from wagtail.signals import page_published, page_unpublished, post_page_move

from operations.page_cache import purge_page_cache, purge_when_changed

from .models import SiteSettings


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


def purge_page_cache_for_live_page(sender, instance, **kwargs):
    """A live page of any type saved (also outside the editor: imports, the demo) or deleted."""
    if isinstance(instance, Page) and instance.live:
        purge_page_cache()


def connect_signal_handlers():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(purge_page_cache, dispatch_uid=f"home.purge_page_cache.{id(signal)}")
    for signal in (post_save, post_delete):
        signal.connect(
            purge_page_cache_for_live_page,
            dispatch_uid=f"home.purge_page_cache_for_live_page.{signal is post_save}",
        )
    # Who may see a page or file, the site's address and contact details, and images shown.
    purge_when_changed(
        PageViewRestriction,
        CollectionViewRestriction,
        Collection,
        Site,
        SiteSettings,
        get_image_model(),
    )
    pre_save.connect(
        refuse_finishing_a_finished_task, dispatch_uid="home.refuse_finishing_a_finished_task"
    )
