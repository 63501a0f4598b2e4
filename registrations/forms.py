"""The registration form: members find name, e-mail and municipality filled in."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .booking import attendance_choices
from .models import Attendance, Registration

HONEYPOT_FIELD = "webseite"


def last_organisation(user):
    """The municipality a member named last time, so they need not type it again."""
    return (
        Registration.objects.filter(user=user)
        .exclude(organisation="")
        .order_by("-created_at")
        .values_list("organisation", flat=True)
        .first()
        or ""
    )


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Vor- und Nachname"), max_length=200)
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        help_text=_("Hierhin gehen Bestätigung, Einladung und Ihr Link zum Abmelden."),
    )
    organisation = forms.CharField(
        label=_("Kommune oder Organisation"), max_length=200, required=False
    )
    attendance = forms.ChoiceField(label=_("Teilnahme"), widget=forms.RadioSelect)
    consent = forms.BooleanField(
        label=_(
            "Ich bin einverstanden, dass meine Angaben für diese Veranstaltung gespeichert und "
            "nach ihr gelöscht werden."
        ),
        error_messages={"required": _("Ohne Ihr Einverständnis können wir Sie nicht anmelden.")},
    )
    webseite = forms.CharField(label=_("Webseite (bitte leer lassen)"), required=False)

    def __init__(self, *args, event, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = attendance_choices(event)
        self.fields["attendance"].choices = [(value, Attendance(value).label) for value in choices]
        self.fields["attendance"].initial = choices[0]
        if len(choices) == 1:
            self.fields["attendance"].widget = forms.HiddenInput()
        if user is not None and user.is_authenticated:
            self.initial.setdefault("name", user.get_full_name())
            self.initial.setdefault("email", user.email)
            self.initial.setdefault("organisation", last_organisation(user))

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_webseite(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(
                _("Dieses Feld muss leer bleiben. Bitte löschen Sie den Inhalt.")
            )
        return ""
