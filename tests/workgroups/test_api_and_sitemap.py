"""The JSON API and the sitemap show public events only."""

from wagtail.models import PageViewRestriction

import pytest

from tests.factories import MeetingPageFactory, WorkshopPageFactory, in_days
from tests.sitemaps import sitemap_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed_events(working_group):
    MeetingPageFactory(parent=working_group, title="Kommend", slug="kommend", start=in_days(5))
    WorkshopPageFactory(
        parent=working_group,
        title="Online-Werkstatt",
        slug="online-werkstatt",
        start=in_days(-5),
        attendance_mode="online",
        online_url="https://konferenz.example.org/geheim",
    )
    MeetingPageFactory(parent=working_group, title="Entwurf", slug="entwurf", live=False)
    private = MeetingPageFactory(parent=working_group, title="Intern", slug="intern")
    PageViewRestriction.objects.create(page=private, restriction_type="login")


def test_api_lists_public_events_soonest_first(client, mixed_events):
    response = client.get("/api/v2/termine/", {"fields": "*"})

    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Online-Werkstatt", "Kommend"]
    assert items[1]["event_type"] == "Arbeitskreistreffen"
    assert "geheim" not in response.content.decode()
    assert "online_url" not in items[0]


def test_api_filters_upcoming_and_rejects_unknown_period(client, mixed_events):
    upcoming = client.get("/api/v2/termine/", {"zeitraum": "kommend"}).json()["items"]
    bad = client.get("/api/v2/termine/", {"zeitraum": "morgen"})

    assert [item["title"] for item in upcoming] == ["Kommend"]
    assert bad.status_code == 400


def test_api_detail_of_private_or_draft_event_is_404(client, working_group, mixed_events):
    from workgroups.models import EventPage

    for slug in ("entwurf", "intern"):
        event = EventPage.objects.get(slug=slug)
        assert client.get(f"/api/v2/termine/{event.pk}/").status_code == 404


def test_sitemap_lists_public_events(client, mixed_events):
    xml = sitemap_text(client)

    assert "/kommunen-ohne-grenzen/kommend/</loc>" in xml
    assert "/kommunen-ohne-grenzen/entwurf/</loc>" not in xml
    assert "/kommunen-ohne-grenzen/intern/</loc>" not in xml
