"""Each listing page, month and route names itself as canonical, and each month has one
address: what search engines and link previews read."""

import re

import pytest

from tests.factories import CooperationEntryFactory, MeetingPageFactory, TopicFactory, in_days

pytestmark = pytest.mark.django_db


def _canonical(response):
    html = response.content.decode()
    (canonical,) = re.findall(r'<link rel="canonical" href="([^"]*)">', html)
    (og_url,) = re.findall(r'<meta property="og:url" content="([^"]*)">', html)
    assert og_url == canonical  # link previews name the same address
    return canonical.replace("&amp;", "&")


@pytest.fixture
def archive_of_three_pages(working_group):
    """25 past events: the archive has three pages of ten."""
    topic = TopicFactory(slug="ozg")
    for number in range(25):
        event = MeetingPageFactory(parent=working_group, start=in_days(-10 - number))
        event.topics.add(topic)
        event.save()


def test_pages_of_a_working_groups_archive_name_themselves(
    client, working_group, archive_of_three_pages
):
    base = working_group.full_url

    assert _canonical(client.get(working_group.url)) == base
    assert _canonical(client.get(working_group.url, {"seite": "1"})) == base
    assert _canonical(client.get(working_group.url, {"seite": "2"})) == f"{base}?seite=2"
    # past the end the last page is shown, and named
    assert _canonical(client.get(working_group.url, {"seite": "99"})) == f"{base}?seite=3"
    assert _canonical(client.get(working_group.url, {"seite": "x", "utm_source": "a"})) == base


def test_a_filtered_list_names_itself_with_its_valid_filters_in_one_order(
    client, working_group, archive_of_three_pages
):
    base = working_group.full_url

    filtered = client.get(working_group.url, {"seite": "2", "thema": "ozg", "typ": "treffen"})
    invalid = client.get(working_group.url, {"thema": "gibt-es-nicht", "seite": "2"})

    assert _canonical(filtered) == f"{base}?typ=treffen&thema=ozg&seite=2"
    assert _canonical(invalid) == f"{base}?seite=2"


def test_the_events_overview_names_its_page_and_its_routes_themselves(
    client, working_group, events_page, archive_of_three_pages
):
    base = events_page.full_url

    assert _canonical(client.get(events_page.url, {"seite": "2"})) == f"{base}?seite=2"
    assert _canonical(client.get(f"{events_page.url}einbinden/")) == f"{base}einbinden/"
    month = in_days(-10)
    month_path = f"monat/{month.year}/{month.month}/"
    assert _canonical(client.get(f"{events_page.url}{month_path}")) == f"{base}{month_path}"
    assert (
        _canonical(client.get(f"{working_group.url}{month_path}"))
        == f"{working_group.full_url}{month_path}"
    )
    guide = client.get(f"{events_page.url}einbinden/").content.decode()
    assert '<meta property="og:title" content="Termine auf Ihrer Website zeigen">' in guide
    month_page = client.get(f"{events_page.url}{month_path}").content.decode()
    assert re.search(r'<meta property="og:title" content="\w+ \d{4} – ', month_page)


def test_pages_of_the_board_name_themselves(client, board):
    CooperationEntryFactory.create_batch(13)
    CooperationEntryFactory(kind="request")
    base = board.full_url

    assert _canonical(client.get(board.url)) == base
    assert _canonical(client.get(board.url, {"seite": "2"})) == f"{base}?seite=2"
    assert _canonical(client.get(board.url, {"seite": "9"})) == f"{base}?seite=2"
    # the one request fits on one page, which is the first
    assert _canonical(client.get(board.url, {"seite": "2", "art": "request"})) == (
        f"{base}?art=request"
    )


@pytest.mark.parametrize("listing", ["working_group", "events_page"])
def test_a_month_spelt_with_a_leading_zero_moves_permanently_to_the_sites_spelling(
    client, request, listing
):
    page = request.getfixturevalue(listing)
    year = in_days(0).year

    padded = client.get(f"{page.url}monat/{year}/03/")
    spelt = client.get(f"{page.url}monat/{year}/3/")

    assert padded.status_code == 301
    assert padded["Location"] == f"{page.url}monat/{year}/3/"
    assert spelt.status_code == 200
    assert client.get(f"{page.url}monat/1900/03/").status_code == 404  # no detour to a 404
