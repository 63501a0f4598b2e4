"""Admin panels of event pages that need more than a field: the public-protocol confirmation,
the status with whom a cancellation reaches, and the parts apps above add to the editor.

The confirmation is a field of the event pages' admin form (``workgroups/page_forms.py``),
which refuses to publish a page with a public protocol until it is ticked.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList

from documents.visibility import public_protocols

from .materials import attached_documents

CONFIRMATION_FIELD = "confirm_public_protocol"

#: Apps above answer it with whom publishing a cancellation of the event would tell by e-mail,
#: as ``(registered, waiting)``, or None where the event has nobody to tell (``registrations``).
CANCELLATION_RECIPIENTS_HOOK = "event_cancellation_recipients"

#: Apps above answer it with a list of panels for parts of an event they own (registrations:
#: its settings as an ``InlinePanel``), shown in the editor where ``EventPartsPanel`` stands.
EVENT_EDITOR_PANELS_HOOK = "event_editor_panels"


class EventPartsPanel(ObjectList):
    """The panels apps above contribute to the event editor, in the place this one stands.

    Read when Wagtail binds the editor to the model, after every app's hooks are loaded, so an
    event part can live in the app that owns its meaning without ``workgroups`` importing it.
    Without a heading of its own it adds no frame: its panels look like the page's own.
    """

    def on_model_bound(self):
        self.children = [
            panel
            for contribute in hooks.get_hooks(EVENT_EDITOR_PANELS_HOOK)
            for panel in contribute()
        ]
        super().on_model_bound()


class PublicProtocolConfirmationPanel(FieldPanel):
    """The confirmation checkbox, shown only while the page has a public protocol attached."""

    def __init__(self, **kwargs):
        kwargs.setdefault("field_name", CONFIRMATION_FIELD)
        super().__init__(**kwargs)

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            if self.form.errors.get(CONFIRMATION_FIELD):
                return True
            return bool(public_protocols(attached_documents(self.instance)))


def cancellation_recipients(event):
    """``(registered, waiting)`` a cancellation of ``event`` would tell, or None."""
    for answer in hooks.get_hooks(CANCELLATION_RECIPIENTS_HOOK):
        counts = answer(event)
        if counts is not None:
            return counts
    return None


def who_is_told(registered, waiting):
    """ "2 angemeldete Personen (und 1 auf der Warteliste) werden per E-Mail benachrichtigt." """
    if not registered and not waiting:
        return _("Niemand ist angemeldet; es wird niemand benachrichtigt.")
    if not waiting:
        return ngettext(
            "%(registered)d angemeldete Person wird per E-Mail benachrichtigt.",
            "%(registered)d angemeldete Personen werden per E-Mail benachrichtigt.",
            registered,
        ) % {"registered": registered}
    return ngettext(
        "%(registered)d angemeldete Person (und %(waiting)d auf der Warteliste) werden per "
        "E-Mail benachrichtigt.",
        "%(registered)d angemeldete Personen (und %(waiting)d auf der Warteliste) werden per "
        "E-Mail benachrichtigt.",
        registered,
    ) % {"registered": registered, "waiting": waiting}


class EventStatusPanel(FieldPanel):
    """The event's status, and under it whom publishing a cancellation tells, with today's
    numbers, before the editor saves anything.

    The notice is rendered with the page and shown while "abgesagt" is chosen
    (``workgroups/js/cancellation-notice.js`` follows the select; the admin's CSP allows no
    inline script). An event whose published version is already cancelled shows none: its
    registrants were told.
    """

    def __init__(self, field_name="status", *args, cancelled_value, **kwargs):
        super().__init__(field_name, *args, **kwargs)
        self.cancelled_value = cancelled_value

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "cancelled_value": self.cancelled_value}

    class BoundPanel(FieldPanel.BoundPanel):
        template_name = "workgroups/admin/event_status_panel.html"

        class Media:
            js = ["workgroups/js/cancellation-notice.js"]

        def cancellation_notice(self):
            event = self.instance
            if self.bound_field is None or self.read_only or event.pk is None:
                return ""
            cancelled = self.panel.cancelled_value
            published = type(event)._default_manager.filter(pk=event.pk, live=True)
            if published.filter(status=cancelled).exists():
                return ""
            counts = cancellation_recipients(event)
            return "" if counts is None else who_is_told(*counts)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["cancellation_notice"] = self.cancellation_notice()
            context["cancelled_value"] = self.panel.cancelled_value
            context["cancellation_chosen"] = (
                self.bound_field is not None
                and str(self.bound_field.value()) == self.panel.cancelled_value
            )
            return context
