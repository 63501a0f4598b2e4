"""What event pages and event listings answer: their sub-page routes
(``operations/subpage_routes.py``).

Pages that list events (a working group, the "Termine" page) serve the filtered listing, a
month view and the iCal, RSS and Atom feeds; the "Termine" page also the list for other
websites' frames and its guide. An event serves its calendar file, the ZIP of its materials
and its dossier. Routes end in a slash and contain no dot. The page models choose the events;
these views filter, page and render them.
"""

import datetime as dt

from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Count, Min, Q, prefetch_related_objects
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.dateformat import format as format_date
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from documents.access import is_restricted
from documents.archive import zip_documents
from home.canonical import listing_query
from home.members import is_member
from home.pagination import requested_page
from operations.page_cache import cached_until_change, next_midnight
from operations.subpage_routes import subpage_route
from taxonomy.models import Topic

from . import embedding
from .calendar import calendar_response
from .conditional import conditional_response
from .dossier import current_dossier
from .feeds import EventFeed
from .filters import EventFilterForm
from .materials import downloadable_materials
from .models import (
    EVENT_TYPES,
    DossierEdition,
    EventIndexPage,
    EventListingMixin,
    EventPage,
    attach_parents,
)
from .month import adjacent_months, month_bounds, month_grid, month_spelling
from .tasks import build_dossiers

EVENTS_PER_PAGE = 10
WEEKDAY_NAMES = [
    (_("Montag"), _("Mo")),
    (_("Dienstag"), _("Di")),
    (_("Mittwoch"), _("Mi")),
    (_("Donnerstag"), _("Do")),
    (_("Freitag"), _("Fr")),
    (_("Samstag"), _("Sa")),
    (_("Sonntag"), _("So")),
]
FEED_LENGTH = 50


