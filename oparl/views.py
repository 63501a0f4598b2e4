"""The OParl 1.1 interface, read-only, at ``/oparl/``: single objects and paged lists.

Every answer comes from the records (``oparl/publication.py``), brought up to date first.
Lists are sorted by first appearance (stable across pages), honour ``created_since``,
``created_until``, ``modified_since``, ``modified_until``, ``limit`` and ``omit_internal``, keep
those filters in their links, and include deleted objects only when ``modified_since`` is
given, as the specification says. Any website may read it (``Access-Control-Allow-Origin: *``).
"""

import functools
import math

from django.http import Http404, JsonResponse
from django.utils.dateparse import parse_datetime
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from wagtail.models import Site

from .models import PublishedObject
from .objects import BODY_ID
from .publication import bring_up_to_date

PER_PAGE = 100
FILTERS = {
    "created_since": ("created", "gte"),
    "created_until": ("created", "lte"),
    "modified_since": ("modified", "gte"),
    "modified_until": ("modified", "lte"),
}
#: Lists a client may ask to leave out of listed objects (``omit_internal=true``).
INTERNAL_LISTS = {
    "meeting": ("agendaItem", "auxiliaryFile"),
    "agendaitem": ("auxiliaryFile",),
    "body": ("legislativeTerm",),
}


def _json(data, status=200):
    response = JsonResponse(
        data, status=status, json_dumps_params={"ensure_ascii": False, "indent": None}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _error(status, message):
    """Errors as OParl describes them (an object with ``type`` and ``message``)."""
    return _json({"type": "Error", "message": message}, status=status)


def oparl_view(view):
    """Bring the records up to date for the request's site, then answer; an unknown object
    or list is a 404 in OParl's form, not the site's HTML page."""

    @functools.wraps(view)
    def answer(request, **kwargs):
        try:
            site = Site.find_for_request(request)
            if site is None:
                raise Http404
            bring_up_to_date(site)
            return view(request, **kwargs)
        except Http404:
            return _error(404, _("Dieses Objekt oder diese Liste gibt es hier nicht."))

    return answer


def _record(kind, key):
    record = PublishedObject.objects.filter(kind=kind, key=str(key)).first()
    if record is None:
        raise Http404
    return _json(record.data)


@oparl_view
def system(request):
    return _record("system", 1)


@oparl_view
def body(request, body_id):
    return _record("body", body_id)


def single(kind):
    """The view of one object of ``kind`` (``/oparl/meeting/7/``)."""

    def view(request, pk):
        return _record(kind, pk)

    view.__name__ = f"{kind}_object"
    return oparl_view(view)


@oparl_view
def agenda_item(request, meeting, number):
    return _record("agendaitem", f"{meeting}-{number}")


@oparl_view
def bodies(request):
    return _list(request, PublishedObject.objects.filter(kind="body"), "body")


def body_list(kind):
    """The body's list of ``kind`` (every object is the one body's)."""

    def view(request, body_id):
        if body_id != BODY_ID:
            raise Http404
        records = PublishedObject.objects.filter(kind=kind) if kind else None
        return _list(request, records or PublishedObject.objects.none(), kind)

    view.__name__ = f"{kind or 'empty'}_list"
    return oparl_view(view)


@oparl_view
def organization_meetings(request, pk):
    if not PublishedObject.objects.filter(kind="organization", key=str(pk)).exists():
        raise Http404
    meetings = PublishedObject.objects.filter(kind="meeting", organization_id=pk)
    return _list(request, meetings, "meeting")


def _list(request, records, kind):
    """One page of ``records`` as an OParl list, or an error for a malformed filter."""
    params = request.GET
    for name, (field, lookup) in FILTERS.items():
        if name not in params:
            continue
        moment = parse_datetime(params[name])
        if moment is None or moment.tzinfo is None:
            return _error(
                400,
                _("%(name)s erwartet Datum und Uhrzeit mit Zeitzone, z. B. %(example)s.")
                % {"name": name, "example": "2026-01-01T00:00:00+01:00"},
            )
        records = records.filter(**{f"{field}__{lookup}": moment})
    if "modified_since" not in params:
        records = records.filter(deleted=False)
    try:
        per_page = max(1, min(PER_PAGE, int(params.get("limit", PER_PAGE))))
        page = max(1, int(params.get("page", 1)))
    except ValueError:
        return _error(400, _("limit und page erwarten ganze Zahlen."))
    total = records.count()
    pages = max(1, math.ceil(total / per_page))
    if page > pages:
        raise Http404
    # In the order objects first appeared: stable from page to page.
    rows = records.order_by("pk").values_list("data", flat=True)
    data = list(rows[(page - 1) * per_page : page * per_page])
    if params.get("omit_internal") == "true":
        data = [_without(row, INTERNAL_LISTS.get(kind, ())) for row in data]
    base = request.build_absolute_uri(request.path)
    kept = {key: value for key, value in params.items() if key != "page"}

    def page_url(number):
        query = urlencode({**kept, "page": number} if number > 1 else kept)
        return f"{base}?{query}" if query else base

    links = {"first": page_url(1), "self": page_url(page), "last": page_url(pages)}
    if page > 1:
        links["prev"] = page_url(page - 1)
    if page < pages:
        links["next"] = page_url(page + 1)
    return _json(
        {
            "data": data,
            "pagination": {
                "totalElements": total,
                "elementsPerPage": per_page,
                "currentPage": page,
                "totalPages": pages,
            },
            "links": links,
        }
    )


def _without(data, names):
    return {key: value for key, value in data.items() if key not in names}
