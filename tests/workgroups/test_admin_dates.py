"""Editors type and read dates in the admin the German way: "10.02.2027 14:00"."""

import datetime as dt

from django.urls import reverse

from wagtail.test.utils.form_data import querydict_from_html

import pytest

from tests.factories import MeetingPageFactory
from workgroups.formatting import BERLIN

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(working_group):
    return MeetingPageFactory(
        parent=working_group,
        title="Treffen im Februar",
        start=dt.datetime(2027, 2, 3, 9, 30, tzinfo=BERLIN),
        end=dt.datetime(2027, 2, 3, 12, 0, tzinfo=BERLIN),
    )


def _edit_form(client, meeting):
    edit_url = reverse("wagtailadmin_pages:edit", args=[meeting.pk])
    html = client.get(edit_url).content.decode()
    form_data = querydict_from_html(html, form_id="page-edit-form")
    # StreamFields build their inputs in JavaScript.
    form_data["body-count"] = "0"
    return edit_url, html, form_data


def test_the_event_form_shows_start_and_end_in_german(client, editor, meeting):
    client.force_login(editor)

    _edit_url, _html, form_data = _edit_form(client, meeting)

    assert form_data["start"] == "03.02.2027 09:30"
    assert form_data["end"] == "03.02.2027 12:00"


def test_a_german_date_and_time_is_saved_as_typed(client, editor, meeting):
    client.force_login(editor)
    edit_url, _html, form_data = _edit_form(client, meeting)
    form_data["start"] = "10.02.2027 14:00"
    form_data["end"] = "10.02.2027 16:30"
    form_data["action-publish"] = "1"

    response = client.post(edit_url, form_data)

    assert response.status_code == 302, response.context["form"].errors
    meeting.refresh_from_db()
    assert meeting.start == dt.datetime(2027, 2, 10, 14, 0, tzinfo=BERLIN)
    assert meeting.end == dt.datetime(2027, 2, 10, 16, 30, tzinfo=BERLIN)


def test_a_mistyped_date_is_refused_and_kept_in_the_form(client, editor, meeting):
    client.force_login(editor)
    edit_url, _html, form_data = _edit_form(client, meeting)
    form_data["start"] = "31.02.2027 14:00"

    response = client.post(edit_url, form_data)

    assert response.status_code == 200
    assert 'value="31.02.2027 14:00"' in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.start == dt.datetime(2027, 2, 3, 9, 30, tzinfo=BERLIN)


def test_the_date_picker_is_told_the_german_format(client, editor, meeting):
    client.force_login(editor)

    _edit_url, html, _form_data = _edit_form(client, meeting)

    assert "d.m.Y H:i" in html  # the picker's own notation of "%d.%m.%Y %H:%M"
