"""The e-mails of the moderation workflows read as German, for pages and board entries alike.

Wagtail's own notification templates glue the model's name into English sentence patterns
("Sie können das Eintrag der Kooperationsbörse-Objekt hier bearbeiten"); the project overrides
every one of them in ``templates/wagtailadmin/notifications/``. The tests drive the workflows
the way people do (a member proposes an entry on the site, a moderator decides in the admin,
an editor submits a page in the admin) and read the mails that arrive.
"""

import datetime as dt
import re
from html import unescape
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings as django_settings
from django.template.loader import get_template, render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

import wagtail
from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier
from wagtail.test.utils.form_data import querydict_from_html

import pytest

from board.models import CooperationEntry
from taxonomy.models import Municipality
from tests.factories import MeetingPageFactory, TopicFactory, UserFactory
from tests.mailserver import MailServer, pauses_pass, run_queue

pytestmark = pytest.mark.django_db

ENTRY_TITLE = "Partner für Bauhof & Vergabestelle gesucht"
ENTRY = f"Eintrag der Kooperationsbörse „Nachfrage: {ENTRY_TITLE}“"
ENTRY_HTML = ENTRY.replace("&", "&amp;")
MEETING_TITLE = "Arbeitskreistreffen Digitale Verwaltung"
MEETING = f"Seite „{MEETING_TITLE}“"
NOTIFICATIONS = "wagtailadmin/notifications"

# Words of Wagtail's English templates and of its default page workflow "Moderators approval".
ENGLISH = re.compile(
    r"\b(the|has|been|you|your|hello|here|page|edit|preview|submitted|approved|rejected|"
    r"approval|moderators?|stage|workflow|task|comments?|notifications?|preferences)\b",
    re.IGNORECASE,
)
URL = re.compile(r"https?://\S+")


@pytest.fixture(autouse=True)
def html_mails(settings):
    """Wagtail attaches the HTML alternative only when asked to; both versions are read."""
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True


@pytest.fixture
def named_member(member):
    member.first_name, member.last_name = "Mia", "Mitglied"
    member.save()
    return member


@pytest.fixture
def named_moderator(moderator):
    moderator.first_name, moderator.last_name = "Maria", "Moderation"
    moderator.save()
    return moderator


@pytest.fixture
def named_editor(editor):
    editor.first_name, editor.last_name = "Rita", "Redaktion"
    editor.save()
    return editor


@pytest.fixture
def submitted_entry(board, named_member, named_moderator):
    """A member proposes an entry on the site; it waits in the board's workflow."""
    municipality = Municipality.objects.create(name="Borchen", district="paderborn")
    topic = TopicFactory(name="Zentrale Vergabestelle", slug="vergabestelle")
    client = Client()
    client.force_login(named_member)
    response = client.post(
        f"{board.url}eintragen/",
        {
            "kind": "request",
            "title": ENTRY_TITLE,
            "municipality": str(municipality.pk),
            "topics": [str(topic.pk)],
            "description": "Wir suchen eine Nachbarkommune für eine gemeinsame Vergabestelle.",
            "legal_form": "",
            "phase": "idea",
            "valid_until": (timezone.localdate() + dt.timedelta(days=60)).isoformat(),
            "contact_name": "Frau Beispiel",
            "contact_email": "vergabe@borchen.example.org",
            "contact_phone": "",
            "webseite": "",
        },
    )
    assert response.status_code == 302
    return CooperationEntry.objects.get(title=ENTRY_TITLE)


@pytest.fixture
def submitted_meeting(working_group, named_editor, named_moderator):
    """An editor changes a published meeting page and submits it in the admin."""
    meeting = MeetingPageFactory(parent=working_group, title=MEETING_TITLE)
    client = Client()
    client.force_login(named_editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[meeting.pk])
    form_data = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")
    # StreamFields build their inputs in JavaScript.
    form_data["body-count"] = "0"
    form_data["action-submit"] = "1"  # "Zur Freigabe einreichen"
    response = client.post(edit_url, form_data)
    assert response.status_code == 302
    return meeting


def _decide(moderator, url_name, object_id, task_state, action, comment=""):
    """The moderator clicks "Freigeben" or "Änderungen anfordern" in the admin."""
    client = Client()
    client.force_login(moderator)
    url = reverse(url_name, args=[object_id, action, task_state.pk])
    assert client.post(url, {"comment": comment}).status_code == 302


def _decide_on_entry(entry, moderator, action, comment=""):
    task_state = entry.current_workflow_state.current_task_state
    url_name = "wagtailsnippets_board_cooperationentry:workflow_action"
    _decide(moderator, url_name, entry.pk, task_state, action, comment)


