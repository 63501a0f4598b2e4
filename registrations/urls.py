from django.urls import path

import operations.converters  # noqa: F401  registers <id:…>
from home.redirects import moved_permanently

from . import views

app_name = "registrations"

urlpatterns = [
    path("<id:event_id>/", views.register, name="register"),
    path("<id:event_id>/weitere-person/", views.register_other, name="register_other"),
    path("bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("absagen/<str:token>/", views.cancel, name="cancel"),
    # The former address of the link above: mails already sent carry it.
    path("abmelden/<str:token>/", moved_permanently("registrations:cancel")),
    path("meine/", views.own_registrations, name="own"),
]
