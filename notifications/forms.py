from django import forms
from django.utils.translation import gettext_lazy as _

from taxonomy.models import District, Topic

from .models import Delivery


class MailChoicesForm(forms.Form):
    """What reaches the member by e-mail: per followed working group, and how often."""

    delivery = forms.ChoiceField(
        label=_("Wie oft?"), choices=Delivery.choices, widget=forms.RadioSelect
    )

    INTERESTS = (
        ("new_events", _("Neue Veranstaltungen")),
        ("changes", _("Änderungen und Absagen")),
        ("materials", _("Neue Protokolle und Unterlagen")),
    )

    def __init__(self, *args, follows, **kwargs):
        super().__init__(*args, **kwargs)
        self.follows = follows
        for follow in follows:
            self.fields[f"follow-{follow.pk}"] = forms.MultipleChoiceField(
                label=follow.working_group.title,
                choices=self.INTERESTS,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                initial=[name for name, _label in self.INTERESTS if getattr(follow, name)],
            )

    def follow_fields(self):
        return [self[f"follow-{follow.pk}"] for follow in self.follows]

    def save(self):
        for follow in self.follows:
            chosen = set(self.cleaned_data[f"follow-{follow.pk}"])
            for name, _label in self.INTERESTS:
                setattr(follow, name, name in chosen)
            follow.save(update_fields=[name for name, _label in self.INTERESTS])


class BoardFollowForm(forms.Form):
    topic = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=Topic.objects.order_by("name"),
        required=False,
        empty_label=_("alle Themen"),
    )
    district = forms.ChoiceField(
        label=_("Kreis"), choices=[("", _("alle Kreise")), *District.choices], required=False
    )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("topic") and not cleaned.get("district"):
            raise forms.ValidationError(_("Bitte wählen Sie ein Thema, einen Kreis oder beides."))
        return cleaned
