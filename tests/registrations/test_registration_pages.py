"""Registering on the site: the form, the guest's link, the personal link to cancel, the box on
the event page, "Meine Anmeldungen", and that no registrant's name reaches a public page."""

import re

from django.test import Client

import pytest

from registrations import booking
from registrations.models import Registration, RegistrationStatus
from tests.factories import change_registration
from tests.proxies import trust_the_documented_proxy, via_nginx
from tests.queries import count_queries
from tests.registrations.guest import GUEST_FORM as FORM
from tests.sitemaps import sitemap_pages

pytestmark = pytest.mark.django_db


BUSY = "198.51.100.23"
OTHER = "203.0.113.40"


def _form_url(event):
    return f"/veranstaltungsanmeldung/{event.pk}/"


def _link(mail, name):
    return re.search(rf"https?://[^/\s]+(/veranstaltungsanmeldung/{name}/[^\s]+/)", mail.body)[1]


def test_members_register_as_their_account_without_typing_name_or_address(client, event, members):
    client.force_login(members[0])

    html = client.get(_form_url(event)).content.decode()

    assert (
        f"Sie melden sich selbst an, als {members[0].get_full_name()} ({members[0].email})." in html
    )
    assert 'name="email"' not in html and 'name="name"' not in html
    assert "vor Ort" in html and "online" in html  # a hybrid event asks how


def test_a_guest_registers_confirms_by_link_and_can_cancel_without_login(
    client, event, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_form_url(event), FORM)

    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in response.content.decode()
    confirm_url = _link(mailoutbox[0], "bestaetigen")
    # Opening the link changes nothing (mail scanners open links); the button confirms.
    assert "Ja, Anmeldung bestätigen" in Client().get(confirm_url).content.decode()
    assert Registration.objects.get().status == RegistrationStatus.UNCONFIRMED
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = Client().post(confirm_url)
    assert "Sie sind angemeldet" in confirmed.content.decode()
    assert mailoutbox[-1].subject == f"Anmeldung bestätigt: {event.title}"

    cancel_url = _link(mailoutbox[-1], "absagen")
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(cancel_url, follow=True)
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED
    assert mailoutbox[-1].subject == f"Teilnahme abgesagt: {event.title}"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"email": "keine-adresse"}, "email", "Bitte geben Sie eine gültige E-Mail-Adresse ein"),
        ({"name": "   "}, "name", "Dieses Feld ist zwingend erforderlich"),
        ({"consent": ""}, "consent", "Ohne Ihr Einverständnis"),
        ({"attendance": "mond"}, "attendance", "gültige Auswahl"),
        ({"webseite": "http://spam.example"}, "webseite", "muss leer bleiben"),
    ],
)
def test_bad_input_gets_a_german_message_and_saves_nothing(client, event, change, field, message):
    response = client.post(_form_url(event), {**FORM, **change})

    assert response.status_code == 400
    assert message in str(response.context["form"].errors[field])
    assert not Registration.objects.exists()


def test_too_many_attempts_from_one_address_are_slowed_down(client, event, settings):
    settings.REGISTRATIONS_PER_HOUR = 2
    for number in range(2):
        client.post(_form_url(event), {**FORM, "email": f"gast{number}@example.org"})

    response = client.post(_form_url(event), {**FORM, "email": "gast9@example.org"})

    assert "sehr viele Anmeldungen" in response.content.decode()
    assert Registration.objects.count() == 2


def test_behind_the_proxy_the_limit_counts_each_client_on_its_own(event, settings, monkeypatch):
    """Every request reaches the site from nginx; one busy client must not close the form for
    everybody else."""
    trust_the_documented_proxy(settings, monkeypatch)
    settings.REGISTRATIONS_PER_HOUR = 2
    busy, other = Client(), Client()
    for number in range(2):
        busy.post(
            _form_url(event), {**FORM, "email": f"gast{number}@example.org"}, **via_nginx(BUSY)
        )

    refused = busy.post(_form_url(event), {**FORM, "email": "gast9@example.org"}, **via_nginx(BUSY))
    accepted = other.post(
        _form_url(event), {**FORM, "email": "andere@example.org"}, **via_nginx(OTHER)
    )

    assert "sehr viele Anmeldungen" in refused.content.decode()
    assert "sehr viele Anmeldungen" not in accepted.content.decode()
    assert sorted(Registration.objects.values_list("email", flat=True)) == [
        "andere@example.org",
        "gast0@example.org",
        "gast1@example.org",
    ]


