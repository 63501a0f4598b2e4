"""After a moderator's decision the admin says what happened: "freigegeben und veröffentlicht".

Wagtail's own message for a workflow action taken in the editor is the one of a plain save
("… geändert"); its dashboard buttons said nothing at all.
"""

import datetime as dt

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask
from wagtail.test.utils.form_data import querydict_from_html

import pytest

from board.models import CooperationEntry
from taxonomy.models import Municipality
from tests.factories import MeetingPageFactory, TopicFactory

pytestmark = pytest.mark.django_db

ENTRY_TITLE = "Partner für gemeinsame Vergabestelle gesucht"
MEETING_TITLE = "Arbeitskreistreffen Digitale Verwaltung"


def _messages(response):
    """The messages' text, without the buttons Wagtail renders after it ("Bearbeiten")."""
    return [str(message).split("\n", 1)[0] for message in get_messages(response.wsgi_request)]


@pytest.fixture
def waiting_entry(member):
    """A member's proposal, waiting for the moderators."""
    entry = CooperationEntry(
        kind="request",
        title=ENTRY_TITLE,
        municipality=Municipality.objects.create(
            name="Borchen", kind="gemeinde", district="paderborn"
        ),
        description="Wir suchen eine Kommune für eine gemeinsame Vergabestelle.",
        contact_name="Frau Beispiel",
        contact_email="kooperation@borchen.example.org",
        valid_until=timezone.localdate() + dt.timedelta(days=90),
        live=False,
    )
    entry.save()
    entry.topics.add(TopicFactory(slug="vergabestelle"))
    entry.save_revision(user=member)
    entry.get_workflow().start(entry, member)
    return entry


@pytest.fixture
def waiting_meeting(working_group, editor):
    """A published meeting whose change an editor submitted for approval."""
    meeting = MeetingPageFactory(parent=working_group, title="Treffen (alter Titel)")
    meeting.title = MEETING_TITLE
    meeting.save_revision(user=editor)
    meeting.get_workflow().start(meeting, editor)
    return meeting


def _decide_in_the_editor(client, edit_url, form_id, action, **changes):
    """The moderator's "Freigeben" or "Änderungen anfordern" in the editor's footer."""
    form_data = querydict_from_html(client.get(edit_url).content.decode(), form_id=form_id)
    form_data.update(changes)
    form_data["action-workflow-action"] = "1"
    form_data["workflow-action-name"] = action
    return client.post(edit_url, form_data)


def test_approving_a_board_entry_in_the_editor_says_it_is_published(
    client, waiting_entry, moderator
):
    client.force_login(moderator)
    edit_url = reverse("wagtailsnippets_board_cooperationentry:edit", args=[waiting_entry.pk])

    response = _decide_in_the_editor(client, edit_url, "w-editor-form", "approve")

    assert response.status_code == 302
    assert _messages(response) == [
        f"Eintrag der Kooperationsbörse „Nachfrage: {ENTRY_TITLE}“ freigegeben und veröffentlicht."
    ]
    waiting_entry.refresh_from_db()
    assert waiting_entry.live


def test_approving_a_board_entry_from_the_dashboard_says_it_is_published(
    client, waiting_entry, moderator
):
    client.force_login(moderator)
    task_state = waiting_entry.current_workflow_task_state
    url = reverse(
        "wagtailsnippets_board_cooperationentry:workflow_action",
        args=[waiting_entry.pk, "approve", task_state.pk],
    )

    response = client.post(url, {"comment": "Passt."}, follow=True)

    assert f"„Nachfrage: {ENTRY_TITLE}“ freigegeben und veröffentlicht." in (
        response.content.decode()
    )
    waiting_entry.refresh_from_db()
    assert waiting_entry.live


def test_requesting_changes_says_so_and_publishes_nothing(client, waiting_entry, moderator):
    client.force_login(moderator)
    edit_url = reverse("wagtailsnippets_board_cooperationentry:edit", args=[waiting_entry.pk])

    response = _decide_in_the_editor(client, edit_url, "w-editor-form", "reject")

    assert _messages(response) == [
        f"Für Eintrag der Kooperationsbörse „Nachfrage: {ENTRY_TITLE}“ wurden Änderungen "
        "angefordert; wer es eingereicht hat, wird benachrichtigt."
    ]
    waiting_entry.refresh_from_db()
    assert not waiting_entry.live


def _page_form(client, meeting, **changes):
    edit_url = reverse("wagtailadmin_pages:edit", args=[meeting.pk])
    form_data = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")
    # StreamFields build their inputs in JavaScript.
    form_data["body-count"] = "0"
    form_data.update(changes)
    return edit_url, form_data


def test_approving_a_page_in_the_editor_says_it_is_published(client, waiting_meeting, moderator):
    client.force_login(moderator)
    edit_url, form_data = _page_form(client, waiting_meeting)
    form_data["action-workflow-action"] = "1"
    form_data["workflow-action-name"] = "approve"

    response = client.post(edit_url, form_data)

    assert response.status_code == 302
    assert _messages(response) == [
        f"Arbeitskreistreffen „{MEETING_TITLE}“ freigegeben und veröffentlicht."
    ]
    waiting_meeting.refresh_from_db()
    assert waiting_meeting.title == MEETING_TITLE


def test_approving_a_page_from_the_dashboard_says_it_is_published(
    client, waiting_meeting, moderator
):
    client.force_login(moderator)
    task_state = waiting_meeting.current_workflow_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[waiting_meeting.pk, "approve", task_state.pk]
    )

    response = client.post(url, {"comment": ""})

    assert _messages(response) == [
        f"Arbeitskreistreffen „{MEETING_TITLE}“ freigegeben und veröffentlicht."
    ]


def test_an_approval_with_a_further_step_names_that_step(client, waiting_meeting, moderator):
    workflow = waiting_meeting.get_workflow()
    second = GroupApprovalTask.objects.create(name="Freigabe durch die Geschäftsstelle")
    WorkflowTask.objects.create(workflow=workflow, task=second, sort_order=99)
    assert isinstance(workflow, Workflow)
    client.force_login(moderator)
    task_state = waiting_meeting.current_workflow_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[waiting_meeting.pk, "approve", task_state.pk]
    )

    response = client.post(url, {"comment": ""})

    assert _messages(response) == [
        f"Arbeitskreistreffen „{MEETING_TITLE}“ freigegeben; nächster Schritt: "
        "Freigabe durch die Geschäftsstelle."
    ]
    waiting_meeting.refresh_from_db()
    assert waiting_meeting.title != MEETING_TITLE  # not published yet


def test_a_scheduled_approval_says_when_it_goes_live(client, working_group, editor, moderator):
    meeting = MeetingPageFactory(parent=working_group, title="Treffen (alter Titel)")
    meeting.title = MEETING_TITLE
    meeting.go_live_at = timezone.make_aware(dt.datetime(2030, 5, 6, 8, 0))
    meeting.save_revision(user=editor)
    meeting.get_workflow().start(meeting, editor)
    client.force_login(moderator)
    task_state = meeting.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[meeting.pk, "approve", task_state.pk])

    response = client.post(url, {"comment": ""})

    assert _messages(response) == [
        f"Arbeitskreistreffen „{MEETING_TITLE}“ freigegeben; wird am 06.05.2030 um 08:00 Uhr "
        "veröffentlicht."
    ]
