"""Conditional GET for event calendars and feeds: what tells that the events changed.

The answer itself (304, ETag, the kept body) is ``operations/conditional.py``.
"""

from django.db.models import Count, Max, Q, QuerySet, Sum

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


def change_summary(events):
    """``(count, sum of ids, sum of sequences, latest publication)`` of the events: it changes
    when an event is added (published: a newer date), republished or rescheduled (both
    publish), or leaves (fewer, or other ids). For a queryset one aggregate query, however many
    events a calendar holds."""
    if isinstance(events, QuerySet):
        # A feed's newest events are a slice; its order picks them, so it stays.
        unordered = events if events.query.is_sliced else events.order_by()
        summary = unordered.aggregate(
            count=Count("pk"),
            ids=Sum("pk"),
            sequences=Sum("ical_sequence"),
            latest=Max("last_published_at"),
        )
        return tuple(summary.values())
    published = [event.last_published_at for event in events if event.last_published_at]
    return (
        len(events),
        sum(event.pk for event in events),
        sum(event.ical_sequence for event in events),
        max(published, default=None),
    )


def conditional_response(request, *, key, events, build_response, max_age=900, left_at=None):
    """Answer 304 if the client's ETag or date still matches, else the response, built once
    per version of the events and then kept in the cache.

    ``key`` tells apart outputs of the same events (calendar, RSS, Atom, filters). The events
    themselves are only loaded when the output has to be built: feeds and calendars of a
    large site cost one aggregate query while nothing changed. ``left_at`` is when an event last
    left the list by time alone (a calendar's window moving on): a change no event shows.
    """
    summary = change_summary(events)
    latest_publication = summary[-1]
    return conditional_items_response(
        request,
        # The host is part of it: the output holds absolute links.
        key=f"{key}|{request.get_host()}|{summary}",
        changes=[latest_publication, latest_removal(), left_at],
        build_response=lambda: build_response(list(events)),
        public=True,  # the public events only: views pass what visitors may see
        max_age=max_age,
        keep_built=True,
    )
