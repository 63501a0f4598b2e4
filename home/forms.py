"""Form fields and forms shared by the site's forms."""

from django import forms
from django.core.exceptions import ValidationError


class OfferedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Several rows to choose from; values that were never offered are refused up front.

    Django looks every submitted value up with ``pk__in``: a number beyond the database's
    integer range makes that query fail with a server error instead of finding nothing. The
    offered keys are read first (the lists are short: topics, municipalities), so such a value
    gets the usual "keine gültige Auswahl" message.
    """

    def _check_values(self, value):
        key = self.to_field_name or "pk"
        offered = {str(pk) for pk in self.queryset.values_list(key, flat=True)}
        for submitted in value:
            if str(submitted) not in offered:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": submitted},
                )
        return super()._check_values(value)


class ListingFilterForm(forms.Form):
    """A GET filter form whose valid, non-empty values narrow a listing (events, the board).

    Invalid values never cause an error page: the form reports them and the listing ignores them.
    """

    @property
    def active_filters(self):
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
