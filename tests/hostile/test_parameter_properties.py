"""Property-based: any text or number in a search, filter or API parameter gets an answer.

Hypothesis generates the values (any Unicode but lone surrogates, which no browser can send,
any integer); the requests only read, so the demo copied in once serves every example.
"""

from django.test import Client

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from home.search import SEARCH_QUERY_MAX_LENGTH, clean_search_query

pytestmark = pytest.mark.django_db

ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300)
ANY_NUMBER = st.integers().map(str)
# Reading pages against a fixed demo: the fixture's state never changes between examples.
READ_ONLY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


@given(text=ANY_TEXT)
def test_cleaned_search_text_is_safe_short_and_stable(text):
    cleaned = clean_search_query(text)

    assert len(cleaned) <= SEARCH_QUERY_MAX_LENGTH
    assert '"' not in cleaned
    assert all(char.isprintable() or char == " " for char in cleaned)
    assert clean_search_query(cleaned) == cleaned


@READ_ONLY
@given(query=ANY_TEXT, page=st.one_of(ANY_NUMBER, ANY_TEXT))
def test_site_search_answers_any_query(demo_site, visitor, query, page):
    response = visitor.get("/suche/", {"q": query, "page": page})

    assert response.status_code == 200


LISTING_FILTERS = {
    "/termine/": ["typ", "thema", "jahr", "arbeitskreis", "seite", "kommend"],
    "/kooperationsboerse/": ["q", "art", "thema", "kreis", "kommune", "status", "seite"],
}


@pytest.mark.parametrize("listing", LISTING_FILTERS)
def test_listing_filters_answer_any_values(demo_site, visitor, listing):
    @READ_ONLY
    @given(
        params=st.dictionaries(
            st.sampled_from(LISTING_FILTERS[listing]), st.one_of(ANY_TEXT, ANY_NUMBER)
        )
    )
    def any_filter_values(params):
        assert visitor.get(listing, params).status_code == 200

    any_filter_values()


@READ_ONLY
@given(
    params=st.dictionaries(
        st.sampled_from(
            ["offset", "limit", "search", "type", "order", "fields", "zeitraum", "child_of", "id"]
        ),
        st.one_of(ANY_TEXT, ANY_NUMBER),
    )
)
def test_events_api_answers_any_parameters(demo_site, visitor, params):
    response = visitor.get("/api/v2/termine/", params)

    assert response.status_code in {200, 400}
    assert response["Content-Type"] == "application/json"


API_FIELD_FILTERS = [
    *("id", "start", "end", "first_published_at", "all_day", "show_in_menus", "alias_of"),
    *("title", "status", "city", "slug", "search_operator"),
]


@READ_ONLY
@given(
    name=st.sampled_from(API_FIELD_FILTERS),
    value=st.one_of(ANY_TEXT, ANY_NUMBER),
    search=st.one_of(st.none(), ANY_TEXT),
)
def test_events_api_answers_any_filter_value(demo_site, visitor, name, value, search):
    params = {name: value} if search is None else {name: value, "search": search}
    response = visitor.get("/api/v2/termine/", params)

    assert response.status_code in {200, 400}
    assert response["Content-Type"] == "application/json"


@READ_ONLY
@given(year=st.integers(min_value=0, max_value=99999), month=st.integers(0, 99))
def test_month_view_answers_any_month(demo_site, visitor, year, month):
    response = visitor.get(f"/termine/monat/{year:04d}/{month}/")

    assert response.status_code in {200, 404}
