"""Read-only JSON API of events (Wagtail API v2) for member municipalities' own websites.

``/api/v2/termine/`` lists live, public events, soonest first; ``?zeitraum=kommend`` or
``?zeitraum=vergangen`` narrows them. Join links and members-only data are not fields here.
Whatever a caller sends, the answer is the events or a 400 with the reason, never a 500.

Answers carry ETag and Last-Modified from the content version (``operations/conditional.py``), so a
website polling for events gets 304 while nothing changed. The answer is the same for every
caller (public events only, also for members), so it may be shared.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import connections
from django.db.models import Max
from django.http import Http404
from django.utils import timezone

from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet

from home.search import SEARCH_QUERY_MAX_LENGTH, clean_search_query
from operations.conditional import content_conditional_response
from operations.converters import LARGEST_DATABASE_ID

from .models import EventPage

SEARCH_OPERATORS = ("and", "or")


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's field filter (``?start=…``, ``?all_day=true``), after each value has been
    read the way the database will read it.

    Wagtail converts booleans and integers itself, but hands every other value (dates and
    times, numbers of foreign keys) to the query as it came: ``?start=2020`` then raises in
    the middle of the query, and a year that leaves the database's range on the way to UTC,
    or an id beyond its integers, overflows in the database driver. Each field's own
    conversion and validators decide here, for every field the API lets callers filter on.
    """

    def filter_queryset(self, request, queryset, view):
        filterable = set(view.get_available_fields(queryset.model, db_fields_only=True))
        filterable.discard("locale")  # a filter of its own (LocaleFilter)
        connection = connections[queryset.db]
        for name, value in request.GET.items():
            if name in filterable:
                _check_field_value(queryset.model._meta.get_field(name), name, value, connection)
        return super().filter_queryset(request, queryset, view)


def _check_field_value(field, name, value, connection):
    """Raise a 400 naming the field if ``value`` is nothing its database column can hold."""
    if field.is_relation and not field.many_to_one:
        return  # tags and other many-valued fields: Wagtail matches them by name
    column = field.target_field if field.many_to_one else field
    try:
        python_value = column.to_python(value)
        column.run_validators(python_value)
        if isinstance(python_value, datetime.datetime) and timezone.is_naive(python_value):
            python_value = timezone.make_aware(python_value)
        column.get_db_prep_value(python_value, connection)
    except ValidationError as error:
        raise BadRequestError(f"{name}: {' '.join(error.messages)}") from error
    except (ValueError, TypeError, OverflowError) as error:
        raise BadRequestError(
            f"{name}: „{value}“ liegt außerhalb dessen, was die Datenbank speichern kann"
        ) from error


class BlankSearchFilter(SearchFilter):
    """A search of only spaces finds nothing, as an empty one does in Wagtail.

    The search backends skip an empty query, but SQLite's builds no query from blanks and
    fails; PostgreSQL's would search for nothing.
    """

    def filter_queryset(self, request, queryset, view):
        search = request.GET.get("search")
        if search is not None and not search.strip():
            return queryset.none()
        return super().filter_queryset(request, queryset, view)


def _with_checked_filters(backends):
    replacements = {FieldsFilter: CheckedFieldsFilter, SearchFilter: BlankSearchFilter}
    return [replacements.get(backend, backend) for backend in backends]


class EventsAPIViewSet(PagesAPIViewSet):
    model = EventPage
    name = "termine"
    filter_backends = _with_checked_filters(PagesAPIViewSet.filter_backends)
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
            if value.isdigit() and int(value) > LARGEST_DATABASE_ID:
                raise BadRequestError(f"{name} ist zu groß")
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator muss 'and' oder 'or' sein")
        search = self.request.GET.get("search")
        if search is not None and clean_search_query(search) != " ".join(search.split()):
            raise BadRequestError(
                "search darf keine Anführungszeichen, Steuerzeichen oder über "
                f"{SEARCH_QUERY_MAX_LENGTH} Zeichen enthalten"
            )

    def listing_view(self, request):
        return self._conditional(
            request, lambda: super(EventsAPIViewSet, self).listing_view(request)
        )

    def detail_view(self, request, pk):
        if pk > LARGEST_DATABASE_ID:
            raise Http404
        return self._conditional(
            request, lambda: super(EventsAPIViewSet, self).detail_view(request, pk)
        )

    def _conditional(self, request, build_response):
        """304 while the content and, for ``zeitraum``, the split into upcoming and past are
        what the caller has; else the answer built now, with its validators."""
        return content_conditional_response(
            request,
            key=f"api|{request.accepted_renderer.format}|{request.get_full_path()}",
            build_response=build_response,
            changed_by_time=_last_end_before(timezone.now()) if "zeitraum" in request.GET else None,
        )

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


def _last_end_before(now):
    """When the last public event ended: it left "kommend" for "vergangen" then."""
    ended = EventPage.objects.live().public().with_effective_end().filter(effective_end__lte=now)
    return ended.aggregate(latest=Max("effective_end"))["latest"]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("termine", EventsAPIViewSet)
