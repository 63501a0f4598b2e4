"""Counting the SQL queries of a page, as the query-count tests do."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url, data=None):
    """Queries of one GET of ``url``, after a first GET has warmed per-process caches."""
    client.get(url, data)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, data)
    assert response.status_code == 200, url
    return len(captured)
