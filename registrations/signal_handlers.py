"""When a published event changes time, place or status, its registrants hear of it."""

from django.db import transaction

from wagtail.signals import page_published

from operations.page_cache import purge_when_changed
from workgroups.models import EventPage

from .models import Registration, RegistrationSettings
from .tasks import send_event_updates


def notify_registrants_of_changes(sender, instance, **kwargs):
    if not isinstance(instance, EventPage):
        return
    outdated = Registration.objects.told_of_changes(instance).filter(
        sequence_sent__lt=instance.ical_sequence
    )
    if outdated.exists():
        event_id = instance.pk
        transaction.on_commit(lambda: send_event_updates.enqueue(event_id))


def connect_signal_handlers():
    # Event pages show the places left, and what the settings allow (kept until a change).
    purge_when_changed(Registration, RegistrationSettings)
    page_published.connect(
        notify_registrants_of_changes, dispatch_uid="registrations.notify_registrants"
    )
