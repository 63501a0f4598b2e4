"""A new document's title is proposed from kind, event and date, never the file's name.

The title is the link text visitors read; "protokoll-test" (what Wagtail copies from the file
name) stood on event pages before.
"""

import json
import re
from html import unescape
from urllib.parse import urlencode

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from wagtail.documents import get_document_model
from wagtail.models import Collection

import pytest

from tests.documents.test_uploads import GOOD_PDF
from tests.factories import MeetingPageFactory
from tests.factories.documents import pdf_document, restricted_collection
from workgroups.models import EventMaterial

pytestmark = pytest.mark.django_db

AJAX = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
EVENT = {"anlass": "Arbeitskreistreffen vom 12.03.2020", "datum": "12.03.2020 10:00"}


def today():
    return format_date(timezone.localdate(), "d.m.Y")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def members_collection():
    return restricted_collection("Protokolle")


def _saved_titles():
    return list(get_document_model().objects.values_list("title", flat=True))


def _upload(client, url, *, title, kind, collection, prefix="", name="protokoll-test.pdf"):
    fields = {
        "title": title,
        "kind": kind,
        "collection": collection.pk,
        "file": SimpleUploadedFile(name, GOOD_PDF),
    }
    return client.post(url, {f"{prefix}{key}": value for key, value in fields.items()})


@pytest.mark.parametrize("title", ["protokoll-test", "protokoll-test.pdf", "", "  "])
def test_an_upload_titled_by_its_file_name_gets_the_proposal(
    editor_client, members_collection, title
):
    response = _upload(
        editor_client,
        reverse("wagtaildocs:add"),
        title=title,
        kind="protocol",
        collection=members_collection,
    )

    assert response.status_code == 302
    assert _saved_titles() == [f"Protokoll vom {today()}"]


def test_a_title_the_editor_typed_is_kept(editor_client, members_collection):
    _upload(
        editor_client,
        reverse("wagtaildocs:add"),
        title="Ergebnisprotokoll Bauhofkooperation",
        kind="protocol",
        collection=members_collection,
    )

    assert _saved_titles() == ["Ergebnisprotokoll Bauhofkooperation"]


def test_the_upload_form_shows_the_proposal_and_the_proposals_per_kind(editor_client):
    html = editor_client.get(reverse("wagtaildocs:add")).content.decode()

    (title_input,) = re.findall(r"<input[^>]*name=\"title\"[^>]*>", html)
    assert f'value="Unterlage vom {today()}"' in title_input
    proposals = json.loads(unescape(re.search(r'data-title-proposals="([^"]*)"', title_input)[1]))
    assert proposals["protocol"] == f"Protokoll vom {today()}"
    assert proposals["programme"] == f"Programm vom {today()}"
    assert "documents/js/document-title.js" in html


def test_the_chooser_of_an_events_materials_proposes_event_and_date(
    editor_client, members_collection
):
    chooser = editor_client.get(reverse("wagtaildocs_chooser:choose"), EVENT).json()["html"]

    assert 'value="Unterlage – Arbeitskreistreffen vom 12.03.2020"' in unescape(chooser)
    (action,) = re.findall(r'action="([^"]*chooser/create/[^"]*)"', chooser)
    response = _upload(
        editor_client,
        unescape(action),
        title="protokoll-test",
        kind="protocol",
        collection=members_collection,
        prefix="document-chooser-upload-",
    )

    assert response.json()["step"] == "chosen"
    assert _saved_titles() == ["Protokoll – Arbeitskreistreffen vom 12.03.2020"]


def test_an_event_title_without_its_date_gets_the_date(editor_client):
    url = reverse("wagtaildocs_chooser:create")
    query = "?anlass=Arbeitskreistreffen+Digitale+Verwaltung&datum=10.02.2027+14%3A00"

    response = _upload(
        editor_client,
        url + query,
        title="",
        kind="programme",
        collection=Collection.get_first_root_node(),
        prefix="document-chooser-upload-",
    )

    assert response.json()["step"] == "chosen"
    assert _saved_titles() == ["Programm – Arbeitskreistreffen Digitale Verwaltung vom 10.02.2027"]


