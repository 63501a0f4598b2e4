"""Following a working group: only members, only groups they may see, one follow each."""

from home.members import is_member

from .models import WorkingGroupFollow
from .visibility import may_see


def may_follow(user, working_group):
    return is_member(user) and may_see(user, working_group)


def follow(user, working_group):
    """Follow with every mail chosen; following twice (two tabs, a double click) is one follow:
    ``get_or_create`` finds the row the other request committed a moment earlier."""
    follow, _created = WorkingGroupFollow.objects.get_or_create(
        user=user, working_group=working_group
    )
    return follow


def unfollow(user, working_group):
    WorkingGroupFollow.objects.filter(user=user, working_group=working_group).delete()


def is_following(user, working_group):
    return WorkingGroupFollow.objects.filter(user=user, working_group=working_group).exists()
