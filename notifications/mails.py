"""The mails followers receive: one per piece of news, or the weekly overview.

Each names why it came ("Sie folgen dem Arbeitskreis …"), links to the member's settings and
carries a one-click unsubscribe (``List-Unsubscribe``/``List-Unsubscribe-Post``, RFC 8058)
that works without a login. Sending only queues the mail (operations/mail.py).
"""

from django.conf import settings
from django.urls import reverse

from documents.models import CustomDocument
from operations.composed_mail import compose_mail

from .models import NoticeKind
from .unsubscribe import unsubscribe_url


def _site_url(page=None):
    site = page.get_site() if page is not None else None
    return site.root_url if site else settings.WAGTAILADMIN_BASE_URL


def _common(base_url, user, scope):
    return {
        "name": user.get_full_name() or user.get_username(),
        "settings_url": base_url + reverse("notifications:settings"),
        "unsubscribe_url": unsubscribe_url(base_url, user, scope),
    }


def notice_documents(notice):
    if not notice.document_ids:
        return []
    return list(CustomDocument.objects.filter(pk__in=notice.document_ids).order_by("title"))


def event_notice_context(notice, event):
    return {
        "notice": notice,
        "kind": notice.kind,
        "event": event,
        "event_url": event.get_full_url(),
        "working_group": event.get_parent(),
        "documents": notice_documents(notice) if notice.kind == NoticeKind.MATERIALS else [],
    }


def send_event_notice(follow, notice, event):
    base_url = _site_url(event)
    context = {
        **_common(base_url, follow.user, f"wg:{follow.pk}"),
        **event_notice_context(notice, event),
        "reason": "working_group",
    }
    _send("notifications/email/event_notice", context, follow.user)


def send_board_notice(follow, entry, board_url):
    base_url = _site_url()
    context = {
        **_common(base_url, follow.user, f"board:{follow.pk}"),
        "entry": entry,
        "entry_url": board_url,
        "follow": follow,
    }
    _send("notifications/email/board_notice", context, follow.user)


def send_digest(user, items):
    """``items``: dicts with ``kind``, ``title``, ``url``, ``when``, ``group`` and ``documents``."""
    base_url = _site_url()
    context = {**_common(base_url, user, "all"), "items": items}
    _send("notifications/email/digest", context, user)


def _send(template, context, user):
    compose_mail(
        template, context, to=[user.email], unsubscribe_url=context["unsubscribe_url"]
    ).send()
