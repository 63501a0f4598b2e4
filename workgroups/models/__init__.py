"""Models of the working groups: event pages and their listings (the topics and municipalities
they use are ``taxonomy``'s)."""

from ..formatting import BERLIN, format_event_dates
from .agenda import AgendaItem, MinutesAudience
from .agreements import Agreement
from .dossier import DossierEdition, MeetingDossier
from .event_parts import EventMaterial, EventSpeaker
from .event_types import (
    EVENT_TYPES,
    InfoSessionPage,
    MeetingKind,
    MeetingPage,
    WorkshopPage,
)
from .events import AttendanceMode, EventPage, EventStatus
from .pages import EventIndexPage, EventListingMixin, WorkingGroupPage, attach_parents
from .querysets import EventQuerySet

__all__ = [
    "AgendaItem",
    "Agreement",
    "BERLIN",
    "DossierEdition",
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
    "MeetingDossier",
    "MeetingPage",
    "MinutesAudience",
    "WorkingGroupPage",
    "WorkshopPage",
    "attach_parents",
    "format_event_dates",
]
