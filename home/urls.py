"""Site-wide routes of the ground floor: member login, password reset, search, health, robots."""

from django.urls import path

from . import accounts, views

urlpatterns = [
    path("anmelden/", accounts.MemberLoginView.as_view(), name="login"),
    path("abmelden/", accounts.MemberLogoutView.as_view(), name="logout"),
    path(
        "passwort/vergessen/",
        accounts.MemberPasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "passwort/gesendet/",
        accounts.MemberPasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "passwort/neu/<uidb64>/<token>/",
        accounts.MemberPasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "passwort/geaendert/",
        accounts.MemberPasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("suche/", views.search, name="search"),
    path("healthz/", views.healthz, name="healthz"),
    path("healthz/frontend-cache/", views.frontend_cache_probe, name="frontend_cache_probe"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