def _mail_to(mailoutbox, user, subject_start):
    (mail,) = [
        mail
        for mail in mailoutbox
        if mail.to == [user.email] and mail.subject.startswith(subject_start)
    ]
    return mail


def _html(mail):
    ((content, mimetype),) = mail.alternatives
    assert mimetype == "text/html"
    return content


def _sentences(html):
    """The HTML alternative as a person reads it: the body's text, whitespace collapsed."""
    body = re.sub(r"<head>.*</head>", "", html, flags=re.DOTALL)
    return re.sub(r"\s+", " ", unescape(strip_tags(body))).strip()


def _assert_reads_as_german(subject, text, html):
    """No English, no model name glued into a phrase, no HTML entities in the plain text."""
    for version in (subject, text, _sentences(html)):
        readable = URL.sub("", version)
        assert not ENGLISH.findall(readable), readable
        assert "das Eintrag" not in readable.lower() and "-Objekt" not in readable
    assert not re.search(r"&(amp|quot|lt|gt|nbsp|#\d+|#x[0-9a-f]+);", subject + text)
    assert "\n" not in subject
    assert '<html lang="de">' in html


def _assert_german_mail(mail):
    _assert_reads_as_german(mail.subject, mail.body, _html(mail))


def test_a_members_entry_asks_the_moderators_for_approval(
    submitted_entry, named_moderator, mailoutbox
):
    mail = _mail_to(mailoutbox, named_moderator, "Bitte um Freigabe")

    task_id = submitted_entry.current_workflow_state.current_task_state.task_id
    admin = "http://testserver/admin/snippets/board/cooperationentry"
    edit_url = f"{admin}/edit/{submitted_entry.pk}/"
    preview_url = f"{admin}/workflow/preview/{submitted_entry.pk}/{task_id}/"
    assert mail.subject == f"Bitte um Freigabe: {ENTRY}"
    assert mail.body.startswith(
        "Guten Tag Maria Moderation,\n\n"
        f"Mia Mitglied hat zur Freigabe eingereicht: {ENTRY}.\n\n"
        "Bitte prüfen Sie die Einreichung und geben Sie sie frei oder fordern Sie Änderungen an.\n"
    )
    assert f"\nVorschau: {preview_url}\n" in mail.body
    assert f"\nPrüfen und entscheiden: {edit_url}\n" in mail.body
    assert mail.body.endswith(
        "Welche Benachrichtigungen Sie per E-Mail erhalten, legen Sie in Ihrem Konto fest: "
        "http://testserver/admin/account/#tab-notifications"
    )
    html = _html(mail)
    assert f"<p>Mia Mitglied hat zur Freigabe eingereicht: {ENTRY_HTML}.</p>" in html
    assert f'Vorschau: <a href="{preview_url}">' in html
    assert f'Prüfen und entscheiden: <a href="{edit_url}">' in html
    _assert_german_mail(mail)


def test_approval_tells_the_member_in_german(
    submitted_entry, named_member, named_moderator, mailoutbox
):
    _decide_on_entry(submitted_entry, named_moderator, "approve")

    mail = _mail_to(mailoutbox, named_member, "Freigegeben")
    assert mail.subject == f"Freigegeben: {ENTRY}"
    # Members have no admin access: no links into the admin, not even to the preferences.
    assert mail.body == (
        "Guten Tag Mia Mitglied,\n\n"
        f"Ihre Einreichung wurde freigegeben: {ENTRY}.\n\n"
        "Diese Nachricht wurde automatisch versandt."
    )
    html = _html(mail)
    assert f"<p>Ihre Einreichung wurde freigegeben: {ENTRY_HTML}.</p>" in html
    assert "/admin/" not in html
    _assert_german_mail(mail)


def test_a_request_for_changes_tells_the_member_what_to_change(
    submitted_entry, named_member, named_moderator, mailoutbox
):
    _decide_on_entry(submitted_entry, named_moderator, "reject", "Bitte den Kreis ergänzen.")

    mail = _mail_to(mailoutbox, named_member, "Änderungen erbeten")
    assert mail.subject == f"Änderungen erbeten: {ENTRY}"
    assert (
        f"Maria Moderation hat Änderungen an Ihrer Einreichung angefordert: {ENTRY}.\n\n"
        "Kommentar: „Bitte den Kreis ergänzen.“\n\n"
        "Bitte überarbeiten Sie Ihre Einreichung und reichen Sie sie erneut ein."
    ) in mail.body
    html = _html(mail)
    assert (
        f"<p>Maria Moderation hat Änderungen an Ihrer Einreichung angefordert: {ENTRY_HTML}.</p>"
    ) in html
    assert "<p>Kommentar: „Bitte den Kreis ergänzen.“</p>" in html
    assert "/admin/" not in mail.body + html
    _assert_german_mail(mail)


