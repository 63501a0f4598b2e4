"""The OParl 1.1 interface: what a client that walks it from ``/oparl/`` finds, checked
against the specification's schema, and only what an anonymous visitor may see."""

import datetime as dt
import json
from pathlib import Path
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

import jsonschema
import pytest

from tests.factories import MeetingPageFactory, WorkingGroupPageFactory, in_days
from tests.factories.documents import pdf_document, restricted_collection
from workgroups.models import AgendaItem, EventMaterial, MinutesAudience

pytestmark = pytest.mark.django_db

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "oparl" / "schema"
SCHEMAS = {path.stem: json.loads(path.read_text()) for path in SCHEMA_DIR.glob("*.json")}
BASE = "http://localhost"
RESULT = "Die Stadt lädt zur Gründung ein."


def _material(document):
    return ("material", {"document": document, "title": ""})


@pytest.fixture
def dossier(working_group):
    """A public meeting with a programme, a public survey and a members-only draft under its
    agenda items, and results for members only."""
    programme = pdf_document("Einladung und Programm", kind="programme")
    survey = pdf_document("Umfrage Vergabestelle")
    draft = pdf_document("Vertragsentwurf", collection=restricted_collection())
    meeting = MeetingPageFactory(
        parent=working_group, title="Treffen Vergabe", start=in_days(-7), city="Paderborn"
    )
    meeting.materials = [EventMaterial(document=programme)]
    meeting.agenda_items = [
        AgendaItem(title="Begrüßung"),
        AgendaItem(
            title="Gemeinsame Vergabestelle",
            materials=[_material(survey), _material(draft)],
            result=f"<p>{RESULT}</p>",
        ),
    ]
    meeting.save()
    meeting.save_revision().publish()
    return meeting


def _get(client, url):
    response = client.get(url.removeprefix(BASE))
    assert response.status_code == 200, (url, response.content[:300])
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def _validate(data, type_name):
    """``data`` against its type's schema, and every embedded object against its own."""
    assert data["type"] == f"https://schema.oparl.org/1.1/{type_name}"
    schema = SCHEMAS[type_name]
    jsonschema.validate(data, schema)
    for name, value in data.items():
        spec = schema["properties"][name]
        embedded = spec.get("schema") or spec.get("items", {}).get("schema")
        if embedded and spec.get("references") != "externalList":
            for item in value if isinstance(value, list) else [value]:
                _validate(item, embedded.removesuffix(".json"))


def _walk(client):
    """Every object reachable from the system object, by type: what a crawler finds."""
    found, lists_seen = {}, set()
    system = _get(client, f"{BASE}/oparl/")
    _validate(system, "System")
    found[system["id"]] = system
    pending = [system]
    while pending:
        data = pending.pop()
        type_name = data["type"].rsplit("/", 1)[1]
        for name, spec in SCHEMAS[type_name]["properties"].items():
            value = data.get(name)
            if spec.get("references") == "externalList" and value:
                page_url = value
                while page_url and page_url not in lists_seen:
                    lists_seen.add(page_url)
                    page = _get(client, page_url)
                    assert set(page) >= {"data", "pagination", "links"}
                    for item in page["data"]:
                        if item["id"] not in found:
                            _validate(item, item["type"].rsplit("/", 1)[1])
                            # The object at its own address is the one in the list.
                            assert _get(client, item["id"]) == item
                            found[item["id"]] = item
                            pending.append(item)
                    page_url = page["links"].get("next")
    by_type = {}
    for item in found.values():
        by_type.setdefault(item["type"].rsplit("/", 1)[1], []).append(item)
    return by_type


def test_a_client_walks_from_the_system_to_each_meeting_with_its_agenda_and_files(client, dossier):
    objects = _walk(client)

    (body,) = objects["Body"]
    assert body["name"] == "Verbund e. V."
    assert [organization["name"] for organization in objects["Organization"]] == [
        dossier.get_parent().title
    ]
    (meeting,) = objects["Meeting"]
    assert meeting["name"] == "Treffen Vergabe"
    assert meeting["start"] == dossier.start.isoformat()
    assert meeting["location"]["locality"] == "Paderborn"
    assert meeting["invitation"]["name"] == "Einladung und Programm"
    assert meeting["invitation"]["mimeType"] == "application/pdf"
    assert meeting["organization"] == [objects["Organization"][0]["id"]]
    assert meeting["web"] == f"{BASE}{dossier.url}"
    first, second = meeting["agendaItem"]
    assert (first["number"], first["name"]) == ("1", "Begrüßung")
    assert [file["name"] for file in second["auxiliaryFile"]] == ["Umfrage Vergabestelle"]
    survey = second["auxiliaryFile"][0]
    assert survey["size"] > 0 and survey["accessUrl"].startswith(f"{BASE}/dokumente/")
    assert survey["agendaItem"] == [second["id"]]
    # The file's address answers the same object, and the document is downloadable there.
    assert client.get(survey["accessUrl"].removeprefix(BASE)).status_code == 200
    assert sorted(file["name"] for file in objects["File"]) == [
        "Einladung und Programm",
        "Umfrage Vergabestelle",
    ]


