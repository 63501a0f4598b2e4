"""Hooks of the working groups: the admin's event listing and dashboard panels (their classes are
in ``admin_views.py``), the home page's next events, when event listings next change."""

from django.template.loader import render_to_string

from wagtail import hooks

from home.privacy import private_pages_q
from operations.page_cache import cached_until_change

from .admin_views import EventListingViewSet, EventPageViewSet, NewEventPanel, UpcomingEventsPanel
from .models import EventIndexPage, EventPage, attach_parents


@hooks.register("home_page_sections")
def next_events_on_the_home_page(page, request, count=3):
    """The next live, public events of the home page's site, soonest first.

    The section is the same for every viewer, so it is kept until content changes or the first
    of its events ends (then the list moves on).
    """

    def render():
        events = EventPage.objects.live().exclude(private_pages_q(request)).descendant_of(page)
        events = attach_parents(events.upcoming().for_listing()[:count])
        html = render_to_string(
            "components/upcoming-events.html",
            {
                "events": events,
                "index_page": EventIndexPage.objects.live().descendant_of(page).first(),
            },
            request=request,
        )
        return html, min((event.effective_end for event in events), default=None)

    html, _first_end = cached_until_change(
        f"home-next-events:{page.pk}", render, stale_from=lambda value: value[1]
    )
    return html


@hooks.register("page_cache_next_change")
def next_event_change(now):
    """Event listings and pages change when an event starts or ends."""
    return EventPage.objects.live().next_change(now)


@hooks.register("construct_homepage_panels")
def add_event_panels(request, panels):
    panels.append(NewEventPanel())
    panels.append(UpcomingEventsPanel())


@hooks.register("register_admin_viewset")
def register_event_listing():
    return [EventListingViewSet(), EventPageViewSet()]
