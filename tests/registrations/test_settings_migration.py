"""The registration settings moved from the event page to ``registrations``: a site that
updates keeps each event's settings and the ones its drafts were saved with, both ways."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import Page

import pytest

from registrations.models import RegistrationSettings
from tests.factories import HomePageFactory, MeetingPageFactory, WorkingGroupPageFactory, in_days

pytestmark = pytest.mark.usefixtures("migrated_database")

BEFORE_THE_MOVE = [
    ("registrations", "0003_cancelled_reads_abgesagt"),
    ("workgroups", "0005_terms_moved_to_taxonomy"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def test_an_update_keeps_each_events_settings_and_those_of_its_draft():
    group = WorkingGroupPageFactory(parent=HomePageFactory(parent=Page.get_first_root_node()))
    deadline = in_days(10)
    published = MeetingPageFactory(
        parent=group,
        start=in_days(20),
        registration={"audience": "everyone", "capacity_in_person": 12, "deadline": deadline},
    )
    # A draft saved in the editor with more places, not published yet.
    settings = published.registration_settings.get()
    settings.capacity_in_person = 40
    published.registration_settings = [settings]
    revision = published.save_revision()
    without = MeetingPageFactory(parent=group, start=in_days(30))

    before = _migrate(BEFORE_THE_MOVE)
    old_event = before.get_model("workgroups", "EventPage")
    old_revision = before.get_model("wagtailcore", "Revision").objects.get(pk=revision.pk)

    assert old_event.objects.filter(pk=published.pk).values(
        "registration_enabled",
        "registration_audience",
        "capacity_in_person",
        "registration_deadline",
    ).get() == {
        "registration_enabled": True,
        "registration_audience": "everyone",
        "capacity_in_person": 12,
        "registration_deadline": deadline,
    }
    assert old_event.objects.get(pk=without.pk).registration_enabled is False
    assert old_revision.content["capacity_in_person"] == 40
    assert "registration_settings" not in old_revision.content

    _migrate(_latest())

    live = RegistrationSettings.objects.get(event_id=published.pk)
    assert (live.enabled, live.audience, live.capacity_in_person, live.deadline) == (
        True,
        "everyone",
        12,
        deadline,
    )
    assert (
        RegistrationSettings.of(RegistrationSettings.objects.get(pk=live.pk).event).pk is not None
    )
    restored = type(revision).objects.get(pk=revision.pk).as_object()
    assert RegistrationSettings.of(restored).capacity_in_person == 40
    assert RegistrationSettings.of(restored).pk == live.pk  # publishing it updates that row
    assert not RegistrationSettings.objects.get(event_id=without.pk).enabled
