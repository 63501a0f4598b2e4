"""Registering on the site (oneself, or a colleague where the event allows it), confirming by
link, cancelling or declining by link, and "Meine Anmeldungen"."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from operations.cache import count_within_the_hour
from operations.client_address import client_address
from workgroups.models import EventPage

from . import booking
from .forms import OtherPersonForm, RegistrationForm
from .links import GUEST_CONFIRMATION_MAX_AGE, personal_token, registration_for_token
from .models import Registration, RegistrationStatus


def rate_limit_reached(request):
    """More than ``REGISTRATIONS_PER_HOUR`` attempts from one client in an hour.

    Counted per client address (operations/client_address.py), not per connection: behind the proxy
    every connection comes from the proxy, and one busy client must not close the form for all.
    """
    attempts = count_within_the_hour(f"registrations:attempts:{client_address(request)}")
    # Without a cache to count in, the form stays open (mails are capped on their own).
    return attempts is not None and attempts > settings.REGISTRATIONS_PER_HOUR


TOO_MANY_ATTEMPTS = gettext_lazy(
    "Von Ihrem Anschluss kamen in der letzten Stunde sehr viele Anmeldungen. Bitte versuchen "
    "Sie es später noch einmal."
)


@require_http_methods(["GET", "POST"])
def register(request, event_id):
    event = get_object_or_404(EventPage.objects.live().public().specific(), pk=event_id)
    if closed := booking.closed_reason(event):
        # An old link or a bookmark of a cancelled or past event: say so, offer no form.
        return render(
            request,
            "registrations/closed.html",
            {"event": event, "reason": closed},
            status=403 if request.method == "POST" else 200,
        )
    refusal = booking.refusal_reason(event, request.user)
    form = RegistrationForm(request.POST or None, event=event, user=request.user)
    if request.method == "POST" and refusal is None and form.is_valid():
        if rate_limit_reached(request):
            refusal = TOO_MANY_ATTEMPTS
        else:
            try:
                # A member's form has no name or address: booking takes the account's.
                registration = booking.register(
                    event,
                    name=form.cleaned_data.get("name", ""),
                    email=form.cleaned_data.get("email", ""),
                    organisation=form.cleaned_data["organisation"],
                    attendance=form.cleaned_data["attendance"],
                    user=request.user,
                )
            except booking.RegistrationRefused as error:
                form.add_error(None, str(error))
            else:
                if request.user.is_authenticated:
                    return _registered(request, registration)
                # A guest's answer is the same for a known and a new address (booking.register).
                return _registered_as_guest(request, event, form.cleaned_data["email"])
    return render(
        request,
        "registrations/register.html",
        {
            "event": event,
            "form": form,
            "refusal": refusal,
            "guest_path": booking.guest_path_open(event, request.user),
            "login_hint": booking.login_would_open(event, request.user),
            "member_name": booking.account_name(request.user)
            if request.user.is_authenticated
            else "",
            "others_allowed": booking.refusal_for_others(event, request.user) is None,
            "others_limit": booking.OTHERS_PER_MEMBER,
            "places": booking.places_overview(event),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def register_other(request, event_id):
    """A member registers a colleague, where the editors allow it for the event. Elsewhere the
    page (and any request sent to it anyway) answers 403 with the reason."""
    event = get_object_or_404(EventPage.objects.live().public().specific(), pk=event_id)
    refusal = booking.refusal_for_others(event, request.user)
    form = OtherPersonForm(request.POST or None, event=event, member=request.user)
    if request.method == "POST" and refusal is None and form.is_valid():
        if rate_limit_reached(request):
            form.add_error(None, TOO_MANY_ATTEMPTS)
        else:
            try:
                booking.register_other(
                    event,
                    request.user,
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    organisation=form.cleaned_data["organisation"],
                    attendance=form.cleaned_data["attendance"],
                )
            except booking.RegistrationRefused as error:
                form.add_error(None, str(error))
            else:
                # From what the member typed only: the same for a known and a new address.
                return render(
                    request,
                    "registrations/registered_other.html",
                    {
                        "event": event,
                        "name": form.cleaned_data["name"],
                        "email": booking.normalised_email(form.cleaned_data["email"]),
                    },
                )
    return render(
        request,
        "registrations/register_other.html",
        {
            "event": event,
            "form": form,
            "refusal": refusal,
            "others_limit": booking.OTHERS_PER_MEMBER,
            "places": booking.places_overview(event),
        },
        status=403 if refusal else 400 if form.errors else 200,
    )


def _registered(request, registration):
    """Where the registration stands now: confirmed, waiting, or waiting for the address."""
    return render(
        request,
        "registrations/registered.html",
        {
            "event": registration.event,
            "status": registration.status,
            "email": registration.email,
        },
    )


def _registered_as_guest(request, event, email):
    """A guest's answer, from what the guest typed only: the same for every address."""
    return render(
        request,
        "registrations/registered.html",
        {
            "event": event,
            "status": RegistrationStatus.UNCONFIRMED,
            "email": booking.normalised_email(email),
        },
    )


def _registration_or_404(token, max_age=None):
    registration = registration_for_token(token, max_age=max_age)
    if registration is None:
        raise Http404
    return registration


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """The guest's link: GET shows a button (mail scanners follow links), POST confirms."""
    registration = _registration_or_404(token, max_age=GUEST_CONFIRMATION_MAX_AGE)
    error = None
    if request.method == "POST":
        try:
            registration = booking.confirm_guest(registration)
        except booking.RegistrationRefused as refused:
            error = str(refused)
        else:
            return _registered(request, registration)
    return render(
        request,
        "registrations/confirm.html",
        {
            "registration": registration,
            "event": registration.event,
            "error": error,
            "refusal": booking.confirmation_refusal(registration.event),
            "decline_url": reverse("registrations:cancel", args=[personal_token(registration)]),
        },
    )


@require_http_methods(["GET", "POST"])
def cancel(request, token):
    """The personal link to cancel: no login needed; GET asks, POST cancels."""
    registration = _registration_or_404(token)
    if request.method == "POST" and registration.is_active:
        declining = registration.awaits_decision
        registration, _promoted = booking.cancel(registration)
        if declining:
            messages.success(request, _("Sie haben die Anmeldung abgelehnt."))
        else:
            messages.success(
                request, _("Ihre Teilnahme ist abgesagt. Eine Bestätigung ist unterwegs.")
            )
        return redirect(request.path)
    return render(
        request,
        "registrations/cancel.html",
        {"registration": registration, "event": registration.event},
    )


@login_required
def own_registrations(request):
    registrations = (
        Registration.objects.filter(user=request.user)
        .select_related("event")
        .order_by("-event__start")
    )
    return render(
        request,
        "registrations/own_registrations.html",
        {
            "registrations": [
                {"registration": r, "cancel_token": personal_token(r)} for r in registrations
            ]
        },
    )
