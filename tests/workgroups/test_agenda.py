"""The agenda of an event: items in order, each with its presenter, its materials and its
result, as visitors and members see them."""

import zipfile
from io import BytesIO

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.documents import get_document_model

import pytest

from tests.factories import MeetingPageFactory, MunicipalityFactory, in_days
from tests.factories.documents import pdf_document, restricted_collection
from workgroups.models import AgendaItem, MinutesAudience

pytestmark = pytest.mark.django_db

RESULT = "Die Stadt Paderborn lädt zur Gründung der Vergabestelle ein."


def _material(document, title=""):
    return ("material", {"document": document, "title": title})


@pytest.fixture
def dossier_meeting(working_group):
    """A past meeting with three items: a public survey and a members-only draft contract
    under item 2, whose result says what was agreed."""
    survey = pdf_document("Umfrage Vergabestelle", text="Umfrage")
    contract = pdf_document("Vertragsentwurf", text="Entwurf", collection=restricted_collection())
    meeting = MeetingPageFactory(parent=working_group, start=in_days(-7), title="Treffen März")
    meeting.agenda_items = [
        AgendaItem(title="Begrüßung und Protokoll"),
        AgendaItem(
            title="Gemeinsame Vergabestelle",
            note="Ergebnisse der Umfrage",
            presenter="Herr Meier",
            municipality=MunicipalityFactory(name="Stadt Paderborn"),
            materials=[_material(survey, "Umfrage (Auswertung)"), _material(contract)],
            result=f"<p>{RESULT}</p>",
        ),
        AgendaItem(title="Verschiedenes"),
    ]
    meeting.save_revision().publish()
    return meeting


def test_visitors_see_the_agenda_numbered_with_presenters_and_materials_per_item(
    client, dossier_meeting
):
    html = client.get(dossier_meeting.url).content.decode()

    assert (
        html.index("TOP 1</span> Begrüßung und Protokoll")
        < html.index("TOP 2</span> Gemeinsame Vergabestelle")
        < html.index("TOP 3</span> Verschiedenes")
    )
    assert "Berichterstattung: Herr Meier (Stadt Paderborn)" in html
    item = html[html.index('id="top-2"') : html.index('id="top-3"')]
    assert "Umfrage (Auswertung)" in item and 'href="/dokumente/' in item
    # The members-only draft is named, with a way to log in, and not linked.
    assert "Vertragsentwurf" in item and "bitte einloggen" in item
    assert item.count('class="kern-link document-link"') == 1
    # The result exists; visitors read it after logging in.
    assert "Ergebnis" in item and RESULT not in html


def test_members_read_the_results_and_open_members_only_materials(client, member, dossier_meeting):
    client.force_login(member)
    html = client.get(dossier_meeting.url).content.decode()

    item = html[html.index('id="top-2"') : html.index('id="top-3"')]
    assert RESULT in item
    assert item.count('class="kern-link document-link"') == 2


def test_a_page_a_member_saw_first_still_keeps_the_results_from_visitors(
    client, member, dossier_meeting
):
    client.force_login(member)
    assert RESULT in client.get(dossier_meeting.url).content.decode()
    client.logout()

    assert RESULT not in client.get(dossier_meeting.url).content.decode()


def test_results_for_everyone_when_the_editor_chose_so(client, dossier_meeting):
    dossier_meeting.minutes_audience = MinutesAudience.EVERYONE
    dossier_meeting.save_revision().publish()

    assert RESULT in client.get(dossier_meeting.url).content.decode()


def _zipped_files(response):
    """The zipped files' contents."""
    assert response.status_code == 200
    archive = zipfile.ZipFile(BytesIO(response.content))
    return sorted(archive.read(name) for name in archive.namelist())


def _contents(*titles):
    documents = get_document_model().objects.filter(title__in=titles)
    return sorted(document.file.open("rb").read() for document in documents)


def test_the_zip_of_all_materials_holds_the_items_materials_this_viewer_may_open(
    client, member, dossier_meeting
):
    zip_url = f"{dossier_meeting.url}unterlagen/"
    assert _zipped_files(client.get(zip_url)) == _contents("Umfrage Vergabestelle")
    client.force_login(member)

    assert _zipped_files(client.get(zip_url)) == _contents(
        "Umfrage Vergabestelle", "Vertragsentwurf"
    )


def test_search_finds_item_titles_but_not_members_only_results(client, dossier_meeting):
    assert "Treffen März" in client.get("/suche/?q=Vergabestelle").content.decode()
    assert "Treffen März" not in client.get("/suche/?q=Gründung").content.decode()


def test_the_agenda_costs_the_same_queries_for_one_item_and_for_thirty(
    client, working_group, dossier_meeting
):
    survey = pdf_document("Umfrage", text="Umfrage")

    def meeting_with_items(count):
        meeting = MeetingPageFactory(parent=working_group, start=in_days(-3))
        meeting.agenda_items = [
            AgendaItem(title=f"Punkt {number}", materials=[_material(survey)])
            for number in range(count)
        ]
        meeting.save_revision().publish()
        return meeting

    def queries(page):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url).status_code == 200
        return len(captured)

    short, long = meeting_with_items(1), meeting_with_items(30)
    client.get(dossier_meeting.url)  # warm per-process caches (collections, restrictions)
    assert queries(long) == queries(short)


def test_a_preview_shows_the_drafts_agenda(admin_client, dossier_meeting):
    item = dossier_meeting.agenda_items.first()
    item.title = "Begrüßung (geändert)"
    dossier_meeting.agenda_items = [item, *dossier_meeting.agenda_items.all()[1:]]
    dossier_meeting.save_revision()

    preview = admin_client.get(
        f"/admin/pages/{dossier_meeting.pk}/revisions/{dossier_meeting.latest_revision_id}/view/"
    ).content.decode()

    assert "Begrüßung (geändert)" in preview
    assert "Begrüßung (geändert)" not in admin_client.get(dossier_meeting.url).content.decode()
