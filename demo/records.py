"""The shapes of the demo data: one small frozen record per kind of thing the demo creates.

Records rather than dicts and positional tuples: the data reads as what it is
(``DemoSpeaker(name=…, topic=…)`` instead of the fourth item of a tuple), a typo in a field name
fails at once instead of silently becoming an empty string, and what may be left out is stated
once here as a default instead of in a ``.get(…, "")`` at every reader.

Sequence fields are typed ``Sequence`` so the data can keep writing lists. StreamField content
(``body``) stays in Wagtail's own ``(block type, value)`` form, which the pages accept as it is.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

StreamData = Sequence[tuple[str, Any]]


@dataclass(frozen=True, kw_only=True)
class DemoWorkingField:
    """A card of the home page's working fields."""

    title: str
    description: str


@dataclass(frozen=True, kw_only=True)
class DemoTopic:
    name: str
    slug: str


@dataclass(frozen=True, kw_only=True)
class DemoMunicipality:
    """A member municipality: its kind (Stadt, Gemeinde) and district (Kreis) as choice values."""

    name: str
    kind: str
    district: str


@dataclass(frozen=True, kw_only=True)
class DemoGroup:
    """A working group (Arbeitskreis); its illustration is drawn in ``palette``."""

    title: str
    slug: str
    tagline: str
    intro: str
    palette: str = "blau"
    topics: Sequence[str] = ()  # topic slugs


@dataclass(frozen=True, kw_only=True)
class DemoDocument:
    """A generated PDF: its paragraphs, where ``# `` starts a heading (see ``pdf.make_pdf``)."""

    title: str
    kind: str
    paragraphs: Sequence[str]
    members_only: bool = False  # protocols always are


@dataclass(frozen=True, kw_only=True)
class DemoSpeaker:
    """A speaker; ``presentation`` is the title of one of the event's documents, if any."""

    name: str
    role: str = ""
    organisation: str = ""
    topic: str = ""
    presentation: str = ""


@dataclass(frozen=True, kw_only=True)
class DemoAgendaItem:
    title: str
    note: str = ""
    presenter: str = ""
    municipality: str = ""  # name of a member municipality
    materials: Sequence[str] = ()  # titles of the event's documents that belong to this item
    result: str = ""  # rich text


@dataclass(frozen=True, kw_only=True)
class DemoRegistrationSettings:
    """Registration on the event page; no capacity means unlimited places, as on the page."""

    audience: str
    capacity_in_person: int | None = None
    capacity_online: int | None = None
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""


@dataclass(frozen=True, kw_only=True)
class DemoAllDay:
    """A past event on a known day; the seed page gives no times, so it is an all-day entry."""

    date: dt.date


@dataclass(frozen=True, kw_only=True)
class DemoUpcoming:
    """An event some days ahead of the day the demo is built, so the site never looks stale."""

    days_from_today: int
    hour: int
    duration_minutes: int


@dataclass(frozen=True, kw_only=True)
class DemoEvent:
    """What every kind of event has; the subclasses below decide the page type."""

    title: str
    slug: str
    intro: str
    when: DemoAllDay | DemoUpcoming
    attendance_mode: str
    topics: Sequence[str] = ()  # topic slugs
    venue_name: str = ""
    street: str = ""
    postal_code: str = ""
    city: str = ""
    venue_directions: str = ""
    venue_accessibility: str = ""
    online_url: str = ""
    body: StreamData = ()
    agenda: Sequence[DemoAgendaItem] = ()
    registration: DemoRegistrationSettings | None = None  # None: no registration on the site
    speakers: Sequence[DemoSpeaker] = ()
    documents: Sequence[DemoDocument] = ()


@dataclass(frozen=True, kw_only=True)
class DemoAgreement:
    """Who does what by when; no municipality: the office."""

    task: str
    municipality: str = ""
    due: dt.date | None = None
    done_on: dt.date | None = None


@dataclass(frozen=True, kw_only=True)
class DemoMeeting(DemoEvent):
    meeting_kind: str = "meeting"
    outcomes: str = ""  # rich text
    minutes_audience: str = "members"
    agreements: Sequence[DemoAgreement] = ()


@dataclass(frozen=True, kw_only=True)
class DemoWorkshop(DemoEvent):
    moderation: str = ""


@dataclass(frozen=True, kw_only=True)
class DemoInfoSession(DemoEvent):
    questions: Sequence[str] = ()


@dataclass(frozen=True, kw_only=True)
class DemoRegistrationBatch:
    """Made-up registrations for one event and way of attending: confirmed, then waiting."""

    event_slug: str
    attendance: str
    confirmed: int
    waiting: int = 0


@dataclass(frozen=True, kw_only=True)
class DemoBoardEntry:
    """An offer or request on the exchange board (Kooperationsbörse), by a member municipality."""

    kind: str
    title: str
    municipality: str  # name, as in ``MUNICIPALITIES``
    topics: Sequence[str]  # topic slugs
    phase: str
    description: str
    legal_form: str = ""
