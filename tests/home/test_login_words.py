"""Logging in is "Einloggen", never "anmelden": on this site "anmelden" means registering for
an event. The login page is the "Mitglieder-Login" at /einloggen/; the former addresses
/anmelden/ and /abmelden/ lead there permanently, with the query string."""

import re

from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from tests.factories import StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db

#: Words that meant the account before; "anmelden" is now only for events.
ACCOUNT_WORDS_OF_OLD = re.compile(r"Anmelden|Abmelden|abmelden|[Aa]ngemeldet als|Anmeldung fehl")


def _visible_text(html):
    """The page's words as a person reads them, without markup, scripts and styles."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_login_page_is_the_members_login_and_says_einloggen(client, home_page):
    response = client.get("/einloggen/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Mitglieder-Login" in html
    assert re.search(r"<h1[^>]*>\s*Mitglieder-Login\s*</h1>", html)
    assert '<span class="kern-label">Einloggen</span>' in html
    assert "Loggen Sie sich mit Ihrem Benutzernamen ein." in html
    assert ACCOUNT_WORDS_OF_OLD.findall(_visible_text(html)) == []


def test_a_failed_login_says_einloggen_fehlgeschlagen(client, home_page, member):
    html = client.post("/einloggen/", {"username": "kommune", "password": "falsch"}).content

    assert "Einloggen fehlgeschlagen" in html.decode()
    assert ACCOUNT_WORDS_OF_OLD.findall(_visible_text(html.decode())) == []


def test_both_login_settings_name_the_new_page():
    assert resolve_url(settings.LOGIN_URL) == reverse("login") == "/einloggen/"
    assert resolve_url(settings.WAGTAIL_FRONTEND_LOGIN_URL) == "/einloggen/"
    assert reverse("logout") == "/ausloggen/"


def test_a_private_page_sends_visitors_to_the_new_login(client, home_page):
    private = StandardPageFactory(parent=home_page, title="Intern", slug="intern")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    response = client.get("/intern/")

    assert response.status_code == 302
    assert response["Location"] == "/einloggen/?next=/intern/"


def test_the_former_login_address_leads_to_the_new_one_with_its_query(client, home_page):
    response = client.get("/anmelden/?next=/intern/%3Fseite%3D2")

    assert response.status_code == 301
    assert response["Location"] == "/einloggen/?next=/intern/%3Fseite%3D2"


def test_a_login_posted_to_the_former_address_still_logs_in(client, home_page, member):
    """A login form from a page some cache still holds posts to /anmelden/: 308 keeps the POST."""
    response = client.post(
        "/anmelden/?next=/intern/",
        {"username": "kommune", "password": "geheim-123", "next": "/intern/"},
        follow=True,
    )

    assert response.redirect_chain[0] == ("/einloggen/?next=/intern/", 308)
    assert int(client.session["_auth_user_id"]) == member.pk


def test_the_former_logout_address_still_logs_out(client, home_page, member):
    client.force_login(member)

    moved = client.post("/abmelden/")
    assert moved.status_code == 308 and moved["Location"] == "/ausloggen/"
    client.post(moved["Location"])

    assert "_auth_user_id" not in client.session


def test_the_header_of_a_members_page_says_eingeloggt_als_and_ausloggen(client, home_page):
    mia = UserFactory(username="mia", first_name="Mia", last_name="Mitglied", groups=["Mitglieder"])
    client.force_login(mia)

    html = client.get(reverse("registrations:own")).content.decode()

    assert "Eingeloggt als Mia Mitglied" in html
    assert re.search(r'<form[^>]*action="/ausloggen/"', html)
    assert re.search(r'<button[^>]*type="submit"[^>]*>\s*Ausloggen\s*</button>', html)
    assert ACCOUNT_WORDS_OF_OLD.findall(_visible_text(html)) == []


def test_the_admin_login_says_einloggen_too(client, home_page):
    html = client.get("/admin/login/").content.decode()

    assert "Login für Redaktion und Moderation" in html
    assert "<title>Einloggen" in html
    assert re.search(r"<em[^>]*>\s*Einloggen\s*</em>", html)
    assert ACCOUNT_WORDS_OF_OLD.findall(_visible_text(html)) == []


def test_after_a_new_password_the_way_on_is_einloggen(client, home_page):
    html = client.get("/passwort/geaendert/").content.decode()

    assert "Jetzt einloggen" in html
    assert ACCOUNT_WORDS_OF_OLD.findall(_visible_text(html)) == []
