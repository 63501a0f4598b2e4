"""Topics and municipalities moved from ``workgroups`` to ``taxonomy``: a site that updates
keeps its rows, what events and entries are filed under, and what the editors may do."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

from home.groups import EDITORS
from taxonomy.models import Municipality, Topic
from tests.factories import MeetingPageFactory, TopicFactory

pytestmark = pytest.mark.usefixtures("migrated_database")


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def test_an_updated_site_keeps_its_topics_and_what_editors_may_do_with_them(working_group):
    topic = TopicFactory(name="Vergabe", slug="vergabe")
    event = MeetingPageFactory(parent=working_group)
    event.topics.add(topic)
    Municipality.objects.create(name="Paderborn", district="paderborn")
    topic_type = ContentType.objects.get_for_model(Topic)

    _migrate([("taxonomy", None)])
    assert ContentType.objects.get(pk=topic_type.pk).app_label == "workgroups"
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()

    assert ContentType.objects.get(pk=topic_type.pk).app_label == "taxonomy"
    assert list(event.topics.values_list("name", flat=True)) == ["Vergabe"]
    assert Municipality.objects.get().get_district_display() == "Kreis Paderborn"
    may_change = Permission.objects.get(content_type=topic_type, codename="change_topic")
    assert Group.objects.get(name=EDITORS).permissions.filter(pk=may_change.pk).exists()