def test_a_page_submitted_in_the_admin_asks_the_moderation_group(
    submitted_meeting, named_moderator, mailoutbox
):
    # Wagtail's default page workflow; its (once English) name does not appear in the mail.
    mail = _mail_to(mailoutbox, named_moderator, "Bitte um Freigabe")

    task_id = submitted_meeting.current_workflow_state.current_task_state.task_id
    edit_url = f"http://testserver/admin/pages/{submitted_meeting.pk}/edit/"
    preview_url = (
        f"http://testserver/admin/pages/workflow/preview/{submitted_meeting.pk}/{task_id}/"
    )
    assert mail.subject == f"Bitte um Freigabe: {MEETING}"
    assert mail.body.startswith(
        "Guten Tag Maria Moderation,\n\n"
        f"Rita Redaktion hat zur Freigabe eingereicht: {MEETING}.\n\n"
    )
    assert f"\nVorschau: {preview_url}\n" in mail.body
    assert f"\nPrüfen und entscheiden: {edit_url}\n" in mail.body
    html = _html(mail)
    assert f"<p>Rita Redaktion hat zur Freigabe eingereicht: {MEETING}.</p>" in html
    assert f'Prüfen und entscheiden: <a href="{edit_url}">' in html
    _assert_german_mail(mail)


def test_an_approved_page_tells_the_editor_where_to_see_it(
    submitted_meeting, named_editor, named_moderator, mailoutbox
):
    task_state = submitted_meeting.current_workflow_state.current_task_state
    _decide(
        named_moderator,
        "wagtailadmin_pages:workflow_action",
        submitted_meeting.pk,
        task_state,
        "approve",
    )

    mail = _mail_to(mailoutbox, named_editor, "Freigegeben")
    submitted_meeting.refresh_from_db()
    assert mail.subject == f"Freigegeben: {MEETING}"
    assert mail.body.startswith(
        f"Guten Tag Rita Redaktion,\n\nIhre Einreichung wurde freigegeben: {MEETING}.\n\n"
        f"Seite ansehen: {submitted_meeting.full_url}\n\n"
    )
    assert "http://testserver/admin/account/#tab-notifications" in mail.body
    assert f'Seite ansehen: <a href="{submitted_meeting.full_url}">' in _html(mail)
    _assert_german_mail(mail)


@pytest.fixture
def mail_server_down(settings):
    """Production's mail path (task queue, SMTP), with the mail server down at first."""
    with MailServer.down(settings) as server:
        yield server


@pytest.mark.usefixtures("migrated_database")
def test_a_submission_while_the_mail_server_is_down_reaches_the_moderators_after(
    mail_server_down, submitted_entry, named_moderator
):
    # The submission itself went through (the fixture checks its redirect) and waits.
    assert submitted_entry.current_workflow_state.status == "in_progress"
    assert not submitted_entry.live
    run_queue()
    assert mail_server_down.received == []

    mail_server_down.start()
    pauses_pass()
    run_queue()

    (mail,) = mail_server_down.messages_to(named_moderator.email)
    assert str(mail["Subject"]).strip() == f"Bitte um Freigabe: {ENTRY}"
    text = mail.get_body(preferencelist=("plain",)).get_content()
    html = mail.get_body(preferencelist=("html",)).get_content()
    assert text.startswith("Guten Tag Maria Moderation,")
    _assert_reads_as_german(str(mail["Subject"]).strip(), text, html)


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", first_name="Ada", last_name="Admin", is_superuser=True)


def test_superusers_hear_of_every_submission(superuser, submitted_entry, mailoutbox):
    # ``superuser`` comes first: it exists when the member submits.
    informed = _mail_to(mailoutbox, superuser, "Zur Freigabe eingereicht")
    asked = _mail_to(mailoutbox, superuser, "Bitte um Freigabe")

    edit_url = f"http://testserver/admin/snippets/board/cooperationentry/edit/{submitted_entry.pk}/"
    assert informed.subject == f"Zur Freigabe eingereicht: {ENTRY}"
    assert informed.body.startswith(
        "Guten Tag Ada Admin,\n\n"
        f"Mia Mitglied hat zur Freigabe eingereicht: {ENTRY}.\n\n"
        f"Ansehen und bearbeiten: {edit_url}\n\n"
    )
    assert f"<p>Mia Mitglied hat zur Freigabe eingereicht: {ENTRY_HTML}.</p>" in _html(informed)
    assert asked.subject == f"Bitte um Freigabe: {ENTRY}"
    _assert_german_mail(informed)
    _assert_german_mail(asked)


