"""The last place is never given twice, and one address never registers twice (PostgreSQL)."""

import pytest

from registrations.models import Registration, RegistrationStatus
from tests.concurrency import client_for, concurrently
from tests.factories import change_registration

pytestmark = [pytest.mark.postgres_only, pytest.mark.usefixtures("migrated_database")]


def _register(client, event):
    """A member registers themselves (name and address come from the account)."""
    data = {
        "organisation": "Borchen",
        "attendance": "in_person",
        "consent": "on",
        "webseite": "",
    }
    return lambda: client.post(f"/veranstaltungsanmeldung/{event.pk}/", data).status_code


def test_five_members_for_two_places_at_once(event, members):
    statuses = concurrently(*(_register(client_for(member), event) for member in members))

    assert statuses == [200] * 5
    registrations = Registration.objects.filter(event=event)
    assert registrations.filter(status=RegistrationStatus.CONFIRMED).count() == 2
    assert registrations.filter(status=RegistrationStatus.WAITING).count() == 3


def test_the_same_member_twice_at_once_registers_once(event, members):
    client = client_for(members[0])

    statuses = concurrently(*(_register(client, event) for _ in range(4)))

    assert sorted(statuses) == [200] + [400] * 3
    assert Registration.objects.filter(event=event, email=members[0].email).count() == 1


def test_colleagues_sent_at_once_stay_within_the_members_limit(event, members):
    change_registration(event, others_may_be_registered=True)
    client = client_for(members[0])

    def colleague(number):
        data = {
            "name": f"Kollegin {number}",
            "email": f"kollegin{number}@example.org",
            "organisation": "Borchen",
            "attendance": "in_person",
            "consent": "on",
            "webseite": "",
        }
        url = f"/veranstaltungsanmeldung/{event.pk}/weitere-person/"
        return lambda: client.post(url, data).status_code

    statuses = concurrently(*(colleague(number) for number in range(8)))

    assert sorted(statuses) == [200] * 5 + [400] * 3
    assert Registration.objects.filter(registered_by=members[0]).count() == 5
