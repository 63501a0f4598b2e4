"""Which pages a member may see, decided without a request: for the personal calendar (read by
a calendar program, not a browser session) and for mails.

Wagtail decides per request (``PageViewRestriction.accept_request``). Here the same rules are
applied to an account: a login restriction lets any active account in, a group restriction
the account's groups (superusers always), and a password restriction nobody, as no session has
given the password. Fail closed: a rule this module does not know hides the section.
"""

from django.db.models import Q

from wagtail.models import PageViewRestriction


def _passes(restriction, user, group_ids):
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return True
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        return user.is_superuser or bool(
            group_ids & {group.pk for group in restriction.groups.all()}
        )
    return False


def _group_ids(user):
    """The account's groups; callers that check many accounts prefetch ``groups``."""
    return {group.pk for group in user.groups.all()}


def hidden_from_q(user):
    """A ``Q`` matching every page inside a section ``user`` may not see."""
    group_ids = _group_ids(user)
    hidden = Q(pk__in=[])
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    for restriction in restrictions:
        if not (user.is_active and _passes(restriction, user, group_ids)):
            hidden |= Q(path__startswith=restriction.page.path)
    return hidden


def restrictions_of(page):
    """The view restrictions over ``page``, read once to check many accounts against."""
    return list(page.get_view_restrictions().prefetch_related("groups"))


def may_see(user, page, restrictions=None):
    """Whether ``user`` may see ``page``; ``restrictions``: ``restrictions_of(page)``, if read."""
    if not user.is_active or not page.live:
        return False
    if restrictions is None:
        restrictions = restrictions_of(page)
    group_ids = _group_ids(user)
    return all(_passes(restriction, user, group_ids) for restriction in restrictions)
