"""Search finds words inside PDFs, says where a hit lives, and respects who is asking."""

from django.db import connection

from wagtail.documents import get_document_model
from wagtail.models import Collection, PageViewRestriction
from wagtail.search.backends import get_search_backend

import pytest

from tests.factories import MeetingPageFactory, StandardPageFactory
from tests.factories.documents import pdf_document, restricted_collection
from tests.queries import count_queries
from workgroups.models import EventMaterial

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(working_group):
    members = restricted_collection()
    meeting = MeetingPageFactory(parent=working_group, title="Arbeitskreistreffen vom 12.03.2020")
    protocol = pdf_document(
        "Protokoll",
        kind="protocol",
        collection=members,
        text="Vertraulich: Verwaltungskooperationsregister",
    )
    programme = pdf_document("Programm", kind="programme", text="Ablauf mit Bürgerbürokooperation")
    EventMaterial.objects.create(page=meeting, document=protocol)
    EventMaterial.objects.create(page=meeting, document=programme)
    meeting.save_revision().publish()  # updates the reference index
    return meeting


def _results(client, query):
    html = client.get("/suche/", {"q": query}).content.decode()
    return html[html.index('role="status"') :]


def test_word_inside_a_public_pdf_is_found_with_place_and_highlight(client, library):
    results = _results(client, "Bürgerbürokooperation")

    assert "Programm" in results
    assert "in: Programm – Arbeitskreistreffen vom 12.03.2020" in results
    assert "<mark>Bürgerbürokooperation</mark>" in results
    assert "Dokument (PDF" in results


def test_members_only_pdf_is_found_by_members_not_by_visitors(client, library, member, editor):
    assert "Protokoll" not in _results(client, "Verwaltungskooperationsregister")
    assert "0 Treffer" in _results(client, "Verwaltungskooperationsregister")

    client.force_login(member)
    results = _results(client, "Verwaltungskooperationsregister")
    assert "in: Protokoll – Arbeitskreistreffen vom 12.03.2020" in results

    client.force_login(editor)  # Redaktion is not in this collection's groups
    assert "Protokoll" not in _results(client, "Verwaltungskooperationsregister")


def test_restricted_and_draft_pages_stay_out_of_results(client, home_page, member):
    StandardPageFactory(parent=home_page, title="Abwasserverband Entwurf", live=False)
    restricted = StandardPageFactory(parent=home_page, title="Abwasserverband intern")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")

    anonymous = _results(client, "Abwasserverband")
    client.force_login(member)
    as_member = _results(client, "Abwasserverband")

    assert "Entwurf" not in anonymous and "intern" not in anonymous
    assert "Entwurf" not in as_member


def test_snippet_escapes_html_from_documents(client, working_group):
    pdf_document("Notiz", text="<script>alert(1)</script> Kläranlage")

    results = _results(client, "Kläranlage")

    assert "<script>alert(1)</script>" not in results
    assert "&lt;script&gt;" in results


def _add_reports(count, offset):
    root = Collection.get_first_root_node()
    model = get_document_model()
    created = model.objects.bulk_create(
        model(
            title=f"Bauhof Bericht {number}",
            file=f"documents/bericht-{number}.pdf",
            collection=root,
            extracted_text="Bauhof Kooperation",
        )
        for number in range(offset, offset + count)
    )
    get_search_backend().add_bulk(model, created)


def test_search_query_count_is_constant(client, working_group):
    _add_reports(10, offset=0)
    with_10 = count_queries(client, "/suche/", {"q": "Bauhof"})
    _add_reports(990, offset=10)
    with_1000 = count_queries(client, "/suche/", {"q": "Bauhof"})

    assert with_1000 == with_10
    assert with_10 == 7  # exact: a change is a decision (public pages: at most 15)
    assert "Bauhof Bericht" in client.get("/suche/", {"q": "Bauhof"}).content.decode()


def test_german_word_forms_on_postgresql_exact_words_everywhere(client, working_group):
    """PostgreSQL stems German ("Kooperationen" finds "Kooperation"); SQLite matches words."""
    pdf_document("Vereinbarung", text="Eine Kooperation der Bauhöfe")

    exact = _results(client, "Kooperation")
    inflected = _results(client, "Kooperationen")

    assert "Vereinbarung" in exact
    if connection.vendor == "postgresql":
        assert "Vereinbarung" in inflected
    else:
        assert "0 Treffer" in inflected
