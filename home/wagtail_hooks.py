"""Admin integration of the ground floor: the German editors' guide in the help menu, image
uploads that survive a full media disk (``operations/uploads.py``), and a dashboard that starts with
what waits for the user's review.

Wagtail's own help items link to its English editor guide and release notes; they are taken
out so "Hilfe" leads to the site's handbook. The dashboard's link to Wagtail's guide sits in
the account summary, which no hook reaches; ``templates/wagtailadmin/home/account_summary.html``
replaces it with a link to this guide.
"""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

from operations import dev_mail
from operations.uploads import images_upload_urls

from .approval import (
    PageCreateViewAfterAutosave,
    PageEditViewWithDecisionMessage,
    PageWorkflowActionViewWithDecisionMessage,
)
from .editor_guide import EditorGuideView

GUIDE_MENU_ITEM = "redaktionshandbuch"
#: Wagtail's help items that open English pages on guide.wagtail.org; the release notes item
#: carries the version in its name ("whats-new-in-wagtail-8.0").
ENGLISH_GUIDE_ITEM = "editor-guide"
ENGLISH_RELEASE_NOTES_PREFIX = "whats-new-in-wagtail-"
#: Before every other dashboard panel (the events' shortcuts start at 80, Wagtail's own at 210).
REVIEW_PANEL_ORDER = 10


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


@hooks.register("register_admin_urls")
def register_dev_mail_urls():
    """The mails of development (``operations/dev_mail.py``); the views answer 404 elsewhere."""
    return [
        path("entwicklungs-e-mails/", dev_mail.DevMailIndexView.as_view(), name="dev_mail_index"),
        path("entwicklungs-e-mails/<str:name>/", dev_mail.DevMailView.as_view(), name="dev_mail"),
        path(
            "entwicklungs-e-mails/<str:name>/html/",
            dev_mail.DevMailHtmlPartView.as_view(),
            name="dev_mail_html",
        ),
        path(
            "entwicklungs-e-mails/<str:name>/datei/",
            dev_mail.DevMailFileView.as_view(),
            name="dev_mail_file",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_dev_mail_menu_item():
    return dev_mail.DevMailMenuItem(
        dev_mail.DevMailIndexView.page_title,
        reverse("dev_mail_index"),
        name="entwicklungs-e-mails",
        icon_name="mail",
        order=10000,  # last: a tool of development, not of the editors
    )


@hooks.register("construct_homepage_panels")
def what_waits_for_review_comes_first(request, panels):
    """Wagtail's "Wartet auf Ihre Prüfung" (pages and board entries) at the top of the dashboard.

    Wagtail orders it after its own panels (220), so below the event panels a moderator had to
    scroll about 1,600 px to find it. It renders nothing for a user with nothing to review, so
    editors still see the event panels first.
    """
    for panel in panels:
        if panel.name == WorkflowObjectsToModeratePanel.name:
            panel.order = REVIEW_PANEL_ORDER


class PageViewSetWithDecisionMessage(PageViewSet):
    """Wagtail's views of every page type, saying "freigegeben und veröffentlicht" after a
    moderator's approval (``home/approval.py``).

    Registered after Wagtail's own viewset for ``Page``, which it replaces. A viewset for one
    page type (the events of ``workgroups``) takes the same two views.
    """

    model = Page
    name = "seiten"
    add_view_class = PageCreateViewAfterAutosave
    edit_view_class = PageEditViewWithDecisionMessage
    workflow_action_view_class = PageWorkflowActionViewWithDecisionMessage


@hooks.register("register_admin_viewset")
def register_page_views_with_decision_message():
    return PageViewSetWithDecisionMessage()
