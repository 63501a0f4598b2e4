"""The board's filter form (the members' entry form lives with its workflow in submissions.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.forms import ListingFilterForm
from home.search import clean_search_query
from taxonomy.models import District

from .entries import EntryKind, EntryStatus


class BoardFilterForm(ListingFilterForm):
    """Filters of the board; unknown values are reported and ignored, never an error page."""

    q = forms.CharField(
        label=_("Suchbegriff"), required=False, max_length=100, widget=forms.SearchInput
    )
    art = forms.ChoiceField(label=_("Art"), required=False)
    thema = forms.ChoiceField(label=_("Thema"), required=False)
    kreis = forms.ChoiceField(label=_("Kreis"), required=False)
    kommune = forms.ChoiceField(label=_("Kommune"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, data, *, topics, municipalities):
        super().__init__(data)
        self.fields["art"].choices = [("", _("Angebote und Nachfragen")), *EntryKind.choices]
        self.fields["thema"].choices = [("", _("alle Themen"))] + [
            (topic.slug, topic.name) for topic in topics
        ]
        self.fields["kreis"].choices = [("", _("alle Kreise")), *District.choices]
        self.fields["kommune"].choices = [("", _("alle Kommunen"))] + [
            (str(m.pk), m.name) for m in municipalities
        ]
        self.fields["status"].choices = [("", _("jeder Status")), *EntryStatus.choices]

    def clean_q(self):
        return clean_search_query(self.cleaned_data["q"])

    def apply(self, entries):
        filters = self.active_filters
        if filters.get("art"):
            entries = entries.filter(kind=filters["art"])
        if filters.get("thema"):
            entries = entries.filter(topics__slug=filters["thema"])
        if filters.get("kreis"):
            entries = entries.filter(municipality__district=filters["kreis"])
        if filters.get("kommune"):
            entries = entries.filter(municipality_id=filters["kommune"])
        if filters.get("status"):
            entries = entries.filter(status=filters["status"])
        return entries
