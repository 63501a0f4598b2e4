"""The ORGANIZER of the invitation registrants receive (iTIP's METHOD:REQUEST requires one)."""

import icalendar
import pytest

from home.models import SiteSettings
from registrations.invitations import invitation
from registrations.models import Attendance, Registration
from tests.factories import MeetingPageFactory

pytestmark = pytest.mark.django_db


def _organizer(event):
    registration = Registration(
        event=event, name="Rita Rat", email="rat@example.org", attendance=Attendance.IN_PERSON
    )
    (vevent,) = icalendar.Calendar.from_ical(invitation(registration)).walk("VEVENT")
    return str(vevent["ORGANIZER"])


def test_invitation_without_contact_address_names_the_site_address(working_group):
    event = MeetingPageFactory(parent=working_group, contact_email="")

    assert _organizer(event) == "mailto:kontakt@example.org"


def test_invitation_without_any_address_names_the_sender(working_group, settings):
    settings.DEFAULT_FROM_EMAIL = "arbeitskreise@example.org"
    SiteSettings.objects.update(email="")
    event = MeetingPageFactory(parent=working_group, contact_email="")

    assert _organizer(event) == "mailto:arbeitskreise@example.org"
