"""Documents are never served straight from MEDIA_ROOT, even by the development server."""

import importlib

from django.test import override_settings
from django.urls import clear_url_caches

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def debug_urlconf():
    """The URL configuration as `make run` builds it, with DEBUG on."""
    import config.urls

    with override_settings(DEBUG=True):
        module = importlib.reload(config.urls)
        clear_url_caches()
        yield module
    importlib.reload(config.urls)
    clear_url_caches()


@pytest.fixture
def media_files(media_root):
    """A members-only protocol with its thumbnail, a public image, and a link to the documents."""
    (media_root / "documents" / "thumbnails").mkdir(parents=True)
    (media_root / "documents" / "protokoll.pdf").write_bytes(b"%PDF-1.4 vertraulich")
    (media_root / "documents" / "thumbnails" / "protokoll.png").write_bytes(b"vertraulich")
    (media_root / "original_images").mkdir()
    (media_root / "original_images" / "bild.png").write_bytes(b"\x89PNG\r\n")
    (media_root / "images").mkdir()
    (media_root / "images" / "verweis").symlink_to(media_root / "documents")
    return media_root


def _body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_dev_server_serves_images(client, media_files, debug_urlconf):
    with override_settings(DEBUG=True):
        response = client.get("/media/original_images/bild.png")

    assert response.status_code == 200
    assert _body(response).startswith(b"\x89PNG")


@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/protokoll.pdf",
        "/media/documents/thumbnails/protokoll.png",
        "/media/images/../documents/protokoll.pdf",
        "/media/original_images/../documents/thumbnails/protokoll.png",
        "/media/images/%2e%2e/documents/protokoll.pdf",
        "/media/images/%2E%2E%2Fdocuments%2Fprotokoll.pdf",
        "/media/images/..%2fdocuments/protokoll.pdf",
        "/media/images/..%5cdocuments%5cprotokoll.pdf",
        "/media/images//../../media/documents/protokoll.pdf",
        "/media/images/verweis/protokoll.pdf",
        "/media/images/./../documents/protokoll.pdf",
    ],
)
def test_dev_server_never_serves_documents(client, media_files, debug_urlconf, path):
    with override_settings(DEBUG=True):
        response = client.get(path)

    assert response.status_code == 404
    assert b"vertraulich" not in _body(response)
