"""Members who follow a board topic or district hear of new matching entries, once."""

from django.utils import timezone

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from notifications.models import BoardFollow, Notice
from tests.factories import CooperationEntryFactory, MunicipalityFactory, TopicFactory, UserFactory
from tests.mailserver import MailServer, pauses_pass, run_queue

pytestmark = pytest.mark.usefixtures("migrated_database")


def editing_rests():
    now = timezone.now()
    Notice.objects.filter(dispatched_at__isnull=True).update(due_at=now)
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=now)
    run_queue()
    pauses_pass()
    run_queue()


def test_a_new_entry_reaches_those_following_its_topic_or_district_once(settings, board):
    topic = TopicFactory(name="Mobiles Arbeiten", slug="mobiles-arbeiten")
    other_topic = TopicFactory(name="Vergabe", slug="vergabe")
    town = MunicipalityFactory(name="Delbrück", district="paderborn")
    by_topic = UserFactory(username="thema", groups=["Mitglieder"])
    by_district = UserFactory(username="kreis", groups=["Mitglieder"])
    by_both = UserFactory(username="beides", groups=["Mitglieder"])
    elsewhere = UserFactory(username="anderswo", groups=["Mitglieder"])
    submitter = UserFactory(username="absender", groups=["Mitglieder"])
    BoardFollow.objects.create(user=by_topic, topic=topic)
    BoardFollow.objects.create(user=by_district, district="paderborn")
    BoardFollow.objects.create(user=by_both, topic=topic, district="paderborn")
    BoardFollow.objects.create(user=by_both, district="paderborn")
    BoardFollow.objects.create(user=elsewhere, topic=other_topic, district="hoexter")
    BoardFollow.objects.create(user=submitter, topic=topic)

    settings.NOTICE_QUIET_PERIOD = 300
    with MailServer.down(settings) as server:
        server.start()
        entry = CooperationEntryFactory(
            title="Gemeinsame Telearbeitsplätze",
            municipality=town,
            submitted_by=submitter,
            live=False,
        )
        entry.topics.set([topic])
        entry.save_revision().publish()
        entry.save_revision().publish()  # a correction is no new entry
        editing_rests()

        subject = "Kooperationsbörse, Angebot: Gemeinsame Telearbeitsplätze"
        for user in (by_topic, by_district, by_both):
            assert server.subjects_to(user.email) == [subject]
        assert server.subjects_to(elsewhere.email) == []
        assert server.subjects_to(submitter.email) == []
        (message,) = server.messages_to(by_topic.email)
        text = message.get_body(preferencelist=("plain",)).get_content()
        assert "/boerse/" in text and "Thema „Mobiles Arbeiten“" in text
        assert message["List-Unsubscribe"]
