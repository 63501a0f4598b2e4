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


def test_dev_server_serves_images_but_not_documents(client, media_root, debug_urlconf):
    (media_root / "documents").mkdir(parents=True)
    (media_root / "documents" / "protokoll.pdf").write_bytes(b"%PDF-1.4 vertraulich")
    (media_root / "original_images").mkdir(parents=True)
    (media_root / "original_images" / "bild.png").write_bytes(b"\x89PNG\r\n")

    with override_settings(DEBUG=True):
        assert client.get("/media/original_images/bild.png").status_code == 200
        response = client.get("/media/documents/protokoll.pdf")

    assert response.status_code == 404
    assert b"vertraulich" not in b"".join(
        getattr(response, "streaming_content", [response.content])
    )
