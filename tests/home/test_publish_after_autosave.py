"""A click on "Veröffentlichen" that Wagtail's autosave overtakes: the editor lands on the draft
the autosave stored, never on a server error, and the page exists once."""

from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from home.models import StandardPage
from tests.factories import UserFactory, in_days
from tests.workgroups.test_admin import _event_form
from workgroups.models import MeetingPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    editor = UserFactory(username="rita", groups=["Redaktion"])
    client.force_login(editor)
    return editor


def _autosave_commits_after_validation(monkeypatch, save_draft):
    """The moment of the race: the publish form has been found valid, and before it adds the
    page the autosave's own request commits the draft under the same address."""
    is_valid = WagtailAdminPageForm.is_valid

    def valid_and_then_the_autosave_lands(form):
        valid = is_valid(form)
        save_draft()
        return valid

    monkeypatch.setattr(WagtailAdminPageForm, "is_valid", valid_and_then_the_autosave_lands)


def _publish(client, url, form):
    return client.post(url, {**nested_form_data(form), "action-publish": "publish"})


def test_a_new_page_published_while_its_autosave_is_on_its_way(
    client, home_page, editor, monkeypatch
):
    def autosave():
        draft = StandardPage(title="Über uns", slug="ueber-uns", live=False, owner=editor)
        home_page.add_child(instance=draft)
        draft.save_revision(user=editor)

    _autosave_commits_after_validation(monkeypatch, autosave)
    url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", home_page.pk))

    response = _publish(
        client, url, {"title": "Über uns", "slug": "ueber-uns", "body": streamfield([])}
    )

    (draft,) = StandardPage.objects.filter(slug="ueber-uns")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=(draft.pk,))
    assert not draft.live
    (message,) = [str(m) for m in get_messages(response.wsgi_request)]
    assert "schon automatisch als Entwurf gespeichert" in message


def test_the_same_race_for_a_new_event(client, working_group, editor, monkeypatch):
    def autosave():
        start = in_days(20)
        draft = MeetingPage(
            title="Treffen", slug="treffen-vergabe", live=False, owner=editor, start=start
        )
        working_group.add_child(instance=draft)

    _autosave_commits_after_validation(monkeypatch, autosave)
    url = reverse("wagtailadmin_pages:add", args=("workgroups", "meetingpage", working_group.pk))

    response = _publish(client, url, _event_form(meeting_kind="meeting"))

    draft = MeetingPage.objects.get(slug="treffen-vergabe")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=(draft.pk,))


def test_an_address_taken_by_another_page_is_still_the_forms_error(client, home_page, editor):
    """No autosave of this editor under the address: the form says it is taken, as Wagtail's."""
    home_page.add_child(instance=StandardPage(title="Über uns", slug="ueber-uns"))
    url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", home_page.pk))

    response = _publish(
        client, url, {"title": "Über uns", "slug": "ueber-uns", "body": streamfield([])}
    )

    assert response.status_code == 200
    assert "ueber-uns" in response.content.decode()
    assert StandardPage.objects.filter(slug="ueber-uns").count() == 1
