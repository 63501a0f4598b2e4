"""Members-only documents: named for everyone, downloadable by members, never leaked."""

import io
import json
import re
import zipfile

import pytest

from tests.factories import MeetingPageFactory, UserFactory
from tests.factories.documents import pdf_document, restricted_collection
from workgroups.models import EventMaterial

pytestmark = pytest.mark.django_db


@pytest.fixture
def members_collection(db):
    return restricted_collection(groups=("Mitglieder", "Redaktion"))


@pytest.fixture
def meeting(working_group, members_collection):
    event = MeetingPageFactory(parent=working_group, title="Arbeitskreistreffen vom 12.03.2020")
    protocol = pdf_document("Protokoll", kind="protocol", collection=members_collection)
    programme = pdf_document("Programm", kind="programme")
    EventMaterial.objects.create(page=event, document=protocol)
    EventMaterial.objects.create(page=event, document=programme)
    event.protocol, event.programme = protocol, programme
    return event


def test_visitor_sees_the_protocol_exists_with_a_login_hint(client, meeting):
    html = client.get(meeting.url).content.decode()

    assert "Protokoll" in html
    assert "Nur für Mitglieder" in html
    assert f'href="/einloggen/?next={meeting.protocol.url}"' in html
    assert f'href="{meeting.protocol.url}"' not in html
    assert f'href="{meeting.programme.url}"' in html  # public material stays a link


def test_member_gets_the_download_link(client, meeting, member):
    client.force_login(member)

    html = client.get(meeting.url).content.decode()

    assert f'href="{meeting.protocol.url}"' in html
    assert "nur für Mitglieder" in html


def test_visitor_download_goes_to_login_and_back(client, meeting):
    response = client.get(meeting.protocol.url)

    assert response.status_code == 302
    assert response["Location"] == f"/einloggen/?next={meeting.protocol.url}"


def test_member_downloads_with_private_cache_control(client, meeting, member):
    client.force_login(member)

    response = client.get(meeting.protocol.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "private" in response["Cache-Control"]
    public = client.get(meeting.programme.url)
    assert "public" in public["Cache-Control"]


def test_user_outside_the_member_groups_is_refused(client, meeting):
    client.force_login(UserFactory(username="fremd"))

    response = client.get(meeting.protocol.url)

    assert response.status_code in (302, 403)


def test_guessed_media_url_of_a_private_document_gets_no_file(client, meeting):
    response = client.get(f"/media/{meeting.protocol.file.name}")

    assert response.status_code == 404


def test_thumbnail_follows_the_same_rules(client, meeting, member):
    url = f"/dokumente/vorschau/{meeting.protocol.pk}/"

    assert client.get(url).status_code == 404
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "private" in response["Cache-Control"]


def test_json_ld_names_public_documents_only(client, meeting):
    html = client.get(meeting.url).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )

    assert [doc["name"] for doc in data["subjectOf"]] == ["Programm"]


def _zip_names(response):
    return sorted(zipfile.ZipFile(io.BytesIO(response.content)).namelist())


def test_all_materials_zip_holds_what_the_viewer_may_see(client, meeting, member):
    anonymous_page = client.get(meeting.url).content.decode()
    assert "Alle Unterlagen als ZIP" not in anonymous_page  # only one file for visitors

    client.force_login(member)
    assert "Alle Unterlagen als ZIP (2 Dateien)" in client.get(meeting.url).content.decode()
    response = client.get(f"{meeting.url}unterlagen/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].endswith('-unterlagen.zip"')
    assert _zip_names(response) == sorted([meeting.programme.filename, meeting.protocol.filename])
    assert "private" in response["Cache-Control"]


def test_zip_for_visitors_leaves_out_members_only_files(client, meeting):
    response = client.get(f"{meeting.url}unterlagen/")

    assert _zip_names(response) == [meeting.programme.filename]


def test_a_file_missing_on_disk_leaves_the_others_downloadable(client, meeting, member):
    client.force_login(member)
    meeting.protocol.file.storage.delete(meeting.protocol.file.name)

    zipped = client.get(f"{meeting.url}unterlagen/")
    single = client.get(meeting.protocol.url)

    assert zipped.status_code == 200
    assert _zip_names(zipped) == [meeting.programme.filename]
    assert single.status_code == 404
    assert client.get(meeting.programme.url).status_code == 200


def test_visitors_learn_nothing_about_missing_members_only_files(client, meeting):
    meeting.protocol.file.storage.delete(meeting.protocol.file.name)

    response = client.get(meeting.protocol.url)

    assert response.status_code == 302
    assert response["Location"].startswith("/einloggen/")
