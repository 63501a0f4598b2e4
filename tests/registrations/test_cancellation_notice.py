"""Cancelling an event in the page editor says whom it tells, before anything is saved, and
the message after publishing says it again. Everyone with a place and everyone waiting gets
the cancellation by e-mail."""

import re

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.test.utils.form_data import querydict_from_html

import pytest

from registrations import booking
from tests.factories import change_registration
from tests.registrations.mail import calendar_attachment
from workgroups.panels import who_is_told

pytestmark = pytest.mark.django_db

NOTICE = "2 angemeldete Personen (und 1 auf der Warteliste) werden per E-Mail benachrichtigt."


@pytest.fixture
def two_registered_one_waiting(event, members, django_capture_on_commit_callbacks):
    """The event has two places on site: two members take them, a third waits."""
    with django_capture_on_commit_callbacks(execute=True):
        return [
            booking.register(event, organisation="", attendance="in_person", user=member)
            for member in members[:3]
        ]


def _edit_url(event):
    return reverse("wagtailadmin_pages:edit", args=[event.pk])


def _edit_form(client, event, **changes):
    html = client.get(_edit_url(event)).content.decode()
    form_data = querydict_from_html(html, form_id="page-edit-form")
    # StreamFields build their inputs in JavaScript.
    form_data["body-count"] = "0"
    form_data.update(changes)
    return form_data


def _notice(html):
    """The notice element under the status field: its opening tag and its text."""
    match = re.search(
        r'(<div class="help-block help-warning"[^>]*data-cancellation-notice-for[^>]*>)(.*?)</div>',
        html,
        flags=re.S,
    )
    if match is None:
        return None, ""
    return match[1], " ".join(re.sub(r"<[^>]+>", " ", match[2]).split())


def _messages(response):
    return [str(message).split("\n", 1)[0] for message in get_messages(response.wsgi_request)]


def test_the_editor_sees_whom_a_cancellation_tells_before_saving(
    client, editor, event, two_registered_one_waiting
):
    client.force_login(editor)

    html = client.get(_edit_url(event)).content.decode()

    tag, text = _notice(html)
    assert text == NOTICE
    assert 'data-cancellation-notice-for="id_status"' in tag
    assert 'data-cancelled-value="cancelled"' in tag
    assert " hidden" in tag  # shown by the script once "abgesagt" is chosen
    assert re.search(r'<script [^>]*src="[^"]*workgroups/js/cancellation-notice\.js', html)


def test_a_draft_with_the_cancellation_shows_the_notice_and_tells_nobody_yet(
    client,
    editor,
    event,
    two_registered_one_waiting,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(editor)
    mailoutbox.clear()
    form_data = _edit_form(client, event, status="cancelled")

    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(_edit_url(event), form_data)
    html = client.get(_edit_url(event)).content.decode()

    assert saved.status_code == 302
    tag, text = _notice(html)
    assert text == NOTICE and " hidden" not in tag
    assert mailoutbox == []


def test_publishing_the_cancellation_tells_everyone_and_says_how_many(
    client,
    editor,
    event,
    two_registered_one_waiting,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    client.force_login(editor)
    mailoutbox.clear()
    form_data = _edit_form(client, event, status="cancelled")
    form_data["action-publish"] = "1"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_edit_url(event), form_data)

    assert response.status_code == 302
    assert f"Absage veröffentlicht: {NOTICE}" in _messages(response)
    by_address = {mail.to[0]: mail for mail in mailoutbox}
    registered, _second, waiting = two_registered_one_waiting
    assert len(mailoutbox) == 3 and set(by_address) == {r.email for r in two_registered_one_waiting}
    assert calendar_attachment(by_address[registered.email])[0] == "CANCEL"
    waiting_mail = by_address[waiting.email]
    assert waiting_mail.subject == f"Abgesagt: {event.title}"
    assert "Sie standen auf der Warteliste" in waiting_mail.body
    assert not [p for p in waiting_mail.message().walk() if p.get_content_type() == "text/calendar"]

    # Afterwards the editor is not told again, and publishing again tells nobody again.
    assert _notice(client.get(_edit_url(event)).content.decode()) == (None, "")
    mailoutbox.clear()
    again = _edit_form(client, event)
    again["action-publish"] = "1"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_edit_url(event), again)
    assert not [m for m in _messages(response) if m.startswith("Absage")]
    assert mailoutbox == []


def test_publishing_another_change_says_nothing_about_a_cancellation(
    client, editor, event, two_registered_one_waiting
):
    client.force_login(editor)
    form_data = _edit_form(client, event, venue_name="Kreishaus Paderborn")
    form_data["action-publish"] = "1"

    response = client.post(_edit_url(event), form_data)

    assert response.status_code == 302
    assert not [m for m in _messages(response) if "benachrichtigt" in m]


def test_an_event_without_registration_shows_no_notice(client, editor, event):
    change_registration(event, enabled=False)
    client.force_login(editor)

    assert _notice(client.get(_edit_url(event)).content.decode()) == (None, "")


@pytest.mark.parametrize(
    ("registered", "waiting", "sentence"),
    [
        (0, 0, "Niemand ist angemeldet; es wird niemand benachrichtigt."),
        (1, 0, "1 angemeldete Person wird per E-Mail benachrichtigt."),
        (12, 0, "12 angemeldete Personen werden per E-Mail benachrichtigt."),
        (1, 3, "1 angemeldete Person (und 3 auf der Warteliste) werden per E-Mail benachrichtigt."),
    ],
)
def test_the_notice_counts_in_german(registered, waiting, sentence):
    assert who_is_told(registered, waiting) == sentence
