"""`load_demo` builds the demo site and can run again without duplicating anything."""

from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from wagtail.models import Page, Site

import pytest

from home.models import HomePage, SiteSettings, StandardPage

pytestmark = pytest.mark.django_db


def _authenticate(username, password):
    """As the login page does it: with the request, which login throttling needs."""
    request = RequestFactory().post("/einloggen/")
    return authenticate(request, username=username, password=password)


def _snapshot():
    return {
        "pages": Page.objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
        "settings": SiteSettings.objects.count(),
    }


def test_load_demo_builds_the_site(demo_site, client):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert set(StandardPage.objects.values_list("slug", flat=True)) >= {
        "ueber-den-verein",
        "impressum",
        "datenschutz",
        "barrierefreiheit",
    }
    settings = SiteSettings.for_site(site)
    assert settings.phone == "+49 5251.88-12597"
    assert settings.imprint_page.slug == "impressum"

    home = client.get("/").content.decode()
    assert "Die neuen Kommunen ohne Grenzen" in home
    assert "Über den Verein" in home  # in the menu
    about = client.get("/ueber-den-verein/").content.decode()
    assert "20. April 2018" in about and "Konzepte mit Vorbildcharakter" in about


def test_load_demo_twice_changes_nothing(demo_site):
    before = _snapshot()

    call_command("load_demo", "--force", verbosity=0)

    assert _snapshot() == before
    assert HomePage.objects.count() == 1


def test_demo_users_and_groups(demo_site):
    users = get_user_model().objects
    assert users.get(username="admin").is_superuser
    assert users.get(username="redaktion").groups.filter(name="Redaktion").exists()
    assert users.get(username="moderation").groups.filter(name="Moderation").exists()
    assert users.get(username="mitglied").groups.filter(name="Mitglieder").exists()
    assert _authenticate("mitglied", "demo-passwort") is not None


def test_password_option_sets_the_demo_password(demo_site):
    call_command("load_demo", "--force", "--password", "anderes-passwort", verbosity=0)

    assert _authenticate("redaktion", "anderes-passwort") is not None


def test_load_demo_refuses_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo", verbosity=0)

    assert not HomePage.objects.exists()
