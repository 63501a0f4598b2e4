"""A page's image wherever it is shown (its header, a card, a list row) and in link previews,
without a query or a cache read per size.

Wagtail's ``{% image %}`` loads the image (one query for ``page.image``) and asks the cache for
each rendition on its own. The places a page's image appears have fixed shapes (``CROPS``), and
their addresses change only when the image does (saving an image purges), so each shape's set of
sizes and formats is kept as one entry per image and shape.

Each shape comes in AVIF and WebP, in widths from a phone's to a wide screen's, for a
``<picture>`` whose ``sizes`` tell the browser how wide the box is: a phone fetches the small
file, and never a size its box does not need (``templates/components/picture.html``).
"""

import logging
from dataclasses import dataclass

from django import template

from wagtail.images import get_image_model

from operations.page_cache import cached_until_change, leave_out_of_caches

register = template.Library()
logger = logging.getLogger(__name__)

SHARE = "fill-1200x630"
#: The formats of every shape, best first: browsers take the first they can show.
FORMATS = (("avif", "image/avif"), ("webp", "image/webp"))


@dataclass(frozen=True)
class Crop:
    """A shape a page's image is shown in: its aspect ratio, the widths the image is offered in,
    and how wide its box is at each screen width (the ``sizes`` attribute, from the CSS)."""

    ratio: tuple[int, int]
    widths: tuple[int, ...]
    sizes: str

    def spec(self, width, image_format):
        height = round(width * self.ratio[1] / self.ratio[0])
        return f"fill-{width}x{height}|format-{image_format}"

    def specs(self):
        return [self.spec(width, fmt) for fmt, _type in FORMATS for width in self.widths]


CROPS = {
    # Below a page's title, as wide as the page (the container: 100% less 1rem each side, 96%
    # from 576 px, at most 1536 px); 1.75 × a phone's 380 px box takes the 800 px file.
    "hero": Crop(
        ratio=(4, 1),
        widths=(480, 800, 1200, 1600),
        sizes="(min-width: 1600px) 1504px, (min-width: 576px) calc(96vw - 2rem), "
        "calc(100vw - 2rem)",
    ),
    # A card of the home page's grid: one column on phones, up to four on wide screens.
    "card": Crop(
        ratio=(2, 1),
        widths=(400, 800),
        sizes="(min-width: 1200px) 24vw, (min-width: 576px) 46vw, calc(100vw - 2rem)",
    ),
    # Beside an event in a list (site/static/css/components/95-page-image.css).
    "thumbnail": Crop(ratio=(3, 2), widths=(192, 384), sizes="(min-width: 768px) 12rem, 6rem"),
}


# Whether a header image is on a phone's first screen (375 × 740 CSS px, where the site was
# checked), estimated from the text above it: only then does it load at once and before other
# files; otherwise it waits until it nears the screen. The figures are the header's as KERN's
# type sets it at that width: characters and pixels per line, and the space around each part.
FIRST_SCREEN_HEIGHT = 740
HEADER_TOP = 168  # the site's header and the main area's padding
HEADER_LINES = {
    "preline": (26, 32, 0),
    "title": (18, 40, 16),
    "intro": (30, 32, 8),
    "topics": (32, 44, 16),  # topic chips: their names and each chip's padding
}
IMAGE_MARGIN = 16
VISIBLE_ENOUGH = 40  # so much of the image must be on the screen to count


@dataclass(frozen=True)
class Picture:
    url: str
    width: int
    height: int


@dataclass(frozen=True)
class Source:
    """One format of a picture in all its widths: a ``<source>`` element."""

    type: str
    srcset: str


@dataclass(frozen=True)
class ResponsivePicture:
    """An image in one shape, in every format and width, with its alternative text.

    ``fallback`` (the largest WebP) is the ``<img>``'s own file, for a browser that takes no
    ``<source>``; its width and height give the box its shape before the file arrives.
    """

    sources: tuple[Source, ...]
    fallback: Picture
    sizes: str
    alt: str


