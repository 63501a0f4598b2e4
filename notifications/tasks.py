"""Telling followers, in the background worker: each due notice once, and the weekly overview.

A notice is dispatched in its own transaction: its mails are queued (operations/mail.py) and it is
marked sent together, so a worker stopped halfway sends nobody the same news twice and skips
nobody. Who hears of it is read at that moment: a follower who unsubscribed or whose account
is gone meanwhile gets nothing, and nobody hears of an event they may not see.
"""

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from django_tasks import task

from board.entries import CooperationEntry
from board.pages import BoardPage
from home.members import is_member
from registrations.models import Registration
from workgroups.models import EventPage

from . import mails
from .models import (
    INTEREST_FOR_KIND,
    BoardFollow,
    Delivery,
    DigestItem,
    MailPreference,
    Notice,
    NoticeKind,
    WorkingGroupFollow,
)
from .visibility import may_see, restrictions_of

DIGEST_INTERVAL = dt.timedelta(days=7)


@task()
def dispatch_due_notices():
    """Send every notice whose editing has come to rest."""
    while True:
        with transaction.atomic():
            notice = (
                Notice.objects.select_for_update(skip_locked=True)
                .filter(dispatched_at__isnull=True, due_at__lte=timezone.now())
                .first()
            )
            if notice is None:
                return
            if notice.event_id:
                _dispatch_event_notice(notice)
            elif notice.entry_id:
                _dispatch_board_notice(notice)
            notice.dispatched_at = timezone.now()
            notice.save(update_fields=["dispatched_at"])


def _wants_weekly(user):
    try:
        return user.mail_preference.delivery == Delivery.WEEKLY
    except MailPreference.DoesNotExist:
        return False


def _with_recipients(follows):
    """``follows`` with what deciding about each recipient reads: the account, its mail
    preference and groups, in three queries for all of them."""
    return follows.select_related("user", "user__mail_preference").prefetch_related("user__groups")


def _may_receive(user):
    return user.is_active and bool(user.email) and is_member(user)


def _dispatch_event_notice(notice):
    event = EventPage.objects.live().filter(pk=notice.event_id).specific().first()
    if event is None:
        return  # unpublished meanwhile: nothing to tell
    follows = WorkingGroupFollow.objects.filter(
        working_group_id=event.get_parent().pk, **{INTEREST_FOR_KIND[notice.kind]: True}
    )
    if notice.kind in (NoticeKind.CHANGED, NoticeKind.CANCELLED):
        # Registrants get the updated invitation (or its cancellation) anyway.
        told = Registration.objects.told_of_changes(event).values("user_id")
        follows = follows.exclude(user_id__in=told)
    restrictions = restrictions_of(event)
    for follow in _with_recipients(follows):
        if not (_may_receive(follow.user) and may_see(follow.user, event, restrictions)):
            continue
        if _wants_weekly(follow.user):
            DigestItem.objects.get_or_create(user=follow.user, notice=notice)
        else:
            mails.send_event_notice(follow, notice, event)


def board_follows_matching(entry):
    topic_ids = list(entry.topics.values_list("pk", flat=True))
    district = entry.municipality.district
    return _with_recipients(
        BoardFollow.objects.filter(
            Q(topic_id__in=topic_ids, district="")
            | Q(topic__isnull=True, district=district)
            | Q(topic_id__in=topic_ids, district=district)
        )
        .select_related("topic")
        .order_by("user_id", "pk")
    )


def entry_full_url(board, entry):
    return board.get_full_url() + board.reverse_subpage("entry", args=(entry.slug,))


def _dispatch_board_notice(notice):
    entry = CooperationEntry.objects.on_board().filter(pk=notice.entry_id).first()
    board = BoardPage.objects.live().first()
    if entry is None or board is None:
        return
    told = set()
    for follow in board_follows_matching(entry):
        user = follow.user
        if user.pk in told or user.pk == entry.submitted_by_id or not _may_receive(user):
            continue
        told.add(user.pk)
        if _wants_weekly(user):
            DigestItem.objects.get_or_create(user=user, notice=notice)
        else:
            mails.send_board_notice(follow, entry, entry_full_url(board, entry))


@task()
def send_weekly_digests():
    """Everyone on the weekly overview whose last one is a week old gets what gathered."""
    now = timezone.now()
    due = MailPreference.objects.filter(delivery=Delivery.WEEKLY).filter(
        Q(last_digest_at__isnull=True) | Q(last_digest_at__lte=now - DIGEST_INTERVAL)
    )
    for preference in due.select_related("user"):
        with transaction.atomic():
            items = list(
                DigestItem.objects.select_for_update()
                .filter(user=preference.user)
                .select_related("notice")
            )
            if not items:
                continue
            lines = digest_lines(preference.user, [item.notice for item in items])
            if lines and _may_receive(preference.user):
                mails.send_digest(preference.user, lines)
            DigestItem.objects.filter(pk__in=[item.pk for item in items]).delete()
            MailPreference.objects.filter(pk=preference.pk).update(last_digest_at=now)


def digest_lines(user, notices):
    """The overview's lines, checked again now: gone or hidden events are left out."""
    lines = []
    board = BoardPage.objects.live().first()
    for notice in sorted(notices, key=lambda notice: notice.due_at):
        if notice.event_id:
            event = EventPage.objects.live().filter(pk=notice.event_id).specific().first()
            if event is None or not may_see(user, event):
                continue
            lines.append(
                {
                    "kind": notice.get_kind_display(),
                    "title": event.title,
                    "url": event.get_full_url(),
                    "when": event.date_display,
                    "group": event.get_parent().title,
                    "documents": mails.notice_documents(notice)
                    if notice.kind == NoticeKind.MATERIALS
                    else [],
                }
            )
        elif notice.entry_id and board is not None:
            entry = CooperationEntry.objects.on_board().filter(pk=notice.entry_id).first()
            if entry is None:
                continue
            lines.append(
                {
                    "kind": notice.get_kind_display(),
                    "title": str(entry),
                    "url": entry_full_url(board, entry),
                    "when": "",
                    "group": entry.municipality.name,
                    "documents": [],
                }
            )
    return lines
