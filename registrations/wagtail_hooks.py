"""Registrations on the event page (the ``event_page_context`` hook of ``workgroups``) and in
the admin: the listing, the dashboard panel, the message to registrants, and whom cancelling
an event tells (in the page editor before saving, and in the message after publishing)."""

from django.db.models import Min
from django.template.loader import render_to_string
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin import messages

import operations.converters  # noqa: F401  registers <id:…>
from operations.page_cache import NEXT_CHANGE_HOOK, cached_until_change
from workgroups.models import EventPage
from workgroups.panels import CANCELLATION_RECIPIENTS_HOOK, EVENT_EDITOR_PANELS_HOOK, who_is_told
from workgroups.structured_data import REGISTRATION_OFFER_HOOK, RegistrationOffer

from . import booking
from .admin_views import (
    MessageToRegistrantsView,
    RegistrationSettingsPanel,
    RegistrationsPanel,
    RegistrationViewSet,
)
from .models import Registration, RegistrationSettings, RegistrationStatus


def own_registration(event, user):
    if not user.is_authenticated:
        return None
    return Registration.objects.active().filter(event=event, user=user).first()


def takes_registrations(page, request):
    """Whether the event page shows registration at all, kept until content changes like the
    page's other shared parts: an event without registration costs no query for it. A preview
    asks the draft itself."""
    if getattr(request, "is_preview", False):
        return RegistrationSettings.of(page).enabled
    return cached_until_change(
        f"takes-registrations:{page.pk}", lambda: RegistrationSettings.of(page).enabled
    )


@hooks.register("event_page_context")
def registration_on_the_event_page(page, request, context):
    """The registration box, and the join link for registered participants only."""
    if page.is_past or page.is_cancelled:
        return  # the page says it is over or off: no join link, no places, no login, no button
    if not takes_registrations(page, request):
        return
    # The same settings the booking rules below read (one query, kept on the page).
    settings = RegistrationSettings.of(page)
    mine = own_registration(page, request.user)
    context["show_join_link"] = (
        bool(page.online_url) and mine is not None and mine.status == RegistrationStatus.CONFIRMED
    )
    context["join_link_after_registration"] = True
    closed = booking.closed_reason(page)
    context["registration_box"] = render_to_string(
        "registrations/event_box.html",
        {
            "event": page,
            "settings": settings,
            "own": mine,
            "refusal": None if mine else booking.refusal_reason(page, request.user),
            "guest_path": booking.guest_path_open(page, request.user),
            "login_hint": booking.login_would_open(page, request.user),
            "others_allowed": booking.refusal_for_others(page, request.user) is None,
            # Free places only while one can still take them.
            "places": booking.places_overview(page) if closed is None else [],
        },
        request=request,
    )


@hooks.register(REGISTRATION_OFFER_HOOK)
def offer_for_structured_data(page):
    """Free places and capacity per kind of attendance and the deadline, for the event's
    JSON-LD offer."""
    settings = RegistrationSettings.of(page)
    if not settings.enabled:
        return None
    places = zip(booking.attendance_choices(page), booking.places_overview(page), strict=True)
    return RegistrationOffer(
        places=[(place["free"], settings.capacity_for(mode)) for mode, place in places],
        closes_at=settings.closes_at,
    )


@hooks.register(EVENT_EDITOR_PANELS_HOOK)
def registration_settings_in_the_event_editor():
    """One "Anmeldung" section per event, always there (switched off by its first box)."""
    return [RegistrationSettingsPanel()]


@hooks.register(NEXT_CHANGE_HOOK)
def next_registration_deadline(now):
    """Event pages change when a registration deadline passes (the form closes)."""
    deadlines = RegistrationSettings.objects.filter(
        enabled=True, event__live=True, deadline__gt=now
    )
    return deadlines.aggregate(next=Min("deadline"))["next"]


@hooks.register(CANCELLATION_RECIPIENTS_HOOK)
def who_a_cancellation_tells(event):
    """For the notice under the event's status in the page editor (``EventStatusPanel``)."""
    counts = booking.cancellation_recipients(event)
    if not RegistrationSettings.of(event).enabled and counts == (0, 0):
        return None  # nothing to say about an event that never took registrations
    return counts


@hooks.register("before_publish_page")
def count_whom_a_new_cancellation_tells(request, page):
    """Counted before publishing, while the published version still has the old status.

    Kept on the request for ``say_whom_the_cancellation_told`` below: Wagtail's editor calls
    both hooks in the same request, the second after its own "veröffentlicht" message.
    """
    if not isinstance(page, EventPage) or not page.is_cancelled:
        return
    if EventPage.objects.filter(pk=page.pk, live=True, status=page.status).exists():
        return  # cancelled before: its registrants were told then
    request.cancellation_recipients = booking.cancellation_recipients(page)


@hooks.register("after_edit_page")
def say_whom_the_cancellation_told(request, page):
    """ "Absage veröffentlicht: 2 angemeldete Personen (und 1 auf der Warteliste) werden …";
    nothing while the cancellation is only scheduled."""
    counts = getattr(request, "cancellation_recipients", None)
    if counts is None or not page.live or not getattr(page.specific, "is_cancelled", False):
        return
    messages.success(request, _("Absage veröffentlicht: %(told)s") % {"told": who_is_told(*counts)})


@hooks.register("members_area_sections")
def own_registrations_in_the_members_area(page, request):
    """The member's next events they registered for, with the way to all of them."""
    if not request.user.is_authenticated:  # the page is meant to be restricted, but may not be
        return ""
    upcoming = (
        Registration.objects.active()
        .filter(user=request.user, event__start__gte=timezone.now())
        .select_related("event")
        .order_by("event__start")
    )
    return render_to_string(
        "registrations/members_area_section.html", {"registrations": upcoming}, request=request
    )


@hooks.register("register_admin_viewset")
def register_registration_listing():
    return RegistrationViewSet()


@hooks.register("register_admin_urls")
def register_message_view():
    return [
        path(
            "anmeldungen/nachricht/<id:event_id>/",
            MessageToRegistrantsView.as_view(),
            name="registrations_message",
        )
    ]


@hooks.register("construct_homepage_panels")
def add_registrations_panel(request, panels):
    panels.append(RegistrationsPanel())
