"""Pages, feeds and calendars travel compressed; files are sent as they are."""

import gzip
import pickle

import pytest

from tests.factories import MeetingPageFactory
from tests.factories.documents import pdf_document

pytestmark = pytest.mark.django_db


def _get(client, url):
    return client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")


@pytest.mark.parametrize("suffix", ["", "rss/", "ical/"])
def test_pages_feeds_and_calendars_are_compressed(client, working_group, suffix):
    MeetingPageFactory(parent=working_group, title="Treffen im Rathaus")
    plain = client.get(f"{working_group.url}{suffix}").content

    response = _get(client, f"{working_group.url}{suffix}")

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert len(response.content) < len(plain)
    assert "Treffen im Rathaus" in gzip.decompress(response.content).decode()


def test_clients_without_compression_get_the_page_as_it_is(client, working_group):
    response = client.get(working_group.url)

    assert not response.has_header("Content-Encoding")
    assert "Die neuen Kommunen ohne Grenzen" in response.content.decode()


def test_documents_are_sent_as_they_are(client, home_page):
    document = pdf_document("Programm", kind="programme")

    response = _get(client, document.url)

    assert response.status_code == 200
    assert response.get("Content-Encoding") != "gzip"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize("suffix", ["", "ical/"])
def test_a_kept_page_is_compressed_once_for_every_visitor(client, working_group, settings, suffix):
    """From the page cache a browser gets the bytes compressed when the page was kept: the same
    on every hit (a page compressed anew differs each time, by its random bytes)."""
    settings.PAGE_CACHE_ENABLED = True
    MeetingPageFactory(parent=working_group, title="Treffen im Rathaus")
    url = f"{working_group.url}{suffix}"
    plain = client.get(url).content  # keeps the page

    first, second = _get(client, url), _get(client, url)
    without_gzip = client.get(url)

    assert not first.templates and not second.templates  # both from the page cache
    assert first["Content-Encoding"] == second["Content-Encoding"] == "gzip"
    assert first.content == second.content
    assert gzip.decompress(first.content) == plain == without_gzip.content
    assert not without_gzip.has_header("Content-Encoding")
    assert "Accept-Encoding" in first["Vary"] and "Accept-Encoding" in without_gzip["Vary"]


def test_a_kept_calendar_still_answers_304_to_a_client_taking_gzip(client, working_group, settings):
    settings.PAGE_CACHE_ENABLED = True
    MeetingPageFactory(parent=working_group)
    url = f"{working_group.url}ical/"
    etag = _get(client, url)["ETag"]

    again = client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 304


@pytest.mark.parametrize("kept_by", ["page cache", "kept calendar"])
def test_a_hit_reads_only_the_form_it_sends(client, working_group, settings, monkeypatch, kept_by):
    """A browser's hit reads the compressed bytes from the cache, not the plain copy beside them
    (for a calendar of a year of events, that read was most of the hit's time)."""
    from django.core.cache import cache

    settings.PAGE_CACHE_ENABLED = kept_by == "page cache"
    for number in range(30):
        MeetingPageFactory(parent=working_group, title=f"Treffen Nummer {number} im Rathaus")
    url = f"{working_group.url}ical/"
    plain = client.get(url).content  # keeps the calendar
    read = []
    get = cache.get

    def measured_get(key, *args, **kwargs):
        value = get(key, *args, **kwargs)
        read.append(len(pickle.dumps(value)) if value is not None else 0)
        return value

    monkeypatch.setattr(cache, "get", measured_get)
    hit = _get(client, url)

    assert gzip.decompress(hit.content) == plain
    assert 0 < sum(read) < len(plain)
