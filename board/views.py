"""What the board page answers: its sub-page routes (``operations/subpage_routes.py``).

The public board with its filter, each entry's own page with its matches, the members' forms
to propose and change entries, and the RSS feed. The page (``board/pages.py``) knows its
links; these views read, filter and render the entries.
"""

import datetime as dt
import math

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.shortcuts import redirect, resolve_url
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

import operations.converters  # noqa: F401  registers <id:…>
from home.canonical import listing_query
from home.members import is_member
from home.pagination import requested_page
from operations.conditional import conditional_items_response
from operations.page_cache import cached_until_change, next_midnight
from operations.subpage_routes import subpage_route
from taxonomy.models import Municipality, Topic

from . import submissions
from .entries import CooperationEntry, entries_removed_since_publication
from .feeds import BoardFeed
from .forms import BoardFilterForm
from .matching import find_matches
from .pages import BoardPage

ENTRIES_PER_PAGE = 12
FEED_LENGTH = 30
FEED_MAX_AGE = 900
MAX_SEARCH_HITS = 500


@subpage_route(BoardPage, "")
def entry_listing(page, request):
    """The page itself: the entries on the board under the filter form, newest first."""
    topics, municipalities = _filter_options(page)
    form = BoardFilterForm(request.GET or None, topics=topics, municipalities=municipalities)
    filter_query = urlencode(form.active_filters)
    page_number = requested_page(request)

    def render_entries():
        entries = _entries_page(form, page_number)
        html = render_to_string(
            "board/entry_rows.html",
            {"page": page, "entries": entries, "filter_query": filter_query},
            request,
        )
        return html, entries.paginator.count

    # The same rows for every viewer: kept until content changes or midnight.
    entry_rows, result_count = cached_until_change(
        f"board-rows:{page.pk}:{filter_query}:{page_number}",
        render_entries,
        stale_from=lambda _rows: next_midnight(timezone.now()),
    )
    context = page.get_context(request)
    context.update(
        {
            "filter_form": form,
            "result_count": result_count,
            "entry_rows": entry_rows,
            "filter_query": filter_query,
            # The list shown, by its own address (a number past the end shows the last page).
            "canonical_query": listing_query(
                form.active_filters,
                seite=min(page_number, math.ceil(result_count / ENTRIES_PER_PAGE) or 1),
            ),
        }
    )
    return TemplateResponse(request, page.template, context)


def _filter_options(page):
    """Topics of the entries on the board, and the municipalities: the same for everyone,
    kept until content changes or midnight (when entries past "Gültig bis" leave)."""

    def compute():
        on_board = CooperationEntry.objects.on_board()
        return (
            list(Topic.objects.filter(entries__in=on_board).distinct()),
            list(Municipality.objects.all()),
        )

    return cached_until_change(
        f"board-filter-options:{page.pk}",
        compute,
        stale_from=lambda _options: next_midnight(timezone.now()),
    )


def _entries_page(form, page_number):
    """The entries on the board that ``form`` lets through, one page of them."""
    entries = form.apply(CooperationEntry.objects.on_board()).select_related("municipality")
    query = form.active_filters.get("q")
    if query:
        # The search index cannot filter by related fields (topic, district), so the search
        # picks the matching entries and the filters narrow them down.
        matching = [
            entry.pk
            for entry in CooperationEntry.objects.on_board().search(query)[:MAX_SEARCH_HITS]
        ]
        entries = entries.filter(pk__in=matching)
    entries = entries.order_by("-created_at", "-pk")
    entries_page = Paginator(entries, ENTRIES_PER_PAGE).get_page(page_number)
    prefetch_related_objects(list(entries_page.object_list), "topics")
    return entries_page


@subpage_route(BoardPage, "eintrag/<slug:slug>/", name="entry")
def entry_detail(page, request, slug):
    """One entry on its own page, with the entries that would fit it."""
    entry = (
        CooperationEntry.objects.on_board().select_related("municipality").filter(slug=slug).first()
    )
    if entry is None:
        raise Http404(_("Diesen Eintrag gibt es nicht oder nicht mehr."))
    context = page.get_context(request)
    context.update(
        {
            "entry": entry,
            "matches": find_matches(entry),
            # Each entry is its own page for search engines and link previews.
            "share_url": request.build_absolute_uri(page.entry_url(entry)),
            "share_title": f"{entry.get_kind_display()}: {entry.title}",
            "share_description": Truncator(entry.description).chars(200),
        }
    )
    return TemplateResponse(request, "board/entry.html", context)


