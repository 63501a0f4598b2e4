"""The last place is never given twice, and one address never registers twice (PostgreSQL)."""

import pytest

from registrations.models import Registration, RegistrationStatus
from tests.concurrency import client_for, concurrently

pytestmark = [pytest.mark.postgres_only, pytest.mark.usefixtures("migrated_database")]


def _register(client, event, email, name="Mia Mitglied"):
    data = {
        "name": name,
        "email": email,
        "organisation": "Borchen",
        "attendance": "in_person",
        "consent": "on",
        "webseite": "",
    }
    return lambda: client.post(f"/veranstaltungsanmeldung/{event.pk}/", data).status_code


def test_six_members_for_two_places_at_once(event, members):
    members = members + [members[0]]  # five members, one of them twice with another address

    statuses = concurrently(
        *(
            _register(client_for(member), event, f"person{n}@example.org")
            for n, member in enumerate(members)
        )
    )

    assert statuses == [200] * 6
    registrations = Registration.objects.filter(event=event)
    assert registrations.filter(status=RegistrationStatus.CONFIRMED).count() == 2
    assert registrations.filter(status=RegistrationStatus.WAITING).count() == 4


def test_the_same_address_twice_at_once_registers_once(event, members):
    client = client_for(members[0])

    statuses = concurrently(*(_register(client, event, "mia@example.org") for _ in range(4)))

    assert sorted(statuses) == [200] + [400] * 3
    assert Registration.objects.filter(event=event, email="mia@example.org").count() == 1
