from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo site (``manage.py load_demo``): built from every app, so it is the top floor."""

    name = "demo"
    verbose_name = _("Demo-Inhalte")
