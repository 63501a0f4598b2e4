"""What the editorial groups may do with this app's snippets."""

from django.contrib.auth.models import Group

from home.groups import EDITORS, grant_model_permissions

from .models import Topic


def grant_editor_permissions(**kwargs):
    """Editors and moderators curate the topics (runs after ``migrate`` and in load_demo)."""
    if not Group.objects.filter(name=EDITORS).exists():
        return
    grant_model_permissions(Topic)
