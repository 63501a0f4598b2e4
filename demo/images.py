"""Illustrations the project draws itself for the demo (no image services, no downloads).

Each is a small network of connected dots on a calm background, the site's motif for
municipalities working together, drawn with Pillow from a fixed seed so every build matches.
"""

import io
import random

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from PIL import Image, ImageDraw

from home.templatetags.image_tags import CROPS, SHARE

# Large enough for the widest size a page shows (1600 px under the title, a 4:1 strip of it).
WIDTH, HEIGHT = 1600, 840
SCALE = WIDTH / 1200
PALETTES = {
    "blau": ("#e8edf8", "#2044aa", "#5b7bd5"),
    "gruen": ("#e7f3ee", "#1d7a55", "#57b08a"),
    "orange": ("#fbf0e6", "#b35a12", "#e0974f"),
    "violett": ("#f0ecf7", "#5b3d99", "#9a7fcf"),
}


def draw_network(seed, palette):
    """PNG bytes: dots joined to their nearest neighbours, larger dots for the towns."""
    background, strong, light = PALETTES[palette]
    rng = random.Random(seed)  # noqa: S311 (a drawing, not a secret)
    image = Image.new("RGB", (WIDTH, HEIGHT), background)
    draw = ImageDraw.Draw(image)
    margin = round(60 * SCALE)
    points = [
        (rng.randint(margin, WIDTH - margin), rng.randint(margin, HEIGHT - margin))
        for _ in range(18)
    ]
    for x, y in points:
        nearest = sorted(points, key=lambda p: (p[0] - x) ** 2 + (p[1] - y) ** 2)[1:3]
        for nx, ny in nearest:
            draw.line((x, y, nx, ny), fill=light, width=round(6 * SCALE))
    for index, (x, y) in enumerate(points):
        radius = round((26 if index % 4 == 0 else 14) * SCALE)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=strong)
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def ensure_illustration(title, description, seed, palette):
    """The demo image of that title, drawn on first use."""
    model = get_image_model()
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = draw_network(seed, palette)
    image = model(title=title, description=description)
    image.file.save(f"{seed}.png", ImageFile(io.BytesIO(data), name=f"{seed}.png"), save=False)
    image.save()
    # The sizes a working group's header and card show, in AVIF and WebP, and the link
    # preview: made now, so the first visitor (and every test on the demo) does not wait.
    image.get_renditions(*CROPS["hero"].specs(), *CROPS["card"].specs(), SHARE)
    return image
