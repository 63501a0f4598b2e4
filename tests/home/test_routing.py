"""Finding a page by its URL through the kept route (home/routing.py): one query for the page
instead of two per level, and never a page that has moved, gone or been unpublished since."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

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

    # The page itself (specific, one query) and the ancestors for view restrictions (Wagtail);
    # the tree walk would read the working group and the meeting twice each.
    assert len(page_queries) == 2
    assert sum('FROM "workgroups_meetingpage"' in sql for sql in page_queries) == 1


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
