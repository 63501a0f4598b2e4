"""Development mail (operations/dev_mail.py): each mail a file in var/mail/, read by staff in the
admin under "Entwicklungs-E-Mails", where a newcomer follows the confirmation link."""

import email
import email.policy
import importlib
import os
import re
import subprocess
import sys
from pathlib import Path

from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.test import Client

import pytest

from tests.factories import MeetingPageFactory, UserFactory, WorkingGroupPageFactory, in_days
from tests.registrations.guest import GUEST_FORM

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parents[2]
INDEX = "/admin/entwicklungs-e-mails/"


@pytest.fixture
def mail_folder(settings, tmp_path):
    """Settings as in config/settings/dev.py: DEBUG, the queue, delivery into a folder."""
    settings.DEBUG = True
    settings.EMAIL_BACKEND = "operations.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "operations.dev_mail.MailFolderBackend"
    settings.DEV_MAIL_DIR = tmp_path / "mail"
    return settings.DEV_MAIL_DIR


@pytest.fixture
def staff(db):
    return UserFactory(username="ada", is_staff=True, is_superuser=True)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def _send(django_capture_on_commit_callbacks, *messages):
    with django_capture_on_commit_callbacks(execute=True):
        mail.get_connection().send_messages(list(messages))


def _mail(subject, body, html=None, to=("gerda@example.org",), **kwargs):
    message = EmailMultiAlternatives(subject, body, to=list(to), **kwargs)
    if html is not None:
        message.attach_alternative(html, "text/html")
    return message


def test_dev_settings_deliver_into_var_mail():
    dev = importlib.import_module("config.settings.dev")

    if "EMAIL_BACKEND" not in os.environ:
        assert dev.EMAIL_DELIVERY_BACKEND == "operations.dev_mail.MailFolderBackend"
    if "DEV_MAIL_DIR" not in os.environ:
        assert dev.DEV_MAIL_DIR == PROJECT / "var" / "mail"
    assert "/var/" in (PROJECT / ".gitignore").read_text().splitlines()


def test_each_mail_is_a_file_of_its_own(mail_folder, django_capture_on_commit_callbacks):
    _send(
        django_capture_on_commit_callbacks,
        _mail("Anmeldung bestätigen: Arbeitskreistreffen", "Erste", bcc=["archiv@example.org"]),
        _mail("Anmeldung bestätigen: Arbeitskreistreffen", "Zweite"),
    )

    files = sorted(mail_folder.glob("*.eml"))
    assert len(files) == 2
    assert all(
        re.fullmatch(
            r"\d{8}-\d{6}-\d{6}-anmeldung-bestatigen-arbeitskreistreffen(-1)?\.eml", f.name
        )
        for f in files
    )
    bodies = set()
    for file in files:
        message = email.message_from_bytes(file.read_bytes(), policy=email.policy.default)
        assert message["Subject"] == "Anmeldung bestätigen: Arbeitskreistreffen"
        bodies.add(message.get_body(("plain",)).get_content().strip())
    assert bodies == {"Erste", "Zweite"}


def test_staff_find_the_guests_confirmation_link_and_follow_it(
    mail_folder, staff_client, home_page, django_capture_on_commit_callbacks
):
    group = WorkingGroupPageFactory(parent=home_page)
    event = MeetingPageFactory(
        parent=group,
        title="Arbeitskreistreffen Vergabe",
        start=in_days(20),
        registration={"audience": "everyone", "capacity_in_person": 5},
    )
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(f"/veranstaltungsanmeldung/{event.pk}/", GUEST_FORM)

    index = staff_client.get(INDEX).content.decode()
    assert "gerda@example.org" in index
    detail_url = re.search(r'href="(/admin/entwicklungs-e-mails/[^"/]+/)"', index)[1]
    detail = staff_client.get(detail_url).content.decode()
    confirm = re.search(
        r'<a href="(http://[^"]+/veranstaltungsanmeldung/bestaetigen/[^"]+/)"', detail
    )
    assert confirm, "the confirmation link is a link on the page"
    assert "Ja, Anmeldung bestätigen" in Client().get(confirm[1]).content.decode()