@dataclass(frozen=True)
class PageImage:
    """What link previews and search engines get of a page's image."""

    share: Picture
    alt: str


def _responsive_picture(renditions, crop, alt):
    sources = []
    files = {}
    for image_format, mime_type in FORMATS:
        # A small original is never enlarged: two widths may give the same file, offered once.
        by_width = {}
        for width in crop.widths:
            rendition = renditions[crop.spec(width, image_format)]
            by_width.setdefault(rendition.width, rendition)
        srcset = ", ".join(f"{r.url} {width}w" for width, r in sorted(by_width.items()))
        sources.append(Source(mime_type, srcset))
        files[image_format] = by_width
    # WebP: every browser that knows <picture> at all can show it.
    largest = files["webp"][max(files["webp"])]
    fallback = Picture(largest.url, largest.width, largest.height)
    return ResponsivePicture(tuple(sources), fallback, crop.sizes, alt)


def _page_image(image_id):
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return None
    share = image.get_rendition(SHARE)
    return PageImage(share=Picture(share.url, share.width, share.height), alt=image.description)


def _picture(image_id, crop_name):
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return None
    crop = CROPS[crop_name]
    return _responsive_picture(image.get_renditions(*crop.specs()), crop, image.description)


def _kept_or_left_out(key, compute, image_id):
    try:
        return cached_until_change(key, compute)
    except OSError as error:
        # A size that cannot be written (a full disk): the page without its picture, and
        # nothing of it kept, so the picture is back once the disk is.
        logger.warning("Seitenbild %s ausgelassen, Größe nicht gespeichert: %s", image_id, error)
        leave_out_of_caches("page image")
        return None


@register.simple_tag
def page_image(image_id):
    """The ``PageImage`` of the image with ``image_id`` (``None`` without one): for link
    previews; the page shows it through ``picture``."""
    if not image_id:
        return None
    return _kept_or_left_out(f"page-image:{image_id}", lambda: _page_image(image_id), image_id)


@register.simple_tag
def picture(image_id, crop_name):
    """The image with ``image_id`` as a ``ResponsivePicture`` in the shape ``crop_name`` (a key
    of ``CROPS``), ``None`` without one."""
    if not image_id:
        return None
    return _kept_or_left_out(
        f"page-picture:{image_id}:{crop_name}", lambda: _picture(image_id, crop_name), image_id
    )


@register.simple_tag
def image_id_of(page):
    """The image of ``page``, also when it came as a plain ``Page`` (a page chooser's value),
    which does not carry the fields of its type: then read once and kept until content changes.
    """
    if page is None:
        return None
    if hasattr(page, "image_id"):
        return page.image_id
    model = page.specific_class
    if model is None or not any(field.name == "image" for field in model._meta.concrete_fields):
        return None
    return cached_until_change(
        f"page-image-id:{page.pk}",
        lambda: model.objects.filter(pk=page.pk).values_list("image_id", flat=True).first(),
    )


def _text_height(part, text):
    chars_per_line, line_height, space = HEADER_LINES[part]
    if not text:
        return 0
    return -(-len(text) // chars_per_line) * line_height + space


@register.simple_tag
def header_image_on_first_screen(title, intro="", topics=(), *preline_parts):
    """Whether a page's image, under its header's ``preline_parts`` (the line above the title,
    its links), ``title``, ``intro`` and ``topics``, shows on a phone's first screen.

    An estimate that errs towards "no" for long texts: a header image on the first screen that
    loads lazily is a little late, one below it that loads first delays what is on the screen.
    """
    preline = " · ".join(str(part) for part in preline_parts if part)
    topic_text = "".join(f"{topic.name}    " for topic in topics or ())
    image_top = (
        HEADER_TOP
        + _text_height("preline", preline)
        + _text_height("title", str(title))
        + _text_height("intro", str(intro))
        + _text_height("topics", topic_text)
        + IMAGE_MARGIN
    )
    return image_top + VISIBLE_ENOUGH <= FIRST_SCREEN_HEIGHT
