"""Pages, feeds and calendars travel compressed; files are sent as they are."""

import gzip

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
