"""Logins are throttled, responses carry the security headers, nothing leaves for avatars."""

from django.conf import settings

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Richtiges-Passwort-2026"


@pytest.fixture
def account(db):
    user = UserFactory(username="kommune", groups=["Mitglieder", "Redaktion"])
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.mark.parametrize("login_url", ["/anmelden/", "/admin/login/"])
def test_wrong_passwords_lock_the_login_even_for_the_right_one(client, account, login_url):
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(login_url, {"username": "kommune", "password": f"falsch{attempt}"})
        assert response.status_code == 200  # the form again, with its message

    locked = client.post(login_url, {"username": "kommune", "password": "falsch-letztes"})
    right_password = client.post(login_url, {"username": "kommune", "password": PASSWORD})

    for response in (locked, right_password):
        assert response.status_code == 429
        html = response.content.decode()
        assert "Zu viele fehlgeschlagene Anmeldeversuche" in html
        assert "für 15 Minuten gesperrt" in html
        assert 'href="/passwort/vergessen/"' in html
    assert "_auth_user_id" not in client.session


def test_a_lockout_is_per_address_not_for_everyone(client, account):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post("/anmelden/", {"username": "kommune", "password": f"falsch{attempt}"})

    elsewhere = client.post(
        "/anmelden/",
        {"username": "kommune", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.77",
    )

    assert elsewhere.status_code == 302


def test_success_resets_the_count(client, account):
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post("/anmelden/", {"username": "kommune", "password": f"falsch{attempt}"})
    assert (
        client.post("/anmelden/", {"username": "kommune", "password": PASSWORD}).status_code == 302
    )
    client.post("/abmelden/")

    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post("/anmelden/", {"username": "kommune", "password": f"falsch{attempt}"})

    assert (
        client.post("/anmelden/", {"username": "kommune", "password": PASSWORD}).status_code == 302
    )


def test_public_pages_carry_a_strict_content_security_policy(client, home_page):
    response = client.get("/")

    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy
    assert "frame-ancestors 'self'" in policy
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


def test_public_pages_need_no_inline_script_or_style(client, home_page):
    html = client.get("/").content.decode()

    assert "<script>" not in html
    assert " style=" not in html
    assert " onclick=" not in html


def test_admin_shows_initials_not_outside_avatars(client, account):
    client.force_login(account)

    html = client.get("/admin/").content.decode()

    assert "gravatar" not in html
    assert "default-user-avatar" in html  # served by the site itself


def test_production_settings_send_hsts_and_secure_cookies(monkeypatch):
    import importlib

    import config.settings.base

    monkeypatch.setenv("SECRET_KEY", "x" * 60)
    monkeypatch.setenv("ALLOWED_HOSTS", "arbeitskreise.example.org")
    try:
        importlib.reload(config.settings.base)
        production = importlib.reload(importlib.import_module("config.settings.production"))
    finally:
        monkeypatch.undo()
        importlib.reload(config.settings.base)

    assert production.SECURE_HSTS_SECONDS >= 365 * 24 * 3600
    assert production.SECURE_SSL_REDIRECT is True
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
    assert production.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"] == ["'self'"]
    assert production.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
