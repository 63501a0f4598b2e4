"""Publishing records what followers should hear of (``notices``)."""

from django.db import transaction

from wagtail.signals import page_published, published

from board.entries import CooperationEntry

from .notices import event_published, record_entry_published


def entry_published(sender, instance, **kwargs):
    with transaction.atomic():
        record_entry_published(instance)


def connect_signal_handlers():
    page_published.connect(event_published, dispatch_uid="notifications.event_published")
    published.connect(
        entry_published, sender=CooperationEntry, dispatch_uid="notifications.entry_published"
    )
