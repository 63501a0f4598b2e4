"""Side effects of the working groups' models (wired in ``WorkgroupsConfig.ready``)."""

from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_unpublished, post_page_move

from .listing_cache import bump_listing_version
from .models import EventPage, Topic, WorkingGroupPage


def refresh_listings(sender, instance=None, **kwargs):
    """Cached filter options follow every change of events, working groups and topics."""
    if isinstance(instance, EventPage | WorkingGroupPage | Topic):
        bump_listing_version()


def connect_signal_handlers():
    for signal in (post_save, post_delete, page_unpublished, post_page_move):
        signal.connect(refresh_listings, dispatch_uid=f"workgroups.refresh_listings.{id(signal)}")
