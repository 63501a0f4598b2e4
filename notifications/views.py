"""The member's notification settings, following a working group, the personal calendar and
the one-click unsubscribe."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from home.members import is_member
from operations.converters import database_id
from workgroups.models import WorkingGroupPage

from . import follows, personal_calendar, unsubscribe
from .forms import BoardFollowForm, MailChoicesForm
from .models import BoardFollow, MailPreference, WorkingGroupFollow
from .visibility import hidden_from_q


def members_only(view):
    """Logged in (else to the login) and a member (else 403)."""

    @functools.wraps(view)
    @login_required
    def wrapped(request, *args, **kwargs):
        if not is_member(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _back(request, fallback):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback)


def _working_group(request, page_id):
    group = WorkingGroupPage.objects.live().filter(pk=page_id).first()
    if group is None or not follows.may_follow(request.user, group):
        raise Http404
    return group


@require_POST
@members_only
def follow_working_group(request, page_id):
    group = _working_group(request, page_id)
    follows.follow(request.user, group)
    messages.success(
        request,
        _(
            "Sie folgen jetzt dem Arbeitskreis „%(group)s“: seine Termine stehen in Ihrem "
            "persönlichen Kalender, Neuigkeiten bekommen Sie per E-Mail."
        )
        % {"group": group.title},
    )
    return _back(request, group.url)


@require_POST
@members_only
def unfollow_working_group(request, page_id):
    group = _working_group(request, page_id)
    follows.unfollow(request.user, group)
    messages.success(
        request, _("Sie folgen dem Arbeitskreis „%(group)s“ nicht mehr.") % {"group": group.title}
    )
    return _back(request, group.url)


@never_cache
@require_http_methods(["GET", "POST"])
@members_only
def notification_settings(request):
    """One place for everything the member follows and gets, and the personal calendar."""
    user = request.user
    preference, _created = MailPreference.objects.get_or_create(user=user)
    followed = list(
        WorkingGroupFollow.objects.filter(user=user)
        .select_related("working_group")
        .order_by("working_group__title")
    )
    mail_form = MailChoicesForm(
        request.POST if request.POST.get("action") == "mails" else None,
        follows=followed,
        initial={"delivery": preference.delivery},
    )
    board_form = BoardFollowForm(request.POST if request.POST.get("action") == "board" else None)
    if request.method == "POST" and (
        done := _handle_settings_post(request, preference, mail_form, board_form)
    ):
        return done
    followed_ids = {follow.working_group_id for follow in followed}
    others = (
        WorkingGroupPage.objects.live()
        .exclude(hidden_from_q(user))
        .exclude(pk__in=followed_ids)
        .order_by("title")
    )
    calendar = personal_calendar.calendar_for(user)
    return render(
        request,
        "notifications/settings.html",
        {
            "mail_form": mail_form,
            # The page title starts with "Fehler:" when the form just sent has errors.
            "form": board_form if board_form.is_bound else mail_form,
            "board_form": board_form,
            "board_follows": BoardFollow.objects.filter(user=user).select_related("topic"),
            "working_groups_to_follow": others,
            "calendar_links": personal_calendar.calendar_links(calendar, request),
        },
    )


def _handle_settings_post(request, preference, mail_form, board_form):
    action = request.POST.get("action")
    here = reverse("notifications:settings")
    if action == "mails" and mail_form.is_valid():
        with transaction.atomic():
            mail_form.save()
            preference.delivery = mail_form.cleaned_data["delivery"]
            preference.save(update_fields=["delivery"])
        messages.success(request, _("Ihre E-Mail-Einstellungen sind gespeichert."))
        return redirect(here)
    if action == "board" and board_form.is_valid():
        try:
            with transaction.atomic():
                BoardFollow.objects.create(
                    user=request.user,
                    topic=board_form.cleaned_data["topic"],
                    district=board_form.cleaned_data["district"],
                )
        except IntegrityError:
            pass  # chosen before (or in another tab a moment ago): nothing to add
        messages.success(request, _("Sie bekommen jetzt neue passende Einträge per E-Mail."))
        return redirect(here + "#boerse")
    if action == "board_remove":
        follow_id = database_id(request.POST.get("follow", ""))
        BoardFollow.objects.filter(user=request.user, pk=follow_id).delete()
        messages.success(request, _("Diese Benachrichtigung ist beendet."))
        return redirect(here + "#boerse")
    if action == "renew_calendar":
        personal_calendar.renew(request.user)
        messages.success(
            request,
            _(
                "Ihr Kalender hat eine neue Adresse. Die bisherige gilt ab sofort nicht mehr; "
                "bitte abonnieren Sie die neue."
            ),
        )
        return redirect(here + "#kalender")
    return None


@never_cache
@csrf_exempt  # mail programs post the one-click unsubscribe without a form of ours (RFC 8058)
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request, token):
    """GET asks (link scanners in mail gateways follow every link); POST ends the mails."""
    read = unsubscribe.read_token(token)
    if read is None:
        raise Http404
    user_id, scope = read
    if request.method == "POST":
        unsubscribe.unsubscribe(user_id, scope)
        return render(request, "notifications/unsubscribed.html")
    return render(
        request,
        "notifications/unsubscribe.html",
        {"what": unsubscribe.describe(user_id, scope)},
    )


@require_safe
def personal_calendar_view(request, token):
    return personal_calendar.personal_calendar_response(request, token)
