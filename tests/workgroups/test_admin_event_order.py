"""Editors find events in the admin by date: upcoming ones soonest first, then past ones.

Wagtail orders page listings by last change; both the "Veranstaltungen" screen and the page
explorer of a working group open in date order instead.
"""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.factories import (
    MeetingPageFactory,
    WorkingGroupPageFactory,
    WorkshopPageFactory,
    in_days,
)

pytestmark = pytest.mark.django_db

ROW_TITLE = re.compile(r'<span id="page_\d+_title">\s*([^<]+?)\s*</span>')


def _titles(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return ROW_TITLE.findall(response.content.decode())


@pytest.fixture
def events(working_group, home_page):
    other_group = WorkingGroupPageFactory(parent=home_page, slug="mobilitaet")
    MeetingPageFactory(parent=working_group, title="Vor einem Monat", start=in_days(-30))
    MeetingPageFactory(parent=other_group, title="Vorgestern", start=in_days(-2))
    MeetingPageFactory(parent=working_group, title="In sechs Wochen", start=in_days(42))
    WorkshopPageFactory(parent=other_group, title="In drei Tagen", start=in_days(3))
    MeetingPageFactory(parent=working_group, title="In zwei Wochen", start=in_days(14))


def test_the_events_screen_lists_upcoming_first_then_the_latest_past(client, editor, events):
    client.force_login(editor)

    assert _titles(client, "/admin/veranstaltungen/") == [
        "In drei Tagen",
        "In zwei Wochen",
        "In sechs Wochen",
        "Vorgestern",
        "Vor einem Monat",
    ]


def test_the_explorer_of_a_working_group_lists_its_events_the_same_way(
    client, editor, events, working_group
):
    client.force_login(editor)

    html = client.get(f"/admin/pages/{working_group.pk}/").content.decode()

    assert ROW_TITLE.findall(html) == ["In zwei Wochen", "In sechs Wochen", "Vor einem Monat"]
    assert ">Beginn<" in html.replace("\n", "").replace(" ", "")  # the column of the order
    assert "Veröffentlicht" in html  # Wagtail's page status stays


def test_sorting_by_the_start_column_gives_plain_date_order(client, editor, events):
    client.force_login(editor)

    assert _titles(client, "/admin/veranstaltungen/", ordering="-start") == [
        "In sechs Wochen",
        "In zwei Wochen",
        "In drei Tagen",
        "Vorgestern",
        "Vor einem Monat",
    ]


def test_searching_in_the_explorer_still_works(client, editor, events, working_group):
    client.force_login(editor)

    titles = _titles(client, f"/admin/pages/{working_group.pk}/", q="Wochen")

    assert sorted(titles) == ["In sechs Wochen", "In zwei Wochen"]


def test_the_explorer_needs_the_same_queries_for_few_and_many_events(client, editor, working_group):
    client.force_login(editor)

    def queries_for_listing():
        url = f"/admin/pages/{working_group.pk}/"
        client.get(url)  # after a change of content the first request reloads cached settings
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    MeetingPageFactory(parent=working_group, start=in_days(-15))
    WorkshopPageFactory(parent=working_group, start=in_days(15))
    few = queries_for_listing()
    for day in range(20):
        factory = MeetingPageFactory if day % 2 else WorkshopPageFactory
        factory(parent=working_group, start=in_days(day * 5 - 50))
    many = queries_for_listing()

    assert many == few