def test_an_address_a_client_names_itself_does_not_reset_its_limit(
    client, event, settings, monkeypatch
):
    trust_the_documented_proxy(settings, monkeypatch)
    settings.REGISTRATIONS_PER_HOUR = 2
    for number in range(3):
        response = client.post(
            _form_url(event),
            {**FORM, "email": f"gast{number}@example.org"},
            REMOTE_ADDR="192.0.2.66",
            HTTP_X_REAL_IP=f"198.51.100.{number + 1}",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number + 1}",
        )

    assert "sehr viele Anmeldungen" in response.content.decode()
    assert Registration.objects.count() == 2


def test_the_event_page_shows_places_without_names_and_the_join_link_to_registrants_only(
    client, event, members
):
    for member, attendance in zip(members[:3], ["online", "in_person", "in_person"], strict=True):
        booking.register(event, organisation="", attendance=attendance, user=member)

    visitor = client.get(event.url).content.decode()
    assert "ausgebucht – Warteliste" in visitor
    for member in members[:3]:
        assert member.get_full_name() not in visitor and member.email not in visitor
    assert "konferenz.example.org" not in visitor

    other_member = Client()
    other_member.force_login(members[4])
    page = other_member.get(event.url).content.decode()
    assert "konferenz.example.org" not in page  # a member, but not registered
    assert "Zur Veranstaltung anmelden" in page

    registered = Client()
    registered.force_login(members[0])
    page = registered.get(event.url).content.decode()
    assert "https://konferenz.example.org/raum-7" in page
    assert "Sie sind angemeldet (online)." in page


def test_event_page_queries_do_not_grow_with_registrations(client, event, members):
    client.force_login(members[0])
    change_registration(event, capacity_in_person=None)
    before = count_queries(client, event.url)

    Registration.objects.bulk_create(
        Registration(
            event=event,
            name=f"Person {n}",
            email=f"person{n}@example.org",
            attendance="in_person",
            status=RegistrationStatus.CONFIRMED,
        )
        for n in range(500)
    )

    assert count_queries(client, event.url) == before


def test_registrations_reach_no_public_channel(client, event, members):
    booking.register(
        event,
        name="Vera Vertraulich",
        email="vera@example.org",
        organisation="",
        attendance="in_person",
    )
    public = [
        event.url,
        event.url + "ical/",
        "/api/v2/pages/?type=workgroups.MeetingPage&fields=*",
        f"/api/v2/pages/{event.pk}/",
        "/termine/feed/",
        *sitemap_pages(client),
        "/suche/?q=Vera",
    ]
    for url in public:
        response = client.get(url)
        body = b"".join(response) if response.streaming else response.content
        assert b"Vera Vertraulich" not in body, url
        assert b"vera@example.org" not in body, url


def test_members_see_and_cancel_their_registrations(client, event, members):
    booking.register(
        event,
        name=members[0].get_full_name(),
        email=members[0].email,
        organisation="",
        attendance="in_person",
        user=members[0],
    )
    client.force_login(members[0])

    html = client.get("/veranstaltungsanmeldung/meine/").content.decode()

    assert event.title in html and "Angemeldet" in html
    cancel = re.search(r'href="(/veranstaltungsanmeldung/absagen/[^"]+/)"', html)[1]
    client.post(cancel)
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED


def test_my_registrations_need_a_login(client):
    response = client.get("/veranstaltungsanmeldung/meine/")

    assert response.status_code == 302 and "/einloggen/" in response["Location"]


def test_the_members_area_lists_the_next_registrations(client, demo_site):
    from django.contrib.auth import get_user_model

    from documents.models import MembersAreaPage
    from workgroups.models import EventPage

    member = get_user_model().objects.get(username="mitglied")
    event = EventPage.objects.get(slug="arbeitskreistreffen-vergabestelle")
    booking.register(
        event, name="Mia", email=member.email, organisation="", attendance="in_person", user=member
    )
    client.force_login(member)

    html = client.get(MembersAreaPage.objects.get().url).content.decode()

    assert "Meine Anmeldungen" in html and event.title in html


def test_an_unrestricted_members_area_still_answers_visitors(client, demo_site):
    from wagtail.models import PageViewRestriction

    from documents.models import MembersAreaPage

    area = MembersAreaPage.objects.get()
    PageViewRestriction.objects.filter(page=area).delete()

    response = client.get(area.url)

    assert response.status_code == 200
    assert "Meine Anmeldungen" not in response.content.decode()
