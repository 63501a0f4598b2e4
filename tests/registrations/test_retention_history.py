"""After ``delete_past_registrations`` a registrant's name and address are nowhere in the
database: not in the registrations, not in Wagtail's admin history, not in the delivered mails
of the task queue, not in a backup."""

import datetime as dt
import io
import json

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

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


def _delivered(person, days_ago):
    """The worker delivered the queued mails to ``person`` that many days ago."""
    mails = [
        task.pk
        for task in DBTaskResult.objects.filter(task_path="operations.mail.deliver_mail")
        if person["email"] in task.args_kwargs["args"][0]["recipients"]
    ]
    assert mails
    DBTaskResult.objects.filter(pk__in=mails).update(
        status=TaskResultStatus.SUCCESSFUL, finished_at=timezone.now() - dt.timedelta(days_ago)
    )


def test_no_trace_of_a_past_registrant_is_left(client, editor, event, settings):
    settings.REGISTRATION_RETENTION_DAYS = 30
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
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
    # The other guest's mail went out weeks ago; the guest's only days ago (a message after
    # the event, say): only the address ties it to the registration deleted now.
    _delivered(OTHER_GUEST, days_ago=41)
    _delivered(GUEST, days_ago=3)
    before = _everything_in_the_database()
    assert _traces(before, GUEST) == list(GUEST.values())
    assert _traces(before, OTHER_GUEST) == list(OTHER_GUEST.values())

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
