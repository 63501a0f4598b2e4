"""Images and document links in the shared body, as readers see them."""

import pytest
from wagtail_factories import DocumentFactory, ImageFactory

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_image_block_renders_alt_text_and_caption(client, home_page):
    image = ImageFactory(title="Rathaus")
    page = StandardPageFactory(
        parent=home_page,
        body=[
            (
                "image",
                {
                    "image": {
                        "image": image,
                        "alt_text": "Rathaus am Marktplatz",
                        "decorative": False,
                    },
                    "caption": "Sitz der Geschäftsstelle",
                    "attribution": "Foto: Verein",
                },
            )
        ],
    )

    html = client.get(page.url).content.decode()

    assert 'alt="Rathaus am Marktplatz"' in html
    assert "<figcaption" in html and "Sitz der Geschäftsstelle" in html
    assert "Foto: Verein" in html


def test_document_link_tells_type_and_size(client, home_page):
    document = DocumentFactory(title="Programm der Fachwerkstatt")
    page = StandardPageFactory(
        parent=home_page, body=[("document", {"document": document, "title": ""})]
    )

    html = client.get(page.url).content.decode()

    assert "Programm der Fachwerkstatt" in html
    assert f'href="{document.url}"' in html
    assert document.url.startswith("/dokumente/")
    assert f"({document.file_extension.upper()}, 1 KB)" in html
