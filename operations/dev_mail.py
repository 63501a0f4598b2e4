"""Development mail: every mail a file of its own, and a page in the admin to read them.

In development (``config/settings/dev.py``) the mail queue (``operations/mail.py``) delivers through
:class:`MailFolderBackend`, which writes each message as one ``.eml`` file into
``DEV_MAIL_DIR`` (``var/mail/``), named by time and subject. Django's own file backend writes
one file per connection, so several mails can share a file, and its console backend buries
mails among the server's log lines. Staff read the files in the admin under
"Entwicklungs-E-Mails" and can follow a registration's confirmation link from there; the page
exists only while ``DEBUG`` is on and this backend delivers (:func:`is_active`).

The HTML part of a mail is shown in a sandboxed frame served with a strict Content Security
Policy (no script, no form, no request anywhere; links open in a new tab), so a mail's markup
can never act inside the admin.
"""

import email
import email.policy
import email.utils
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail.backends.base import BaseEmailBackend
from django.http import FileResponse, Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

#: Newest mails the admin page lists; older files stay in the folder.
LISTED_MAILS = 200
FILE_NAME_SUBJECT_LENGTH = 60
FILE_NAME = re.compile(r"^[\w.-]+\.eml$")
#: What the HTML part of a mail may do in its frame: show itself with its inline styles and
#: inline images, open links in a new tab. Nothing else.
HTML_PART_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'self'; "
    "sandbox allow-popups allow-popups-to-escape-sandbox"
)
OPEN_LINKS_IN_A_NEW_TAB = '<base target="_blank">'


def mail_folder():
    return Path(getattr(settings, "DEV_MAIL_DIR", settings.BASE_DIR / "var" / "mail"))


def is_active():
    """Whether mails land in the folder and may be read in the admin: development only."""
    delivery_backend = settings.EMAIL_DELIVERY_BACKEND
    return settings.DEBUG and delivery_backend == BACKEND_PATH


class MailFolderBackend(BaseEmailBackend):
    """Writes each mail into its own ``.eml`` file in :func:`mail_folder` (see the module)."""

    def send_messages(self, email_messages):
        folder = mail_folder()
        folder.mkdir(parents=True, exist_ok=True)
        written = 0
        for message in email_messages:
            if not message.recipients():
                continue
            mime = message.message()
            # Bcc is in no header; the file names everyone the mail went to.
            mime["X-Envelope-To"] = ", ".join(message.recipients())
            _write_new_file(folder, _file_stem(message.subject), mime.as_bytes())
            written += 1
        return written


BACKEND_PATH = f"{MailFolderBackend.__module__}.{MailFolderBackend.__qualname__}"


def _file_stem(subject):
    moment = timezone.localtime().strftime("%Y%m%d-%H%M%S-%f")
    slug = slugify(subject)
    if len(slug) > FILE_NAME_SUBJECT_LENGTH:  # cut after a whole word
        slug = slug[: FILE_NAME_SUBJECT_LENGTH + 1].rsplit("-", 1)[0][:FILE_NAME_SUBJECT_LENGTH]
    return f"{moment}-{slug or 'ohne-betreff'}"


def _write_new_file(folder, stem, content):
    """Never overwrite: two mails with one subject in one microsecond get a counter."""
    for number in range(1000):
        name = f"{stem}.eml" if number == 0 else f"{stem}-{number}.eml"
        try:
            with (folder / name).open("xb") as file:
                file.write(content)
        except FileExistsError:
            continue
        return name
    raise FileExistsError(folder / f"{stem}.eml")


@dataclass(frozen=True)
class DevMail:
    """One mail file, read as a mail program reads it."""

    name: str
    subject: str
    sender: str
    to: list
    cc: list
    recipients: list
    sent_at: datetime
    text: str | None
    html: str | None
    attachments: list

    @classmethod
    def read(cls, path):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        text = message.get_body(preferencelist=("plain",))
        html = message.get_body(preferencelist=("html",))
        return cls(
            name=path.name,
            subject=str(message.get("Subject", "")).strip(),
            sender=str(message.get("From", "")),
            to=_addresses(message, "To"),
            cc=_addresses(message, "Cc"),
            recipients=_recipients(message),
            sent_at=_sent_at(message, path),
            text=text.get_content() if text is not None else None,
            html=html.get_content() if html is not None else None,
            attachments=[
                {
                    "name": part.get_filename() or "",
                    "type": part.get_content_type(),
                    "size": len(part.get_payload(decode=True) or b""),
                }
                for part in message.iter_attachments()
            ],
        )


