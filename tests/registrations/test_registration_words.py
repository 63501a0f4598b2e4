"""Taking part in an event has its own words: "Zur Veranstaltung anmelden", "angemeldet",
"Teilnahme absagen", "abgesagt". "abmelden" no longer appears: it read like logging out. The
personal link is .../absagen/<token>/; the former .../abmelden/<token>/ of mails already sent
leads there."""

import re

from django.test import Client

import pytest

from registrations import booking
from registrations.models import Registration, RegistrationStatus
from tests.factories import change_registration

pytestmark = pytest.mark.django_db

#: "abmelden" in any form, and "Anmeldedaten" (which reads like login data).
OLD_WORDS = re.compile(r"[Aa]bmeld|abgemeldet|Anmeldedaten|Jetzt anmelden|melden Sie sich ab")


def _register(event, member):
    return booking.register(
        event, organisation="Stadt Paderborn", attendance="in_person", user=member
    )


def _cancel_path(mail):
    return re.search(r"https?://[^/\s]+(/veranstaltungsanmeldung/absagen/[^\s]+/)", mail.body)[1]


def _visible_text(html):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_confirmation_mail_offers_to_cancel_the_participation(
    event, members, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _register(event, members[0])

    (mail,) = mailoutbox
    assert mail.subject == "Anmeldung bestätigt: Arbeitskreistreffen Vergabe"
    assert "Sie können nicht teilnehmen? Hier sagen Sie Ihre Teilnahme ab (ohne Einloggen):" in (
        mail.body
    )
    assert "Ihre Angaben zur Anmeldung werden nach der Veranstaltung gelöscht" in mail.body
    assert _cancel_path(mail).startswith("/veranstaltungsanmeldung/absagen/")
    assert OLD_WORDS.findall(mail.subject + mail.body) == []


def test_cancelling_by_the_link_says_teilnahme_abgesagt_on_the_page_and_in_the_mail(
    event, members, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _register(event, members[0])
    path = _cancel_path(mailoutbox[0])
    visitor = Client()

    asked = visitor.get(path).content.decode()
    assert "<title>Teilnahme absagen – Arbeitskreistreffen Vergabe" in asked
    assert re.search(r"<h1[^>]*>\s*Teilnahme absagen\s*</h1>", asked)
    assert "möchten Sie Ihre Teilnahme an „Arbeitskreistreffen Vergabe“" in asked
    assert '<span class="kern-label">Ja, Teilnahme absagen</span>' in asked
    with django_capture_on_commit_callbacks(execute=True):
        done = visitor.post(path, follow=True).content.decode()

    assert "Ihre Teilnahme ist abgesagt. Eine Bestätigung ist unterwegs." in done
    assert "Ihre Teilnahme an dieser Veranstaltung ist abgesagt." in done
    assert OLD_WORDS.findall(_visible_text(asked) + _visible_text(done)) == []
    mail = mailoutbox[-1]
    assert mail.subject == "Teilnahme abgesagt: Arbeitskreistreffen Vergabe"
    assert "Sie haben Ihre Teilnahme an „Arbeitskreistreffen Vergabe“ am " in mail.body
    assert "Ihr Platz geht an die nächste Person auf der Warteliste." in mail.body
    assert OLD_WORDS.findall(mail.subject + mail.body) == []


def test_the_former_cancel_link_of_sent_mails_still_works(
    event, members, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = _register(event, members[0])
    path = _cancel_path(mailoutbox[0])
    former = path.replace("/absagen/", "/abmelden/")

    opened = Client().get(former)
    assert opened.status_code == 301 and opened["Location"] == path
    posted = Client().post(former, follow=True)

    assert posted.redirect_chain[0] == (path, 308)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED


def test_no_mail_of_a_registration_uses_the_old_words(
    event, members, mailoutbox, django_capture_on_commit_callbacks
):
    """Place, waiting list, moving up, cancelling, a guest's confirmation, a repeat."""
    change_registration(event, capacity_in_person=1)
    with django_capture_on_commit_callbacks(execute=True):
        first = _register(event, members[0])
        _register(event, members[1])  # waits
        booking.register(
            event,
            name="Gerda Gast",
            email="gerda@example.org",
            organisation="",
            attendance="online",
        )
        booking.register(
            event,
            name="Gerda Gast",
            email="gerda@example.org",
            organisation="",
            attendance="online",
        )
        booking.cancel(first)  # members[1] moves up

    subjects = {mail.subject.split(":")[0] for mail in mailoutbox}
    assert {"Anmeldung bestätigt", "Warteliste", "Teilnahme abgesagt"} <= subjects
    assert any(subject.startswith("Ein Platz ist frei") for subject in subjects)
    assert any(subject.startswith("Bitte bestätigen Sie Ihre Anmeldung") for subject in subjects)
    for mail in mailoutbox:
        assert OLD_WORDS.findall(mail.subject + mail.body) == [], mail.subject


def test_members_read_zur_veranstaltung_anmelden_and_teilnahme_absagen(client, event, members):
    client.force_login(members[0])
    before = client.get(event.url).content.decode()
    assert re.search(r'<span class="kern-label">Zur Veranstaltung anmelden</span>', before)

    registration = _register(event, members[0])
    mine = client.get("/veranstaltungsanmeldung/meine/").content.decode()
    assert "Teilnahme an „Arbeitskreistreffen Vergabe“ absagen" in mine
    booking.cancel(registration)
    mine = client.get("/veranstaltungsanmeldung/meine/").content.decode()

    assert Registration.objects.get().get_status_display() == "abgesagt"
    assert re.search(r'<span class="kern-label">Abgesagt</span>', mine)
    assert OLD_WORDS.findall(_visible_text(before) + _visible_text(mine)) == []
