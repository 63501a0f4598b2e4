"""Requests at the same moment, with real threads on PostgreSQL: nobody gets a 500.

Each request runs in its own thread with its own database connection (``tests.concurrency``).
PostgreSQL only: SQLite serialises
every write, so the races cannot happen there (``tests/conftest.py`` leaves these tests out
of SQLite runs).
"""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry, TaskState

import pytest

from board.models import CooperationEntry
from taxonomy.models import Municipality
from tests.concurrency import client_for, concurrently
from tests.factories import TopicFactory, UserFactory

pytestmark = [
    pytest.mark.postgres_only,
    pytest.mark.usefixtures("migrated_database"),
]


@pytest.fixture
def entry_data(db):
    municipality = Municipality.objects.create(name="Borchen", district="paderborn")
    topic = TopicFactory(name="Bauhof", slug="bauhof")
    return {
        "kind": "offer",
        "title": "Kehrmaschine zu teilen",
        "municipality": str(municipality.pk),
        "topics": [str(topic.pk)],
        "description": "Unsere Kehrmaschine steht an zwei Tagen im Monat still; wir teilen sie.",
        "valid_until": (timezone.localdate() + dt.timedelta(days=60)).isoformat(),
        "contact_name": "Frau Beispiel",
        "contact_email": "bauhof@borchen.example.org",
        "webseite": "",
    }


def _submit(client, board, data, title):
    return lambda: client.post(f"{board.url}eintragen/", {**data, "title": title}).status_code


def test_parallel_submissions_never_pass_the_daily_limit(board, member, entry_data, settings):
    settings.BOARD_SUBMISSIONS_PER_DAY = 10
    client = client_for(member)

    statuses = concurrently(
        *(_submit(client, board, entry_data, f"Angebot {n}") for n in range(12))
    )

    assert sorted(statuses) == [302] * 10 + [429] * 2
    assert CooperationEntry.objects.filter(submitted_by=member).count() == 10


def test_same_title_at_the_same_moment_gets_two_addresses(board, entry_data):
    members = [UserFactory(username=f"kommune{n}", groups=["Mitglieder"]) for n in range(4)]

    statuses = concurrently(
        *(_submit(client_for(m), board, entry_data, "Kehrmaschine") for m in members)
    )

    assert statuses == [302] * 4
    slugs = sorted(CooperationEntry.objects.values_list("slug", flat=True))
    assert slugs == ["kehrmaschine", "kehrmaschine-2", "kehrmaschine-3", "kehrmaschine-4"]


def _waiting_entry(board, member, entry_data):
    assert client_for(member).post(f"{board.url}eintragen/", entry_data).status_code == 302
    entry = CooperationEntry.objects.get(submitted_by=member)
    return entry, entry.current_workflow_state.current_task_state


def _approve(client, entry, task_state):
    url = reverse(
        "wagtailsnippets_board_cooperationentry:workflow_action",
        args=[entry.pk, "approve", task_state.pk],
    )
    return lambda: client.post(url, {"comment": ""}).status_code


def test_two_moderators_approving_at_once_publish_once(board, member, entry_data):
    entry, task_state = _waiting_entry(board, member, entry_data)
    first = UserFactory(username="moderatorin1", groups=["Moderation"])
    second = UserFactory(username="moderatorin2", groups=["Moderation"])

    statuses = concurrently(
        _approve(client_for(first), entry, task_state),
        _approve(client_for(second), entry, task_state),
    )

    assert 500 not in statuses
    task_state.refresh_from_db()
    entry.refresh_from_db()
    assert task_state.status == TaskState.STATUS_APPROVED
    assert entry.live
    approvals = ModelLogEntry.objects.filter(action="wagtail.workflow.approve")
    assert [log.user for log in approvals] == [task_state.finished_by]
    assert ModelLogEntry.objects.filter(action="wagtail.publish").count() == 1


@pytest.mark.parametrize("attempt", range(4))
def test_member_edit_and_moderator_approval_at_once(board, member, entry_data, attempt):
    entry, task_state = _waiting_entry(board, member, entry_data)
    moderator = UserFactory(username="moderatorin", groups=["Moderation"])
    changed = {
        **entry_data,
        "status": "open",
        "description": entry_data["description"] + " Auch am Wochenende.",
    }

    edit, approval = concurrently(
        lambda: (
            client_for(member).post(f"{board.url}meine-eintraege/{entry.pk}/", changed).status_code
        ),
        _approve(client_for(moderator), entry, task_state),
    )

    assert edit == 302
    assert approval != 500
    entry.refresh_from_db()
    # Whatever came first, the member's change now waits for a moderator ...
    assert entry.current_workflow_state is not None
    latest = entry.get_latest_revision_as_object()
    assert latest.description.endswith("Auch am Wochenende.")
    # ... and only an approval that really happened published the old text.
    task_state.refresh_from_db()
    assert entry.live == (task_state.status == TaskState.STATUS_APPROVED)
    if entry.live:
        assert not entry.description.endswith("Auch am Wochenende.")