def test_the_multiple_upload_proposes_and_follows_the_chosen_kind(
    editor_client, members_collection
):
    upload = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile("protokoll-test.pdf", GOOD_PDF),
            "collection": members_collection.pk,
        },
        **AJAX,
    ).json()
    assert f'value="Unterlage vom {today()}"' in upload["form"]
    assert "protokoll-test" not in re.sub(r'<a [^>]*href="[^"]*"', "", upload["form"])

    prefix = f"uploaded-document-{upload['uploaded_file_id']}"
    response = editor_client.post(
        reverse(
            "wagtaildocs:create_multiple_from_uploaded_document", args=[upload["uploaded_file_id"]]
        ),
        {
            # The title as the form showed it; the editor only chose the kind.
            f"{prefix}-title": f"Unterlage vom {today()}",
            f"{prefix}-kind": "protocol",
            f"{prefix}-collection": members_collection.pk,
        },
        **AJAX,
    )

    assert response.json()["success"] is True
    assert _saved_titles() == [f"Protokoll vom {today()}"]


def test_the_multiple_upload_replaces_a_file_name_typed_back(editor_client, members_collection):
    upload = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile("Protokoll_AK_Maerz.pdf", GOOD_PDF),
            "collection": members_collection.pk,
        },
        **AJAX,
    ).json()
    prefix = f"uploaded-document-{upload['uploaded_file_id']}"

    editor_client.post(
        reverse(
            "wagtaildocs:create_multiple_from_uploaded_document", args=[upload["uploaded_file_id"]]
        ),
        {
            f"{prefix}-title": "Protokoll_AK_Maerz.pdf",
            f"{prefix}-kind": "protocol",
            f"{prefix}-collection": members_collection.pk,
        },
        **AJAX,
    )

    assert _saved_titles() == [f"Protokoll vom {today()}"]


def test_editing_an_old_document_keeps_its_title_and_dates_proposals_by_its_upload(
    editor_client,
):
    document = pdf_document("Programm des Treffens", kind="programme")
    get_document_model().objects.filter(pk=document.pk).update(
        created_at=timezone.make_aware(timezone.datetime(2024, 5, 6, 12, 0))
    )
    edit_url = reverse("wagtaildocs:edit", args=[document.pk])
    html = editor_client.get(edit_url).content.decode()
    assert "Unterlage vom 06.05.2024" in unescape(html)  # proposals use the upload's day

    response = editor_client.post(
        edit_url,
        {
            "title": "Programm des Treffens",
            "kind": "programme",
            "collection": document.collection_id,
        },
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "Programm des Treffens"


def test_the_event_editor_sends_title_and_start_to_the_document_chooser(
    editor_client, working_group
):
    meeting = MeetingPageFactory(parent=working_group)

    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[meeting.pk])).content.decode()

    assert '"linkedFields": {"anlass": "#id_title", "datum": "#id_start"}' in html


def test_visitors_read_the_proposed_title_as_link_text(editor_client, client, working_group):
    """The editor uploads a programme from the event's materials and keeps the title shown."""
    meeting = MeetingPageFactory(parent=working_group, title="Arbeitskreistreffen vom 12.03.2020")
    response = _upload(
        editor_client,
        reverse("wagtaildocs_chooser:create") + "?" + urlencode(EVENT),
        title="programm-test",  # what Wagtail's script copies from the file name
        kind="programme",
        collection=Collection.get_first_root_node(),
        prefix="document-chooser-upload-",
        name="programm-test.pdf",
    )
    EventMaterial.objects.create(page=meeting, document_id=response.json()["result"]["id"])
    meeting.save_revision().publish()

    html = client.get(meeting.url).content.decode()

    assert "Programm – Arbeitskreistreffen vom 12.03.2020 <span" in html
    assert ">programm-test" not in html and "programm-test <" not in html
