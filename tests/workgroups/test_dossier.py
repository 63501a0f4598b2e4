"""The meeting dossier: one PDF with cover, agenda and the materials in agenda order, a public
edition and one for members, never handed out once it no longer matches the event."""

import io
from types import SimpleNamespace

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest
from pypdf import PdfReader

from tests.factories import MeetingPageFactory, in_days
from tests.factories.documents import pdf_document, restricted_collection
from workgroups.models import AgendaItem, DossierEdition, EventMaterial, MeetingDossier

pytestmark = pytest.mark.django_db


def _material(document):
    return ("material", {"document": document, "title": ""})


@pytest.fixture
def meeting(working_group):
    """Item 1 with a public survey, item 2 with a members-only draft and a spreadsheet;
    a programme and a members-only protocol of the event itself."""
    survey = pdf_document("Umfrage", text="Seite der Umfrage")
    draft = pdf_document(
        "Vertragsentwurf", text="Seite des Entwurfs", collection=restricted_collection()
    )
    table = get_document_model().objects.create(title="Kostentabelle", kind="other")
    table.file.save("kosten.csv", ContentFile(b"Kommune;Kosten\nPaderborn;100\n"))
    programme = pdf_document("Programm", text="Seite des Programms", kind="programme")
    protocol = pdf_document(
        "Protokoll",
        text="Seite des Protokolls",
        kind="protocol",
        collection=restricted_collection(name="Protokolle"),
    )
    event = MeetingPageFactory(parent=working_group, title="Treffen Vergabe", start=in_days(-7))
    event.materials = [EventMaterial(document=protocol), EventMaterial(document=programme)]
    event.agenda_items = [
        AgendaItem(
            title="Umfrage", materials=[_material(survey)], result="<p>Geheim beschlossen.</p>"
        ),
        AgendaItem(title="Vertrag", materials=[_material(draft), _material(table)]),
    ]
    event.save()
    event.save_revision().publish()
    return event


def _pages(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    return [page.extract_text() for page in reader.pages]


def test_visitors_get_the_public_edition_in_agenda_order(client, meeting):
    pages = _pages(client.get(f"{meeting.url}sitzungsmappe/"))

    text = "\n".join(pages)
    assert "Sitzungsmappe: Treffen Vergabe" in pages[0]
    assert "TOP 1: Umfrage" in pages[0] and "TOP 2: Vertrag" in pages[0]
    assert text.index("Seite der Umfrage") < text.index("Seite des Programms")
    assert "Seite des Entwurfs" not in text and "Seite des Protokolls" not in text
    assert "Geheim beschlossen" not in text
    # The spreadsheet is named, with where to find it.
    assert "„Kostentabelle“ ist keine PDF-Datei" in pages[0]


def test_members_get_every_material_and_the_results(client, member, meeting):
    assert client.get(f"{meeting.url}sitzungsmappe/mitglieder/").status_code == 302
    client.force_login(member)

    response = client.get(f"{meeting.url}sitzungsmappe/mitglieder/")
    text = "\n".join(_pages(response))

    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    order = [
        "Seite der Umfrage",
        "Seite des Entwurfs",
        "Seite des Programms",
        "Seite des Protokolls",
    ]
    assert [text.index(part) for part in order] == sorted(text.index(part) for part in order)
    assert "Geheim beschlossen" in text


def test_the_page_links_the_viewers_edition(client, member, meeting):
    assert f'href="{meeting.url}sitzungsmappe/"' in client.get(meeting.url).content.decode()
    client.force_login(member)
    html = client.get(meeting.url).content.decode()
    assert f'href="{meeting.url}sitzungsmappe/mitglieder/"' in html


def test_publishing_builds_both_editions(meeting, django_capture_on_commit_callbacks):
    MeetingDossier.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        meeting.save_revision().publish()

    assert set(MeetingDossier.objects.filter(event=meeting).values_list("edition", flat=True)) == {
        DossierEdition.PUBLIC,
        DossierEdition.MEMBERS,
    }


def test_a_document_made_members_only_leaves_the_public_edition_before_anyone_downloads_it(
    client, meeting
):
    survey = get_document_model().objects.get(title="Umfrage")
    survey.collection = restricted_collection(name="Intern")
    survey.save()

    text = "\n".join(_pages(client.get(f"{meeting.url}sitzungsmappe/")))

    assert "Seite der Umfrage" not in text


def test_an_outdated_dossier_is_not_handed_out_while_the_worker_has_not_rebuilt_it(
    client, meeting, monkeypatch
):
    # No worker has run yet: the build waits in the queue.
    monkeypatch.setattr("workgroups.views.build_dossiers", SimpleNamespace(enqueue=lambda *a: None))
    survey = get_document_model().objects.get(title="Umfrage")
    survey.collection = restricted_collection(name="Intern")
    survey.save()

    response = client.get(f"{meeting.url}sitzungsmappe/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Die Sitzungsmappe wird gerade erstellt" in response.content.decode()


def test_an_event_without_agenda_has_no_dossier(client, working_group):
    event = MeetingPageFactory(parent=working_group, start=in_days(3))
    assert client.get(f"{event.url}sitzungsmappe/").status_code == 404
