"""A page's image in its header and in link previews, without a query or a cache read per size.

Wagtail's ``{% image %}`` loads the image (one query for ``page.image``) and asks the cache for
each rendition on its own. The sizes a page shows are fixed, and their addresses change only
when the image does (saving an image purges), so the whole set is kept as one entry per image.
"""

import logging
from dataclasses import dataclass

from django import template

from wagtail.images import get_image_model

from home.page_cache import cached_until_change, leave_out_of_caches

register = template.Library()
logger = logging.getLogger(__name__)

HEADER_WIDE = "fill-1200x300|format-webp"
HEADER_NARROW = "fill-600x150|format-webp"
SHARE = "fill-1200x630"


@dataclass(frozen=True)
class Picture:
    url: str
    width: int
    height: int


@dataclass(frozen=True)
class PageImage:
    """The renditions of one image a page shows, with the description as alternative text."""

    wide: Picture
    narrow: Picture
    share: Picture
    alt: str


def _page_image(image_id):
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return None
    renditions = image.get_renditions(HEADER_WIDE, HEADER_NARROW, SHARE)
    wide, narrow, share = (
        Picture(rendition.url, rendition.width, rendition.height)
        for rendition in (renditions[HEADER_WIDE], renditions[HEADER_NARROW], renditions[SHARE])
    )
    return PageImage(wide=wide, narrow=narrow, share=share, alt=image.description)


@register.simple_tag
def page_image(image_id):
    """The ``PageImage`` of the image with ``image_id`` (``None`` without one)."""
    if not image_id:
        return None
    try:
        return cached_until_change(f"page-image:{image_id}", lambda: _page_image(image_id))
    except OSError as error:
        # A size that cannot be written (a full disk): the page without its picture, and
        # nothing of it kept, so the picture is back once the disk is.
        logger.warning("Seitenbild %s ausgelassen, Größe nicht gespeichert: %s", image_id, error)
        leave_out_of_caches("page image")
        return None
