"""Member municipalities show our events on their own websites: a frame, the API, feeds."""

from wagtail.models import PageViewRestriction

import pytest

from tests.factories import MeetingPageFactory, TopicFactory, WorkingGroupPageFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(working_group, events_page):
    other_group = WorkingGroupPageFactory(
        parent=working_group.get_parent(), title="Die neue Mobilität", slug="mobilitaet"
    )
    bauhof = TopicFactory(name="Bauhof", slug="bauhof")
    soon = MeetingPageFactory(parent=working_group, title="Bald", start=in_days(3))
    soon.topics.add(bauhof)
    soon.save()
    MeetingPageFactory(parent=other_group, title="Radverkehr", start=in_days(5))
    MeetingPageFactory(parent=working_group, title="Vorbei", start=in_days(-5))
    internal = MeetingPageFactory(parent=working_group, title="Intern", start=in_days(4))
    PageViewRestriction.objects.create(page=internal, restriction_type="login")
    return events_page


def _embed(client, events_page, **params):
    return client.get(f"{events_page.url}einbetten/", params)


def test_other_sites_may_frame_the_list_of_the_next_public_events(client, events, settings):
    response = _embed(client, events)

    assert response.status_code == 200
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    assert "X-Frame-Options" not in response
    html = response.content.decode()
    assert "Bald" in html and "Radverkehr" in html
    assert "Vorbei" not in html and "Intern" not in html
    assert 'target="_blank" rel="noopener"' in html


def test_the_allowed_sites_come_from_a_setting(client, events, settings):
    settings.EMBED_FRAME_ANCESTORS = ["https://www.paderborn.de", "https://www.hoexter.de"]

    policy = _embed(client, events)["Content-Security-Policy"]

    assert "frame-ancestors https://www.paderborn.de https://www.hoexter.de" in policy


def test_the_list_filters_by_working_group_topic_and_count(client, events, working_group):
    by_group = _embed(client, events, arbeitskreis="mobilitaet").content.decode()
    by_topic = _embed(client, events, thema="bauhof").content.decode()
    one = _embed(client, events, anzahl="1").content.decode()
    silly = _embed(client, events, anzahl="9" * 5000)

    assert "Radverkehr" in by_group and "Bald" not in by_group
    assert "Bald" in by_topic and "Radverkehr" not in by_topic
    assert "Bald" in one and "Radverkehr" not in one
    assert silly.status_code == 200


def test_members_only_events_stay_out_also_for_logged_in_members(client, events, member):
    client.force_login(member)

    assert "Intern" not in _embed(client, events).content.decode()


def test_other_sites_may_read_api_feeds_and_calendars_but_not_pages(client, events, working_group):
    for url in (
        "/api/v2/termine/",
        f"{events.url}rss/",
        f"{events.url}atom/",
        f"{events.url}ical/",
        f"{working_group.url}ical/",
    ):
        response = client.get(url)
        assert response["Access-Control-Allow-Origin"] == "*", url
        repeated = client.get(url, headers={"if-none-match": response.get("ETag", "")})
        assert repeated["Access-Control-Allow-Origin"] == "*", url
    for url in (events.url, working_group.url, "/einloggen/"):
        assert "Access-Control-Allow-Origin" not in client.get(url), url


def test_a_browsers_preflight_is_answered_for_api_feeds_and_calendars_only(
    client, events, working_group
):
    """A ``fetch()`` with ``Content-Type: application/json`` from another site asks first."""
    preflight = {
        "HTTP_ORIGIN": "https://www.paderborn.de",
        "HTTP_ACCESS_CONTROL_REQUEST_METHOD": "GET",
        "HTTP_ACCESS_CONTROL_REQUEST_HEADERS": "content-type",
    }
    for url in ("/api/v2/termine/", f"{events.url}ical/", f"{working_group.url}rss/"):
        response = client.options(url, **preflight)
        assert response.status_code == 204, url
        assert response["Access-Control-Allow-Origin"] == "*", url
        assert "content-type" in response["Access-Control-Allow-Headers"].lower(), url
    for url in (events.url, "/einloggen/"):
        assert "Access-Control-Allow-Origin" not in client.options(url, **preflight), url
    writing = {**preflight, "HTTP_ACCESS_CONTROL_REQUEST_METHOD": "POST"}
    assert "Access-Control-Allow-Origin" not in client.options("/api/v2/termine/", **writing)
    # The GET itself lets the script read the validators for its next conditional request.
    calendar = client.get(f"{events.url}ical/", HTTP_ORIGIN="https://www.paderborn.de")
    assert "ETag" in calendar["Access-Control-Expose-Headers"]


def test_the_webmasters_page_has_snippets_with_our_addresses(client, events):
    html = client.get(f"{events.url}einbinden/").content.decode()

    assert "Termine auf Ihrer Website zeigen" in html
    assert '&lt;iframe src="http://testserver/termine/einbetten/?anzahl=5"' in html
    assert "http://testserver/termine/einbetten/?arbeitskreis=" in html
    assert 'fetch("http://testserver/api/v2/termine/?zeitraum=kommend' in html
    assert "mobilitaet" in html and "bauhof" in html
    assert 'href="/oparl/">/oparl/</a>' in html  # the OParl interface for council systems
    assert f'href="{events.url}einbinden/"' in client.get(events.url).content.decode()
