"""Personal data of registrations is deleted some days after the event."""

import datetime as dt

from django.core.management import call_command

import pytest

from registrations.models import Registration, RegistrationStatus
from tests.factories import MeetingPageFactory, in_days

pytestmark = pytest.mark.django_db


def _registration(event, email):
    return Registration.objects.create(
        event=event,
        name="Paula Person",
        email=email,
        attendance="in_person",
        status=RegistrationStatus.CONFIRMED,
    )


def test_registrations_go_the_configured_days_after_the_event(working_group, settings):
    settings.REGISTRATION_RETENTION_DAYS = 30
    long_ago = MeetingPageFactory(parent=working_group, start=in_days(-40))
    recently = MeetingPageFactory(parent=working_group, start=in_days(-20))
    upcoming = MeetingPageFactory(parent=working_group, start=in_days(10))
    ends_late = MeetingPageFactory(
        parent=working_group, start=in_days(-45), end=in_days(-45) + dt.timedelta(days=20)
    )
    for event in (long_ago, recently, upcoming, ends_late):
        _registration(event, f"{event.pk}@example.org")

    call_command("delete_past_registrations", verbosity=0)

    remaining = set(Registration.objects.values_list("event_id", flat=True))
    # A multi-day event counts from its last day: begun 45, ended 25 days ago, it stays.
    assert remaining == {recently.pk, upcoming.pk, ends_late.pk}
