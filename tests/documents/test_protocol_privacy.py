"""A protocol cannot go public by accident: the kind "Protokoll" refuses every open collection.

The accident that was seen: in the upload dialog "Art: Protokoll" and "Sammlung: Root" were
independent, the file went to the public root collection, and an anonymous visitor downloaded
it from the published meeting.
"""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.test.utils.form_data import querydict_from_html

import pytest

from tests.documents.test_uploads import GOOD_PDF
from tests.factories import MeetingPageFactory
from tests.factories.documents import pdf_document, restricted_collection
from workgroups.models import EventMaterial

pytestmark = pytest.mark.django_db

REFUSAL = "Protokolle sind nur für Mitglieder"


@pytest.fixture
def members_collection(db):
    return restricted_collection(name="Nur für Mitglieder", groups=("Mitglieder", "Redaktion"))


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def _upload(client, collection, kind="protocol", url=None, prefix=""):
    fields = {
        "title": "Protokoll der Sitzung",
        "collection": collection.pk,
        "kind": kind,
        "file": SimpleUploadedFile("protokoll.pdf", GOOD_PDF),
    }
    url = url or reverse("wagtaildocs:add")
    return client.post(url, {f"{prefix}{key}": value for key, value in fields.items()})


def test_the_accident_a_protocol_into_root_is_refused_and_stays_private(
    editor_client, members_collection, working_group
):
    root = Collection.get_first_root_node()

    refused = _upload(editor_client, root)

    assert refused.status_code == 200
    assert REFUSAL in refused.content.decode()
    assert "„Nur für Mitglieder“" in refused.content.decode()  # where it may go instead
    assert not get_document_model().objects.exists()

    assert _upload(editor_client, members_collection).status_code == 302
    protocol = get_document_model().objects.get()
    meeting = MeetingPageFactory(parent=working_group, title="Arbeitskreistreffen")
    EventMaterial.objects.create(page=meeting, document=protocol)
    meeting.save_revision().publish()

    visitor = Client()
    download = visitor.get(protocol.url)
    assert download.status_code == 302  # to the login, not the file
    assert download["Location"].startswith("/einloggen/")
    page = visitor.get(meeting.url).content.decode()
    assert f'href="/einloggen/?next={protocol.url}"' in page
    assert f'href="{protocol.url}"' not in page


def test_other_kinds_may_be_public(editor_client):
    response = _upload(editor_client, Collection.get_first_root_node(), kind="programme")

    assert response.status_code == 302
    assert get_document_model().objects.get().kind == "programme"


def test_the_page_editors_upload_dialog_refuses_too(editor_client, members_collection):
    response = _upload(
        editor_client,
        Collection.get_first_root_node(),
        url=reverse("wagtaildocs_chooser:create"),
        prefix="document-chooser-upload-",
    )

    assert response.json()["step"] == "reshow_creation_form"
    assert REFUSAL in response.json()["htmlFragment"]
    assert not get_document_model().objects.exists()


def test_an_existing_protocol_cannot_be_moved_into_the_open(editor_client, members_collection):
    protocol = pdf_document("Protokoll", kind="protocol", collection=members_collection)
    root = Collection.get_first_root_node()

    response = editor_client.post(
        reverse("wagtaildocs:edit", args=[protocol.pk]),
        {"title": "Protokoll", "collection": root.pk, "kind": "protocol"},
    )

    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    protocol.refresh_from_db()
    assert protocol.collection == members_collection


def test_with_only_the_root_collection_a_protocol_is_refused_with_a_way_out(editor_client):
    """Wagtail hides the collection field when there is just one; the check still holds."""
    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Protokoll",
            "kind": "protocol",
            "file": SimpleUploadedFile("protokoll.pdf", GOOD_PDF),
        },
    )

    assert response.status_code == 200
    assert "es gibt noch keine geschützte Sammlung" in response.content.decode()
    assert not get_document_model().objects.exists()


def _meeting_with(working_group, document):
    """A draft meeting with ``document`` attached."""
    meeting = MeetingPageFactory(parent=working_group, title="Arbeitskreistreffen", live=False)
    EventMaterial.objects.create(page=meeting, document=document)
    meeting.save_revision()
    return meeting


def _publish(client, meeting, **extra):
    edit_url = reverse("wagtailadmin_pages:edit", args=[meeting.pk])
    form_data = querydict_from_html(client.get(edit_url).content.decode(), form_id="page-edit-form")
    # StreamFields build their inputs in JavaScript.
    form_data.setdefault("body-count", "0")
    form_data["action-publish"] = "action-publish"
    form_data.update(extra)
    return client.post(edit_url, form_data)


def test_publishing_a_page_with_a_public_protocol_asks_for_confirmation(
    editor_client, working_group
):
    """An old protocol in the public collection: publishing stops and says so."""
    protocol = pdf_document("Protokoll vom Mai", kind="protocol")
    meeting = _meeting_with(working_group, protocol)

    asked = _publish(editor_client, meeting)

    assert asked.status_code == 200
    html = asked.content.decode()
    assert "Öffentliches Protokoll: „Protokoll vom Mai“" in html
    assert "Ja, dieses Protokoll soll öffentlich sein" in html
    meeting.refresh_from_db()
    assert not meeting.live

    confirmed = _publish(editor_client, meeting, confirm_public_protocol="on")

    assert confirmed.status_code == 302
    meeting.refresh_from_db()
    assert meeting.live


def test_a_members_only_protocol_publishes_without_a_question(
    editor_client, working_group, members_collection
):
    protocol = pdf_document("Protokoll vom Juni", kind="protocol", collection=members_collection)
    meeting = _meeting_with(working_group, protocol)

    published = _publish(editor_client, meeting)

    assert published.status_code == 302
    meeting.refresh_from_db()
    assert meeting.live
    edit = editor_client.get(reverse("wagtailadmin_pages:edit", args=[meeting.pk])).content
    assert "Ja, dieses Protokoll soll öffentlich sein" not in edit.decode()


def test_every_attachment_and_document_says_who_may_download_it(
    editor_client, working_group, members_collection
):
    protocol = pdf_document("Protokoll vom Juli", kind="protocol", collection=members_collection)
    programme = pdf_document("Programm vom Juli", kind="programme")
    meeting = _meeting_with(working_group, protocol)
    EventMaterial.objects.create(page=meeting, document=programme)
    meeting.save_revision()

    editor = editor_client.get(reverse("wagtailadmin_pages:edit", args=[meeting.pk]))
    listing = editor_client.get(reverse("wagtaildocs:index"))

    html = editor.content.decode()
    assert "Protokoll vom Juli (nur für Mitglieder)" in html
    assert "Programm vom Juli (öffentlich)" in html
    rows = listing.content.decode().split("<tr")
    (protocol_row,) = [row for row in rows if "Protokoll vom Juli" in row]
    (programme_row,) = [row for row in rows if "Programm vom Juli" in row]
    assert "nur für Mitglieder" in protocol_row and "Protokoll" in protocol_row
    assert "öffentlich" in programme_row and "nur für Mitglieder" not in programme_row
