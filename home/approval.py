"""What the admin says after a moderator's decision: "… freigegeben und veröffentlicht."

Wagtail answers "Freigeben" in the editor with the message of a plain save ("… geändert";
``wagtail/admin/views/generic/mixins.py`` ``get_success_message`` for snippets,
``add_save_confirmation_message`` in ``wagtail/admin/views/pages/edit.py`` for pages), and its
dashboard buttons (the ``workflow_action`` views) say nothing at all. The views here are
Wagtail's with that one message replaced: which step the workflow took, and whether the object
is now public. Board entries use them through their ``SnippetViewSet``, pages through the
``PageViewSet`` of ``home/wagtail_hooks.py`` (every page type) and ``workgroups`` (events).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.pages.create import CreateView as PageCreateView
from wagtail.admin.views.pages.edit import EditView as PageEditView
from wagtail.admin.views.pages.workflow import WorkflowActionView as PageWorkflowActionView
from wagtail.models import TaskState, WorkflowState
from wagtail.snippets.views.snippets import EditView as SnippetEditView
from wagtail.snippets.views.snippets import WorkflowActionView as SnippetWorkflowActionView

APPROVE = "approve"
REQUEST_CHANGES = "reject"  # Wagtail's name of "Änderungen anfordern"


def decision_message(obj, title, action, task_state):
    """The message after ``action`` was taken on ``task_state`` for ``obj`` (None: Wagtail's).

    Read after the decision: the workflow may have a further step, and an approved version
    with a go-live date in the future is only scheduled.
    """
    names = {"model_name": capfirst(obj._meta.verbose_name), "title": title}
    task_state.refresh_from_db()
    if action == REQUEST_CHANGES and task_state.status == TaskState.STATUS_REJECTED:
        return (
            _(
                "Für %(model_name)s „%(title)s“ wurden Änderungen angefordert; wer es "
                "eingereicht hat, wird benachrichtigt."
            )
            % names
        )
    if action != APPROVE or task_state.status != TaskState.STATUS_APPROVED:
        return None
    workflow_state = WorkflowState.objects.get(pk=task_state.workflow_state_id)
    if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        next_step = workflow_state.current_task_state.task.name
        return _("%(model_name)s „%(title)s“ freigegeben; nächster Schritt: %(step)s.") % {
            **names,
            "step": next_step,
        }
    scheduled = type(obj)._default_manager.get(pk=obj.pk).scheduled_revision
    if scheduled and scheduled.approved_go_live_at > timezone.now():
        go_live = timezone.localtime(scheduled.approved_go_live_at)
        return _("%(model_name)s „%(title)s“ freigegeben; wird am %(date)s veröffentlicht.") % {
            **names,
            "date": format_date(go_live, "d.m.Y \\u\\m H:i \\U\\h\\r"),
        }
    return _("%(model_name)s „%(title)s“ freigegeben und veröffentlicht.") % names


class SnippetEditViewWithDecisionMessage(SnippetEditView):
    """A snippet's editor that names the decision after "Freigeben" or "Änderungen anfordern"."""

    decided_task_state = None

    def workflow_action_action(self):
        self.decided_task_state = self.object.current_workflow_task_state
        return super().workflow_action_action()

    def get_success_message(self, instance=None):
        if self.action == "workflow-action" and self.decided_task_state is not None:
            obj = instance or self.object
            message = decision_message(
                obj, get_latest_str(obj), self.workflow_action, self.decided_task_state
            )
            if message:
                return message
        return super().get_success_message(instance)


class PageEditViewWithDecisionMessage(PageEditView):
    """The page editor that names the decision after "Freigeben" or "Änderungen anfordern"."""

    decided_task_state = None

    def perform_workflow_action(self):
        self.decided_task_state = self.page.current_workflow_task_state
        return super().perform_workflow_action()

    def add_save_confirmation_message(self):
        if self.decided_task_state is not None:
            message = decision_message(
                self.page,
                self.page.get_admin_display_title(),
                self.workflow_action,
                self.decided_task_state,
            )
            if message:
                messages.success(self.request, message)
                return
        super().add_save_confirmation_message()


class DecisionMessageMixin:
    """For Wagtail's ``workflow_action`` views (the dashboard's "Freigeben"): say what happened."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        message = decision_message(
            self.object, self.decided_title(), self.action_name, self.task_state
        )
        if message:
            messages.success(request, message)
        return response

    def decided_title(self):
        return get_latest_str(self.object)


class SnippetWorkflowActionViewWithDecisionMessage(DecisionMessageMixin, SnippetWorkflowActionView):
    pass


class PageWorkflowActionViewWithDecisionMessage(DecisionMessageMixin, PageWorkflowActionView):
    def post(self, request, *args, **kwargs):
        # Named by its type ("Arbeitskreistreffen „…“"); Wagtail loads the plain page here.
        self.object = self.object.specific_deferred
        return super().post(request, *args, **kwargs)

    def decided_title(self):
        return self.object.get_admin_display_title()


class PageCreateViewAfterAutosave(PageCreateView):
    """Wagtail's form for a new page, for the moment its own autosave overtakes a click.

    The editor's autosave stores a new page as a draft half a second after the last change and
    then points the form at that page's edit view. A "Veröffentlichen" (or "Speichern") sent
    while that first save is still on its way reaches this view and adds the page a second
    time; its address is taken by then, and Wagtail's view fails with a server error. Here the
    editor lands on the autosaved draft instead, told to check it and publish from there.
    """

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ValidationError as error:
            draft = self.autosaved_draft()
            if draft is None or "slug" not in getattr(error, "error_dict", {}):
                raise
        messages.warning(
            self.request,
            _(
                "„%(title)s“ war eben schon automatisch als Entwurf gespeichert worden. "
                "Bitte prüfen Sie den Entwurf und veröffentlichen Sie ihn hier."
            )
            % {"title": draft.get_admin_display_title()},
        )
        return redirect("wagtailadmin_pages:edit", draft.pk)

    def autosaved_draft(self):
        """The sibling this editor's autosave just created under the same address, if any."""
        return (
            self.parent_page.get_children()
            .filter(slug=self.page.slug, live=False, first_published_at__isnull=True)
            .filter(owner=self.request.user)
            .first()
        )
