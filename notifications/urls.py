from django.urls import path

import operations.converters  # noqa: F401  registers <id:…>

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_settings, name="settings"),
    path("arbeitskreis/<id:page_id>/folgen/", views.follow_working_group, name="follow"),
    path(
        "arbeitskreis/<id:page_id>/nicht-mehr-folgen/",
        views.unfollow_working_group,
        name="unfollow",
    ),
    path("abbestellen/<str:token>/", views.unsubscribe_view, name="unsubscribe"),
]
