"""The site's user groups and what they may do, kept in code so every database agrees.

Wagtail's first migration creates "Editors" and "Moderators"; they are renamed to the German
names rather than duplicated, so Wagtail's default moderation workflow keeps pointing at them.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

EDITORS = "Redaktion"
MODERATORS = "Moderation"
MEMBERS = "Mitglieder"

# Codenames on the root page, inherited by the whole tree.
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
MODERATOR_PAGE_PERMISSIONS = (*EDITOR_PAGE_PERMISSIONS, "delete_page")
# Wagtail checks document permissions against ``wagtaildocs.Document`` even with a custom
# document model, so these app labels stay as they are.
COLLECTION_PERMISSIONS = (
    ("wagtaildocs", "document"),
    ("wagtailimages", "image"),
)


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_pages(group, codenames):
    root = Page.get_first_root_node()
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=_permission("wagtailcore", codename)
        )


def _grant_collections(group):
    root = Collection.get_first_root_node()
    for app_label, model in COLLECTION_PERMISSIONS:
        for action in ("add", "change", "choose"):
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root,
                permission=_permission(app_label, f"{action}_{model}"),
            )


def grant_model_permissions(
    model, actions=("add", "change", "delete", "view"), groups=(EDITORS, MODERATORS)
):
    """Let the editorial ``groups`` manage ``model`` (used by apps for their snippets).

    Wagtail adds publish/lock permissions of snippets only after this app's migrations ran,
    so missing ones are created here with the name Wagtail gives them.
    """
    content_type = ContentType.objects.get_for_model(model)
    model_name = model._meta.model_name
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_{model_name}",
            defaults={"name": f"Can {action} {model._meta.verbose_name_raw}"},
        )[0]
        for action in actions
    ]
    for group in Group.objects.filter(name__in=groups):
        group.permissions.add(*permissions)


def _named_group(name, former_name=None):
    group = Group.objects.filter(name=name).first()
    if group is None and former_name:
        group = Group.objects.filter(name=former_name).first()
        if group is not None:
            group.name = name
            group.save(update_fields=["name"])
    return group or Group.objects.create(name=name)


def ensure_groups(*, apps=global_apps, verbosity=1, **kwargs):
    """Create or update the groups Redaktion, Moderation and Mitglieder (idempotent)."""
    if Page.get_first_root_node() is None or Collection.get_first_root_node() is None:
        return
    # Permissions are normally created after each app's migrations; make sure all exist now.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0)

    admin_access = _permission("wagtailadmin", "access_admin")
    for name, former_name, page_permissions in (
        (EDITORS, "Editors", EDITOR_PAGE_PERMISSIONS),
        (MODERATORS, "Moderators", MODERATOR_PAGE_PERMISSIONS),
    ):
        group = _named_group(name, former_name)
        group.permissions.add(admin_access)
        _grant_pages(group, page_permissions)
        _grant_collections(group)

    # Members log in on the public site only; they get no admin access.
    _named_group(MEMBERS)
