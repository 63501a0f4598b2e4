"""Members propose and edit entries on the site; nothing shows before a moderator approves."""

import datetime as dt

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import WorkflowState

import feedparser
import pytest

from board.models import CooperationEntry
from taxonomy.models import Municipality
from tests.factories import CooperationEntryFactory, TopicFactory, UserFactory
from tests.sitemaps import sitemap_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def borchen(db):
    return Municipality.objects.create(name="Borchen", district="paderborn")


@pytest.fixture
def topic(db):
    return TopicFactory(name="Zentrale Vergabestelle", slug="vergabestelle")


@pytest.fixture
def valid_data(borchen, topic):
    return {
        "kind": "request",
        "title": "Partner für Kehrmaschine gesucht",
        "municipality": str(borchen.pk),
        "topics": [str(topic.pk)],
        "description": "Wir suchen eine Nachbarkommune, die ihre Kehrmaschine an zwei Tagen "
        "im Monat mit uns teilt.",
        "legal_form": "",
        "phase": "idea",
        "valid_until": (timezone.localdate() + dt.timedelta(days=60)).isoformat(),
        "contact_name": "Frau Beispiel",
        "contact_email": "bauhof@borchen.example.org",
        "contact_phone": "05251 1234",
        "webseite": "",
    }


def _approve(entry, moderator):
    task_state = entry.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")


def _public_places_showing(client, board, entry):
    """Where visitors see the entry: board, detail page, search, sitemap and feed."""
    detail = f"{board.url}eintrag/{entry.slug}/"
    feed = feedparser.parse(client.get(f"{board.url}rss/").content)
    places = {
        "board": entry.title in client.get(board.url).content.decode(),
        "detail": client.get(detail).status_code == 200,
        "search": entry.title in client.get("/suche/", {"q": "Kehrmaschine"}).content.decode(),
        "sitemap": detail in sitemap_text(client),
        "feed": any(entry.title in item.title for item in feed.entries),
    }
    return {place for place, shown in places.items() if shown}


def test_visitors_are_asked_to_log_in_and_cannot_post(client, board, valid_data):
    page = client.get(f"{board.url}eintragen/")
    posted = client.post(f"{board.url}eintragen/", valid_data)

    assert "Bitte loggen Sie sich ein" in page.content.decode()
    assert "/einloggen/?next=%2Fboerse%2Feintragen%2F" in page.content.decode()
    assert posted.status_code == 200 and not CooperationEntry.objects.exists()
    assert "Eintrag vorschlagen" in client.get(board.url).content.decode()


def test_logged_in_non_members_are_refused(client, board, valid_data):
    client.force_login(UserFactory(username="gast"))

    response = client.post(f"{board.url}eintragen/", valid_data)

    assert response.status_code == 403
    assert "keiner Mitgliedskommune" in response.content.decode()
    assert not CooperationEntry.objects.exists()


def test_submission_is_invisible_until_approved_then_public_and_matched(
    client, board, member, moderator, valid_data, borchen, topic, mailoutbox
):
    offer = CooperationEntryFactory(
        kind="offer",
        title="Kehrmaschine zur Mitnutzung",
        municipality=Municipality.objects.create(name="Salzkotten", district="paderborn"),
        topics=[topic],
    )
    member_client = Client()
    member_client.force_login(member)

    response = member_client.post(f"{board.url}eintragen/", valid_data, follow=True)

    entry = CooperationEntry.objects.get(title="Partner für Kehrmaschine gesucht")
    assert not entry.live and entry.submitted_by == member
    assert "wird geprüft" in response.content.decode()
    assert "Danke!" in response.content.decode()
    assert moderator.email in {address for mail in mailoutbox for address in mail.to}
    assert _public_places_showing(client, board, entry) == set()
    offer_page = f"{board.url}eintrag/{offer.slug}/"
    assert "Partner für Kehrmaschine gesucht" not in client.get(offer_page).content.decode()

    _approve(entry, moderator)

    assert _public_places_showing(client, board, entry) == {
        "board",
        "detail",
        "search",
        "sitemap",
        "feed",
    }
    assert "bauhof@borchen.example.org" not in client.get(f"{board.url}rss/").content.decode()
    matches = client.get(offer_page).content.decode()
    assert "Partner für Kehrmaschine gesucht" in matches
    assert "gleiches Thema: Zentrale Vergabestelle · gleicher Kreis" in matches
    mine = member_client.get(f"{board.url}meine-eintraege/").content.decode()
    assert "veröffentlicht" in mine and "wird geprüft" not in mine
    own_detail = member_client.get(f"{board.url}eintrag/{entry.slug}/").content.decode()
    assert f"meine-eintraege/{entry.pk}/" in own_detail
    assert (
        f"meine-eintraege/{entry.pk}/"
        not in client.get(f"{board.url}eintrag/{entry.slug}/").content.decode()
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": ""}, "Dieses Feld ist zwingend erforderlich."),
        ({"description": "Zu kurz."}, "mindestens 40 Zeichen"),
        ({"topics": []}, "Bitte wählen Sie mindestens ein Thema."),
        ({"valid_until": "2020-01-01"}, "Das Datum liegt in der Vergangenheit."),
        ({"valid_until": "2099-01-01"}, "Ein Eintrag gilt höchstens ein Jahr"),
        ({"contact_email": "keine-adresse"}, "gültige E-Mail"),
        ({"title": "T" * 151}, "höchstens 150 Zeichen"),
        ({"description": "x" * 4001}, "höchstens 4000 Zeichen"),
        ({"webseite": "http://spam.example"}, "Dieses Feld muss leer bleiben."),
    ],
)
def test_bad_input_gets_a_message_and_keeps_the_form(
    client, board, member, valid_data, change, message
):
    client.force_login(member)

    response = client.post(f"{board.url}eintragen/", {**valid_data, **change})

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Bitte prüfen Sie Ihre Angaben" in html
    assert 'value="05251 1234"' in html  # what was typed stays in the form
    assert not CooperationEntry.objects.exists()


