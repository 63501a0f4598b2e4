"""What the editorial groups may do with this app's snippets."""

from django.contrib.auth.models import Group

from home.groups import EDITORS, MODERATORS, grant_model_permissions

from .models import CooperationEntry, Municipality, Topic
from .moderation import ensure_board_workflow


def grant_editor_permissions(**kwargs):
    """Editors and moderators curate topics and the municipality register (after ``migrate``
    and in load_demo)."""
    if not Group.objects.filter(name=EDITORS).exists():
        return
    grant_model_permissions(Topic)
    grant_model_permissions(Municipality)
    # Board entries: editors may prepare them, only moderators publish (approve).
    grant_model_permissions(CooperationEntry, actions=("add", "change", "view"))
    grant_model_permissions(
        CooperationEntry, actions=("delete", "publish", "lock", "unlock"), groups=(MODERATORS,)
    )
    ensure_board_workflow()
