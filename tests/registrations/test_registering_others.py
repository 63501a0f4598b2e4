"""A member registers themselves, with their account's address; colleagues only where the
editors allow it, each confirming (or declining) through the link mailed to their own address.

Before, a logged-in member could type any address into the form, and it held a place and got
the invitation at once: six made-up addresses meant six strangers' mailboxes.
"""

import datetime as dt
import re

from django.test import Client
from django.urls import reverse

import pytest

from registrations import booking
from registrations.models import Registration, RegistrationSettings, RegistrationStatus
from tests.factories import UserFactory, change_registration

pytestmark = pytest.mark.django_db

FORM = {
    "organisation": "Stadt Paderborn",
    "attendance": "in_person",
    "consent": "on",
    "webseite": "",
}
COLLEAGUE = {
    **FORM,
    "name": "Kurt Kollege",
    "email": "kurt.kollege@example.org",
}


def _form_url(event):
    return f"/veranstaltungsanmeldung/{event.pk}/"


def _others_url(event):
    return f"/veranstaltungsanmeldung/{event.pk}/weitere-person/"


def _link(mail, name):
    return re.search(rf"https?://[^/\s]+(/veranstaltungsanmeldung/{name}/[^\s]+/)", mail.body)[1]


def _has_invitation(mail):
    return any(part.get_content_type() == "text/calendar" for part in mail.message().walk())


def _mails_to(mailoutbox, address):
    return [mail for mail in mailoutbox if address in mail.to]


def _logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def others_allowed(event):
    change_registration(event, others_may_be_registered=True)
    return event


def _register_colleague(client, event, capture, **change):
    with capture(execute=True):
        return client.post(_others_url(event), {**COLLEAGUE, **change})


# A member registers themselves ------------------------------------------------------------


def test_six_typed_addresses_give_one_registration_under_the_members_own(
    event, members, mailoutbox, django_capture_on_commit_callbacks
):
    """What was seen: a member sent the form six times with made-up addresses. Now each
    posted address is ignored; the member holds one registration, with the account's."""
    client = _logged_in(members[0])
    answers = []
    for number in range(6):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                _form_url(event),
                {**FORM, "name": f"Erfunden {number}", "email": f"fremd{number}@example.org"},
            )
        answers.append(response.status_code)

    assert answers == [200] + [400] * 5
    registration = Registration.objects.get()
    assert registration.email == members[0].email
    assert registration.name == members[0].get_full_name()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert [mail.to for mail in mailoutbox] == [[members[0].email]]


def test_booking_refuses_a_members_registration_under_another_address(event, members):
    with pytest.raises(booking.RegistrationRefused, match="Adresse Ihres Benutzerkontos"):
        booking.register(
            event,
            email="fremd@example.org",
            organisation="",
            attendance="in_person",
            user=members[0],
        )
    assert not Registration.objects.exists()


