"""The front-end login for members, in the site's own design.

Wagtail's private pages and the members-only documents send visitors here
(``LOGIN_URL`` and ``WAGTAIL_FRONTEND_LOGIN_URL`` both point at it).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from operations.composed_mail import compose_mail
from operations.mail import within_hourly_limit


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


class AdminLoginForm(WagtailLoginForm):
    """The admin's login (``WAGTAILADMIN_USER_LOGIN_FORM``): Wagtail's form leaves the password
    field without a label, so editors read the English field name "Password"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Passwort")


class MemberLoginView(auth_views.LoginView):
    """Login on the public site; after login the member returns to where they came from."""

    template_name = "home/login.html"
    form_class = MemberLoginForm
    redirect_authenticated_user = True
    extra_context = {"page_title": _("Mitglieder-Login")}


class MemberLogoutView(auth_views.LogoutView):
    """Logout by POST only (Django's rule), then back to the home page."""


#: Password-reset mails one address gets per hour at most. Anyone can ask for a reset of any
#: address; beyond this the requests are answered as usual, but send nothing.
RESET_MAILS_PER_HOUR = 3


class HourlyLimitedPasswordResetMixin:
    """Sends (queues, operations/mail.py) a reset link only while the address had fewer than
    :data:`RESET_MAILS_PER_HOUR` this hour; both reset pages, the members' and the admin's, use
    it, so neither lets a stranger flood a mailbox. The members' mail is composed with text
    and HTML (:data:`composed_template`, operations/composed_mail.py); the admin's is Wagtail's."""

    composed_template = None

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        if not within_hourly_limit("password-reset", to_email, RESET_MAILS_PER_HOUR):
            return
        if self.composed_template:
            compose_mail(self.composed_template, context, to=[to_email]).send()
        else:
            super().send_mail(
                subject_template_name,
                email_template_name,
                context,
                from_email,
                to_email,
                html_email_template_name,
            )


class MemberPasswordResetForm(HourlyLimitedPasswordResetMixin, PasswordResetForm):
    composed_template = "home/email/password_reset"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("Dienstliche E-Mail-Adresse")


class AdminPasswordResetForm(HourlyLimitedPasswordResetMixin, WagtailPasswordResetForm):
    """The admin's password reset (``WAGTAILADMIN_USER_PASSWORD_RESET_FORM``)."""


class MemberPasswordResetView(auth_views.PasswordResetView):
    """Step 1: ask for the e-mail address. The answer is the same whether or not it exists,
    so nobody learns which addresses have an account."""

    template_name = "home/password_reset_form.html"
    email_template_name = "home/email/password_reset.txt"
    subject_template_name = "home/email/password_reset_subject.txt"
    form_class = MemberPasswordResetForm
    success_url = reverse_lazy("password_reset_done")
    extra_context = {"page_title": _("Passwort vergessen")}


class MemberPasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "home/password_reset_done.html"
    extra_context = {"page_title": _("E-Mail ist unterwegs")}


class MemberSetPasswordForm(SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("Neues Passwort")
        self.fields["new_password2"].label = _("Neues Passwort wiederholen")


class MemberPasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Step 2: the link from the e-mail; an expired or used link says so plainly."""

    template_name = "home/password_reset_confirm.html"
    form_class = MemberSetPasswordForm
    success_url = reverse_lazy("password_reset_complete")
    extra_context = {"page_title": _("Neues Passwort festlegen")}


class MemberPasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "home/password_reset_complete.html"
    extra_context = {"page_title": _("Passwort geändert")}


def locked_out(request, response=None, credentials=None):
    """django-axes' answer once a username failed too often from one address (both logins).

    429 with the site's page: how long to wait and that resetting the password is the way out.
    """
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "home/login_locked.html",
        {"page_title": _("Einloggen vorübergehend gesperrt"), "minutes": minutes},
        status=429,
    )


def throttled_username(request, credentials=None):
    """The username django-axes counts failures for, cut to the length a username can have.

    Axes stores what was typed; a 10,000-character "username" would not fit its table and
    turn the failed login into a server error (on PostgreSQL).
    """
    source = credentials if credentials is not None else request.POST
    username = source.get(settings.AXES_USERNAME_FORM_FIELD) or ""
    user_model = get_user_model()
    return str(username)[: user_model._meta.get_field(user_model.USERNAME_FIELD).max_length]
