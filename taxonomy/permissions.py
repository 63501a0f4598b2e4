"""What the editorial groups may do with the shared terms."""

from django.contrib.auth.models import Group

from home.groups import EDITORS, grant_model_permissions

from .models import Municipality, Topic


def grant_editor_permissions(**kwargs):
    """Editors and moderators curate topics and the municipality register (after ``migrate``
    and in load_demo)."""
    if not Group.objects.filter(name=EDITORS).exists():
        return
    grant_model_permissions(Topic)
    grant_model_permissions(Municipality)
