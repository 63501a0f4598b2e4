"""Anyone may ask for a password reset of any address; one address gets a few mails an hour.

Beyond the limit the page answers exactly as before (as it does for an unknown address), so the
limit tells nobody anything; the mails go through the task queue like every other.
"""

import pytest

from home.accounts import RESET_MAILS_PER_HOUR
from operations.mail import QueuedMessage
from tests.factories import UserFactory
from tests.mailserver import waiting_mails
from tests.network import free_port

pytestmark = pytest.mark.django_db


def test_thirty_requests_for_one_address_send_a_few_mails(
    client, home_page, member, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "operations.mail.QueuedEmailBackend"
    member.email = "kommune@example.org"
    member.save()
    other = UserFactory(username="nachbar", email="nachbar@example.org", groups=["Mitglieder"])

    with django_capture_on_commit_callbacks(execute=True):
        answers = {
            (response.status_code, response["Location"])
            for response in (
                client.post("/passwort/vergessen/", {"email": address})
                for address in ["kommune@example.org", "Kommune@Example.org"] * 15
            )
        }
        client.post("/passwort/vergessen/", {"email": other.email})

    assert answers == {(302, "/passwort/gesendet/")}
    assert [mail.to for mail in mailoutbox] == [["kommune@example.org"]] * RESET_MAILS_PER_HOUR + [
        [other.email]
    ]
    assert all(isinstance(mail, QueuedMessage) for mail in mailoutbox)
    assert all(mail.subject == "Neues Passwort für die Arbeitskreise" for mail in mailoutbox)


def test_the_admin_reset_page_keeps_the_same_limit(
    client, editor, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "operations.mail.QueuedEmailBackend"
    editor.email = "redaktion@example.org"
    editor.save()

    with django_capture_on_commit_callbacks(execute=True):
        answers = {
            (response.status_code, response["Location"])
            for response in (
                client.post("/admin/password_reset/", {"email": address})
                for address in ["redaktion@example.org", "Redaktion@Example.org"] * 15
            )
        }

    assert answers == {(302, "/admin/password_reset/done/")}
    assert [mail.to for mail in mailoutbox] == [[editor.email]] * RESET_MAILS_PER_HOUR


def test_while_the_cache_is_down_the_queue_counts(client, home_page, member, settings):
    """Redis unreachable: the mails waiting in the database queue keep the count, so the
    reset the page announces is on its way, and a flood still is not."""
    settings.CACHES = {
        "default": {
            "BACKEND": "operations.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "operations.mail.QueuedEmailBackend"
    member.email = "kommune@example.org"
    member.save()
    other = UserFactory(username="nachbar", email="nachbar@example.org", groups=["Mitglieder"])

    answers = {
        (response.status_code, response["Location"])
        for response in (
            client.post("/passwort/vergessen/", {"email": address})
            for address in ["kommune@example.org", "Kommune@Example.org"] * 15 + [other.email]
        )
    }

    assert answers == {(302, "/passwort/gesendet/")}
    queued = [QueuedMessage(task.args_kwargs["args"][0]) for task in waiting_mails()]
    assert sorted(mail.to[0] for mail in queued) == [
        "kommune@example.org"
    ] * RESET_MAILS_PER_HOUR + [other.email]
