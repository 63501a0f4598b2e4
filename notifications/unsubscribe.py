"""One-click unsubscribe links (RFC 8058): signed, so they work without a login, and each
names exactly what it ends.

The link carries the account and a scope: ``wg:<follow id>`` ends the mails of one working
group (it stays followed, so its events stay in the personal calendar), ``board:<follow id>``
one board subscription, ``all`` every notification mail (the weekly overview's link). A
follow removed meanwhile makes the link a harmless no-op.
"""

from django.core import signing
from django.urls import reverse

from .models import BoardFollow, WorkingGroupFollow

SALT = "notifications.unsubscribe"


def unsubscribe_token(user, scope):
    return signing.dumps({"u": user.pk, "s": scope}, salt=SALT, compress=True)


def unsubscribe_url(base_url, user, scope):
    return base_url + reverse("notifications:unsubscribe", args=[unsubscribe_token(user, scope)])


def read_token(token):
    """``(user_id, scope)``, or ``None`` for a link that was not made here."""
    try:
        payload = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("s"), str):
        return None
    return payload.get("u"), payload["s"]


def describe(user_id, scope):
    """What the link ends, in words for the confirmation page ("" when nothing is left)."""
    kind, _sep, pk = scope.partition(":")
    if kind == "wg":
        follow = WorkingGroupFollow.objects.filter(pk=pk, user_id=user_id).first()
        return follow.working_group.title if follow and follow.gets_mail else ""
    if kind == "board":
        follow = BoardFollow.objects.filter(pk=pk, user_id=user_id).first()
        return follow.description if follow else ""
    if kind == "all":
        return "all"
    return ""


def unsubscribe(user_id, scope):
    """End what the link names; answers whether anything was still subscribed."""
    kind, _sep, pk = scope.partition(":")
    if kind == "wg":
        return bool(
            WorkingGroupFollow.objects.filter(pk=pk, user_id=user_id).update(
                new_events=False, changes=False, materials=False
            )
        )
    if kind == "board":
        return bool(BoardFollow.objects.filter(pk=pk, user_id=user_id).delete()[0])
    if kind == "all":
        stopped = WorkingGroupFollow.objects.filter(user_id=user_id).update(
            new_events=False, changes=False, materials=False
        )
        deleted, _counts = BoardFollow.objects.filter(user_id=user_id).delete()
        return bool(stopped or deleted)
    return False