def test_rate_limit_per_member(client, board, member, valid_data, settings):
    settings.BOARD_SUBMISSIONS_PER_DAY = 2
    client.force_login(member)
    for number in range(2):
        client.post(f"{board.url}eintragen/", {**valid_data, "title": f"Eintrag {number}"})

    refused = client.post(f"{board.url}eintragen/", {**valid_data, "title": "Der dritte"})

    assert refused.status_code == 429
    assert "Bitte versuchen Sie es morgen wieder" in refused.content.decode()
    assert 'value="Der dritte"' in refused.content.decode()
    assert CooperationEntry.objects.count() == 2
    other = Client()
    other.force_login(UserFactory(username="kollegin", groups=["Mitglieder"]))
    assert other.post(f"{board.url}eintragen/", valid_data).status_code == 302


def test_csrf_is_enforced(board, member, valid_data):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)

    response = client.post(f"{board.url}eintragen/", valid_data)

    assert response.status_code == 403
    assert not CooperationEntry.objects.exists()


def test_markup_is_shown_as_text_everywhere(client, board, member, moderator, valid_data):
    client.force_login(member)
    client.post(
        f"{board.url}eintragen/",
        {**valid_data, "title": "<script>alert(1)</script> Kehrmaschine"},
    )
    entry = CooperationEntry.objects.get()
    _approve(entry, moderator)

    for url in (board.url, f"{board.url}eintrag/{entry.slug}/", f"{board.url}meine-eintraege/"):
        html = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Kehrmaschine" in html


def test_edits_of_a_published_entry_wait_for_approval(client, board, member, moderator, valid_data):
    client.force_login(member)
    client.post(f"{board.url}eintragen/", valid_data)
    entry = CooperationEntry.objects.get()
    _approve(entry, moderator)

    edit_url = f"{board.url}meine-eintraege/{entry.pk}/"
    form = client.get(edit_url).content.decode()
    client.post(
        edit_url, {**valid_data, "title": "Kehrmaschine und Fahrer gesucht", "status": "open"}
    )

    visitor = Client()
    assert "Partner für Kehrmaschine gesucht" in visitor.get(board.url).content.decode()
    assert "Kehrmaschine und Fahrer" not in visitor.get(board.url).content.decode()
    assert 'value="Partner für Kehrmaschine gesucht"' in form
    mine = client.get(f"{board.url}meine-eintraege/").content.decode()
    assert "veröffentlicht, Änderungen werden geprüft" in mine
    entry.refresh_from_db()
    _approve(entry, moderator)
    assert "Kehrmaschine und Fahrer gesucht" in visitor.get(board.url).content.decode()


def test_rejected_entry_shows_the_comment_and_can_be_resubmitted(
    client, board, member, moderator, valid_data
):
    client.force_login(member)
    client.post(f"{board.url}eintragen/", valid_data)
    entry = CooperationEntry.objects.get()
    task_state = entry.current_workflow_state.current_task_state
    task_state.task.specific.on_action(
        task_state, moderator, "reject", comment="Bitte die Einsatztage nennen."
    )

    mine = client.get(f"{board.url}meine-eintraege/").content.decode()
    client.post(
        f"{board.url}meine-eintraege/{entry.pk}/",
        {
            **valid_data,
            "description": valid_data["description"] + " Dienstag und Donnerstag.",
            "status": "open",
        },
    )

    assert "Änderungen erbeten" in mine and "Bitte die Einsatztage nennen." in mine
    states = WorkflowState.objects.for_instance(entry).order_by("pk")
    assert [state.status for state in states] == ["cancelled", "in_progress"]
    assert "wird geprüft" in client.get(f"{board.url}meine-eintraege/").content.decode()


def test_members_cannot_edit_entries_of_others_or_locked_ones(
    client, board, member, moderator, valid_data
):
    foreign = CooperationEntryFactory(submitted_by=UserFactory(username="andere"))
    client.force_login(member)
    client.post(f"{board.url}eintragen/", valid_data)
    own = CooperationEntry.objects.get(submitted_by=member)
    own.locked, own.locked_by = True, moderator
    own.save()

    assert client.get(f"{board.url}meine-eintraege/{foreign.pk}/").status_code == 404
    locked = client.post(f"{board.url}meine-eintraege/{own.pk}/", valid_data)
    assert "Die Moderation bearbeitet diesen Eintrag gerade" in locked.content.decode()
    assert CooperationEntry.objects.get(pk=own.pk).revisions.count() == 1


def test_own_entries_queries_do_not_grow_with_entries(client, board, member):
    client.force_login(member)
    url = f"{board.url}meine-eintraege/"

    def queries():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    CooperationEntryFactory.create_batch(3, submitted_by=member, live=False)
    with_3 = queries()
    CooperationEntryFactory.create_batch(30, submitted_by=member)
    with_33 = queries()

    assert with_33 == with_3 == 9  # exact: a change is a decision (members' pages: at most 20)


def test_the_error_summary_links_every_wrong_field_and_the_title_says_error(
    client, board, member, valid_data
):
    client.force_login(member)

    html = client.post(
        f"{board.url}eintragen/", {**valid_data, "description": "", "municipality": ""}
    ).content.decode()

    assert "<title>Fehler: " in html
    assert "data-error-summary" in html
    assert 'href="#id_description"' in html and 'href="#id_municipality"' in html
    assert 'href="#id_title"' not in html  # only what is wrong
