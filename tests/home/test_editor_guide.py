"""The German editors' guide replaces Wagtail's English help links in the admin."""

import json
import re

from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db

SECTIONS = {
    "veranstaltung-anlegen": "So legen Sie eine Veranstaltung an",
    "protokolle": "Protokolle nur für Mitglieder",
    "kooperationsboerse": "Einträge der Kooperationsbörse freigeben",
}


def _menu_items(node):
    """Every menu item packed into the sidebar's props, as (name, label, url, children)."""
    if isinstance(node, dict):
        args = node.get("_args")
        if str(node.get("_type", "")).endswith("MenuItem") and args:
            options = args[0]
            children = args[1] if len(args) > 1 else []
            yield options["name"], options["label"], options.get("url"), children
        for value in node.values():
            yield from _menu_items(value)
    elif isinstance(node, list):
        for value in node:
            yield from _menu_items(value)


def help_menu(response):
    """The items of the sidebar's "Hilfe" submenu, read from the props the sidebar is built from."""
    html = response.content.decode()
    match = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    assert match, "the admin page renders no sidebar props"
    props = json.loads(match.group(1))
    (children,) = [kids for name, _label, _url, kids in _menu_items(props) if name == "help"]
    return {name: (label, url) for name, label, url, _kids in _menu_items(children)}


def test_editor_finds_the_guide_in_the_help_menu(client, editor):
    client.force_login(editor)

    items = help_menu(client.get(reverse("wagtailadmin_home")))

    assert items["redaktionshandbuch"] == ("Redaktionshandbuch", reverse("editor_guide"))
    assert "keyboard-shortcuts-trigger" in items  # Wagtail's own shortcuts stay


def test_help_menu_has_no_links_to_wagtails_english_guide(client, editor):
    client.force_login(editor)

    items = help_menu(client.get(reverse("wagtailadmin_home")))

    assert "editor-guide" not in items
    assert not [name for name in items if name.startswith("whats-new-in-wagtail")]
    assert not [url for _label, url in items.values() if url and "wagtail.org" in url]


@pytest.mark.parametrize("user", ["editor", "moderator"])
def test_admin_users_read_the_guide_with_its_three_sections(client, request, user):
    client.force_login(request.getfixturevalue(user))

    response = client.get(reverse("editor_guide"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Redaktionshandbuch" in html
    for anchor, heading in SECTIONS.items():
        # Each section is a panel whose heading carries an id, and the contents link to it.
        assert re.search(
            rf'id="{anchor}-heading"[^>]*>\s*<span data-panel-heading-text>{heading}</span>', html
        ), heading
        assert f'href="#{anchor}-section"' in html
    assert "Veranstaltung hinzufügen" in html
    assert "Nur für Mitglieder – bitte einloggen" in html
    assert "Änderungen anfordern" in html


def test_the_guide_has_wagtails_header_with_breadcrumbs(client, editor):
    client.force_login(editor)

    html = client.get(reverse("editor_guide")).content.decode()

    assert '<h1 class="w-sr-only">' in html and "Redaktionshandbuch" in html
    assert f'href="{reverse("wagtailadmin_home")}"' in html  # breadcrumb back to the dashboard
    assert "icon-help" in html


def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    url = reverse("editor_guide")

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert "next=" in response["Location"]


def test_members_without_admin_access_do_not_get_the_guide(client, member):
    client.force_login(member)

    response = client.get(reverse("editor_guide"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_dashboard_links_the_guide_instead_of_wagtails_editor_guide(client, editor):
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_home"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Editor-Handbuch" not in html
    assert "guide.wagtail.org" not in html
    assert f'href="{reverse("editor_guide")}"' in html
