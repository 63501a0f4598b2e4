"""Read-only JSON API of events (Wagtail API v2) for member municipalities' own websites.

``/api/v2/termine/`` lists live, public events, soonest first; ``?zeitraum=kommend`` or
``?zeitraum=vergangen`` narrows them. Join links and members-only data are not fields here.
"""

from django.http import Http404
from django.utils import timezone

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet

from home.search import SEARCH_QUERY_MAX_LENGTH, clean_search_query

from .models import EventPage

# Ids and offsets beyond a signed 64-bit integer make the database raise instead of answer.
LARGEST_ID = 2**63 - 1


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

    def check_query_parameters(self, queryset):
        """Refuse, with a 400 and a reason, what the database would choke on."""
        super().check_query_parameters(queryset)
        for name in ("offset", "limit"):
            value = self.request.GET.get(name, "0")
            if value.isdigit() and int(value) > LARGEST_ID:
                raise BadRequestError(f"{name} ist zu groß")
        search = self.request.GET.get("search")
        if search is not None and clean_search_query(search) != " ".join(search.split()):
            raise BadRequestError(
                "search darf keine Anführungszeichen, Steuerzeichen oder über "
                f"{SEARCH_QUERY_MAX_LENGTH} Zeichen enthalten"
            )

    def detail_view(self, request, pk):
        if pk > LARGEST_ID:
            raise Http404
        return super().detail_view(request, pk)

    def get_queryset(self):
        self._refuse_types_other_than_events()
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

    def _refuse_types_other_than_events(self):
        names = self.request.GET.get("type")
        if not names:
            return
        try:
            models = page_models_from_string(names)
        except (LookupError, ValueError) as error:
            raise BadRequestError("type doesn't exist") from error
        if not all(issubclass(model, EventPage) for model in models):
            raise BadRequestError(
                "type muss eine Veranstaltungsart sein: workgroups.MeetingPage, "
                "workgroups.WorkshopPage oder workgroups.InfoSessionPage"
            )


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("termine", EventsAPIViewSet)