def test_members_only_files_results_and_pages_are_never_published(
    client, working_group, home_page, dossier
):
    internal = WorkingGroupPageFactory(parent=home_page, title="Interner Kreis")
    MeetingPageFactory(parent=internal, title="Internes Treffen", start=in_days(-3))
    PageViewRestriction.objects.create(page=internal, restriction_type="login")
    MeetingPageFactory(parent=working_group, title="Entwurf", start=in_days(3), live=False)

    everything = json.dumps(_walk(client), ensure_ascii=False)

    assert "Vertragsentwurf" not in everything
    assert RESULT not in everything
    assert "Internes Treffen" not in everything and "Interner Kreis" not in everything
    assert "Entwurf" not in everything.replace("Vertragsentwurf", "")


def test_results_are_published_where_the_minutes_are_for_everyone(client, dossier):
    dossier.minutes_audience = MinutesAudience.EVERYONE
    dossier.save_revision().publish()

    meeting = _get(client, f"/oparl/meeting/{dossier.pk}/")

    assert meeting["agendaItem"][1]["result"] == RESULT


def _later(minutes):
    return mock.patch(
        "oparl.publication.timezone.now",
        return_value=timezone.now() + dt.timedelta(minutes=minutes),
    )


def test_a_changed_agenda_item_modifies_its_meeting_and_nothing_else(client, dossier):
    """Also when the editor republishes: an agenda item is its place on the agenda."""
    before = _get(client, f"/oparl/meeting/{dossier.pk}/")
    organization_before = _get(client, before["organization"][0])

    editing = dossier.get_latest_revision_as_object()
    editing.agenda_items.all()[0].title = "Begrüßung und Protokoll"
    with _later(5):
        editing.save_revision().publish()
        after = _get(client, f"/oparl/meeting/{dossier.pk}/")

    assert after["modified"] > before["modified"]
    assert after["created"] == before["created"]
    assert after["agendaItem"][0]["modified"] > before["agendaItem"][0]["modified"]
    assert after["agendaItem"][1] == before["agendaItem"][1]
    assert _get(client, before["organization"][0]) == organization_before


def test_an_unpublished_meeting_stays_at_its_address_as_deleted_for_clients_that_update(
    client, dossier
):
    meeting = _get(client, f"/oparl/meeting/{dossier.pk}/")
    listed_before = _get(client, "/oparl/body/1/meetings/")
    assert [item["id"] for item in listed_before["data"]] == [meeting["id"]]

    with _later(5):
        dossier.unpublish()
        tombstone = _get(client, f"/oparl/meeting/{dossier.pk}/")
        updates = _get(
            client,
            f"/oparl/body/1/meetings/?modified_since={meeting['modified'].replace('+', '%2B')}",
        )
        full = _get(client, "/oparl/body/1/meetings/")

    assert tombstone == {
        "id": meeting["id"],
        "type": meeting["type"],
        "created": meeting["created"],
        "modified": tombstone["modified"],
        "deleted": True,
    }
    assert tombstone["modified"] > meeting["modified"]
    _validate(tombstone, "Meeting")
    assert [item["id"] for item in updates["data"]] == [meeting["id"]]
    assert updates["data"][0]["deleted"] is True
    assert full["data"] == []
    # Its agenda items and files went with it.
    assert _get(client, "/oparl/body/1/files/")["data"] == []
    assert _get(client, f"/oparl/meeting/{dossier.pk}/agendaitem/1/")["deleted"]


def test_lists_are_paged_and_keep_their_filters_in_every_link(client, working_group, dossier):
    for number in range(2):
        MeetingPageFactory(parent=working_group, title=f"Treffen {number}", start=in_days(number))

    first = _get(
        client, "/oparl/body/1/meetings/?limit=2&created_since=2020-01-01T00:00:00%2B01:00"
    )
    second = _get(client, first["links"]["next"])

    assert first["pagination"] == {
        "totalElements": 3,
        "elementsPerPage": 2,
        "currentPage": 1,
        "totalPages": 2,
    }
    assert "created_since=2020-01-01T00%3A00%3A00%2B01%3A00" in first["links"]["next"]
    assert "limit=2" in first["links"]["next"]
    assert len(first["data"]) == 2 and len(second["data"]) == 1 and "next" not in second["links"]
    ids = [item["id"] for item in first["data"] + second["data"]]
    assert len(set(ids)) == 3


def test_omit_internal_leaves_out_embedded_lists(client, dossier):
    listed = _get(client, "/oparl/body/1/meetings/?omit_internal=true")["data"][0]

    assert "agendaItem" not in listed and "auxiliaryFile" not in listed
    assert "agendaItem" in _get(client, "/oparl/body/1/meetings/")["data"][0]


def test_malformed_filters_and_unknown_objects_get_a_clear_answer(client, dossier):
    response = client.get("/oparl/body/1/meetings/?modified_since=gestern")
    assert response.status_code == 400
    assert "modified_since erwartet Datum und Uhrzeit mit Zeitzone" in response.json()["message"]

    response = client.get("/oparl/meeting/999999/")
    assert response.status_code == 404
    assert response.json()["type"] == "Error"


def test_unchanged_content_is_served_without_rebuilding(client, dossier):
    client.get("/oparl/")  # builds the records

    with CaptureQueriesContext(connection) as queries:
        _get(client, "/oparl/body/1/meetings/")

    # Content version, the publication state, the site, the count and the page.
    assert len(queries) <= 5, [query["sql"] for query in queries]