@pytest.mark.parametrize(("audience", "guest_path"), [("everyone", True), ("members", False)])
def test_an_account_without_address_is_told_and_registers_nobody(
    event, mailoutbox, django_capture_on_commit_callbacks, audience, guest_path
):
    change_registration(event, audience=audience)
    client = _logged_in(UserFactory(username="ohne-adresse", email="", groups=["Mitglieder"]))

    page = client.get(_form_url(event)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(_form_url(event), {**FORM, "email": "fremd@example.org"})

    assert "Ihr Benutzerkonto hat keine E-Mail-Adresse" in page
    assert ("Ausloggen und als Gast anmelden" in page) is guest_path
    assert "Ihr Benutzerkonto hat keine E-Mail-Adresse" in sent.content.decode()
    assert 'name="consent"' not in page  # no form to fill in
    assert not Registration.objects.exists()
    assert mailoutbox == []


def test_the_guest_path_logs_out_and_leads_back_to_the_form(event):
    client = _logged_in(UserFactory(username="ohne-adresse", email="", groups=["Mitglieder"]))

    response = client.post("/ausloggen/", {"next": _form_url(event)})

    assert response.status_code == 302 and response["Location"] == _form_url(event)
    guest_form = client.get(_form_url(event)).content.decode()
    assert 'name="email"' in guest_form and "Als Gast" in guest_form


# Others, where the editors do not allow it (the default) --------------------------------


def test_registering_others_is_off_by_default_and_a_forged_request_is_refused(
    event, members, mailoutbox, django_capture_on_commit_callbacks
):
    client = _logged_in(members[0])

    assert not RegistrationSettings.of(event).others_may_be_registered
    assert "Weitere Person anmelden" not in client.get(event.url).content.decode()
    assert "Weitere Person anmelden" not in client.get(_form_url(event)).content.decode()
    page = client.get(_others_url(event))
    forged = _register_colleague(client, event, django_capture_on_commit_callbacks)

    for response in (page, forged):
        assert response.status_code == 403
        assert "Für diese Veranstaltung meldet sich jede Person selbst an." in (
            response.content.decode()
        )
    assert not Registration.objects.exists()
    assert mailoutbox == []
    with pytest.raises(booking.RegistrationRefused, match="jede Person selbst"):
        booking.register_other(event, members[0], **_colleague_data())


def _colleague_data(**change):
    data = {key: COLLEAGUE[key] for key in ("name", "email", "organisation", "attendance")}
    return {**data, **change}


def test_only_members_register_others(others_allowed, client, mailoutbox):
    not_a_member = _logged_in(UserFactory(username="ohne-gruppe"))

    assert client.get(_others_url(others_allowed))["Location"].startswith("/einloggen/")
    response = not_a_member.post(_others_url(others_allowed), COLLEAGUE)

    assert response.status_code == 403
    assert "nur eingeloggte Mitglieder" in response.content.decode()
    assert not Registration.objects.exists()


# Others, where the editors allow it --------------------------------------------------------


def test_a_colleague_gets_a_mail_to_their_own_address_and_counts_only_once_confirmed(
    others_allowed, members, mailoutbox, django_capture_on_commit_callbacks
):
    event, member = others_allowed, members[0]
    client = _logged_in(member)
    assert "Weitere Person anmelden" in client.get(event.url).content.decode()

    response = _register_colleague(client, event, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert "Wir schreiben an kurt.kollege@example.org" in response.content.decode()
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.UNCONFIRMED
    assert registration.registered_by == member and registration.user is None
    assert booking.places_overview(event)[0]["free"] == 2  # holds no place yet
    (mail,) = mailoutbox
    assert mail.to == ["kurt.kollege@example.org"]
    assert mail.subject.startswith("Sie wurden angemeldet – bitte bestätigen oder ablehnen")
    assert mail.body.startswith("Guten Tag Kurt Kollege,")
    assert f"{member.get_full_name()} hat Sie auf der Website der Arbeitskreise" in mail.body
    assert "lehnen Sie hier ab" in mail.body
    assert not _has_invitation(mail)

    colleague = Client()
    confirm_page = colleague.get(_link(mail, "bestaetigen")).content.decode()
    assert f"Angemeldet hat Sie {member.get_full_name()}" in confirm_page
    assert "Nein, ich möchte nicht teilnehmen (ablehnen)" in confirm_page
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = colleague.post(_link(mail, "bestaetigen"))

    assert "Sie sind angemeldet" in confirmed.content.decode()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert booking.places_overview(event)[0]["free"] == 1
    invitation = mailoutbox[-1]
    assert invitation.to == ["kurt.kollege@example.org"]
    assert invitation.subject == f"Anmeldung bestätigt: {event.title}"
    assert _has_invitation(invitation)


def test_no_invitation_reaches_a_colleague_before_they_confirm(
    others_allowed, members, editor, mailoutbox, django_capture_on_commit_callbacks
):
    event = others_allowed
    with django_capture_on_commit_callbacks(execute=True):
        booking.register(event, organisation="", attendance="in_person", user=members[1])
    _register_colleague(_logged_in(members[0]), event, django_capture_on_commit_callbacks)
    # The editors move the event and write to everyone registered; someone sends the
    # colleague's address again.
    event.start += dt.timedelta(days=7)
    event.end += dt.timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        _logged_in(editor).post(
            reverse("registrations_message", args=[event.pk]),
            {"subject": "Raum", "text": "Saal 2", "include_waiting": "on"},
        )
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(_form_url(event), {**COLLEAGUE, "name": "Wer auch immer"})

    to_colleague = _mails_to(mailoutbox, "kurt.kollege@example.org")
    assert [mail.subject.split(":")[0] for mail in to_colleague] == [
        "Sie wurden angemeldet – bitte bestätigen oder ablehnen"
    ] * 2
    assert not any(_has_invitation(mail) for mail in to_colleague)
    # The member who registered themselves got the invitation, the update and the message.
    assert [mail.subject for mail in _mails_to(mailoutbox, members[1].email)] == [
        f"Anmeldung bestätigt: {event.title}",
        f"Geändert: {event.title}",
        f"Raum ({event.title})",
    ]


def test_a_colleague_declines_and_hears_nothing_more(
    others_allowed, members, mailoutbox, django_capture_on_commit_callbacks
):
    event = others_allowed
    client = _logged_in(members[0])
    _register_colleague(client, event, django_capture_on_commit_callbacks)
    (mail,) = mailoutbox
    colleague = Client()

    assert "Ja, ablehnen" in colleague.get(_link(mail, "absagen")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        declined = colleague.post(_link(mail, "absagen"), follow=True)

    assert "Sie haben die Anmeldung abgelehnt." in declined.content.decode()
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED
    # Registered again by anybody's colleague: the same answer, no new registration, no mail.
    again = _register_colleague(_logged_in(members[1]), event, django_capture_on_commit_callbacks)
    assert "Wir schreiben an kurt.kollege@example.org" in again.content.decode()
    assert Registration.objects.count() == 1
    assert mailoutbox == [mail]


def test_a_member_registers_five_others_per_event_at_most(
    others_allowed, members, mailoutbox, django_capture_on_commit_callbacks
):
    event = others_allowed
    client = _logged_in(members[0])
    for number in range(booking.OTHERS_PER_MEMBER):
        response = _register_colleague(
            client, event, django_capture_on_commit_callbacks, email=f"k{number}@example.org"
        )
        assert response.status_code == 200

    refused = _register_colleague(
        client, event, django_capture_on_commit_callbacks, email="k9@example.org"
    )

    assert refused.status_code == 400
    assert (
        "Sie haben für diese Veranstaltung schon 5 weitere Personen angemeldet; mehr sind "
        "nicht möglich." in refused.content.decode()
    )
    assert Registration.objects.filter(registered_by=members[0]).count() == 5
    assert len(mailoutbox) == 5 and not _mails_to(mailoutbox, "k9@example.org")
    # The limit is the member's: another member still registers a colleague.
    other = _register_colleague(
        _logged_in(members[1]), event, django_capture_on_commit_callbacks, email="k9@example.org"
    )
    assert other.status_code == 200


def test_the_answer_is_the_same_for_an_address_already_registered(
    others_allowed, members, django_capture_on_commit_callbacks
):
    event = others_allowed
    booking.register(event, organisation="", attendance="in_person", user=members[1])
    client = _logged_in(members[0])

    def answer(email):
        response = _register_colleague(
            client, event, django_capture_on_commit_callbacks, email=email
        )
        html = response.content.decode().replace(email, "ADDRESS")
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "TOKEN", html)

    assert answer(members[1].email) == answer("neu@example.org")
    assert Registration.objects.get(email=members[1].email).registered_by is None


def test_a_member_cannot_register_their_own_address_as_somebody_else(
    others_allowed, members, mailoutbox, django_capture_on_commit_callbacks
):
    response = _register_colleague(
        _logged_in(members[0]),
        others_allowed,
        django_capture_on_commit_callbacks,
        email=members[0].email.upper(),
    )

    assert response.status_code == 400
    assert "Das ist die E-Mail-Adresse Ihres Benutzerkontos." in response.content.decode()
    assert not Registration.objects.exists()


def test_a_colleague_with_an_account_takes_the_registration_by_registering_themselves(
    others_allowed, members, django_capture_on_commit_callbacks
):
    event = others_allowed
    _register_colleague(
        _logged_in(members[0]),
        event,
        django_capture_on_commit_callbacks,
        name="Spitzname",
        email=members[1].email,
    )

    response = _logged_in(members[1]).post(_form_url(event), FORM)

    assert "Sie sind angemeldet" in response.content.decode()
    registration = Registration.objects.get()
    assert registration.user == members[1] and registration.name == members[1].get_full_name()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.registered_by == members[0]
