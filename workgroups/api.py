"""Read-only JSON API of events (Wagtail API v2) for member municipalities' own websites.

``/api/v2/termine/`` lists live, public events, soonest first; ``?zeitraum=kommend`` or
``?zeitraum=vergangen`` narrows them. Join links and members-only data are not fields here.
"""

from django.utils import timezone

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from .models import EventPage


class EventsAPIViewSet(PagesAPIViewSet):
    model = EventPage
    name = "termine"
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["zeitraum"])
    listing_default_fields = [
        *PagesAPIViewSet.listing_default_fields,
        "start",
        "end",
        "all_day",
        "event_type",
        "status",
        "attendance_mode",
        "city",
    ]

    def get_base_queryset(self):
        """Public pages only, also for logged-in callers: the API is a public surface that
        other websites copy from, so nothing members-only may ever appear in it."""
        return super().get_base_queryset().public()

    def get_queryset(self):
        events = super().get_queryset()
        period = self.request.GET.get("zeitraum")
        now = timezone.now()
        if period == "kommend":
            return events.upcoming(now)
        if period == "vergangen":
            return events.past(now)
        if period:
            raise BadRequestError("zeitraum muss 'kommend' oder 'vergangen' sein")
        if "order" not in self.request.GET:
            events = events.order_by("start", "pk")
        return events


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("termine", EventsAPIViewSet)
