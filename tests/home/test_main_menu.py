"""The main menu names the working groups under "Arbeitskreise", to visitors as far as they
may see them, and marks where the reader is."""

from wagtail.models import PageViewRestriction

import pytest

from tests.factories import MeetingPageFactory, StandardPageFactory, WorkingGroupPageFactory

pytestmark = pytest.mark.django_db


def _menu(html):
    start = html.index('class="main-menu"')
    return html[start : html.index("</nav>", start)]


def test_working_groups_are_in_the_menu_under_one_heading_where_they_stand(client, home_page):
    first = WorkingGroupPageFactory(parent=home_page, title="Der neue Mittelstand")
    StandardPageFactory(parent=home_page, title="Über den Verein", show_in_menus=True)
    second = WorkingGroupPageFactory(parent=home_page, title="Die neue Mobilität")

    menu = _menu(client.get("/").content.decode())

    assert menu.count("<summary") == 1
    group = menu[menu.index("<details") : menu.index("</details>")]
    assert ">Arbeitskreise</summary>" in group
    assert f'href="{first.url}"' in group and f'href="{second.url}"' in group
    # The heading stands where the first working group stands in the page tree.
    assert menu.index("Arbeitskreise") < menu.index("Über den Verein")


def test_members_only_working_group_is_named_to_members_only(client, home_page, member):
    WorkingGroupPageFactory(parent=home_page, title="Offener Arbeitskreis")
    internal = WorkingGroupPageFactory(parent=home_page, title="Interner Arbeitskreis")
    PageViewRestriction.objects.create(page=internal, restriction_type="login")

    visitor_menu = _menu(client.get("/").content.decode())
    client.force_login(member)
    member_menu = _menu(client.get("/").content.decode())

    assert "Offener Arbeitskreis" in visitor_menu
    assert "Interner Arbeitskreis" not in visitor_menu
    assert "Interner Arbeitskreis" in member_menu


def test_a_draft_working_group_is_not_in_the_menu(client, home_page):
    WorkingGroupPageFactory(parent=home_page, title="Noch nicht veröffentlicht", live=False)

    html = client.get("/").content.decode()

    assert "<summary" not in _menu(html)
    assert "Noch nicht veröffentlicht" not in html


def test_the_menu_marks_the_working_group_of_the_page_being_read(client, home_page):
    group = WorkingGroupPageFactory(parent=home_page, title="Die neue Mobilität")
    other = WorkingGroupPageFactory(parent=home_page, title="Der neue Mittelstand")
    event = MeetingPageFactory(parent=group)

    on_group = _menu(client.get(group.url).content.decode())
    on_event = _menu(client.get(event.url).content.decode())

    assert f'href="{group.url}" aria-current="page"' in on_group
    assert f'href="{other.url}" aria-current' not in on_group
    assert "main-menu__link--ancestor" in on_event  # the "Arbeitskreise" heading
    assert 'main-menu__sublink--ancestor" href="' + group.url in on_event