# --- members propose and edit entries -----------------------------------------------------
@subpage_route(BoardPage, "eintragen/", name="submit")
def submit_entry(page, request):
    """A member proposes a new entry; it appears after moderation."""
    return _refuse_non_members(page, request) or _entry_form(page, request, entry=None)


@subpage_route(BoardPage, "meine-eintraege/", name="own_entries")
def own_entries(page, request):
    """A member's entries, each with its state: in review, published, changes asked, expired."""
    refusal = _refuse_non_members(page, request)
    if refusal:
        return refusal
    context = page.get_context(request)
    context["own_entries"] = submissions.own_entries(request.user)
    return TemplateResponse(request, "board/own_entries.html", context)


@subpage_route(BoardPage, "meine-eintraege/<id:pk>/", name="edit")
def edit_entry(page, request, pk):
    """A member changes or extends one of their own entries; only theirs are found."""
    refusal = _refuse_non_members(page, request)
    if refusal:
        return refusal
    entry = CooperationEntry.objects.filter(pk=pk, submitted_by=request.user).first()
    if entry is None:
        raise Http404(_("Diesen Eintrag gibt es nicht, oder Sie haben ihn nicht eingereicht."))
    return _entry_form(page, request, entry=entry)


def _refuse_non_members(page, request):
    """Visitors are asked to log in; logged-in non-members are told why not."""
    if is_member(request.user):
        return None
    context = page.get_context(request)
    context["login_url"] = (
        f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': request.get_full_path()})}"
    )
    status = 403 if request.user.is_authenticated else 200
    return TemplateResponse(request, "board/members_only.html", context, status=status)


def _entry_form(page, request, *, entry):
    """The form for a new entry (``entry`` None) or a change; a member is logged in."""
    context = page.get_context(request)
    context["entry"] = entry
    if entry is not None and entry.locked:
        context["locked"] = True
        return TemplateResponse(request, "board/entry_form.html", context)
    limited = submissions.rate_limit_reached(request.user)
    data = request.POST if request.method == "POST" else None
    form = submissions.EntrySubmissionForm(
        data,
        # a change builds on the member's last version, even if it still waits for approval
        instance=entry.get_latest_revision_as_object() if entry else None,
        user=request.user,
    )
    if data is not None and not limited and form.is_valid():
        try:
            saved = submissions.submit(form, request.user)
        except submissions.SubmissionLimitReached:
            limited = True
        except submissions.EntryLockedMeanwhile:
            context["locked"] = True
            return TemplateResponse(request, "board/entry_form.html", context)
        else:
            messages.success(
                request,
                _("Danke! „%(title)s“ wird geprüft und erscheint nach der Freigabe.")
                % {"title": saved.title},
            )
            return redirect(page.url + page.reverse_subpage("own_entries"))
    context.update({"form": form, "rate_limited": limited})
    status = 429 if limited and data is not None else 200
    return TemplateResponse(request, "board/entry_form.html", context, status=status)


@subpage_route(BoardPage, "rss/", name="rss")
def rss(page, request):
    """New entries as RSS, answered 304 while the board is unchanged."""
    entries = (
        CooperationEntry.objects.on_board()
        .select_related("municipality")
        .prefetch_related("topics")
        .order_by("-first_published_at", "-pk")[:FEED_LENGTH]
    )
    entries = list(entries)
    # Entries leave the board when unpublished or at midnight after "gültig bis": both move
    # Last-Modified, so feed readers asking "changed since?" learn of it.
    today = timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time.min))
    removed = entries_removed_since_publication()
    return conditional_items_response(
        request,
        key="board-rss|" + "|".join(f"{e.pk}:{e.last_published_at}" for e in entries),
        changes=[entry.last_published_at for entry in entries] + [removed, today],
        build_response=lambda: BoardFeed(page, entries)(request),
        public=True,  # entries on the board are public
        max_age=FEED_MAX_AGE,
    )
