"""Agreements of a meeting: who does what by when, shown with the minutes, and while open on
the working group's page for members and at the group's next meetings as "offene Punkte"."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from tests.factories import (
    MeetingPageFactory,
    MunicipalityFactory,
    WorkingGroupPageFactory,
    in_days,
)
from workgroups.models import Agreement, MinutesAudience

pytestmark = pytest.mark.django_db

OPEN_TASK = "Bedarf an einem Personalpool abfragen"
DONE_TASK = "Fachwerkstatt organisieren"


@pytest.fixture
def agreed(working_group):
    """A past meeting with one open agreement (Paderborn, due in the past) and one done."""
    meeting = MeetingPageFactory(parent=working_group, start=in_days(-30), title="Treffen März")
    meeting.agreements = [
        Agreement(
            task=OPEN_TASK,
            municipality=MunicipalityFactory(name="Paderborn"),
            due=timezone.localdate() - dt.timedelta(days=3),
        ),
        Agreement(task=DONE_TASK, done_on=timezone.localdate() - dt.timedelta(days=10)),
    ]
    meeting.save_revision().publish()
    return meeting


@pytest.fixture
def next_meeting(working_group):
    return MeetingPageFactory(parent=working_group, start=in_days(14), title="Treffen Juni")


def test_members_read_a_meetings_agreements_with_who_and_by_when(client, member, agreed):
    client.force_login(member)
    html = client.get(agreed.url).content.decode()

    section = html[html.index('id="vereinbarungen"') :]
    assert OPEN_TASK in section and "Wer: Paderborn" in section and "überfällig" in section
    assert DONE_TASK in section and "Wer: Geschäftsstelle" in section and "erledigt am" in section


def test_visitors_learn_that_agreements_exist_but_read_them_only_when_minutes_are_public(
    client, agreed
):
    html = client.get(agreed.url).content.decode()
    assert "Dieses Treffen hat 2 Vereinbarungen getroffen." in html
    assert OPEN_TASK not in html

    agreed.minutes_audience = MinutesAudience.EVERYONE
    agreed.save_revision().publish()

    assert OPEN_TASK in client.get(agreed.url).content.decode()


def test_the_next_meeting_brings_up_open_points_until_they_are_done(
    client, member, agreed, next_meeting
):
    client.force_login(member)
    html = client.get(next_meeting.url).content.decode()
    points = html[html.index('id="offene-punkte"') :]
    assert OPEN_TASK in points and DONE_TASK not in points
    assert f'href="{agreed.url}">Treffen März</a>' in points

    # The editor ticks it done in the meeting that agreed it, and publishes.
    editing = agreed.get_latest_revision_as_object()
    for agreement in editing.agreements.all():
        if agreement.task == OPEN_TASK:
            agreement.done_on = timezone.localdate()
    editing.save_revision().publish()

    assert 'id="offene-punkte"' not in client.get(next_meeting.url).content.decode()


def test_open_points_stay_with_their_group_and_leave_past_meetings_alone(
    client, member, home_page, agreed
):
    client.force_login(member)
    other_group = WorkingGroupPageFactory(parent=home_page, title="Mobilität")
    elsewhere = MeetingPageFactory(parent=other_group, start=in_days(14))
    earlier = MeetingPageFactory(parent=agreed.get_parent(), start=in_days(-60))

    assert OPEN_TASK not in client.get(elsewhere.url).content.decode()
    assert OPEN_TASK not in client.get(earlier.url).content.decode()


def test_visitors_see_open_points_only_of_meetings_with_public_minutes(
    client, agreed, next_meeting
):
    assert OPEN_TASK not in client.get(next_meeting.url).content.decode()

    agreed.minutes_audience = MinutesAudience.EVERYONE
    agreed.save_revision().publish()

    assert OPEN_TASK in client.get(next_meeting.url).content.decode()


def test_the_working_group_page_lists_open_agreements_for_members_only(
    client, member, working_group, agreed
):
    assert "Offene Vereinbarungen" not in client.get(working_group.url).content.decode()

    client.force_login(member)
    html = client.get(working_group.url).content.decode()

    box = html[html.index('id="offene-vereinbarungen"') :]
    assert OPEN_TASK in box and DONE_TASK not in box


def test_an_agreement_cannot_be_done_tomorrow(agreed):
    agreement = agreed.agreements.get(task=OPEN_TASK)
    agreement.done_on = timezone.localdate() + dt.timedelta(days=1)

    with pytest.raises(ValidationError, match="in der Zukunft"):
        agreement.full_clean()
