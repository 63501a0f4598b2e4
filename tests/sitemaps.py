"""Reading the sitemap as a search engine does: the index, then every page of every section."""

import re
from urllib.parse import urlsplit

LOCATION = re.compile(r"<loc>([^<]*)</loc>")


def _path(url):
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def sitemap_pages(client):
    """The addresses of the sitemap's section pages, as listed in ``/sitemap.xml``."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    return [_path(url) for url in LOCATION.findall(index.content.decode())]


def sitemap_text(client):
    """Every section page's XML, joined: what a search engine reads of the site."""
    return "".join(client.get(page).content.decode() for page in sitemap_pages(client))
