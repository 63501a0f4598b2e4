"""The editors' side: an event's registration settings in the page editor, every registration
in a filterable, exportable list, a dashboard panel with the next events' numbers, and a message
to everyone registered for an event."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel, get_form_for_model
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from home.exports import FormulaSafeExportMixin
from workgroups.models import EventPage

from . import booking
from .models import Registration, RegistrationSettings, RegistrationStatus
from .tasks import send_message_to_registrants


class SavedAsShownForm(WagtailAdminModelForm):
    """The settings are saved as the editor sees them, also when every value is as proposed.

    A formset skips a new form nobody changed; but a new event's section shows "registration
    on" (``RegistrationSettings.initial_for``), and an event published as shown must take
    registrations, not lose its settings and fail the section's "one form" rule.
    """

    def has_changed(self):
        return True


class RegistrationSettingsPanel(InlinePanel):
    """The event's one "Anmeldung" section (``workgroups``' ``event_editor_panels`` hook)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("relation_name", RegistrationSettings.RELATION)
        kwargs.setdefault("heading", _("Anmeldung"))
        kwargs.setdefault("label", _("Anmeldung"))
        kwargs.update(min_num=1, max_num=1)
        super().__init__(**kwargs)

    def get_form_options(self):
        options = super().get_form_options()
        deferred = self.child_edit_handler.get_form_options().get("defer_required_on_fields", [])
        options["formsets"][self.relation_name]["form"] = get_form_for_model(
            self.db_field.related_model,
            form_class=SavedAsShownForm,
            defer_required_on_fields=deferred,
        )
        return options


class RegistrationIndexView(FormulaSafeExportMixin, IndexView):
    """Names and organisations are typed by registrants; exports never start a formula."""


class RegistrationViewSet(ModelViewSet):
    model = Registration
    index_view_class = RegistrationIndexView
    icon = "group"
    menu_label = _("Anmeldungen")
    menu_order = 155
    add_to_admin_menu = True
    name = "anmeldungen"
    form_fields = ["name", "email", "organisation", "attendance", "checked_in"]
    list_display = [
        "name",
        "organisation",
        Column("event", label=_("Veranstaltung"), accessor="event.title"),
        Column("attendance", label=_("Teilnahme"), accessor="get_attendance_display"),
        Column("status", label=_("Stand"), accessor="get_status_display"),
        Column("registered_by", label=_("angemeldet von"), accessor="registered_by_name"),
        BooleanColumn("checked_in", label=_("anwesend")),
        "created_at",
    ]
    list_filter = ["event", "status", "attendance", "checked_in"]
    search_fields = ["name", "email", "organisation"]
    list_export = [
        "name",
        "email",
        "organisation",
        "event",
        "get_attendance_display",
        "get_status_display",
        "registered_by_name",
        "checked_in",
        "created_at",
    ]
    export_headings = {
        "event": _("Veranstaltung"),
        "get_attendance_display": _("Teilnahme"),
        "get_status_display": _("Stand"),
        "registered_by_name": _("angemeldet von"),
    }
    ordering = ["event__start", "created_at"]

    def get_queryset(self, request):
        return Registration.objects.select_related("event", "registered_by")


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Betreff"), max_length=150)
    text = forms.CharField(label=_("Nachricht"), widget=forms.Textarea, max_length=5000)
    include_waiting = forms.BooleanField(label=_("Auch an die Warteliste senden"), required=False)


class MessageToRegistrantsView(WagtailAdminTemplateMixin, FormView):
    """One message to everyone registered (and optionally waiting) for an event."""

    template_name = "registrations/admin/message.html"
    form_class = MessageForm
    header_icon = "mail"

    def dispatch(self, request, event_id):
        self.event = get_object_or_404(EventPage, pk=event_id)
        return super().dispatch(request, event_id)

    def get_page_title(self):
        return _("Nachricht an die Angemeldeten")

    def get_page_subtitle(self):
        return self.event.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["event"] = self.event
        context["confirmed"] = self.event.registrations.filter(
            status=RegistrationStatus.CONFIRMED
        ).count()
        return context

    def form_valid(self, form):
        send_message_to_registrants.enqueue(
            self.event.pk,
            form.cleaned_data["subject"],
            form.cleaned_data["text"],
            form.cleaned_data["include_waiting"],
        )
        messages.success(self.request, _("Die Nachricht wird an die Angemeldeten verschickt."))
        return redirect(reverse("anmeldungen:index") + f"?event={self.event.pk}")


class RegistrationsPanel(Component):
    """The dashboard's view of the next events that take registrations."""

    name = "registrations"
    template_name = "registrations/admin/dashboard_panel.html"
    order = 95

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        events = (
            EventPage.objects.filter(registration_settings__enabled=True, start__gte=timezone.now())
            .order_by("start")
            .prefetch_related("registration_settings")
            .specific()[:5]
        )
        context["events"] = [
            {"event": event, "places": booking.places_overview(event)} for event in events
        ]
        return context
