"""The guest form tells nobody whether an address is registered; the mail to it tells the rest.

Whatever address a guest types, known or new, in any letter case, the answer is the same page;
only the address's owner learns more, from the mail: an unconfirmed registration gets its
confirmation again, a confirmed or waiting one a note with the link to cancel. Members are
logged in, hence identified, and are told directly.
"""

import re

from django.test import Client

import pytest

from operations.mail import QueuedMessage
from registrations import booking
from registrations.models import Registration, RegistrationStatus
from tests.registrations.guest import GUEST_FORM as FORM

pytestmark = pytest.mark.django_db


def _form_url(event):
    return f"/veranstaltungsanmeldung/{event.pk}/"


def _register_as_guest(event, capture, **change):
    with capture(execute=True):
        return Client().post(_form_url(event), {**FORM, **change})


def _page(response, email):
    """The answer as a visitor sees it, the typed address and the form token set aside."""
    html = response.content.decode().replace(email.lower(), "ADDRESS")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "TOKEN", html)


def _link(mail, name):
    return re.search(rf"https?://[^/\s]+(/veranstaltungsanmeldung/{name}/[^\s]+/)", mail.body)[1]


@pytest.fixture
def new_address_page(event, django_capture_on_commit_callbacks):
    """What a guest sees for an address nobody registered before."""
    response = _register_as_guest(
        event, django_capture_on_commit_callbacks, email="neu@example.org"
    )
    assert response.status_code == 200
    return _page(response, "neu@example.org")


@pytest.mark.parametrize("status", ["unconfirmed", "confirmed", "waiting"])
@pytest.mark.parametrize("typed", ["gerda@example.org", "Gerda@Example.ORG"])
def test_a_known_address_gets_the_same_answer_as_a_new_one(
    event, new_address_page, django_capture_on_commit_callbacks, status, typed
):
    Registration.objects.create(
        event=event, name="Gerda Gast", email="gerda@example.org", status=status
    )

    response = _register_as_guest(event, django_capture_on_commit_callbacks, email=typed)

    assert response.status_code == 200
    assert _page(response, typed) == new_address_page
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in new_address_page
    assert Registration.objects.filter(email__iexact="gerda@example.org").count() == 1


def test_a_guests_retry_sends_the_confirmation_again(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    _register_as_guest(event, django_capture_on_commit_callbacks)
    _register_as_guest(event, django_capture_on_commit_callbacks, name="Gerda G.")

    first, again = mailoutbox
    assert isinstance(again, QueuedMessage)  # it went through the queue
    assert again.subject == first.subject == f"Bitte bestätigen Sie Ihre Anmeldung: {event.title}"
    assert again.to == ["gerda@example.org"]
    assert again.body.startswith("Guten Tag Gerda Gast,")  # the registration, unchanged
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = Client().post(_link(again, "bestaetigen"))
    assert "Sie sind angemeldet" in confirmed.content.decode()
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED


def test_a_registered_address_hears_that_it_is_registered_with_its_cancel_link(
    event, members, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking.register(
            event,
            name=members[0].get_full_name(),
            email=members[0].email,
            organisation="",
            attendance="online",
            user=members[0],
        )
    mailoutbox.clear()

    _register_as_guest(
        event, django_capture_on_commit_callbacks, email=members[0].email.upper(), name="Fremd"
    )

    (mail,) = mailoutbox
    assert mail.to == [members[0].email]
    assert mail.subject == f"Sie sind bereits angemeldet: {event.title}"
    assert f"Guten Tag {members[0].get_full_name()}," in mail.body
    assert "Es bleibt bei Ihrer bisherigen Anmeldung" in mail.body
    assert "Sie sind angemeldet (online)." in mail.body
    assert "/veranstaltungsanmeldung/bestaetigen/" not in mail.body
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(_link(mail, "absagen"))
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED


def test_repeated_registrations_send_an_address_three_mails_an_hour_at_most(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    Registration.objects.create(
        event=event, name="Gerda Gast", email="gerda@example.org", status="confirmed"
    )

    answers = {
        _page(_register_as_guest(event, django_capture_on_commit_callbacks), FORM["email"])
        for _ in range(6)
    }

    assert len(answers) == 1
    assert [mail.subject for mail in mailoutbox] == [
        f"Sie sind bereits angemeldet: {event.title}"
    ] * booking.REPEATED_REGISTRATION_MAILS_PER_HOUR


def test_members_are_told_directly(client, event, members):
    booking.register(event, organisation="", attendance="in_person", user=members[0])
    client.force_login(members[0])

    response = client.post(_form_url(event), FORM)

    assert response.status_code == 400
    assert "Mit Ihrer E-Mail-Adresse besteht bereits eine Anmeldung" in (response.content.decode())
