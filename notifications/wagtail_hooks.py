from django.template.loader import render_to_string

from wagtail import hooks

from home.members import is_member

from . import follows, personal_calendar
from .models import WorkingGroupFollow


@hooks.register("working_group_page_sections")
def follow_box(page, request):
    """ "Folgen" beside the contact card, for members only: visitors' copies of the page (the
    page cache's) never hold it."""
    if not follows.may_follow(request.user, page):
        return ""
    return render_to_string(
        "notifications/follow_box.html",
        {"page": page, "following": follows.is_following(request.user, page)},
        request=request,
    )


@hooks.register("members_area_sections")
def calendar_and_follows_in_the_members_area(page, request):
    """The personal calendar to subscribe and the working groups followed."""
    if not is_member(request.user):
        return ""
    calendar = personal_calendar.calendar_for(request.user)
    return render_to_string(
        "notifications/members_area_section.html",
        {
            "calendar_links": personal_calendar.calendar_links(calendar, request),
            "follows": WorkingGroupFollow.objects.filter(user=request.user)
            .select_related("working_group")
            .order_by("working_group__title"),
        },
        request=request,
    )
