"""Mails that mail programs and calendars understand: a text and an HTML part, and for an
invitation the calendar part Outlook and webmail apply to the existing entry.

:func:`compose_mail` renders ``{template}_subject.txt`` (one line), ``{template}.txt`` (the text
part) and ``{template}.html`` (the HTML part, extending ``email/base.html``). Both parts get
``site_name`` and, when given, ``unsubscribe_url`` in their context; the HTML base shows the
unsubscribe link in its footer, and the text part ends with it.

With a calendar the message is built as Google Calendar and Outlook send invitations::

    multipart/mixed
      multipart/alternative
        text/plain
        text/html
        text/calendar; method=REQUEST; charset="utf-8"
      application/ics (einladung.ics, attachment)

The message is only composed; the caller sends it (through the queue, operations/mail.py).
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

CALENDAR_FILENAME = "einladung.ics"

_QUOTES = {"„": "“", '"': '"', "“": "”", "»": "«", "«": "»", "‚": "‘"}


def quoted(title):
    """The title in German quotation marks „…“, unless it already comes quoted (an event
    called „Mobilität 2030“ keeps its own marks instead of getting a second pair)."""
    title = str(title).strip()
    if len(title) >= 2 and _QUOTES.get(title[0]) == title[-1]:
        return title
    return f"„{title}“"


class _CalendarMail(EmailMultiAlternatives):
    """An ``EmailMultiAlternatives`` whose ``text/calendar`` alternative carries the iTIP
    ``method`` parameter (RFC 6047), which calendar programs read before the body."""

    calendar_method = None

    def _create_mime_attachment(self, content, mimetype):
        part = super()._create_mime_attachment(content, mimetype)
        if mimetype == "text/calendar" and self.calendar_method:
            part.set_param("method", self.calendar_method)
        return part


def compose_mail(
    template,
    context,
    *,
    to,
    calendar=None,
    calendar_method=None,
    unsubscribe_url=None,
    reply_to=None,
    headers=None,
) -> EmailMultiAlternatives:
    """The mail ``template`` for the addresses ``to``, not yet sent."""
    context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        **(context or {}),
        "unsubscribe_url": unsubscribe_url,
    }
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    text = render_to_string(f"{template}.txt", context)
    if unsubscribe_url:
        text = (
            text.rstrip("\n") + "\n\n" + _("Diese E-Mails abbestellen:") + f"\n{unsubscribe_url}\n"
        )
    html = render_to_string(f"{template}.html", context)
    all_headers = dict(headers or {})
    if unsubscribe_url:
        all_headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        all_headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = _CalendarMail(
        subject,
        text,
        to=list(to) if not isinstance(to, str) else [to],
        reply_to=list(reply_to) if reply_to else None,
        headers=all_headers,
    )
    message.attach_alternative(html, "text/html")
    if calendar is not None:
        if isinstance(calendar, str):
            calendar = calendar.encode()
        method = calendar_method or "PUBLISH"
        message.calendar_method = method
        message.attach_alternative(calendar.decode(), "text/calendar")
        message.attach(CALENDAR_FILENAME, calendar, "application/ics")
    return message
