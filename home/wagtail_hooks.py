"""Admin integration of the ground floor: the German editors' guide in the help menu, and
image uploads that survive a full media disk (``home/uploads.py``).

Wagtail's own help items link to its English editor guide and release notes; they are taken
out so "Hilfe" leads to the site's handbook. The dashboard's link to Wagtail's guide sits in
the account summary, which no hook reaches; ``templates/wagtailadmin/home/account_summary.html``
replaces it with a link to this guide.
"""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .editor_guide import EditorGuideView
from .uploads import images_upload_urls

GUIDE_MENU_ITEM = "redaktionshandbuch"
#: Wagtail's help items that open English pages on guide.wagtail.org; the release notes item
#: carries the version in its name ("whats-new-in-wagtail-8.0").
ENGLISH_GUIDE_ITEM = "editor-guide"
ENGLISH_RELEASE_NOTES_PREFIX = "whats-new-in-wagtail-"


@hooks.register("register_admin_urls")
def register_editor_guide_url():
    # Wagtail wraps these in its own check: logged in and allowed into the admin.
    return [path("handbuch/", EditorGuideView.as_view(), name="editor_guide")]


@hooks.register("register_admin_urls")
def register_image_upload_urls():
    """Wagtail's image upload views, which show a full or read-only media disk on the form."""
    return images_upload_urls()


@hooks.register("register_help_menu_item")
def register_editor_guide_menu_item():
    return MenuItem(
        EditorGuideView.page_title,
        reverse("editor_guide"),
        name=GUIDE_MENU_ITEM,
        icon_name="help",
        order=900,  # before Wagtail's keyboard shortcuts
    )


@hooks.register("construct_help_menu")
def remove_english_help_items(request, menu_items):
    menu_items[:] = [
        item
        for item in menu_items
        if item.name != ENGLISH_GUIDE_ITEM
        and not item.name.startswith(ENGLISH_RELEASE_NOTES_PREFIX)
    ]
