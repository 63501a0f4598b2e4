"""The front-end login for members, in the site's own design.

Wagtail's private pages and the members-only documents send visitors here
(``LOGIN_URL`` and ``WAGTAIL_FRONTEND_LOGIN_URL`` both point at it).
"""

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class MemberLoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Benutzername oder Passwort sind nicht korrekt. Bitte achten Sie auf Groß- und "
            "Kleinschreibung."
        ),
        "inactive": _(
            "Dieses Konto ist deaktiviert. Bitte wenden Sie sich an die Geschäftsstelle."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Benutzername")
        self.fields["password"].label = _("Passwort")


class MemberLoginView(auth_views.LoginView):
    """Login on the public site; after login the member returns to where they came from."""

    template_name = "home/login.html"
    form_class = MemberLoginForm
    redirect_authenticated_user = True
    extra_context = {"page_title": _("Anmelden")}


class MemberLogoutView(auth_views.LogoutView):
    """Logout by POST only (Django's rule), then back to the home page."""
