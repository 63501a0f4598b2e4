"""The admin form of event pages: publishing with a public protocol needs a confirmation.

Protocols belong to members (``documents.forms`` keeps new ones out of public collections), but
a protocol uploaded before that rule, or a collection whose restriction was lifted, can still
be public. Publishing such a page is refused until the editor ticks the confirmation; saving a
draft is not held up. The form is the event pages' ``base_form_class``, attached in
``WorkgroupsConfig.ready()`` as Wagtail attaches ``Page``'s, so the models import no form.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from documents.visibility import public_protocols

from .panels import CONFIRMATION_FIELD


class EventPageForm(WagtailAdminPageForm):
    confirm_public_protocol = forms.BooleanField(
        label=_("Ja, dieses Protokoll soll öffentlich sein"),
        required=False,
        help_text=_(
            "Protokolle sind sonst nur für Mitglieder. Zum Schützen das Dokument in die "
            "Sammlung „Protokolle (nur für Mitglieder)“ verschieben."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and not self.is_bound:
            # New events take registrations; meetings from members, the others from everyone.
            self.initial.setdefault("registration_enabled", True)
            self.initial.setdefault(
                "registration_audience", type(self.instance).default_registration_audience
            )

    def attached_documents(self):
        """Documents in the materials and speakers' presentations, as the form would save them."""
        documents = []
        for name, field in (("materials", "document"), ("speakers", "presentation")):
            formset = self.formsets.get(name)
            if formset is None or not formset.is_valid():
                continue
            documents += [
                form.cleaned_data.get(field)
                for form in formset.forms
                if form.cleaned_data and not form.cleaned_data.get("DELETE")
            ]
        return documents

    def clean(self):
        cleaned_data = super().clean()
        if "action-publish" not in self.data or cleaned_data.get(CONFIRMATION_FIELD):
            return cleaned_data
        if public := public_protocols(self.attached_documents()):
            self.add_error(
                CONFIRMATION_FIELD,
                _(
                    "Öffentliches Protokoll: %(titles)s. Jeder könnte es herunterladen. "
                    "Bitte bestätigen Sie, dass es öffentlich sein soll, oder verschieben "
                    "Sie es in die Sammlung „Protokolle (nur für Mitglieder)“."
                )
                % {"titles": ", ".join(f"„{document.title}“" for document in public)},
            )
        return cleaned_data
