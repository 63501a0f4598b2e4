"""The agenda moved from a stream on the event page to rows of its own: a site that updates
keeps each event's items and the ones its drafts were saved with, both ways."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import Page

import pytest

from tests.factories import HomePageFactory, MeetingPageFactory, WorkingGroupPageFactory, in_days
from workgroups.models import AgendaItem

pytestmark = pytest.mark.usefixtures("migrated_database")

BEFORE_THE_MOVE = [("workgroups", "0006_registration_settings_moved_to_registrations")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _stream_items(stream):
    return [(block["value"]["title"], block["value"]["note"]) for block in stream.raw_data]


def test_an_update_keeps_each_events_agenda_and_that_of_its_draft():
    group = WorkingGroupPageFactory(parent=HomePageFactory(parent=Page.get_first_root_node()))
    published = MeetingPageFactory(parent=group, start=in_days(20))
    published.agenda_items = [
        AgendaItem(title="Begrüßung"),
        AgendaItem(title="Vergabestelle", note="Ergebnisse der Umfrage"),
    ]
    published.save_revision().publish()
    # A draft saved in the editor with a third item, not published yet.
    published.agenda_items = [*published.agenda_items.all(), AgendaItem(title="Verschiedenes")]
    revision = published.save_revision()
    without = MeetingPageFactory(parent=group, start=in_days(30))

    before = _migrate(BEFORE_THE_MOVE)
    old_event = before.get_model("workgroups", "EventPage")
    old_revision = before.get_model("wagtailcore", "Revision").objects.get(pk=revision.pk)

    assert _stream_items(old_event.objects.get(pk=published.pk).agenda) == [
        ("Begrüßung", ""),
        ("Vergabestelle", "Ergebnisse der Umfrage"),
    ]
    assert _stream_items(old_event.objects.get(pk=without.pk).agenda) == []
    assert "agenda_items" not in old_revision.content

    _migrate(_latest())

    live = list(AgendaItem.objects.filter(page_id=published.pk).values_list("title", "note"))
    assert live == [("Begrüßung", ""), ("Vergabestelle", "Ergebnisse der Umfrage")]
    assert not AgendaItem.objects.filter(page_id=without.pk).exists()
    restored = type(revision).objects.get(pk=revision.pk).as_object()
    draft_items = list(restored.agenda_items.all())
    assert [item.title for item in draft_items] == ["Begrüßung", "Vergabestelle", "Verschiedenes"]
    # Publishing the draft updates the rows it shares with the live page, by position.
    live_ids = list(AgendaItem.objects.filter(page_id=published.pk).values_list("pk", flat=True))
    assert [item.pk for item in draft_items[:2]] == live_ids
    type(revision).objects.get(pk=revision.pk).publish()
    assert AgendaItem.objects.filter(page_id=published.pk).count() == 3
