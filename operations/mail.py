"""Every mail the site sends leaves through the task queue, never from the request itself.

``EMAIL_BACKEND`` is :class:`QueuedEmailBackend`. Whoever sends a mail (registrations, the
board, Django's password reset, Wagtail's moderation notifications) only puts it in the queue:
a :func:`deliver_mail` task carrying the message exactly as it was composed, its MIME bytes with
calendar parts, attachments, Date and Message-ID. The worker hands those bytes to the real
transport, ``EMAIL_DELIVERY_BACKEND`` (SMTP in production). While the mail server is down the
request does not notice; the task tries again after growing pauses for more than a day
(:data:`RETRY_DELAYS`) and then gives up with an error in the log. Once a task has delivered
its mail, or handed it to a retry, or given up, its row keeps the envelope but not the message:
reset and registration links stay valid for days, the rows for a month.

With the database task backend (production, ``manage.py db_worker``) the task row is written in
the caller's transaction: a mail about a change that is rolled back is never sent, and one about
a committed change is never lost. Other backends (the immediate one of development and tests)
run the task only once the transaction has committed; they cannot run a task later, so a mail
they fail to deliver is logged and dropped.
"""

import base64
import datetime as dt
import email
import email.policy
import functools
import hashlib
import json
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import MIMEMixin
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from django_tasks import task
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from .cache import count_within_the_hour

logger = logging.getLogger(__name__)

#: The pauses before the second, third, ... delivery attempt: together more than a day, so a
#: mail server that is down over a night or a weekend day still gets every mail afterwards.
RETRY_DELAYS = tuple(
    dt.timedelta(minutes=minutes) for minutes in (1, 5, 15, 30, 60, 120, 240, 360, 360, 360, 360)
)


class _MimeMessage(MIMEMixin, email.message.Message):
    """A parsed message that Django's backends can send (``as_bytes(linesep=...)``)."""


class QueuedMessage(EmailMultiAlternatives):
    """A mail taken from the queue: sent byte for byte as it was composed, and read (subject,
    addresses, text, HTML) the way a mail program reads it."""

    def __init__(self, queued):
        self.mime = base64.b64decode(queued["mime"])
        readable = email.message_from_bytes(self.mime, policy=email.policy.default)
        text = readable.get_body(preferencelist=("plain",))
        html = readable.get_body(preferencelist=("html",))
        super().__init__(
            subject=str(readable.get("Subject", "")).strip(),
            body=text.get_content() if text is not None else "",
            from_email=queued["sender"],
            to=_addresses(readable, "To"),
            cc=_addresses(readable, "Cc"),
            reply_to=_addresses(readable, "Reply-To"),
            alternatives=[(html.get_content(), "text/html")] if html is not None else None,
        )
        self.envelope_recipients = list(queued["recipients"])

    def message(self):
        return email.message_from_bytes(self.mime, _class=_MimeMessage)

    def recipients(self):
        """Everyone the mail goes to, Bcc included (Bcc is in no header)."""
        return list(self.envelope_recipients)


def _addresses(message, header):
    value = message.get(header)
    return [str(address) for address in value.addresses] if value is not None else []


def serialise(message):
    """What the queue stores of a Django ``EmailMessage``: envelope and MIME bytes."""
    return {
        "sender": message.from_email,
        "recipients": message.recipients(),
        "mime": base64.b64encode(message.message().as_bytes()).decode("ascii"),
    }


@task(takes_context=True)
def deliver_mail(context, queued, attempt=1):
    """Hand one queued mail to the real transport; on failure try again later, or give up."""
    message = QueuedMessage(queued)
    try:
        get_connection(settings.EMAIL_DELIVERY_BACKEND).send_messages([message])
    except Exception as error:
        return _retry_later(context, queued, message, attempt, error)
    _forget_the_message(context, queued, attempt)
    return {"delivered": True, "attempt": attempt}


def _retry_later(context, queued, message, attempt, error):
    can_wait = deliver_mail.get_backend().supports_defer
    if attempt > len(RETRY_DELAYS) or not can_wait or _refused_for_good(error):
        _forget_the_message(context, queued, attempt)
        logger.error(
            "E-Mail „%s“ an %s nach %d Versuch(en) aufgegeben: %s",
            message.subject,
            _recipients_for_the_log(message.recipients()),
            attempt,
            _error_for_the_log(error),
        )
        raise error
    next_attempt = timezone.now() + RETRY_DELAYS[attempt - 1]
    deliver_mail.using(run_after=next_attempt).enqueue(queued, attempt + 1)
    _forget_the_message(context, queued, attempt)
    logger.warning(
        "E-Mail „%s“ nicht zugestellt (Versuch %d): %s; nächster Versuch %s.",
        message.subject,
        attempt,
        error,
        timezone.localtime(next_attempt).strftime("%d.%m.%Y %H:%M"),
    )
    return {"delivered": False, "attempt": attempt, "next_attempt": next_attempt.isoformat()}


