"""`load_demo` is quiet: a few lines of summary (what there is, the address, the users and
their password, where the mails are), details only with -v 2, and no mail on the console."""

import email
import email.policy
import io
from pathlib import Path

from django.core.management import call_command

import pytest

from board.entries import CooperationEntry
from demo.events import PENDING_SUBMISSION
from demo.management.commands.load_demo import demo_summary
from workgroups.models import WorkingGroupPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def mail_folder(settings, tmp_path):
    """As config/settings/dev.py: DEBUG, the queue, each mail a file (operations/dev_mail.py)."""
    settings.DEBUG = True
    settings.EMAIL_BACKEND = "operations.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "operations.dev_mail.MailFolderBackend"
    settings.DEV_MAIL_DIR = tmp_path / "mail"
    return settings.DEV_MAIL_DIR


def test_load_demo_prints_a_short_summary_and_puts_its_mails_into_files(
    demo_site, mail_folder, capfd, django_capture_on_commit_callbacks
):
    # Without the waiting board entry, load_demo submits it again and moderators are mailed.
    CooperationEntry.objects.filter(title=PENDING_SUBMISSION.title).delete()
    output = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", "--password", "geheim-123", stdout=output)

    lines = output.getvalue().splitlines()
    assert 3 <= len(lines) <= 5, lines
    assert lines[0].startswith("Demo-Inhalte sind geladen: 4 Arbeitskreise")
    assert "admin, redaktion, moderation, mitglied" in output.getvalue()
    assert "„geheim-123“" in output.getvalue()
    assert "http://testserver/admin/entwicklungs-e-mails/" in lines[-1]
    assert "Subject" not in capfd.readouterr().out  # nothing of the mails on the console
    subjects = {
        email.message_from_bytes(path.read_bytes(), policy=email.policy.default)["Subject"]
        for path in mail_folder.glob("*.eml")
    }
    assert any("Gemeinsame Datenschutzbeauftragte gesucht" in subject for subject in subjects)


def test_the_summary_counts_the_new_mails_and_names_their_folder(demo_site, mail_folder):
    new_mails = [mail_folder / f"2027010{n}-000000-000000-freigabe.eml" for n in range(3)]

    lines = demo_summary("demo-passwort", new_mails)

    assert len(lines) == 4
    assert lines[1] == "Website: http://testserver/ – Redaktion: http://testserver/admin/"
    assert lines[3] == (
        f"E-Mails: 3 neue in {mail_folder}/, zu lesen unter "
        "http://testserver/admin/entwicklungs-e-mails/ (als admin)."
    )


def test_the_summary_names_where_mails_go_outside_development(demo_site):
    lines = demo_summary("demo-passwort")

    assert lines[-1] == "E-Mails gehen an django.core.mail.backends.locmem."


def test_details_only_with_verbosity_2(demo_site, mail_folder):
    new_mail = Path(mail_folder / "20270101-000000-000000-freigabe.eml")

    short = demo_summary("demo-passwort", [new_mail], verbosity=1)
    detailed = demo_summary("demo-passwort", [new_mail], verbosity=2)

    assert detailed[: len(short)] == short
    details = "\n".join(detailed[len(short) :])
    for group in WorkingGroupPage.objects.live():
        assert f"{group.title}: {group.full_url}" in details
        assert group.full_url not in "\n".join(short)
    assert "  moderation (Moderation)" in details
    assert "  20270101-000000-000000-freigabe.eml" in details
