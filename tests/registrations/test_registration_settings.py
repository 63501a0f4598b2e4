"""An event's registration settings are a part of the event that this app owns: edited in the
page editor's "Anmeldung" section, proposed for new events, checked against the event as the
editor is about to save it, and kept in drafts until they are published."""

import datetime as dt
import re

from django.urls import reverse

from wagtail.test.utils.form_data import querydict_from_html

import pytest

from registrations.models import RegistrationSettings
from tests.factories import in_days
from workgroups.models import EventPage

pytestmark = pytest.mark.django_db

PREFIX = RegistrationSettings.RELATION


def _add_url(working_group, model_name):
    return reverse("wagtailadmin_pages:add", args=("workgroups", model_name, working_group.pk))


def _form(client, url, **changes):
    """The editor's form as the browser would send it, with ``changes`` typed in."""
    html = client.get(url).content.decode()
    form_data = querydict_from_html(html, form_id="page-edit-form")
    # A ticked box without a value attribute: browsers send "on" (the helper sends "").
    for name in re.findall(r'<input type="checkbox" name="([^"]+)"[^>]*\bchecked\b', html):
        form_data[name] = "on"
    # StreamFields build their inputs in JavaScript.
    for stream in ("body", "questions", "programme"):
        form_data[f"{stream}-count"] = "0"
    form_data.update(changes)
    return form_data


def _new_event(client, working_group, model_name, **changes):
    start = in_days(20)
    fields = {
        "title": "Treffen Vergabe",
        "slug": "treffen-vergabe",
        "intro": "Worum es geht.",
        "start": start.strftime("%d.%m.%Y %H:%M"),
        "end": (start + dt.timedelta(hours=2)).strftime("%d.%m.%Y %H:%M"),
        "city": "Paderborn",
        "action-publish": "action-publish",
    }
    url = _add_url(working_group, model_name)
    return client.post(url, _form(client, url, **{**fields, **changes}))


@pytest.mark.parametrize(
    ("model_name", "audience"),
    [("meetingpage", "members"), ("workshoppage", "everyone"), ("infosessionpage", "everyone")],
)
def test_a_new_event_published_as_proposed_takes_registrations(
    client, editor, working_group, model_name, audience
):
    """Meetings for members, the others for guests too, with registration switched on; kept
    exactly so when the editor publishes without touching the section."""
    client.force_login(editor)

    form = _form(client, _add_url(working_group, model_name))
    response = _new_event(client, working_group, model_name)

    assert form[f"{PREFIX}-0-enabled"] == "on"
    assert form[f"{PREFIX}-0-audience"] == audience
    assert response.status_code == 302
    event = EventPage.objects.get(slug="treffen-vergabe")
    settings = RegistrationSettings.objects.get(event=event)
    assert (settings.enabled, settings.audience) == (True, audience)
    assert "Zur Veranstaltung anmelden" in client.get(event.url).content.decode()


def test_a_deadline_after_the_start_is_refused_and_nothing_is_saved(client, editor, working_group):
    client.force_login(editor)

    response = _new_event(
        client,
        working_group,
        "meetingpage",
        **{f"{PREFIX}-0-deadline": in_days(21).strftime("%d.%m.%Y %H:%M")},
    )

    assert response.status_code == 200
    assert (
        "Der Anmeldeschluss liegt nach dem Beginn der Veranstaltung." in response.content.decode()
    )
    assert not EventPage.objects.filter(slug="treffen-vergabe").exists()
    assert not RegistrationSettings.objects.exists()


def test_online_places_at_an_event_on_site_are_refused(client, editor, event):
    event.attendance_mode = "in_person"
    event.save_revision().publish()
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[event.pk])

    response = client.post(
        url,
        _form(
            client, url, **{"action-publish": "action-publish", f"{PREFIX}-0-capacity_online": "5"}
        ),
    )

    assert "Online-Plätze gibt es nur bei Online- und Hybridveranstaltungen." in (
        response.content.decode()
    )
    assert RegistrationSettings.of(EventPage.objects.get(pk=event.pk)).capacity_online == 1


def test_a_draft_changes_the_places_only_once_it_is_published(client, editor, event):
    """The settings travel with the page's revisions: visitors see the published places."""
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[event.pk])

    client.post(url, _form(client, url, **{f"{PREFIX}-0-capacity_in_person": "40"}))

    assert RegistrationSettings.objects.get(event=event).capacity_in_person == 2
    assert "noch 2 Plätze frei" in client.get(event.url).content.decode()
    draft = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    assert RegistrationSettings.of(draft).capacity_in_person == 40

    client.post(url, _form(client, url, **{"action-publish": "action-publish"}))

    assert RegistrationSettings.objects.get(event=event).capacity_in_person == 40
    assert RegistrationSettings.objects.filter(event=event).count() == 1


def test_an_event_without_settings_takes_no_registrations(client, working_group):
    from tests.factories import MeetingPageFactory

    event = MeetingPageFactory(parent=working_group)

    assert not RegistrationSettings.of(event).enabled
    assert client.post(f"/veranstaltungsanmeldung/{event.pk}/", {}).status_code == 403
