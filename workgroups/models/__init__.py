"""Models of the working groups: topics, event pages and the pages that list them."""

from .events import (
    BERLIN,
    EVENT_TYPES,
    AttendanceMode,
    EventMaterial,
    EventPage,
    EventQuerySet,
    EventSpeaker,
    EventStatus,
    InfoSessionPage,
    MeetingKind,
    MeetingPage,
    WorkshopPage,
    attach_parents,
    event_type_for_key,
    format_event_dates,
)
from .pages import EventIndexPage, EventListingMixin, WorkingGroupPage
from .topics import Topic

__all__ = [
    "BERLIN",
    "EVENT_TYPES",
    "AttendanceMode",
    "EventIndexPage",
    "EventListingMixin",
    "EventMaterial",
    "EventPage",
    "EventQuerySet",
    "EventSpeaker",
    "EventStatus",
    "InfoSessionPage",
    "MeetingKind",
    "MeetingPage",
    "Topic",
    "WorkingGroupPage",
    "WorkshopPage",
    "attach_parents",
    "event_type_for_key",
    "format_event_dates",
]
