"""The page cache for visitors: fast for everyone alike, never private, never stale."""

import datetime as dt

from django.contrib import messages
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

import pytest

from board.models import CooperationEntry
from home.models import SiteSettings
from operations.page_cache import PageCacheMiddleware
from registrations.models import Registration, RegistrationStatus
from tests.factories import (
    CooperationEntryFactory,
    MeetingPageFactory,
    TopicFactory,
    WorkingGroupPageFactory,
    in_days,
)
from tests.factories.documents import pdf_document, restricted_collection
from tests.network import free_port
from tests.sitemaps import sitemap_pages, sitemap_text
from workgroups.models import EventMaterial

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True


def _html(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def _served_from_cache(client, url):
    """Whether the second request for ``url`` comes from the page cache: nothing rendered."""
    client.get(url)
    return not client.get(url).templates


def test_a_visitors_second_request_costs_one_query_for_the_content_version(
    client, working_group, django_assert_num_queries
):
    MeetingPageFactory(parent=working_group, title="Klausurtagung")

    first = client.get(working_group.url)
    with django_assert_num_queries(1):  # is the kept page still current?
        second = client.get(working_group.url)

    assert second.content == first.content
    assert "Klausurtagung" in second.content.decode()
    # No shared cache the site cannot purge (a proxy, a CDN) is told to keep it.
    assert "s-maxage" not in second.get("Cache-Control", "")


def test_filters_and_pages_of_a_listing_are_kept_apart(client, working_group):
    MeetingPageFactory(parent=working_group, title="Treffen im Herbst", start=in_days(20))
    MeetingPageFactory(parent=working_group, title="Vergangenes Treffen", start=in_days(-400))
    past_year = str(in_days(-400).year)

    everything = _html(client, working_group.url)
    one_year = _html(client, working_group.url, jahr=past_year)

    assert "Treffen im Herbst" in everything
    assert "Treffen im Herbst" not in one_year and "Vergangenes Treffen" in one_year


def test_a_member_never_gets_the_visitors_page_and_the_other_way_round(
    client, working_group, member
):
    visitor_page = _html(client, working_group.url)
    client.force_login(member)
    member_page = _html(client, working_group.url)
    client.logout()
    visitor_again = _html(client, working_group.url)

    assert "Ausloggen" not in visitor_page and "Einloggen" in visitor_page
    assert "Ausloggen" in member_page
    assert "Ausloggen" not in visitor_again


def test_a_members_request_neither_reads_nor_fills_the_cache(client, working_group, member):
    client.force_login(member)
    assert not _served_from_cache(client, working_group.url)


def test_pages_with_a_form_token_are_never_kept(client, home_page):
    """A kept login form would carry another visitor's CSRF token and refuse every login."""
    first = client.get("/einloggen/")
    client.cookies.clear()
    second = client.get("/einloggen/")

    assert "csrftoken" in first.cookies and "csrftoken" in second.cookies
    assert not _served_from_cache(client, "/einloggen/")


def _page_with_a_message(request):
    messages.success(request, "Sie sind ausgeloggt.")
    return HttpResponse(" ".join(str(message) for message in messages.get_messages(request)))


def test_a_page_showing_a_message_is_never_kept(rf):
    rendered = []

    def view(request):
        rendered.append(request.path)
        return _page_with_a_message(request)

    site = PageCacheMiddleware(SessionMiddleware(MessageMiddleware(view)))
    first = site(rf.get("/ausgeloggt/"))
    second = site(rf.get("/ausgeloggt/"))

    assert first.content == second.content == b"Sie sind ausgeloggt."
    assert rendered == ["/ausgeloggt/", "/ausgeloggt/"]
    assert "s-maxage" not in second.get("Cache-Control", "")


def test_health_check_is_never_kept(client, home_page):
    """Only what the middleware marks shareable (``s-maxage``) is kept; the health check says
    ``never_cache``."""
    responses = [client.get("/healthz/") for _ in range(2)]

    assert all("s-maxage" not in response["Cache-Control"] for response in responses)
    assert all("no-cache" in response["Cache-Control"] for response in responses)


# --- Purged on every change ---------------------------------------------------------------


def test_publishing_an_event_shows_it_at_once_on_every_listing_feed_and_calendar(
    client, working_group, events_page
):
    listings = [working_group.url, events_page.url, "/"]
    feeds = [f"{working_group.url}rss/", f"{events_page.url}atom/", f"{events_page.url}ical/"]
    before = [_html(client, url) for url in [*listings, *feeds, *sitemap_pages(client)]]
    event = MeetingPageFactory(parent=working_group, title="Neues Treffen", live=False)

    event.save_revision().publish()

    assert all("Neues Treffen" not in text for text in before)
    assert all("Neues Treffen" in _html(client, url) for url in [*listings, *feeds])
    assert event.full_url in sitemap_text(client)


def test_a_kept_calendar_still_answers_304_to_a_polling_client(client, working_group, events_page):
    MeetingPageFactory(parent=working_group)
    calendar = f"{events_page.url}ical/"
    etag = client.get(calendar)["ETag"]

    with CaptureQueriesContext(connection) as queries:
        unchanged = client.get(calendar, HTTP_IF_NONE_MATCH=etag)

    assert unchanged.status_code == 304
    assert len(queries) == 1  # the content version: is the kept calendar still current?


def test_unpublishing_moving_and_deleting_take_the_event_away(client, working_group, home_page):
    event = MeetingPageFactory(parent=working_group, title="Wanderndes Treffen")
    other_group = WorkingGroupPageFactory(parent=home_page, title="Mobilität", slug="mobilitaet")
    assert "Wanderndes Treffen" in _html(client, working_group.url)

    event.move(other_group, pos="last-child")
    assert "Wanderndes Treffen" not in _html(client, working_group.url)
    assert "Wanderndes Treffen" in _html(client, other_group.url)

    Page.objects.get(pk=event.pk).specific.unpublish()
    assert "Wanderndes Treffen" not in _html(client, other_group.url)

    event.refresh_from_db()
    event.save_revision().publish()
    assert "Wanderndes Treffen" in _html(client, other_group.url)
    Page.objects.get(pk=event.pk).delete()
    assert "Wanderndes Treffen" not in _html(client, other_group.url)


def test_a_new_topic_name_shows_at_once(client, working_group):
    topic = TopicFactory(name="Digitale Verwaltung")
    event = MeetingPageFactory(parent=working_group)
    event.topics.add(topic)
    event.save_revision().publish()
    assert "Digitale Verwaltung" in _html(client, working_group.url)

    topic.name = "Digitales Rathaus"
    topic.save()

    assert "Digitales Rathaus" in _html(client, working_group.url)


def test_making_a_page_members_only_takes_it_from_visitors_at_once(client, working_group):
    assert client.get(working_group.url).status_code == 200

    PageViewRestriction.objects.create(
        page=working_group, restriction_type=PageViewRestriction.LOGIN
    )

    assert client.get(working_group.url).status_code == 302


def test_an_approved_board_entry_shows_at_once(client, board):
    entry = CooperationEntryFactory(title="Gemeinsamer Bauhof", live=False)
    assert "Gemeinsamer Bauhof" not in _html(client, board.url)

    CooperationEntry.objects.get(pk=entry.pk).save_revision().publish()

    assert "Gemeinsamer Bauhof" in _html(client, board.url)


def test_the_site_settings_show_at_once(client, home_page):
    assert "+49 5251.88-12597" in _html(client, "/")

    settings = SiteSettings.objects.get()
    settings.phone = "+49 5251 000"
    settings.save()

    assert "+49 5251 000" in _html(client, "/")


def test_a_document_made_members_only_is_no_longer_offered_to_visitors(client, working_group):
    document = pdf_document("Einladung zum Treffen", kind="programme")
    event = MeetingPageFactory(parent=working_group, title="Treffen mit Einladung")
    EventMaterial.objects.create(page=event, document=document)
    assert f'href="{document.url}"' in _html(client, event.url)

    document.collection = restricted_collection()
    document.save()

    html = _html(client, event.url)
    assert f'href="{document.url}"' not in html
    assert "Nur für Mitglieder" in html


def test_a_new_registration_changes_the_places_left_at_once(client, working_group):
    event = MeetingPageFactory(
        parent=working_group,
        registration={"audience": "everyone", "capacity_in_person": 3},
    )
    assert "noch 3 Plätze frei" in _html(client, event.url)

    Registration.objects.create(
        event=event,
        name="Erika Muster",
        email="erika@example.org",
        status=RegistrationStatus.CONFIRMED,
    )

    assert "noch 2 Plätze frei" in _html(client, event.url)


# --- Time changes pages too ---------------------------------------------------------------


def _upcoming(html):
    start = html.index('id="kommende-termine"')
    return html[start : html.find("</section>", start)]


@pytest.fixture
def behind_varnish(settings):
    """A frontend cache of the site's own, which is told how long to keep a page."""
    settings.FRONTEND_CACHE_URLS = [f"http://127.0.0.1:{free_port()}"]


def _kept_seconds(response):
    return int(response["Cache-Control"].split("s-maxage=")[1].split(",")[0])


def test_an_event_leaves_the_upcoming_list_when_it_ends(
    client, working_group, monkeypatch, behind_varnish
):
    start = timezone.now() + dt.timedelta(minutes=10)
    end = start + dt.timedelta(minutes=20)
    MeetingPageFactory(parent=working_group, title="Kurzes Treffen", start=start, end=end)

    response = client.get(working_group.url)
    assert "Kurzes Treffen" in _upcoming(response.content.decode())
    assert 0 < _kept_seconds(response) <= 10 * 60  # until the start, the next change

    monkeypatch.setattr(timezone, "now", lambda: end + dt.timedelta(seconds=1))

    assert "Kurzes Treffen" not in _upcoming(_html(client, working_group.url))


def test_no_page_is_kept_past_midnight(client, working_group, behind_varnish):
    now = timezone.localtime()
    midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time.min, now.tzinfo)

    response = client.get(working_group.url)

    assert _kept_seconds(response) <= (midnight - now).total_seconds() + 1


def test_a_release_serves_no_page_kept_from_the_old_templates(client, working_group):
    """Every deploy runs ``migrate``; kept pages and fragments carry the old templates' markup
    (and the old stylesheet's classes), so ``migrate`` starts a new version of everything."""
    assert _served_from_cache(client, working_group.url)

    call_command("migrate", verbosity=0)

    assert client.get(working_group.url).templates  # rendered afresh