class CountedPaginator(Paginator):
    """A paginator told its total in advance (counted together with other totals)."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.count = count


# --- listing -------------------------------------------------------------------------------
@subpage_route(EventListingMixin, "")
def event_listing(page, request):
    """The page itself: upcoming events and the archive, each paged, under the filter form."""
    events = page.get_events(request)
    working_groups = page.get_filter_working_groups(request)
    # Kept until content changes: which years and topics occur changes only with events.
    years, topics = cached_until_change(
        f"filter-options:{page.pk}", lambda: page.filter_options(events)
    )
    filter_form = EventFilterForm(
        request.GET or None,
        event_types=EVENT_TYPES,
        topics=topics,
        years=years,
        working_groups=working_groups,
    )
    now = timezone.now()
    filtered = filter_form.apply(events, working_groups).with_effective_end()
    totals = filtered.aggregate(
        upcoming=Count("pk", filter=Q(effective_end__gte=now)),
        past=Count("pk", filter=Q(effective_end__lt=now)),
        # The lists change when the next upcoming event ends: it moves to the archive.
        next_end=Min("effective_end", filter=Q(effective_end__gte=now)),
    )
    listed = filtered.for_listing(prefetch=False)
    upcoming = CountedPaginator(listed.upcoming(now), EVENTS_PER_PAGE, totals["upcoming"]).get_page(
        requested_page(request, "kommend")
    )
    archive = CountedPaginator(listed.past(now), EVENTS_PER_PAGE, totals["past"]).get_page(
        requested_page(request, "seite")
    )
    filter_query = urlencode(filter_form.active_filters)
    listing_context = {
        "filter_query": filter_query,
        "upcoming": upcoming,
        "archive": archive,
        "upcoming_query": "&".join(
            part for part in (filter_query, f"seite={archive.number}") if part
        ),
        "archive_query": "&".join(
            part for part in (filter_query, f"kommend={upcoming.number}") if part
        ),
        "show_working_group": page.listing_names_working_groups,
    }

    def render_listing():
        shown = [*upcoming.object_list, *archive.object_list]
        prefetch_related_objects(shown, "topics")
        page.attach_working_groups(shown, working_groups)
        return render_to_string("components/event-listing.html", listing_context, request)

    # The same rows for every viewer: kept until content changes or the next event ends.
    listing_html = cached_until_change(
        f"event-listing:{page.pk}:{filter_query}:{upcoming.number}:{archive.number}",
        render_listing,
        stale_from=lambda _html: totals["next_end"],
    )
    context = page.get_context(request)
    context.update(
        listing_context,
        filter_form=filter_form,
        result_count=totals["upcoming"] + totals["past"],
        event_listing=listing_html,
        # The list shown, by its own address: filters and pages other than the first.
        canonical_query=listing_query(
            filter_form.active_filters, kommend=upcoming.number, seite=archive.number
        ),
    )
    return TemplateResponse(request, page.get_template(request), context)


# --- month view ----------------------------------------------------------------------------
@subpage_route(EventListingMixin, "monat/", name="current_month")
def current_month(page, request):
    """ "Monatsansicht" links here, so the link itself never goes stale."""
    today = timezone.localdate()
    return redirect(page.url + page.reverse_subpage("month", args=(today.year, today.month)))


@subpage_route(EventListingMixin, r"^monat/(\d{4})/(\d{1,2})/$", name="month", regex=True)
def month(page, request, year, month):
    """A month as a calendar grid, and its events once more as a list.

    The month is spelt as the site's links spell it (``2027/1/``); ``2027/01/`` answers a
    permanent redirect there, so each month has one address for search engines and caches.
    """
    spelt_as = (year, month)
    year, month = int(year), int(month)
    first, last = cached_until_change("month-range", page.month_range)
    if not (1 <= month <= 12 and first <= (year, month) <= last):
        raise Http404(_("Für diesen Monat gibt es keinen Kalender."))
    if spelt_as != month_spelling(year, month):
        return redirect(
            page.url + page.reverse_subpage("month", args=(year, month)), permanent=True
        )
    month_label = format_date(dt.date(year, month, 1), "F Y")

    def render_month():
        _weeks, first_day, last_day = month_bounds(year, month)
        events = list(page.get_events(request).overlapping(first_day, last_day).for_listing())
        page.attach_working_groups(events, page.get_filter_working_groups(request))
        month_context = {
            "weeks": month_grid(year, month, events),
            "month_events": [
                e
                for e in events
                if e.local_start.month == month or (e.local_end and e.local_end.month == month)
            ],
            "month_label": month_label,
            "weekday_names": WEEKDAY_NAMES,
        }
        return render_to_string("components/event-month.html", month_context, request)

    # The same grid for every viewer (listings show public events only): kept until content
    # changes or the day ends (the grid marks today).
    month_html = cached_until_change(
        f"event-month:{page.pk}:{year}:{month}",
        render_month,
        stale_from=lambda _html: next_midnight(timezone.now()),
    )
    (prev_year, prev_month), (next_year, next_month) = adjacent_months(year, month)
    context = page.get_context(request)
    context.update(
        {
            "month_html": month_html,
            "month_label": month_label,
            # Link previews name the month, as its own address does (home/canonical.py).
            "share_title": _("%(month)s – %(title)s") % {"month": month_label, "title": page.title},
            "previous_month_url": page.url
            + page.reverse_subpage("month", args=(prev_year, prev_month))
            if (prev_year, prev_month) >= first
            else None,
            "next_month_url": page.url + page.reverse_subpage("month", args=(next_year, next_month))
            if (next_year, next_month) <= last
            else None,
            "previous_month_label": format_date(dt.date(prev_year, prev_month, 1), "F Y"),
            "next_month_label": format_date(dt.date(next_year, next_month, 1), "F Y"),
        }
    )
    return TemplateResponse(request, "workgroups/event_month.html", context)


# --- feeds ---------------------------------------------------------------------------------
@subpage_route(EventListingMixin, "ical/", name="ical")
def listing_calendar(page, request):
    """The listed events of the past year and the future, to subscribe to."""
    now = timezone.now()
    listed = page.get_events(request)
    return calendar_response(
        request,
        listed.in_calendar(now).order_by("start", "pk").prefetch_related("topics"),
        name=page.calendar_name(),
        filename=f"{page.slug}.ics",
        left_at=listed.left_calendar_at(now),
    )


def _feed(page, request, *, atom):
    """The newest events as a feed, answered 304 while they are unchanged."""
    events = (
        page.get_events(request)
        .order_by("-first_published_at", "-pk")
        .prefetch_related("topics")[:FEED_LENGTH]
    )
    return conditional_response(
        request,
        key=f"{'atom' if atom else 'rss'}|{page.pk}",
        events=events,
        build_response=lambda items: EventFeed(page, items, atom=atom)(request),
    )


@subpage_route(EventListingMixin, "rss/", name="rss")
def rss(page, request):
    """The newest listed events as RSS 2.0."""
    return _feed(page, request, atom=False)


@subpage_route(EventListingMixin, "atom/", name="atom")
def atom(page, request):
    """The same as Atom, for readers that prefer it."""
    return _feed(page, request, atom=True)


# --- for other websites (``workgroups/embedding.py``) --------------------------------------
@subpage_route(EventIndexPage, "einbetten/", name="embed")
def embed(page, request):
    """The next public events for other websites' frames, by working group and topic."""
    groups = page.public_working_groups()
    filter_form = EventFilterForm(
        request.GET or None,
        event_types=EVENT_TYPES,
        topics=Topic.objects.order_by("name"),
        years=[],
        working_groups=groups,
    )
    home_path = page.path[: -page.steplen]
    events = EventPage.objects.filter(path__startswith=home_path).live().public()
    events = filter_form.apply(events, groups).upcoming(timezone.now()).for_listing()
    return embedding.embed_response(
        request,
        events=attach_parents(events[: embedding.requested_count(request)], parents=groups),
        index_url=page.get_full_url(request),
    )


