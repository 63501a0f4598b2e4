"""Site-wide routes of the site's base: member login, password reset, search, robots.txt."""

from django.urls import path

from . import accounts, views
from .redirects import moved_permanently

urlpatterns = [
    path("einloggen/", accounts.MemberLoginView.as_view(), name="login"),
    path("ausloggen/", accounts.MemberLogoutView.as_view(), name="logout"),
    # The former addresses, from when "anmelden" meant logging in as well as registering.
    path("anmelden/", moved_permanently("login")),
    path("abmelden/", moved_permanently("logout")),
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
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
