"""Members log in and out on the public site, in German, and return where they came from."""

from html.parser import HTMLParser

from wagtail.models import PageViewRestriction

import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_login_page_is_german_and_linked_from_every_page(client, home_page):
    html = client.get("/").content.decode()
    assert 'href="/einloggen/?next=/"' in html

    response = client.get("/einloggen/")

    assert response.status_code == 200
    body = response.content.decode()
    assert "Benutzername" in body and "Passwort" in body
    assert 'autocomplete="current-password"' in body


def test_wrong_password_gets_a_clear_message_and_keeps_the_username(client, home_page, member):
    response = client.post("/einloggen/", {"username": "kommune", "password": "falsch"})

    assert response.status_code == 200
    body = response.content.decode()
    assert "Benutzername oder Passwort sind nicht korrekt" in body
    assert 'value="kommune"' in body
    assert "_auth_user_id" not in client.session


def test_member_logs_in_and_returns_to_restricted_page(client, home_page, member):
    protected = StandardPageFactory(parent=home_page, title="Nur für Mitglieder", slug="intern")
    PageViewRestriction.objects.create(page=protected, restriction_type="login")

    redirect = client.get("/intern/")
    assert redirect.status_code == 302
    assert redirect["Location"].startswith("/einloggen/?next=/intern/")

    response = client.post(
        "/einloggen/?next=/intern/",
        {"username": "kommune", "password": "geheim-123", "next": "/intern/"},
    )
    assert response.status_code == 302 and response["Location"] == "/intern/"
    page = client.get("/intern/").content.decode()
    assert "Nur für Mitglieder" in page
    assert "Ausloggen" in page


def test_login_refuses_to_redirect_to_another_site(client, home_page, member):
    response = client.post(
        "/einloggen/",
        {"username": "kommune", "password": "geheim-123", "next": "https://evil.example/"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_logout_needs_post_and_ends_the_session(client, home_page, member):
    client.force_login(member)

    assert client.get("/ausloggen/").status_code == 405
    response = client.post("/ausloggen/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_by_email_end_to_end(client, home_page, member, mailoutbox):
    member.email = "kommune@example.org"
    member.save()

    assert "Passwort vergessen?" in client.get("/einloggen/").content.decode()
    response = client.post("/passwort/vergessen/", {"email": "kommune@example.org"})
    assert response.status_code == 302 and response["Location"] == "/passwort/gesendet/"

    (mail,) = mailoutbox
    assert mail.subject == "Neues Passwort für die Arbeitskreise"
    assert "Ihr Benutzername: kommune" in mail.body
    link = next(line for line in mail.body.splitlines() if "/passwort/neu/" in line)
    path = link.split("testserver", 1)[1]

    form_page = client.get(path, follow=True)
    assert "Neues Passwort festlegen" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    mismatch = client.post(
        set_url, {"new_password1": "Kooperation-2026", "new_password2": "anders"}
    )
    assert mismatch.status_code == 200
    done = client.post(
        set_url, {"new_password1": "Kooperation-2026", "new_password2": "Kooperation-2026"}
    )
    assert done.status_code == 302

    client.logout()
    login = client.post("/einloggen/", {"username": "kommune", "password": "Kooperation-2026"})
    assert login.status_code == 302
    assert "ist nicht mehr gültig" in client.get(path, follow=True).content.decode()


def test_password_reset_for_unknown_address_reveals_nothing(client, home_page, mailoutbox):
    response = client.post("/passwort/vergessen/", {"email": "niemand@example.org"})

    assert response.status_code == 302
    assert mailoutbox == []


def test_the_login_page_says_how_to_get_an_account(client, demo_site):
    html = client.get("/einloggen/").content.decode()

    assert "Noch kein Zugang?" in html
    assert 'href="mailto:geschaeftsstelle@example.org"' in html
    assert 'href="tel:+49525188' in html


class _FormsInsidePhrasing(HTMLParser):
    """Collects the phrasing elements a <form> sits in: HTML allows a form only where flow
    content may stand, so browsers and validators treat one inside a <span> as broken markup."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    PHRASING = {"span", "a", "label", "p", "button", "strong", "em", "small", "b", "i"}

    def __init__(self):
        super().__init__()
        self.open = []
        self.misplaced = []

    def handle_starttag(self, tag, attrs):
        if tag == "form":
            self.misplaced += [parent for parent in self.open if parent in self.PHRASING]
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]


def test_logout_form_is_valid_markup_on_member_pages(client, home_page, member):
    client.force_login(member)
    body = client.get("/").content.decode()
    parser = _FormsInsidePhrasing()

    parser.feed(body)

    assert 'action="/ausloggen/"' in body
    assert parser.misplaced == []
