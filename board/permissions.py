"""What the editorial groups may do with board entries, and the moderation workflow."""

from django.contrib.auth.models import Group

from home.groups import EDITORS, MODERATORS, grant_model_permissions

from .entries import CooperationEntry
from .moderation import ensure_board_workflow


def grant_board_permissions(**kwargs):
    """Editors may prepare entries, only moderators publish (approve); after ``migrate`` and
    in load_demo. The workflow with its approval task is ensured at the same time."""
    if not Group.objects.filter(name=EDITORS).exists():
        return
    grant_model_permissions(CooperationEntry, actions=("add", "change", "view"))
    grant_model_permissions(
        CooperationEntry, actions=("delete", "publish", "lock", "unlock"), groups=(MODERATORS,)
    )
    ensure_board_workflow()
