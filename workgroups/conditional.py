"""Conditional GET for event calendars and feeds: what tells that the events changed.

The answer itself (304, ETag, the kept body) is ``operations/conditional.py``.
"""

from django.db.models import Max, Q, QuerySet

from wagtail.models import PageLogEntry

from operations.conditional import conditional_items_response


def latest_removal():
    """When an event or working group last left the site (unpublished, deleted or moved).

    A removal takes an item out of a feed without making any remaining item newer; without
    this, a client asking "changed since?" would keep getting 304 and keep the removed event.
    """
    return (
        PageLogEntry.objects.filter(content_type__app_label="workgroups")
        .filter(
            Q(action__startswith="wagtail.unpublish")
            | Q(action__in=("wagtail.delete", "wagtail.move"))
        )
        .aggregate(latest=Max("timestamp"))["latest"]
    )


def change_rows(events):
    """``(pk, ical_sequence, last_published_at)`` per event, read without building the events
    (for a queryset, one light query)."""
    if isinstance(events, QuerySet):
        return list(events.values_list("pk", "ical_sequence", "last_published_at"))
    return [(event.pk, event.ical_sequence, event.last_published_at) for event in events]


def events_fingerprint(rows):
    """Changes when an event is added, removed, republished or rescheduled."""
    return "|".join(f"{pk}:{sequence}:{published}" for pk, sequence, published in rows)


def conditional_response(request, *, key, events, build_response, max_age=900, left_at=None):
    """Answer 304 if the client's ETag or date still matches, else the response, built once
    per version of the events and then kept in the cache.

    ``key`` tells apart outputs of the same events (calendar, RSS, Atom, filters). The events
    themselves are only loaded when the output has to be built: feeds and calendars of a
    large site cost one light query while nothing changed. ``left_at`` is when an event last
    left the list by time alone (a calendar's window moving on): a change no event shows.
    """
    rows = change_rows(events)
    changes = [published for _pk, _sequence, published in rows]
    changes.extend((latest_removal(), left_at))
    return conditional_items_response(
        request,
        # The host is part of it: the output holds absolute links.
        key=f"{key}|{request.get_host()}|{events_fingerprint(rows)}",
        changes=changes,
        build_response=lambda: build_response(list(events)),
        public=True,  # the public events only: views pass what visitors may see
        max_age=max_age,
        keep_built=True,
    )
