"""Side effects of the working groups' models (wired in ``WorkgroupsConfig.ready``)."""

from operations.page_cache import purge_when_changed

from .models import Municipality, Topic


def connect_signal_handlers():
    # Topics name filters and chips on every listing; municipalities fill the board's choices.
    # Events and working groups are pages: home purges on their publishing, moving, deleting.
    purge_when_changed(Topic, Municipality)
