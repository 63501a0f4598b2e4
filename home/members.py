"""Who counts as a member when the site decides what to show (join links, contact data).

Members are the staff of member municipalities (group Mitglieder); the editorial team sees
what members see.
"""

from django.db.models import prefetch_related_objects

from home.groups import EDITORS, MEMBERS, MODERATORS

MEMBER_GROUPS = (MEMBERS, EDITORS, MODERATORS)


def is_member(user):
    """True for logged-in users of the groups Mitglieder, Redaktion or Moderation (cached)."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return bool(group_names(user) & set(MEMBER_GROUPS))


def group_names(user):
    """The user's group names, read once; later ``user.groups.all()`` calls reuse the read
    (Wagtail's view restrictions ask for them on every check)."""
    if not user.is_authenticated:
        return set()
    prefetch_related_objects([user], "groups")
    return {group.name for group in user.groups.all()}
