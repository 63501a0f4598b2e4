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
            self.propose_parts_of_a_new_event()
        self.link_parts_to_this_event()

    def propose_parts_of_a_new_event(self):
        """A new event's parts start as their owners propose (``initial_for(event)`` on the
        part's model; registrations: on, meetings for members), not blank."""
        for formset in self.formsets.values():
            initial_for = getattr(formset.model, "initial_for", None)
            if initial_for is not None:
                formset.initial_extra = [initial_for(self.instance)]

    def link_parts_to_this_event(self):
        """Each part's form knows the event as this form is about to save it: a part checks
        itself against the event (a registration deadline after the new start), and the
        event's fields are cleaned before its parts are."""
        for formset in self.formsets.values():
            for form in formset.forms:
                setattr(form.instance, formset.fk.name, self.instance)

    def attached_documents(self):
        """Documents in the materials, the speakers' presentations and the agenda items'
        materials, as the form would save them."""
        documents = []
        for name, field in (("materials", "document"), ("speakers", "presentation")):
            documents += [data.get(field) for data in self._kept_part_data(name)]
        for data in self._kept_part_data("agenda_items"):
            documents += [block.value["document"] for block in data.get("materials") or []]
        return documents

    def _kept_part_data(self, name):
        """The cleaned data of the parts ``name`` the form would save (none while invalid)."""
        formset = self.formsets.get(name)
        if formset is None or not formset.is_valid():
            return []
        return [
            form.cleaned_data
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

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