@subpage_route(EventIndexPage, "einbinden/", name="embed_guide")
def embed_guide(page, request):
    """For webmasters of member municipalities: snippets to show our events."""
    context = page.get_context(request)
    context.update(
        embedding.guide_context(
            request,
            embed_url=request.build_absolute_uri(page.url + page.reverse_subpage("embed")),
            working_groups=page.public_working_groups(),
            topics=list(Topic.objects.order_by("name")),
        ),
        share_title=_("Termine auf Ihrer Website zeigen"),
    )
    return TemplateResponse(request, "workgroups/embed_guide.html", context)


# --- one event -----------------------------------------------------------------------------
@subpage_route(EventPage, "")
def event_page(page, request):
    """The event page itself. What it shows every viewer alike is kept until content changes,
    as one cache entry; a preview shows the draft's own parts, so it always reads them."""
    shared_parts = None
    if not getattr(request, "is_preview", False):
        shared_parts = cached_until_change(
            f"event-page-parts:{page.pk}", lambda: page.parts_shown_to_everyone(request)
        )
    context = page.get_context(request, shared_parts=shared_parts)
    return TemplateResponse(request, page.get_template(request), context)


@subpage_route(EventPage, "unterlagen/", name="materials_zip")
def materials_zip(page, request):
    """ "Alle Unterlagen": one ZIP of the materials this viewer may download."""
    materials = downloadable_materials(page, request)
    if not materials:
        raise Http404
    archive = zip_documents(material.document for material in materials)
    if archive is None:
        raise Http404
    response = HttpResponse(archive, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}-unterlagen.zip"'
    if any(is_restricted(material.document, request) for material in materials):
        patch_cache_control(response, private=True, no_store=True)
    return response


@subpage_route(EventPage, "ical/", name="ical")
def event_calendar(page, request):
    """This one event as a calendar file ("In Kalender eintragen")."""
    return calendar_response(request, [page], name=page.title, filename=f"{page.slug}.ics")


# --- the meeting dossier -------------------------------------------------------------------
@subpage_route(EventPage, "sitzungsmappe/", name="dossier")
def dossier_for_everyone(page, request):
    """The public edition of the dossier: what any visitor may read."""
    return _dossier_response(page, request, DossierEdition.PUBLIC)


@subpage_route(EventPage, "sitzungsmappe/mitglieder/", name="members_dossier")
def dossier_for_members(page, request):
    """The members' edition, with members-only materials and results; others log in first."""
    if not is_member(request.user):
        return redirect_to_login(request.get_full_path())
    return _dossier_response(page, request, DossierEdition.MEMBERS)


def _dossier_response(page, request, edition):
    """The edition's PDF while it holds what the edition holds now. Otherwise it is built
    (at once where tasks run in the request, else by the worker) and the visitor asked to
    come back in a moment: an outdated dossier is never handed out."""
    if not page.agenda_items.exists():
        raise Http404
    dossier = current_dossier(page, edition)
    if dossier is None:
        build_dossiers.enqueue(page.pk)
        dossier = current_dossier(page, edition)
    if dossier is None:
        response = TemplateResponse(
            request, "workgroups/dossier_pending.html", {"page": page}, status=503
        )
        response["Retry-After"] = "30"
        patch_cache_control(response, no_store=True)
        return response
    response = FileResponse(
        dossier.file.open("rb"),
        content_type="application/pdf",
        filename=f"sitzungsmappe-{page.slug}.pdf",
    )
    if edition == DossierEdition.MEMBERS:
        patch_cache_control(response, private=True, no_store=True)
    else:
        # Checked again each time: a document made members-only leaves it at once.
        patch_cache_control(response, no_cache=True)
    return response
