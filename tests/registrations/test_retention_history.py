"""After ``delete_past_registrations`` a registrant's name and address are nowhere in the
database: not in the registrations, not in Wagtail's admin history, not in a backup."""

import io
import json

from django.core.management import call_command
from django.urls import reverse

import pytest

from registrations import booking
from tests.factories import in_days

pytestmark = pytest.mark.django_db

GUEST = {"name": "Paula Päßler", "email": "paula.paessler@bücher.example"}
OTHER_GUEST = {"name": "Gerd Gast", "email": "gerd.gast@example.org"}


def _everything_in_the_database():
    """Every row of every table, as ``dumpdata`` (and so ``backup_site``) writes them."""
    output = io.StringIO()
    call_command("dumpdata", stdout=output, verbosity=0)
    return output.getvalue()


def _traces(text, person):
    """The person's name or address, also in the \\u-escaped form JSON may use."""
    return [value for value in person.values() if value in text or json.dumps(value)[1:-1] in text]


def _register(event, person):
    return booking.register(event, **person, organisation="Borchen", attendance="in_person")


def test_no_trace_of_a_past_registrant_is_left(client, editor, event, settings):
    settings.REGISTRATION_RETENTION_DAYS = 30
    guest, other = _register(event, GUEST), _register(event, OTHER_GUEST)
    client.force_login(editor)
    # The editor corrects the organisation and checks the guest in, and deletes the other guest
    # (who called to cancel): Wagtail's history labels both with the name.
    client.post(
        reverse("anmeldungen:edit", args=[guest.pk]),
        {**GUEST, "organisation": "Bad Lippspringe", "attendance": "in_person", "checked_in": "on"},
    )
    client.post(reverse("anmeldungen:delete", args=[other.pk]))
    type(event).objects.filter(pk=event.pk).update(start=in_days(-40), end=None)
    before = _everything_in_the_database()
    assert _traces(before, GUEST) == list(GUEST.values())
    assert _traces(before, OTHER_GUEST) == [OTHER_GUEST["name"]]

    call_command("delete_past_registrations", verbosity=0)

    after = _everything_in_the_database()
    assert _traces(after, GUEST) == []
    assert _traces(after, OTHER_GUEST) == []
    assert event.title in after  # the event and its own history stay


def test_the_history_of_current_registrations_stays(client, editor, event, working_group):
    guest = _register(event, GUEST)
    client.force_login(editor)
    client.post(
        reverse("anmeldungen:edit", args=[guest.pk]),
        {**GUEST, "organisation": "Bad Lippspringe", "attendance": "in_person"},
    )

    call_command("delete_past_registrations", verbosity=0)

    assert _traces(_everything_in_the_database(), GUEST) == list(GUEST.values())
