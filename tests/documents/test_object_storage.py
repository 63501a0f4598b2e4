"""Media on S3-compatible object storage (``MEDIA_S3_BUCKET``), against a local S3 server.

The same rules as on disk: members-only documents and their previews leave only through the
permission check; images have plain public addresses that stay valid in kept pages.
"""

import io
import json
import uuid
import zipfile
from pathlib import Path

from django.conf import settings as django_settings
from django.test import override_settings

import boto3
import pytest
from moto.server import ThreadedMotoServer
from wagtail_factories import ImageFactory

from operations.backup import read_backup, write_backup
from operations.media import PUBLIC_MEDIA_FOLDERS
from tests.factories import MeetingPageFactory
from tests.factories.documents import pdf_document, restricted_collection
from tests.network import free_port
from workgroups.models import EventMaterial

pytestmark = pytest.mark.django_db

BUCKET_POLICY = Path(django_settings.BASE_DIR) / "deploy" / "s3-bucket-policy.json"


@pytest.fixture(scope="module")
def s3_server():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_server, settings, monkeypatch):
    """A fresh bucket with the deployed policy, configured as ``config/settings/base.py`` does."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test")
    name = f"medien-{uuid.uuid4().hex[:12]}"
    s3 = boto3.client("s3", endpoint_url=s3_server, region_name="eu-central-1")
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
    s3.put_bucket_policy(Bucket=name, Policy=BUCKET_POLICY.read_text().replace("BUCKET", name))
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "operations.storage.MediaStorage",
            "OPTIONS": {
                "bucket_name": name,
                "endpoint_url": s3_server,
                "region_name": "eu-central-1",
            },
        },
    }
    return s3, name


def _keys(s3, name):
    return sorted(item["Key"] for item in s3.list_objects_v2(Bucket=name).get("Contents", []))


@pytest.fixture
def meeting(bucket, working_group):
    event = MeetingPageFactory(parent=working_group, title="Treffen mit Unterlagen")
    members_only = restricted_collection(groups=("Mitglieder",))
    protocol = pdf_document("Protokoll", kind="protocol", collection=members_only)
    programme = pdf_document("Programm", kind="programme")
    EventMaterial.objects.create(page=event, document=protocol)
    EventMaterial.objects.create(page=event, document=programme)
    event.protocol, event.programme = protocol, programme
    return event


def test_documents_and_previews_are_stored_in_the_bucket(bucket, meeting):
    s3, name = bucket

    keys = _keys(s3, name)

    assert meeting.protocol.file.name in keys
    assert meeting.protocol.thumbnail.name in keys
    assert all(key.startswith("documents/") for key in keys)


def test_a_members_only_document_leaves_the_bucket_only_through_the_permission_check(
    client, bucket, meeting, member
):
    s3, name = bucket
    stored = s3.get_object(Bucket=name, Key=meeting.protocol.file.name)["Body"].read()
    preview = f"/dokumente/vorschau/{meeting.protocol.pk}/"

    visitor = client.get(meeting.protocol.url)
    visitor_preview = client.get(preview)
    page = client.get(meeting.url).content.decode()
    client.force_login(member)
    download = client.get(meeting.protocol.url)
    member_preview = client.get(preview)

    assert visitor.status_code == 302 and visitor["Location"].startswith("/einloggen/")
    assert visitor_preview.status_code == 404
    assert name not in page  # no address in the bucket anywhere on the page
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == stored
    assert "private" in download["Cache-Control"]
    assert member_preview.status_code == 200
    assert member_preview["Content-Type"] == "image/png"


def test_the_zip_of_all_materials_reads_from_the_bucket(client, bucket, meeting, member):
    client.force_login(member)

    response = client.get(f"{meeting.url}unterlagen/")

    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert sorted(names) == sorted([meeting.programme.filename, meeting.protocol.filename])


def test_documents_have_no_direct_address_in_the_bucket(bucket, meeting):
    with pytest.raises(NotImplementedError):
        meeting.protocol.file.url  # noqa: B018 (the property is the test)


def test_images_have_plain_public_addresses(bucket, s3_server):
    s3, name = bucket
    image = ImageFactory(title="Rathaus")

    rendition = image.get_rendition("fill-320x180")

    assert rendition.url.startswith(f"{s3_server}/{name}/images/")
    assert "Signature" not in rendition.url and "X-Amz" not in rendition.url  # never expires
    assert rendition.file.name in _keys(s3, name)


def test_the_bucket_policy_opens_exactly_the_public_folders():
    policy = json.loads(BUCKET_POLICY.read_text())
    (statement,) = policy["Statement"]

    assert statement["Effect"] == "Allow" and statement["Action"] == "s3:GetObject"
    assert sorted(statement["Resource"]) == sorted(
        f"arn:aws:s3:::BUCKET/{folder}/*" for folder in PUBLIC_MEDIA_FOLDERS
    )


def test_backup_and_restore_carry_the_bucket_into_another(bucket, meeting, s3_server, tmp_path):
    s3, name = bucket
    archive = tmp_path / "sicherung.tar.gz"
    write_backup(archive)
    empty_bucket = f"{name}-neu"
    s3.create_bucket(
        Bucket=empty_bucket, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"}
    )

    with override_settings(
        STORAGES={
            **django_settings.STORAGES,
            "default": {
                **django_settings.STORAGES["default"],
                "OPTIONS": {
                    **django_settings.STORAGES["default"]["OPTIONS"],
                    "bucket_name": empty_bucket,
                },
            },
        }
    ):
        read_backup(archive, replace=True)

    assert _keys(s3, empty_bucket) == _keys(s3, name)
    protocol = meeting.protocol.file.name
    original, restored = (
        s3.get_object(Bucket=bucket_name, Key=protocol)["Body"].read()
        for bucket_name in (name, empty_bucket)
    )
    assert restored == original
