"""Logins are throttled per account and real client, responses carry the security headers,
nothing leaves for avatars."""

from django.conf import settings
from django.test import Client

import pytest

from tests.factories import UserFactory
from tests.proxies import (
    production_settings,
    trust_the_documented_proxy,
    via_nginx,
    via_nginx_and_varnish,
)

pytestmark = pytest.mark.django_db

PASSWORD = "Richtiges-Passwort-2026"
CLIENT_A = "198.51.100.23"
CLIENT_B = "203.0.113.40"


@pytest.fixture
def behind_proxy(settings, monkeypatch):
    """The production setting for the documented chain: nginx (and Varnish) on this host."""
    trust_the_documented_proxy(settings, monkeypatch)


@pytest.fixture
def account(db):
    user = UserFactory(username="kommune", groups=["Mitglieder", "Redaktion"])
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.mark.parametrize("login_url", ["/einloggen/", "/admin/login/"])
def test_wrong_passwords_lock_the_login_even_for_the_right_one(client, account, login_url):
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(login_url, {"username": "kommune", "password": f"falsch{attempt}"})
        assert response.status_code == 200  # the form again, with its message

    locked = client.post(login_url, {"username": "kommune", "password": "falsch-letztes"})
    right_password = client.post(login_url, {"username": "kommune", "password": PASSWORD})

    for response in (locked, right_password):
        assert response.status_code == 429
        html = response.content.decode()
        assert "Zu viele fehlgeschlagene Versuche, sich einzuloggen" in html
        assert "für 15 Minuten gesperrt" in html
        assert 'href="/passwort/vergessen/"' in html
    assert "_auth_user_id" not in client.session


def test_a_lockout_is_per_address_not_for_everyone(client, account):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post("/einloggen/", {"username": "kommune", "password": f"falsch{attempt}"})

    elsewhere = client.post(
        "/einloggen/",
        {"username": "kommune", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.77",
    )

    assert elsewhere.status_code == 302


def test_success_resets_the_count(client, account):
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post("/einloggen/", {"username": "kommune", "password": f"falsch{attempt}"})
    assert (
        client.post("/einloggen/", {"username": "kommune", "password": PASSWORD}).status_code == 302
    )
    client.post("/ausloggen/")

    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post("/einloggen/", {"username": "kommune", "password": f"falsch{attempt}"})

    assert (
        client.post("/einloggen/", {"username": "kommune", "password": PASSWORD}).status_code == 302
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
    production = production_settings(monkeypatch)

    assert production.SECURE_HSTS_SECONDS >= 365 * 24 * 3600
    assert production.SECURE_SSL_REDIRECT is True
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
    assert production.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"] == ["'self'"]
    assert production.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


def test_production_trusts_only_this_hosts_proxy_unless_told_otherwise(monkeypatch):
    assert production_settings(monkeypatch).TRUSTED_PROXIES == ["127.0.0.1", "::1"]
    told = production_settings(monkeypatch, TRUSTED_PROXIES="10.0.0.5, 10.0.1.0/24")
    assert told.TRUSTED_PROXIES == ["10.0.0.5", "10.0.1.0/24"]
    assert not hasattr(told, "AXES_IPWARE_PROXY_COUNT")


@pytest.mark.parametrize("chain", [via_nginx, via_nginx_and_varnish])
@pytest.mark.parametrize("login_url", ["/einloggen/", "/admin/login/"])
def test_behind_the_proxy_a_lockout_stops_one_client_not_the_others(
    account, behind_proxy, chain, login_url
):
    client_a, client_b = Client(), Client()
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        last = client_a.post(
            login_url, {"username": "kommune", "password": f"falsch{attempt}"}, **chain(CLIENT_A)
        )
    assert last.status_code == 429
    assert (
        client_a.post(
            login_url, {"username": "kommune", "password": PASSWORD}, **chain(CLIENT_A)
        ).status_code
        == 429
    )

    other = client_b.post(
        login_url, {"username": "kommune", "password": PASSWORD}, **chain(CLIENT_B)
    )

    assert other.status_code == 302
    assert client_b.session["_auth_user_id"] == str(account.pk)


@pytest.mark.parametrize("header", ["HTTP_X_REAL_IP", "HTTP_X_FORWARDED_FOR"])
def test_an_address_claimed_by_a_client_from_the_internet_changes_nothing(
    client, account, behind_proxy, header
):
    """Someone reaching the application not through the proxy names a new address each time."""
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        last = client.post(
            "/einloggen/",
            {"username": "kommune", "password": f"falsch{attempt}"},
            REMOTE_ADDR="192.0.2.66",
            **{header: f"198.51.100.{attempt + 1}"},
        )

    right_password = client.post(
        "/einloggen/",
        {"username": "kommune", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.66",
        **{header: "198.51.100.200"},
    )

    assert last.status_code == 429
    assert right_password.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("chain", [via_nginx, via_nginx_and_varnish])
def test_through_the_proxy_a_client_cannot_name_itself_either(client, account, behind_proxy, chain):
    """nginx overwrites X-Real-IP; what the client put into X-Forwarded-For stays unread."""
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/einloggen/",
            {"username": "kommune", "password": f"falsch{attempt}"},
            **chain(CLIENT_A, claimed=f"192.0.2.{attempt + 1}"),
        )

    response = client.post(
        "/einloggen/",
        {"username": "kommune", "password": PASSWORD},
        **chain(CLIENT_A, claimed="192.0.2.99"),
    )

    assert response.status_code == 429
