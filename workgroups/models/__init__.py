"""Models of the working groups: topics, event pages and the pages that list them."""

from .board import CooperationEntry, EntryKind, EntryStatus, LegalForm, Phase
from .board_pages import BoardPage
from .event_parts import EventMaterial, EventSpeaker
from .event_types import (
    EVENT_TYPES,
    InfoSessionPage,
    MeetingKind,
    MeetingPage,
    WorkshopPage,
    event_type_for_key,
)
from .events import (
    BERLIN,
    AttendanceMode,
    EventPage,
    EventQuerySet,
    EventStatus,
    attach_parents,
    format_event_dates,
)
from .municipalities import (
    NEIGHBOURING_DISTRICTS,
    District,
    Municipality,
    MunicipalityKind,
)
from .pages import EventIndexPage, EventListingMixin, WorkingGroupPage
from .topics import Topic

__all__ = [
    "BERLIN",
    "NEIGHBOURING_DISTRICTS",
    "District",
    "Municipality",
    "MunicipalityKind",
    "Phase",
    "EVENT_TYPES",
    "AttendanceMode",
    "BoardPage",
    "CooperationEntry",
    "EntryKind",
    "EntryStatus",
    "EventIndexPage",
    "EventListingMixin",
    "EventMaterial",
    "EventPage",
    "EventQuerySet",
    "EventSpeaker",
    "EventStatus",
    "InfoSessionPage",
    "LegalForm",
    "MeetingKind",
    "MeetingPage",
    "Topic",
    "WorkingGroupPage",
    "WorkshopPage",
    "attach_parents",
    "event_type_for_key",
    "format_event_dates",
]
