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
    assert download["Location"].startswith("/anmelden/")
    page = visitor.get(meeting.url).content.decode()
    assert f'href="/anmelden/?next={protocol.url}"' in page
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