def _forget_the_message(context, queued, attempt):
    """Blank the message in this task's own row once the queue is done with it.

    The row stays until the daily ``prune_db_task_results`` (30 days), and a mail may carry
    links that work for days (a password reset, a registration's confirm and cancel links):
    whoever can read the database must not find them there. The row keeps the envelope only,
    so ``delete_past_registrations`` still finds the rows addressed to a registrant. A retry
    carries the message in its own new row. The worker's later status update writes only the
    status columns (django_tasks_db's ``set_successful``/``set_failed``), not the arguments.
    """
    if not isinstance(context.task_result.task.get_backend(), DatabaseBackend):
        return
    envelope = {"sender": queued["sender"], "recipients": queued["recipients"]}
    DBTaskResult.objects.filter(pk=context.task_result.id).update(
        args_kwargs={"args": [envelope, attempt], "kwargs": {}}
    )


def _recipients_for_the_log(addresses):
    """How many recipients at which domains: enough to find the mail, no mailbox in the log."""
    domains = sorted({address.rpartition("@")[2].lower() for address in addresses})
    return f"{len(addresses)} Empfänger ({', '.join(domains)})"


def _error_for_the_log(error):
    """The mail server's answer; for refused recipients their codes, not their addresses."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        answers = sorted(
            {f"{code} {text.decode(errors='replace')}" for code, text in error.recipients.values()}
        )
        return f"Empfänger abgelehnt ({'; '.join(answers)})"
    return error


def _refused_for_good(error):
    """The mail server answered that it will never take this mail (5xx for every recipient).

    Temporary refusals (4xx, such as greylisting) and every connection error are worth a retry.
    """
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _text in error.recipients.values())
    if isinstance(error, smtplib.SMTPSenderRefused | smtplib.SMTPDataError):
        return error.smtp_code >= 500
    return False


def _enqueue_with_the_transaction(queued):
    """Enqueue in the caller's transaction where the queue lives in the database; after the
    commit everywhere else, so no backend sends a mail about a change that is rolled back."""
    if isinstance(deliver_mail.get_backend(), DatabaseBackend):
        deliver_mail.enqueue(queued)
    else:
        transaction.on_commit(functools.partial(deliver_mail.enqueue, queued), robust=True)


class QueuedEmailBackend(BaseEmailBackend):
    """``EMAIL_BACKEND`` of the site: sending a mail means queueing it (see the module)."""

    def send_messages(self, email_messages):
        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            try:
                _enqueue_with_the_transaction(serialise(message))
            except Exception:
                if not self.fail_silently:
                    raise
                logger.exception("E-Mail „%s“ nicht eingereiht.", message.subject)
                continue
            queued += 1
        return queued


def mail_tasks_to(addresses, tasks=None):
    """The ``deliver_mail`` rows of ``tasks`` (by default all) whose envelope names any of
    ``addresses`` (Bcc included), in any letter case."""
    if tasks is None:
        tasks = DBTaskResult.objects.filter(task_path=deliver_mail.module_path)
    wanted = {address.strip().lower() for address in addresses}
    if not wanted:
        return tasks.none()
    # Narrowed in the database by the address in the JSON text, as typed or \u-escaped (SQLite
    # keeps JSON as escaped text); the envelope decides.
    mentioning = Q()
    for address in wanted:
        mentioning |= Q(args_kwargs__icontains=address)
        mentioning |= Q(args_kwargs__icontains=json.dumps(address)[1:-1])
    addressed = [
        pk
        for pk, args_kwargs in tasks.filter(mentioning).values_list("pk", "args_kwargs")
        if wanted & {address.lower() for address in _envelope(args_kwargs)["recipients"]}
    ]
    return tasks.filter(pk__in=addressed)


def _envelope(args_kwargs):
    """The argument ``queued`` of a ``deliver_mail`` row (only its envelope, once finished)."""
    args, kwargs = args_kwargs["args"], args_kwargs["kwargs"]
    return args[0] if args else kwargs.get("queued", {"recipients": []})


def _first_attempt(args_kwargs):
    args, kwargs = args_kwargs["args"], args_kwargs["kwargs"]
    return (args[1] if len(args) > 1 else kwargs.get("attempt", 1)) == 1


def within_hourly_limit(purpose, address, limit):
    """Whether one more mail of ``purpose`` may go to ``address`` this hour (and count it).

    Mails that anyone can trigger for any address (a password reset, a repeated registration)
    must not let a stranger flood a mailbox. The count lives in the cache; while the cache is
    unreachable the queue's own rows count instead (every mail to the address this hour,
    whatever its purpose, so never more than the limit). Fails closed: where neither can
    count (a queue outside the database), no such mail is sent; the page answers the same
    either way.
    """
    digest = hashlib.sha256(address.strip().lower().encode()).hexdigest()
    sent = count_within_the_hour(f"mail-limit:{purpose}:{digest}")
    if sent is None:
        return _within_hourly_limit_by_the_queue(purpose, address, limit)
    return sent <= limit


def _within_hourly_limit_by_the_queue(purpose, address, limit):
    if not isinstance(deliver_mail.get_backend(), DatabaseBackend):
        logger.warning("E-Mail-Zähler (%s) nicht erreichbar; E-Mail nicht verschickt.", purpose)
        return False
    this_hour = mail_tasks_to(
        [address],
        DBTaskResult.objects.filter(
            task_path=deliver_mail.module_path,
            enqueued_at__gte=timezone.now() - dt.timedelta(hours=1),
        ),
    )
    sent = sum(
        _first_attempt(args_kwargs)
        for args_kwargs in this_hour.values_list("args_kwargs", flat=True)
    )
    return sent < limit
