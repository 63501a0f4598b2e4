from django.urls import path

import home.converters  # noqa: F401  registers <id:…>

from . import views

app_name = "registrations"

urlpatterns = [
    path("<id:event_id>/", views.register, name="register"),
    path("<id:event_id>/weitere-person/", views.register_other, name="register_other"),
    path("bestaetigen/<str:token>/", views.confirm, name="confirm"),
    path("abmelden/<str:token>/", views.cancel, name="cancel"),
    path("meine/", views.own_registrations, name="own"),
]
