"""The registration forms: guests type who they are; members register themselves with their
account and, where the event allows it, colleagues with a form of its own."""

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
    """Registering oneself. A member's name and address are their account's: the form has no
    fields for them, so a posted address is never read (booking.register refuses one, too)."""

    name = forms.CharField(label=_("Vor- und Nachname"), max_length=200)
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        help_text=_("Hierhin gehen Bestätigung, Einladung und Ihr Link zum Absagen."),
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
            del self.fields["name"], self.fields["email"]
            self.initial.setdefault("organisation", last_organisation(user))

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_webseite(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(
                _("Dieses Feld muss leer bleiben. Bitte löschen Sie den Inhalt.")
            )
        return ""


class OtherPersonForm(RegistrationForm):
    """A member registers a colleague by name and address; the colleague confirms by mail."""

    def __init__(self, *args, event, member, **kwargs):
        super().__init__(*args, event=event, **kwargs)
        self.fields["email"].label = _("E-Mail-Adresse der Person")
        self.fields["email"].help_text = _(
            "Hierhin geht der Link, mit dem die Person die Anmeldung bestätigt oder ablehnt. "
            "Erst mit ihrer Bestätigung zählt die Anmeldung."
        )
        self.fields["consent"].label = _(
            "Die Person weiß von der Anmeldung. Ich bin einverstanden, dass ihre Angaben für "
            "diese Veranstaltung gespeichert und nach ihr gelöscht werden."
        )
        self.fields["consent"].error_messages["required"] = _(
            "Bitte bestätigen Sie, dass die Person von der Anmeldung weiß."
        )
        # Colleagues mostly come from the member's own municipality.
        self.initial.setdefault("organisation", last_organisation(member))
