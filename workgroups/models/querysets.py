"""Query logic of event listings: what is upcoming, past, in a month, ready for a list."""

import datetime as dt

from django.db.models import F, Min, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from wagtail.models import PageManager, PageQuerySet

from ..formatting import BERLIN


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

    def next_change(self, now):
        """The next moment one of these events starts, ends or closes its registration.

        Listings and event pages change then without any edit (upcoming becomes past, the
        registration form closes); the page cache keeps no page past it.
        """
        later = {
            field: Min(field, filter=Q(**{f"{field}__gt": now}))
            for field in ("start", "end", "registration_deadline")
        }
        moments = [moment for moment in self.aggregate(**later).values() if moment is not None]
        return min(moments, default=None)

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
