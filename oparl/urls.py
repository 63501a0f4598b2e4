"""Addresses of the OParl interface (``/oparl/``); object ids are these URLs."""

from django.urls import path

from . import views

app_name = "oparl"

urlpatterns = [
    path("", views.system, name="system"),
    path("bodies/", views.bodies, name="bodies"),
    path("body/<int:body_id>/", views.body, name="body"),
    path(
        "body/<int:body_id>/organizations/", views.body_list("organization"), name="organizations"
    ),
    path("body/<int:body_id>/meetings/", views.body_list("meeting"), name="meetings"),
    path("body/<int:body_id>/agendaitems/", views.body_list("agendaitem"), name="agenda_items"),
    path("body/<int:body_id>/files/", views.body_list("file"), name="files"),
    path("body/<int:body_id>/locations/", views.body_list("location"), name="locations"),
    # The association publishes no people and no papers: the lists exist and are empty.
    path("body/<int:body_id>/people/", views.body_list(""), name="people"),
    path("body/<int:body_id>/papers/", views.body_list(""), name="papers"),
    path("organization/<int:pk>/", views.single("organization"), name="organization"),
    path(
        "organization/<int:pk>/meetings/",
        views.organization_meetings,
        name="organization_meetings",
    ),
    path("meeting/<int:pk>/", views.single("meeting"), name="meeting"),
    path(
        "meeting/<int:meeting>/agendaitem/<int:number>/",
        views.agenda_item,
        name="agenda_item",
    ),
    path("file/<int:pk>/", views.single("file"), name="file"),
    path("location/<int:pk>/", views.single("location"), name="location"),
]
