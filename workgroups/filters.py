"""The filter form of event listings: type, topic, year and working group.

Invalid values never cause an error page: the form reports them and the listing ignores them.
The form knows no models; the views hand it its choices (event types, topics, years).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.forms import ListingFilterForm


class EventFilterForm(ListingFilterForm):
    typ = forms.ChoiceField(label=_("Art"), required=False)
    thema = forms.ChoiceField(label=_("Thema"), required=False)
    jahr = forms.TypedChoiceField(label=_("Jahr"), required=False, coerce=int, empty_value=None)
    arbeitskreis = forms.ChoiceField(label=_("Arbeitskreis"), required=False)

    def __init__(self, data, *, event_types, topics, years, working_groups=None):
        super().__init__(data)
        self.event_types = {model.type_key: model for model in event_types}
        self.fields["typ"].choices = [("", _("alle Arten"))] + [
            (model.type_key, model.type_label) for model in event_types
        ]
        self.fields["thema"].choices = [("", _("alle Themen"))] + [
            (topic.slug, topic.name) for topic in topics
        ]
        self.fields["jahr"].choices = [("", _("alle Jahre"))] + [(y, str(y)) for y in years]
        if working_groups:
            self.fields["arbeitskreis"].choices = [("", _("alle Arbeitskreise"))] + [
                (group.slug, group.title) for group in working_groups
            ]
        else:
            del self.fields["arbeitskreis"]

    def apply(self, events, working_groups=None):
        """Narrow ``events`` by every valid filter value."""
        filters = self.active_filters
        if filters.get("typ"):
            events = events.filter(self.event_types[filters["typ"]].type_filter())
        if filters.get("thema"):
            events = events.filter(topics__slug=filters["thema"])
        if filters.get("jahr"):
            events = events.filter(start__year=filters["jahr"])
        if filters.get("arbeitskreis") and working_groups:
            group = next(g for g in working_groups if g.slug == filters["arbeitskreis"])
            events = events.child_of(group)
        return events
