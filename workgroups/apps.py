from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class WorkgroupsConfig(AppConfig):
    name = "workgroups"
    verbose_name = _("Arbeitskreise")

    def ready(self):
        from . import views  # noqa: F401 (registers the pages' routes)
        from .models import EventPage
        from .page_forms import EventPageForm
        from .permissions import grant_editor_permissions
        from .signal_handlers import connect_signal_handlers

        # As Wagtail attaches Page's admin form: the model module imports no form.
        EventPage.base_form_class = EventPageForm
        connect_signal_handlers()
        post_migrate.connect(
            grant_editor_permissions, sender=self, dispatch_uid="workgroups.editor_permissions"
        )
