"""Models of the working groups: topics, municipalities, event pages and their listings."""

from ..formatting import BERLIN, format_event_dates
from .event_parts import EventMaterial, EventSpeaker
from .event_types import (
    EVENT_TYPES,
    InfoSessionPage,
    MeetingKind,
    MeetingPage,
    WorkshopPage,
)
from .events import AttendanceMode, EventPage, EventStatus
from .municipalities import (
    NEIGHBOURING_DISTRICTS,
    District,
    Municipality,
    MunicipalityKind,
)
from .pages import EventIndexPage, EventListingMixin, WorkingGroupPage, attach_parents
from .querysets import EventQuerySet
from .registration_options import RegistrationAudience
from .topics import Topic

__all__ = [
    "BERLIN",
    "NEIGHBOURING_DISTRICTS",
    "District",
    "Municipality",
    "MunicipalityKind",
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
    "RegistrationAudience",
    "Topic",
    "WorkingGroupPage",
    "WorkshopPage",
    "attach_parents",
    "format_event_dates",
]
