"""Serving a page with one query: the kept route (operations/routing.py) instead of two queries per
level, the kept restricted sections (BasePage.get_view_restrictions) instead of Wagtail's two;
and never a page that has moved, gone or been unpublished since, never one a new rule locks."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from tests.factories import MeetingPageFactory, WorkingGroupPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(working_group):
    return MeetingPageFactory(parent=working_group, title="Arbeitskreistreffen", slug="treffen")


def _page_queries(client, url):
    """The queries on ``wagtailcore_page`` for ``url``, asked a second time."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in queries if '"wagtailcore_page"' in q["sql"]]


def test_a_kept_route_loads_only_the_page_itself(client, meeting):
    page_queries = _page_queries(client, meeting.url)

    # The page itself, specific, in one query; the tree walk would read the working group and
    # the meeting twice each.
    assert len(page_queries) == 1
    assert 'FROM "workgroups_meetingpage"' in page_queries[0]


def test_the_rest_of_the_path_is_still_the_pages_own_route(client, meeting, working_group):
    client.get(meeting.url)

    calendar = client.get(f"{meeting.url}ical/")
    month = client.get(f"{working_group.url}ical/")
    unknown = client.get(f"{meeting.url}gibt-es-nicht/")

    assert calendar.status_code == 200 and b"Arbeitskreistreffen" in calendar.content
    assert month.status_code == 200
    assert unknown.status_code == 404


def test_an_unpublished_page_is_gone_at_once(client, meeting):
    assert client.get(meeting.url).status_code == 200

    meeting.unpublish()

    assert client.get(meeting.url).status_code == 404


def test_a_moved_page_is_found_at_its_new_address(client, meeting, home_page):
    old_url = meeting.url
    assert client.get(old_url).status_code == 200
    other_group = WorkingGroupPageFactory(parent=home_page, slug="mobilitaet")

    meeting.move(other_group, pos="last-child")
    meeting.refresh_from_db()

    assert meeting.url != old_url
    assert client.get(meeting.url).status_code == 200
    moved = client.get(old_url)  # Wagtail's redirect for the old address, not the kept route
    assert (moved.status_code, moved["Location"]) == (301, meeting.url)


def test_a_deleted_page_is_gone(client, meeting):
    url = meeting.url
    assert client.get(url).status_code == 200

    meeting.delete()

    assert client.get(url).status_code == 404


def test_a_changed_slug_is_found_at_its_new_address(client, meeting):
    old_url = meeting.url
    assert client.get(old_url).status_code == 200

    meeting.slug = "neues-treffen"
    meeting.save_revision().publish()
    meeting.refresh_from_db()

    assert client.get(old_url).status_code == 404
    assert client.get(meeting.url).status_code == 200


def test_a_restriction_added_later_holds_at_once(client, meeting, working_group):
    """Pages outside every restricted section skip Wagtail's restriction queries (the sections
    are kept until a rule changes); a new rule on an ancestor must still hold at once."""
    assert client.get(meeting.url).status_code == 200

    restriction = PageViewRestriction.objects.create(
        page=working_group, restriction_type=PageViewRestriction.LOGIN
    )
    locked = client.get(meeting.url)
    restriction.delete()
    open_again = client.get(meeting.url)

    assert locked.status_code == 302 and locked["Location"].startswith("/einloggen/")
    assert open_again.status_code == 200
