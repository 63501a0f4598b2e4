"""Matching: offers meet requests by shared topics, region and similar words, with reasons."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from board.matching import find_matches
from board.models import EntryStatus
from board.terms import significant_terms
from tests.factories import (
    CooperationEntryFactory,
    MunicipalityFactory,
    TopicFactory,
    bulk_entries,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(db):
    return {
        "Paderborn": MunicipalityFactory(name="Paderborn", district="paderborn"),
        "Borchen": MunicipalityFactory(name="Borchen", district="paderborn"),
        "Höxter": MunicipalityFactory(name="Höxter", district="hoexter"),
        "Soest": MunicipalityFactory(name="Soest", district="soest"),
        "Detmold": MunicipalityFactory(name="Detmold", district="lippe"),
    }


@pytest.fixture
def topics(db):
    return {
        "personal": TopicFactory(name="Personalmanagement", slug="personal"),
        "beschaffung": TopicFactory(name="Beschaffung", slug="beschaffung"),
        "ozg": TopicFactory(name="Digitalisierung / OZG", slug="ozg"),
    }


def _offer(
    places,
    topics,
    title="Personalpool für Bauhöfe",
    town="Paderborn",
    names=("personal",),
    description="Wir verleihen Fachkräfte für den Winterdienst.",
    **kwargs,
):
    return CooperationEntryFactory(
        kind="offer",
        title=title,
        municipality=places[town],
        topics=[topics[name] for name in names],
        description=description,
        **kwargs,
    )


def _request(places, topics, title, town="Höxter", names=("personal",), description="", **kwargs):
    return CooperationEntryFactory(
        kind="request",
        title=title,
        municipality=places[town],
        topics=[topics[name] for name in names],
        description=description or f"Anfrage: {title}.",
        **kwargs,
    )


def test_reason_names_the_shared_topic_and_the_neighbouring_district(places, topics):
    offer = _offer(places, topics)
    request = _request(places, topics, "Aushilfen im Winter", town="Höxter")

    [match] = find_matches(offer)

    assert match.entry == request
    assert match.reason_text == "gleiches Thema: Personalmanagement · Nachbarkreis"


def test_never_itself_its_own_kind_closed_expired_or_drafts(places, topics):
    offer = _offer(places, topics)
    _offer(places, topics, title="Noch ein Personalpool")
    _request(places, topics, "Vermittelt", status=EntryStatus.MATCHED)
    _request(places, topics, "Abgeschlossen", status=EntryStatus.CLOSED)
    _request(places, topics, "Abgelaufen", valid_until=timezone.localdate() - dt.timedelta(days=1))
    _request(places, topics, "Entwurf in Moderation", live=False)
    in_talks = _request(places, topics, "In Gesprächen", status=EntryStatus.IN_TALKS)

    assert [match.entry for match in find_matches(offer)] == [in_talks]


def test_region_alone_is_no_match_but_similar_words_are(places, topics):
    offer = _offer(
        places,
        topics,
        title="Zentrale Vergabestelle mitnutzen",
        town="Höxter",
        names=("beschaffung",),
        description="Unsere Vergabestelle übernimmt Ausschreibungen für Nachbarkommunen.",
    )
    _request(places, topics, "Serviceportal gesucht", town="Höxter", names=("ozg",))
    wording = _request(
        places,
        topics,
        "Hilfe bei Ausschreibungen",
        town="Soest",  # Kreis Soest does not border Kreis Höxter
        names=("ozg",),
        description="Wir suchen eine Vergabestelle, die unsere Ausschreibungen begleitet.",
    )

    [match] = find_matches(offer)

    assert match.entry == wording
    assert match.reason_text == "ähnliche Begriffe: Vergabestelle, Ausschreibungen"


def test_more_shared_topics_and_closer_places_rank_higher(places, topics):
    offer = _offer(places, topics, names=("personal", "ozg"))
    far = _request(places, topics, "Fern, ein Feld", town="Detmold")
    far_again = _request(places, topics, "Fern, noch ein Feld", town="Detmold")
    near = _request(places, topics, "Nah, ein Feld", town="Borchen")
    both = _request(places, topics, "Fern, zwei Felder", town="Detmold", names=("personal", "ozg"))

    matches = find_matches(offer, limit=10)

    # Detmold (Lippe) borders Paderborn: "Nachbarkreis"; Borchen lies in the same district.
    assert [match.entry for match in matches] == [both, near, far, far_again]
    assert matches[0].reason_text.startswith(
        "gleiche Themen: Digitalisierung / OZG, Personalmanagement"
    )
    assert "gleicher Kreis" in matches[1].reason_text
    assert find_matches(offer, limit=10) == matches  # the same order every time


def test_an_entry_no_longer_seeking_shows_no_matches(places, topics):
    offer = _offer(places, topics, status=EntryStatus.CLOSED)
    _request(places, topics, "Aushilfen im Winter")

    assert find_matches(offer) == []


def test_similar_words_ignore_case_endings_and_filler_words():
    terms = significant_terms("Wir suchen Vergabestellen; die Vergabestelle der Kommune hilft.")

    assert "vergabestell" in terms
    assert terms["vergabestell"] == "Vergabestellen"
    assert not {"suchen", "kommune"} & set(terms)
    assert set(significant_terms("Ausschreibung")) == set(significant_terms("Ausschreibungen"))


def test_detail_page_lists_matches_with_reasons(client, board, places, topics):
    offer = _offer(places, topics)
    _request(places, topics, "Aushilfen im Winter", town="Soest")

    html = client.get(f"{board.url}eintrag/{offer.slug}/").content.decode()

    assert "Passende Nachfragen" in html
    assert "Aushilfen im Winter" in html
    assert "gleiches Thema: Personalmanagement · Nachbarkreis" in html


def test_detail_with_matches_queries_do_not_grow_with_entries(client, board, places, topics):
    offer = _offer(places, topics, names=("beschaffung",))
    url = f"{board.url}eintrag/{offer.slug}/"

    def queries():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200
        assert len(response.context["matches"]) == 3
        return len(captured)

    bulk_entries(10, municipality=places["Soest"], topic=topics["beschaffung"], kind="request")
    with_10 = queries()
    bulk_entries(
        990,
        municipality=places["Höxter"],
        topic=topics["beschaffung"],
        kind="request",
        prefix="Weitere",
    )
    with_1000 = queries()

    assert with_1000 == with_10 == 8  # exact: a change is a decision (public pages: at most 15)
