from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkgroupsConfig(AppConfig):
    name = "workgroups"
    verbose_name = _("Arbeitskreise")

    def ready(self):
        from wagtail.signals import page_published

        from . import views  # noqa: F401 (registers the pages' routes)
        from .models import EventPage
        from .page_forms import EventPageForm
        from .signal_handlers import rebuild_dossiers

        page_published.connect(rebuild_dossiers, dispatch_uid="workgroups.rebuild_dossiers")

        # As Wagtail attaches Page's admin form: the model module imports no form.
        EventPage.base_form_class = EventPageForm