def _addresses(message, header):
    value = message.get(header)
    return [str(address) for address in value.addresses] if value is not None else []


def _recipients(message):
    """Everyone the mail went to (Bcc included), as the backend noted it; else To and Cc."""
    noted = str(message.get("X-Envelope-To", ""))
    if noted:
        return [address.strip() for address in noted.split(",") if address.strip()]
    return _addresses(message, "To") + _addresses(message, "Cc")


def _sent_at(message, path):
    try:
        return timezone.localtime(email.utils.parsedate_to_datetime(message["Date"]))
    except (TypeError, ValueError):
        return timezone.localtime(
            datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.get_current_timezone())
        )


def newest_mails(limit=LISTED_MAILS):
    """The newest mails first (the file names start with the time)."""
    folder = mail_folder()
    if not folder.is_dir():
        return [], 0
    paths = sorted(folder.glob("*.eml"), key=lambda path: path.name, reverse=True)
    return [DevMail.read(path) for path in paths[:limit]], len(paths)


def _path_named(name):
    """The file of that name in the folder; 404 for any other name."""
    folder = mail_folder()
    path = folder / name
    if not FILE_NAME.match(name) or path.parent != folder or not path.is_file():
        raise Http404
    return path


def mail_named(name):
    return DevMail.read(_path_named(name))


class StaffInDevelopmentMixin:
    """Only while mails land in the folder (404 otherwise), and for staff only: the mails
    carry every person's personal links. Wagtail's admin URLs already require a login."""

    def dispatch(self, request, *args, **kwargs):
        if not is_active():
            raise Http404
        if not request.user.is_staff:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class DevMailIndexView(StaffInDevelopmentMixin, WagtailAdminTemplateMixin, TemplateView):
    """The mails sent in development, newest first."""

    template_name = "home/admin/dev_mail_index.html"
    page_title = _("Entwicklungs-E-Mails")
    header_icon = "mail"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        mails, total = newest_mails()
        return super().get_context_data(mails=mails, total=total, folder=mail_folder(), **kwargs)


class DevMailView(StaffInDevelopmentMixin, WagtailAdminTemplateMixin, TemplateView):
    """One mail: its headers, its text part with clickable links, its HTML part in a frame."""

    template_name = "home/admin/dev_mail.html"
    header_icon = "mail"

    def get_page_title(self):
        return self.mail.subject or _("(ohne Betreff)")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("dev_mail_index"), "label": DevMailIndexView.page_title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get(self, request, *args, name, **kwargs):
        self.mail = mail_named(name)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(mail=self.mail, **kwargs)


class DevMailHtmlPartView(StaffInDevelopmentMixin, View):
    """The HTML part of a mail on its own, for the sandboxed frame of :class:`DevMailView`."""

    def get(self, request, name):
        html = mail_named(name).html
        if html is None:
            raise Http404
        response = HttpResponse(_links_in_a_new_tab(html), content_type="text/html; charset=utf-8")
        response["Content-Security-Policy"] = HTML_PART_POLICY
        response["Cache-Control"] = "no-store"
        return response


class DevMailFileView(StaffInDevelopmentMixin, View):
    """The mail as its ``.eml`` file, to open it in a mail program."""

    def get(self, request, name):
        path = _path_named(name)
        return FileResponse(
            path.open("rb"), as_attachment=True, filename=path.name, content_type="message/rfc822"
        )


def _links_in_a_new_tab(html):
    """A ``<base target>`` right after ``<head>`` (before the document otherwise)."""
    head = re.search(r"<head\b[^>]*>", html, flags=re.IGNORECASE)
    if head is None:
        return OPEN_LINKS_IN_A_NEW_TAB + html
    return html[: head.end()] + OPEN_LINKS_IN_A_NEW_TAB + html[head.end() :]


class DevMailMenuItem(MenuItem):
    """Shown to staff, and only while mails land in the folder."""

    def is_shown(self, request):
        return is_active() and request.user.is_staff
