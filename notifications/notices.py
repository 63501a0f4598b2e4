"""What there is to tell followers, recorded when an editor publishes.

One notice per piece of news: a new event, a new SEQUENCE of an event (time, place or status
changed; a cancellation), new materials, a new board entry. While a notice is not yet sent,
further publishing of the same event folds into it and moves its ``due_at`` on by
``NOTICE_QUIET_PERIOD``: an editor saving five times in a minute makes one mail, sent once
the editing has come to rest. The dispatch (``tasks.dispatch_due_notices``) is queued once the
publishing has committed, so a notice of a change that is rolled back is never sent.
"""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from workgroups.materials import attached_document_ids
from workgroups.models import EventPage, WorkingGroupPage

from .models import Notice, NoticeKind

_EVENT_KINDS = (NoticeKind.NEW_EVENT, NoticeKind.CHANGED, NoticeKind.CANCELLED)


def quiet_period():
    """How long the editing must rest before followers hear of it. A task backend that cannot
    run a task later (development's immediate one) sends at once."""
    from .tasks import dispatch_due_notices

    if not dispatch_due_notices.get_backend().supports_defer:
        return dt.timedelta(0)
    return dt.timedelta(seconds=settings.NOTICE_QUIET_PERIOD)


def _announced_material_ids(event):
    announced = set()
    for ids in Notice.objects.filter(event=event).values_list("document_ids", flat=True):
        announced.update(ids)
    return announced


def record_event_published(event):
    """Note what followers of the event's working group should hear of this publishing."""
    if not isinstance(event.get_parent().specific, WorkingGroupPage):
        return
    now = timezone.now()
    due_at = now + quiet_period()
    notices = Notice.objects.select_for_update().filter(event=event)
    event_notices = list(notices.filter(kind__in=_EVENT_KINDS))
    recorded = []
    if not event_notices:
        if event.is_past:
            return  # an old meeting entered afterwards is nobody's news
        recorded.append(
            Notice.objects.create(
                kind=NoticeKind.CANCELLED if event.is_cancelled else NoticeKind.NEW_EVENT,
                event=event,
                sequence=event.ical_sequence,
                document_ids=attached_document_ids(event),
                due_at=due_at,
            )
        )
    else:
        recorded.extend(_record_change(event, event_notices, due_at))
        recorded.extend(_record_new_materials(event, notices, due_at))
    if recorded:
        _dispatch_when_due(due_at)


def _record_change(event, event_notices, due_at):
    told_sequence = max(notice.sequence for notice in event_notices)
    pending = [notice for notice in event_notices if notice.dispatched_at is None]
    if event.is_past or (told_sequence >= event.ical_sequence and not pending):
        return []
    kind = NoticeKind.CANCELLED if event.is_cancelled else NoticeKind.CHANGED
    if pending:
        # Not sent yet: the mail will show the event as it is then; wait for quiet again.
        notice = pending[-1]
        if notice.kind != NoticeKind.NEW_EVENT:
            notice.kind = kind
        notice.sequence = event.ical_sequence
        notice.due_at = due_at
        notice.save(update_fields=["kind", "sequence", "due_at"])
        return [notice]
    return [
        Notice.objects.create(kind=kind, event=event, sequence=event.ical_sequence, due_at=due_at)
    ]


def _record_new_materials(event, notices, due_at):
    announced = _announced_material_ids(event)
    new_ids = [pk for pk in attached_document_ids(event) if pk not in announced]
    if not new_ids or event.is_cancelled:
        return []
    pending = notices.filter(kind=NoticeKind.MATERIALS, dispatched_at__isnull=True).last()
    if pending is not None:
        pending.document_ids = sorted({*pending.document_ids, *new_ids})
        pending.due_at = due_at
        pending.save(update_fields=["document_ids", "due_at"])
        return [pending]
    return [
        Notice.objects.create(
            kind=NoticeKind.MATERIALS,
            event=event,
            sequence=event.ical_sequence,
            document_ids=new_ids,
            due_at=due_at,
        )
    ]


def record_entry_published(entry):
    """A board entry published for the first time is news for those following its topics or
    district; a corrected entry is not."""
    if Notice.objects.filter(entry=entry).exists():
        return
    due_at = timezone.now() + quiet_period()
    Notice.objects.create(kind=NoticeKind.BOARD_ENTRY, entry=entry, due_at=due_at)
    _dispatch_when_due(due_at)


def _dispatch_when_due(due_at):
    from .tasks import dispatch_due_notices

    def enqueue():
        if dispatch_due_notices.get_backend().supports_defer:
            dispatch_due_notices.using(run_after=due_at).enqueue()
        else:
            dispatch_due_notices.enqueue()

    transaction.on_commit(enqueue)


def event_published(sender, instance, **kwargs):
    """``page_published``: record the news of an event (any event type)."""
    if isinstance(instance, EventPage):
        with transaction.atomic():
            record_event_published(instance)
