"""Mails to many registrants at once go out in the background worker (immediate in tests)."""

from django.db import transaction

from django_tasks import task

from workgroups.models import EventPage

from . import invitations
from .models import Registration, RegistrationStatus


@task()
def send_event_updates(event_id):
    """Everyone holding a place gets the changed event (or its cancellation) once per change;
    of a cancellation the waiting list hears too (``told_of_changes``).

    ``sequence_sent`` remembers the event's SEQUENCE each registrant last received; it is
    written in the transaction that queues the registrant's mail, so a re-run after a worker
    restart sends nobody the same update twice and skips nobody.
    """
    event = EventPage.objects.filter(pk=event_id).specific().first()
    if event is None:
        return  # deleted meanwhile, with its registrations
    registrations = Registration.objects.told_of_changes(event).filter(
        sequence_sent__lt=event.ical_sequence
    )
    for registration in registrations:
        registration.event = event
        with transaction.atomic():
            invitations.send_update_mail(registration)
            Registration.objects.filter(pk=registration.pk).update(
                sequence_sent=event.ical_sequence
            )


@task()
def send_message_to_registrants(event_id, subject, text, include_waiting):
    statuses = [RegistrationStatus.CONFIRMED]
    if include_waiting:
        statuses.append(RegistrationStatus.WAITING)
    for registration in Registration.objects.select_related("event").filter(
        event_id=event_id, status__in=statuses
    ):
        registration.event = registration.event.specific
        invitations.send_message(registration, subject, text)
