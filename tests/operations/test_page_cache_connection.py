"""A kept page costs one trip to PostgreSQL, and a connection that died between requests does
not cost the visitor the page.

The database connection is kept between requests (``CONN_MAX_AGE``) and Django checks it before
its first use in a request (``CONN_HEALTH_CHECKS``). The page cache's read of the content version
is that check (``operations/content_version.py``); these tests hold it to both halves of the job.
"""

from django.db import connection

import psycopg
import pytest

from tests.factories import MeetingPageFactory

pytestmark = [pytest.mark.postgres_only, pytest.mark.usefixtures("transactional_db")]


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def separate_checks(monkeypatch):
    """Counts Django's own connection checks (a ``SELECT 1`` of their own)."""
    calls = []
    is_usable = connection.is_usable

    def counted():
        calls.append(True)
        return is_usable()

    monkeypatch.setattr(connection, "is_usable", counted)
    return calls


def _as_a_new_request_starts():
    # What Django's ``request_started`` does for a kept connection; the test client leaves it out.
    connection.health_check_done = False


def _kept_page(client, url):
    first = client.get(url)
    assert first.status_code == 200
    return first.content


def test_a_kept_page_needs_no_separate_connection_check(
    client, working_group, separate_checks, django_assert_num_queries
):
    MeetingPageFactory(parent=working_group, title="Klausurtagung")
    kept = _kept_page(client, working_group.url)

    _as_a_new_request_starts()
    with django_assert_num_queries(1):
        again = client.get(working_group.url)

    assert again.content == kept and not again.templates
    assert separate_checks == []


def test_a_connection_that_died_between_requests_is_replaced_and_the_page_served(
    client, working_group, separate_checks
):
    MeetingPageFactory(parent=working_group, title="Klausurtagung")
    kept = _kept_page(client, working_group.url)
    dead_pid = connection.connection.info.backend_pid

    # PostgreSQL ends the kept connection, as a restart of the server does.
    with psycopg.connect(**connection.get_connection_params(), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [dead_pid])
    _as_a_new_request_starts()
    again = client.get(working_group.url)

    assert again.status_code == 200
    assert again.content == kept and not again.templates
    assert connection.connection.info.backend_pid != dead_pid
    assert separate_checks == []
