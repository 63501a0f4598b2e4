"""The demo site carries the seed page: four working fields, five real events, real PDFs."""

import io

import pypdf
import pytest

from workgroups.models import EventPage, WorkingGroupPage

pytestmark = pytest.mark.django_db


def test_four_working_fields_and_the_seed_events(demo_site, client):
    assert set(WorkingGroupPage.objects.values_list("title", flat=True)) == {
        "Der neue Mittelstand",
        "Die neue Mobilität",
        "Die neuen Kommunen ohne Grenzen",
        "Das neue Stadt Land Quartier",
    }
    seed = WorkingGroupPage.objects.get(slug="kommunen-ohne-grenzen")
    dates = {
        event.local_start.date().isoformat()
        for event in EventPage.objects.child_of(seed).filter(start__year__lt=2022)
    }
    assert dates == {"2019-12-18", "2020-03-12", "2020-11-12", "2021-03-25", "2021-04-29"}

    page = client.get(seed.url).content.decode()
    assert "Verwaltungskooperation | Zusammenarbeit" in page
    assert "Werkstatt-Treffen vom 18.12.2019" in page


def test_workshop_reads_as_the_seed_tells_it(demo_site, client):
    html = client.get(
        "/kommunen-ohne-grenzen/fachwerkstatt-aufgabenteilung-2020-11-12/"
    ).content.decode()

    assert "Herr Jürgen Meier (Stadt Paderborn)" in html
    assert "Herr Bürgermeister Malte Dahlhoff (Gemeinde Bad Sassendorf)" in html
    assert "Herr Staatssekretär a.D. Michael von der Mühlen" in html
    assert "scheuvens+wachten plus planungsgesellschaft mbh" in html
    assert 'href="https://interkommunales.nrw/"' in html
    for title in (
        "Programm der Fachwerkstatt",
        "Präsentation von scheuvens+wachten plus planungsgesellschaft mbh",
        "Präsentation von Herrn Meier | Stadt Paderborn",
        "Präsentation von Herrn Dahlhoff | Gemeinde Bad Sassendorf",
        "Präsentation von Herrn von der Mühlen | Staatssekretär a.D.",
        "Protokoll der Fachwerkstatt",
    ):
        assert title in html


def test_demo_documents_are_real_pdfs(demo_site):
    event = EventPage.objects.get(slug="arbeitskreistreffen-2020-03-12")
    (material,) = event.materials.all()

    with material.document.file.open("rb") as handle:
        reader = pypdf.PdfReader(io.BytesIO(handle.read()), strict=True)

    assert material.document.kind == "protocol"
    assert "standardisierten Arbeitsprozessen" in reader.pages[0].extract_text()


def test_upcoming_events_are_relative_to_today(demo_site, client):
    html = client.get("/termine/").content.decode()
    upcoming = html[html.index('id="kommende-termine"') : html.index('id="vergangene-termine"')]

    assert "Gemeinsame Vergabestelle" in upcoming
    assert "Radverkehr zwischen Stadt und Umland" in upcoming  # another working field


def test_demo_protocols_are_for_members_and_their_words_findable_by_members(
    demo_site, client, django_user_model
):
    protocol = EventPage.objects.get(slug="arbeitskreistreffen-2020-03-12").materials.get().document
    word = "Verwaltungskooperationsregister"  # only inside the protocol PDF

    assert client.get(protocol.url).status_code == 302  # visitors go to the login
    assert "Protokoll des Arbeitskreistreffens" not in _search(client, word)

    client.force_login(django_user_model.objects.get(username="mitglied"))
    assert client.get(protocol.url).status_code == 200
    assert "in: Protokoll – Arbeitskreistreffen vom 12.03.2020" in _search(client, word)


def _search(client, word):
    html = client.get("/suche/", {"q": word}).content.decode()
    start = html.find('<ol class="search-results"')
    return html[start:] if start >= 0 else ""
