"""Who counts as a member when the site decides what to show (join links, contact data).

Members are the staff of member municipalities (group Mitglieder); the editorial team sees
what members see.
"""

from home.groups import EDITORS, MEMBERS, MODERATORS

MEMBER_GROUPS = (MEMBERS, EDITORS, MODERATORS)


def is_member(user):
    """True for logged-in users of the groups Mitglieder, Redaktion or Moderation (cached)."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_is_member_cache", None)
    if cached is None:
        cached = user.groups.filter(name__in=MEMBER_GROUPS).exists()
        user._is_member_cache = cached
    return cached