def _wagtail_notification_templates():
    folder = Path(wagtail.__file__).parent / "admin" / "templates" / NOTIFICATIONS
    return sorted(path.name for path in folder.iterdir())


def test_every_wagtail_notification_template_is_overridden():
    project_folder = Path(django_settings.BASE_DIR) / "templates" / NOTIFICATIONS

    names = _wagtail_notification_templates()

    assert "task_state_submitted.txt" in names and "base.html" in names
    assert sorted(path.name for path in project_folder.iterdir()) == names
    for name in names:
        assert Path(get_template(f"{NOTIFICATIONS}/{name}").origin.name).parent == project_folder


def _render(notification, context):
    return (
        render_to_string(f"{NOTIFICATIONS}/{notification}_subject.txt", context).strip(),
        render_to_string(f"{NOTIFICATIONS}/{notification}.txt", context).strip(),
        render_to_string(f"{NOTIFICATIONS}/{notification}.html", context),
    )


@pytest.mark.parametrize(
    ("notification", "subject", "sentence"),
    [
        (
            "task_state_approved",
            "Arbeitsschritt „Freigabe durch die Moderation“ freigegeben: " + ENTRY,
            "Im Arbeitsschritt „Freigabe durch die Moderation“ freigegeben: " + ENTRY + ".",
        ),
        (
            "task_state_rejected",
            "Änderungen erbeten im Arbeitsschritt „Freigabe durch die Moderation“: " + ENTRY,
            "Im Arbeitsschritt „Freigabe durch die Moderation“ wurden Änderungen angefordert: "
            + ENTRY
            + ".",
        ),
    ],
)
def test_task_state_mails_no_notifier_sends_today_read_as_german(
    submitted_entry, named_moderator, notification, subject, sentence
):
    """Wagtail ships these without sending them; a custom notifier would get this context."""
    task_state = submitted_entry.current_workflow_state.current_task_state.specific
    context = GroupApprovalTaskStateSubmissionEmailNotifier().get_context(task_state)
    context["user"] = named_moderator

    rendered_subject, text, html = _render(notification, context)

    assert rendered_subject == subject
    assert sentence in text
    assert sentence.replace("&", "&amp;") in html
    _assert_reads_as_german(rendered_subject, text, html)


@pytest.mark.parametrize(
    ("notification", "subject", "sentence"),
    [
        ("approved", f"Freigegeben: {MEETING}", f"Ihre Einreichung wurde freigegeben: {MEETING}."),
        (
            "rejected",
            f"Änderungen erbeten: {MEETING}",
            f"Für Ihre Einreichung wurden Änderungen angefordert: {MEETING}.",
        ),
    ],
)
def test_revision_mails_read_as_german(
    working_group, named_editor, notification, subject, sentence
):
    meeting = MeetingPageFactory(parent=working_group, title=MEETING_TITLE)
    revision = meeting.save_revision(user=named_editor)
    context = {"settings": django_settings, "revision": revision, "user": named_editor}

    rendered_subject, text, html = _render(notification, context)

    assert rendered_subject == subject
    assert sentence in text and sentence in html
    _assert_reads_as_german(rendered_subject, text, html)


def test_comment_mails_read_as_german(working_group, named_editor, named_moderator):
    meeting = MeetingPageFactory(parent=working_group, title=MEETING_TITLE)
    comment = SimpleNamespace(text="Bitte Ort & Uhrzeit prüfen.")
    context = {
        "settings": django_settings,
        "page": meeting,
        "editor": named_editor,
        "new_comments": [comment],
        "resolved_comments": [SimpleNamespace(text="Tippfehler im Titel")],
        "deleted_comments": [],
        "replied_comments": [
            {"comment": comment, "replies": [SimpleNamespace(text="Ist erledigt.")]}
        ],
        "user": named_moderator,
    }

    subject, text, html = _render("updated_comments", context)

    assert subject == f"Kommentare zur Seite „{MEETING_TITLE}“ aktualisiert"
    assert f"Rita Redaktion hat die Kommentare zur Seite „{MEETING_TITLE}“ aktualisiert." in text
    assert "Neue Kommentare:\n– „Bitte Ort & Uhrzeit prüfen.“" in text
    assert "Gelöste Kommentare:\n– „Tippfehler im Titel“" in text
    assert "Gelöschte Kommentare" not in text
    assert "Auf den Kommentar „Bitte Ort & Uhrzeit prüfen.“:\n  – „Ist erledigt.“" in text
    assert f"Seite bearbeiten: http://testserver/admin/pages/{meeting.pk}/edit/" in text
    assert "<li>Bitte Ort &amp; Uhrzeit prüfen.</li>" in html
    _assert_reads_as_german(subject, text, html)
