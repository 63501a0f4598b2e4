"""Query logic of event listings: what is upcoming, past, in a month, ready for a list."""

import datetime as dt

from django.db.models import BooleanField, Case, F, Max, Min, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from wagtail.models import PageManager, PageQuerySet

from ..formatting import BERLIN

#: How long an event stays in the calendars to subscribe to after it ended: people keep past
#: meetings in their calendars, and a subscription drops whatever the feed no longer holds.
CALENDAR_HISTORY = dt.timedelta(days=365)


class EventQuerySet(PageQuerySet):
    """Query logic for event listings; every method keeps the query count constant."""

    def with_effective_end(self):
        return self.annotate(effective_end=Coalesce("end", "start"))

    def upcoming(self, now=None):
        """Events that have not ended yet, soonest first."""
        now = now or timezone.now()
        return self.with_effective_end().filter(effective_end__gte=now).order_by("start", "pk")

    def past(self, now=None):
        """Events that are over, latest first."""
        now = now or timezone.now()
        return self.with_effective_end().filter(effective_end__lt=now).order_by("-start", "-pk")

    def upcoming_first(self, now=None):
        """All events: upcoming ones soonest first, then past ones latest first.

        The order editors work through them in the admin: next things to prepare on top,
        the most recent past meetings (protocols to add) right after.
        """
        now = now or timezone.now()
        ended = Q(effective_end__lt=now)
        return (
            self.with_effective_end()
            .annotate(
                has_ended=Case(
                    When(ended, then=Value(True)), default=Value(False), output_field=BooleanField()
                ),
                upcoming_start=Case(When(ended, then=None), default=F("start")),
            )
            .order_by("has_ended", F("upcoming_start").asc(nulls_last=True), "-start", "pk")
        )

    def in_calendar(self, now):
        """Events of the calendars to subscribe to: not ended more than CALENDAR_HISTORY ago."""
        return self.with_effective_end().filter(effective_end__gte=now - CALENDAR_HISTORY)

    def left_calendar_at(self, now):
        """When the last of these events dropped out of the calendar by time alone (or None).

        No event is newer then, yet the calendar changed: clients that ask "changed since?"
        must not keep the event.
        """
        ended = self.with_effective_end().filter(effective_end__lt=now - CALENDAR_HISTORY)
        latest_end = ended.aggregate(latest=Max("effective_end"))["latest"]
        return latest_end + CALENDAR_HISTORY if latest_end else None

    def next_change(self, now):
        """The next moment one of these events starts, ends or leaves the calendars
        (CALENDAR_HISTORY after its end).

        Listings, calendars and event pages change then without any edit (upcoming becomes
        past); the page cache keeps no page past it.
        """
        later = {
            f"next_{field}": Min(field, filter=Q(**{f"{field}__gt": now}))
            for field in ("start", "end")
        }
        later["calendar_end"] = Min(
            Coalesce("end", "start"),
            filter=Q(end__gt=now - CALENDAR_HISTORY)
            | Q(end__isnull=True, start__gt=now - CALENDAR_HISTORY),
        )
        moments = self.aggregate(**later)
        if moments["calendar_end"] is not None:
            moments["calendar_end"] += CALENDAR_HISTORY
        return min((moment for moment in moments.values() if moment is not None), default=None)

    def overlapping(self, first_day, last_day):
        """Events that take place on any day from ``first_day`` to ``last_day`` (local dates)."""
        range_start = dt.datetime.combine(first_day, dt.time.min, tzinfo=BERLIN)
        range_end = dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time.min, tzinfo=BERLIN)
        return (
            self.with_effective_end()
            .filter(start__lt=range_end, effective_end__gte=range_start)
            .order_by("start", "pk")
        )

    def for_listing(self, prefetch=True):
        """What a listing row needs, without a query per row or per event type.

        The meeting kind lives in the MeetingPage table; it is annotated here so that
        ``event_type`` can name "Werkstatt-Treffen" without loading specific pages.
        """
        events = self.annotate(listing_meeting_kind=F("meetingpage__meeting_kind"))
        return events.prefetch_related("topics") if prefetch else events


class EventPageManager(PageManager.from_queryset(EventQuerySet)):
    pass
