"""German names for what Wagtail's own migrations create in English.

Wagtail's first migrations create the root page and the root collection named "Root" and a
page workflow "Moderators approval" with a task of the same name. Editors read these names in
breadcrumbs, the upload dialog ("Sammlung: Root") and on buttons ("Einreichen: Moderators
approval"). After every ``migrate`` they are renamed here, but only while they still carry the
English default, so a name an administrator chose later is kept.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.models import Collection, Page, Task, Workflow

# The root collection holds everything not restricted to members, hence "Öffentlich".
ROOT_COLLECTION_NAME = _("Öffentlich")
ROOT_PAGE_TITLE = _("Alle Websites")
PAGE_WORKFLOW_NAME = _("Freigabe von Seiten")
PAGE_TASK_NAME = _("Seitenfreigabe durch die Moderation")

WAGTAIL_DEFAULT_NAME = "Root"
WAGTAIL_DEFAULT_WORKFLOW_NAME = "Moderators approval"


def rename_wagtail_defaults(**kwargs):
    """Give Wagtail's root page, root collection and page workflow their German names."""
    Collection.objects.filter(depth=1, name=WAGTAIL_DEFAULT_NAME).update(
        name=str(ROOT_COLLECTION_NAME)
    )
    for root in Page.objects.filter(depth=1, title=WAGTAIL_DEFAULT_NAME):
        root.title = str(ROOT_PAGE_TITLE)
        root.draft_title = root.title
        root.save(update_fields=["title", "draft_title"])
    Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW_NAME).update(name=str(PAGE_WORKFLOW_NAME))
    Task.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW_NAME).update(name=str(PAGE_TASK_NAME))
