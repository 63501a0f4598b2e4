"""Editors look after registrations: list, filter, export, check-in, a message to everyone."""

import csv
import io
import re

from django.urls import reverse

import pytest

from registrations import booking
from registrations.models import Registration, RegistrationSettings
from tests.factories import change_registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def registered(event, members):
    registrations = [
        booking.register(
            event,
            name=member.get_full_name(),
            email=member.email,
            organisation='=HYPERLINK("http://böse.example")' if n == 0 else "Borchen",
            attendance="in_person",
            user=member,
        )
        for n, member in enumerate(members[:3])
    ]
    return registrations


def test_editors_list_and_filter_registrations_of_an_event(client, editor, event, registered):
    client.force_login(editor)

    html = client.get(reverse("anmeldungen:index"), {"event": event.pk}).content.decode()

    for registration in registered:
        assert registration.name in html
    assert "auf der Warteliste" in html
    assert reverse("anmeldungen:add") not in html  # no registrations past the waiting list


def test_the_export_never_starts_a_formula(client, editor, event, registered):
    client.force_login(editor)

    response = client.get(reverse("anmeldungen:index"), {"export": "csv"})

    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    cells = [cell for row in rows for cell in row]
    assert '\'=HYPERLINK("http://böse.example")' in cells
    assert not any(cell.startswith("=") for cell in cells)


def test_editors_mark_who_came(client, editor, registered):
    client.force_login(editor)
    registration = registered[0]

    response = client.post(
        reverse("anmeldungen:edit", args=[registration.pk]),
        {
            "name": registration.name,
            "email": registration.email,
            "organisation": "Borchen",
            "attendance": "in_person",
            "checked_in": "on",
        },
    )

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.checked_in


def test_a_message_to_everyone_registered(
    client, editor, event, registered, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("registrations_message", args=[event.pk]),
            {"subject": "Raumänderung", "text": "Wir treffen uns im Saal 2."},
        )

    assert response.status_code == 302
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted(r.email for r in registered[:2])
    assert mailoutbox[0].subject == f"Raumänderung ({event.title})"
    assert "Wir treffen uns im Saal 2." in mailoutbox[0].body


def test_the_dashboard_shows_the_next_events_registrations(client, editor, event, registered):
    client.force_login(editor)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Anmeldungen der nächsten Veranstaltungen" in html
    assert "1 auf der Warteliste" in html
    assert "0 frei" in html


def test_members_do_not_reach_the_registrations(client, members):
    client.force_login(members[0])

    assert client.get(reverse("anmeldungen:index")).status_code == 302
    assert not Registration.objects.exists()


def test_editors_see_who_registered_whom(client, editor, event, members):
    change_registration(event, others_may_be_registered=True)
    booking.register(event, organisation="", attendance="in_person", user=members[0])
    booking.register_other(
        event,
        members[0],
        name="Kurt Kollege",
        email="kurt@example.org",
        organisation="Borchen",
        attendance="in_person",
    )
    client.force_login(editor)

    html = client.get(reverse("anmeldungen:index"), {"event": event.pk}).content.decode()
    response = client.get(reverse("anmeldungen:index"), {"export": "csv"})

    assert "angemeldet von" in html
    row = re.search(r"<tr[^>]*>(?:(?!</tr>).)*Kurt Kollege(?:(?!</tr>).)*</tr>", html, re.S)[0]
    assert members[0].get_full_name() in row
    assert "E-Mail-Adresse noch nicht bestätigt" in row
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    by_name = {row["Name"]: row["angemeldet von"] for row in rows}
    assert by_name == {members[0].get_full_name(): "", "Kurt Kollege": members[0].get_full_name()}


def test_the_editors_switch_is_in_the_page_editor_and_off_for_new_events(client, editor, event):
    client.force_login(editor)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()

    assert "Mitglieder dürfen weitere Personen anmelden" in html
    assert RegistrationSettings().others_may_be_registered is False