def test_the_list_shows_the_newest_first_with_subject_recipients_and_time(
    mail_folder, staff_client, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    _send(django_capture_on_commit_callbacks, _mail("Die ältere <E-Mail>", "a"))
    _send(django_capture_on_commit_callbacks, _mail("Die neuere", "b", to=["mia@example.org"]))

    # The admin's frame (session, user, menu); the mails themselves are files, no query.
    with django_assert_max_num_queries(15):
        response = staff_client.get(INDEX)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Entwicklungs-E-Mails" in html
    assert html.index("Die neuere") < html.index("Die ältere &lt;E-Mail&gt;")
    assert "mia@example.org" in html and "gerda@example.org" in html
    assert re.search(r"<time datetime=\"[^\"]+\">\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d</time>", html)


def test_a_mail_shows_its_text_with_links_and_its_html_in_a_sandboxed_frame(
    mail_folder, staff_client, django_capture_on_commit_callbacks
):
    _send(
        django_capture_on_commit_callbacks,
        _mail(
            "Passwort zurücksetzen",
            "Neues Passwort: http://127.0.0.1:8010/passwort/neu/abc/\n<b>kein HTML</b>",
            html="<html><head><title>x</title></head><body><p>Hallo</p>"
            '<script>alert(1)</script><a href="http://127.0.0.1:8010/x/">Link</a></body></html>',
        ),
    )
    name = next(mail_folder.glob("*.eml")).name

    page = staff_client.get(f"{INDEX}{name}/").content.decode()
    assert '<a href="http://127.0.0.1:8010/passwort/neu/abc/"' in page
    assert "&lt;b&gt;kein HTML&lt;/b&gt;" in page
    assert "<script>alert(1)</script>" not in page
    frame = re.search(r"<iframe[^>]*>", page)[0]
    assert 'sandbox="allow-popups allow-popups-to-escape-sandbox"' in frame
    assert f'src="{INDEX}{name}/html/"' in frame

    html_part = staff_client.get(f"{INDEX}{name}/html/")
    assert html_part["Content-Type"] == "text/html; charset=utf-8"
    policy = html_part["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert "sandbox allow-popups" in policy and "allow-scripts" not in policy
    assert '<head><base target="_blank"><title>' in html_part.content.decode()

    download = staff_client.get(f"{INDEX}{name}/datei/")
    assert download["Content-Type"] == "message/rfc822"
    downloaded = email.message_from_bytes(
        b"".join(download.streaming_content), policy=email.policy.default
    )
    assert downloaded["Subject"] == "Passwort zurücksetzen"


def test_only_mail_files_of_the_folder_are_served(mail_folder, staff_client, tmp_path):
    mail_folder.mkdir(parents=True)
    (tmp_path / "geheim.eml").write_text("Subject: geheim\n\nnicht hier")

    for name in ("..%2Fgeheim.eml", "geheim.eml", "nicht-da.eml", "..", "x.txt"):
        assert staff_client.get(f"{INDEX}{name}/").status_code == 404, name


def test_people_without_staff_status_cannot_read_the_mails(
    mail_folder, client, django_capture_on_commit_callbacks
):
    _send(django_capture_on_commit_callbacks, _mail("Geheim", "Link"))
    name = next(mail_folder.glob("*.eml")).name

    assert client.get(INDEX).status_code == 302  # to the login
    editor = UserFactory(username="redakteurin", groups=["Redaktion"])
    client.force_login(editor)
    for url in (INDEX, f"{INDEX}{name}/", f"{INDEX}{name}/html/", f"{INDEX}{name}/datei/"):
        refused = client.get(url)
        # Wagtail answers a refusal with a redirect to the dashboard and a message.
        assert (refused.status_code, refused["Location"]) == (302, "/admin/"), url
    assert "entwicklungs-e-mails" not in client.get("/admin/").content.decode()


def test_staff_find_the_page_in_the_admin_menu(mail_folder, staff_client):
    assert INDEX in staff_client.get("/admin/").content.decode()


@pytest.mark.parametrize(
    "production_like",
    [
        {"DEBUG": False},
        {"EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.smtp.EmailBackend"},
    ],
)
def test_outside_development_the_page_does_not_exist(
    mail_folder, settings, staff_client, production_like
):
    mail_folder.mkdir(parents=True)
    (mail_folder / "20270101-000000-000000-alt.eml").write_text("Subject: alt\n\nalt")
    for setting, value in production_like.items():
        setattr(settings, setting, value)

    assert staff_client.get(INDEX).status_code == 404
    assert staff_client.get(f"{INDEX}20270101-000000-000000-alt.eml/").status_code == 404
    assert INDEX not in staff_client.get("/admin/").content.decode()


def test_production_settings_leave_the_page_out():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "arbeitskreise.example.org",
    }
    environment.pop("EMAIL_BACKEND", None)
    answer = subprocess.run(  # noqa: S603 (our own command line)
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from operations import dev_mail; "
            "print(dev_mail.is_active())",
        ],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert answer.stdout.strip() == "False"
