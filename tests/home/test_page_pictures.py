"""Pictures of pages where visitors meet them: under the title of a working group or an event,
on the home page's cards and beside events in lists. Each is a <picture> with AVIF and WebP in
the widths its box needs, and only a picture on a phone's first screen loads at once."""

import re

from django.core.files.storage import default_storage

import pytest
from wagtail_factories import ImageFactory

from home.templatetags.image_tags import header_image_on_first_screen
from tests.factories import MeetingPageFactory, TopicFactory, WorkingGroupPageFactory
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

DESCRIPTION = "Grafik: verbundene Punkte als Sinnbild für die Zusammenarbeit"


@pytest.fixture
def illustration():
    return ImageFactory(title="Netz", description=DESCRIPTION, file__width=1600, file__height=840)


def _pictures(html):
    return re.findall(r"<picture[^>]*>.*?</picture>", html, re.S)


def _img(picture):
    return re.search(r"<img [^>]*>", picture).group(0)


def _srcset_widths(picture, mime_type):
    srcset = re.search(rf'<source type="{mime_type}" srcset="([^"]+)"', picture).group(1)
    return [int(candidate.rsplit(" ", 1)[1].rstrip("w")) for candidate in srcset.split(", ")]


def test_working_group_shows_its_image_under_the_title_in_avif_and_webp(
    client, home_page, illustration
):
    group = WorkingGroupPageFactory(parent=home_page, title="Die neue Mobilität", intro="Kurz.")
    group.image = illustration
    group.save_revision().publish()

    html = client.get(group.url).content.decode()
    (picture,) = _pictures(html.split('<header class="page-header">', 1)[1].split("</header>")[0])
    img = _img(picture)

    assert _srcset_widths(picture, "image/avif") == [480, 800, 1200, 1600]
    assert _srcset_widths(picture, "image/webp") == [480, 800, 1200, 1600]
    assert picture.index('type="image/avif"') < picture.index('type="image/webp"')
    assert 'sizes="(min-width: 1600px) 1504px, ' in picture
    assert f'alt="{DESCRIPTION}"' in img
    assert 'width="1600" height="400"' in img  # the 4:1 box, before the file arrives
    # A short header: the picture is on a phone's first screen and comes first.
    assert 'fetchpriority="high"' in img and "loading=" not in img
    for url in re.findall(r'(/media/images/[^" ]+)', picture):
        assert default_storage.exists(url.removeprefix("/media/")), url


def test_image_below_a_long_header_loads_when_it_nears_the_screen(client, home_page, illustration):
    group = WorkingGroupPageFactory(
        parent=home_page,
        title="Die neuen Kommunen ohne Grenzen",
        tagline="Verwaltungskooperation | Zusammenarbeit",
        intro="Im Arbeitskreis tauschen sich die Verwaltungen der Mitgliedskommunen aus. " * 3,
    )
    for number in range(5):
        group.topics.add(TopicFactory(name=f"Aufgabenteilung und Vergabe {number}"))
    group.image = illustration
    group.save_revision().publish()

    html = client.get(group.url).content.decode()
    img = _img(_pictures(html)[0])

    assert 'loading="lazy"' in img
    assert "fetchpriority" not in img


@pytest.mark.parametrize(
    ("texts", "on_first_screen"),
    [
        (("Die neue Mobilität", "Wege zwischen Stadt und Land.", (), "Mobilität | Verkehr"), True),
        (("Termine", ""), True),
        (
            ("Die neuen Kommunen ohne Grenzen", "Ein langer Text. " * 20, (), "Zusammenarbeit"),
            False,
        ),
        (("Informationsveranstaltung „Digitalisierung: Das Onlinezugangsgesetz“ " * 4, ""), False),
    ],
)
def test_first_screen_estimate_follows_the_text_above_the_image(texts, on_first_screen):
    assert header_image_on_first_screen(*texts) is on_first_screen


def test_event_in_a_list_shows_its_image_beside_the_text_lazily(
    client, working_group, illustration
):
    MeetingPageFactory(parent=working_group, title="Treffen mit Bild", image=illustration)
    MeetingPageFactory(parent=working_group, title="Treffen ohne Bild")

    html = client.get(working_group.url).content.decode()
    rows = {
        title: row
        for row in re.findall(r'<li class="event-list__item.*?</li>', html, re.S)
        for title in ("Treffen mit Bild", "Treffen ohne Bild")
        if title in row
    }

    (picture,) = _pictures(rows["Treffen mit Bild"])
    assert 'class="event-teaser__picture"' in picture
    assert _srcset_widths(picture, "image/avif") == [192, 384]
    assert _srcset_widths(picture, "image/webp") == [192, 384]
    assert 'sizes="(min-width: 768px) 12rem, 6rem"' in picture
    img = _img(picture)
    assert 'loading="lazy"' in img and 'width="384" height="256"' in img
    assert f'alt="{DESCRIPTION}"' in img
    assert _pictures(rows["Treffen ohne Bild"]) == []


def test_event_page_shows_its_image_under_the_title(client, working_group, illustration):
    event = MeetingPageFactory(parent=working_group, title="Treffen", image=illustration)

    html = client.get(event.url).content.decode()
    header = html.split('<header class="page-header">', 1)[1].split("</header>")[0]

    (picture,) = _pictures(header)
    assert 'type="image/avif"' in picture and 'type="image/webp"' in picture
    assert f'alt="{DESCRIPTION}"' in _img(picture)


def test_home_page_cards_show_the_working_groups_images(client, demo_site):
    """The demo's four working groups have drawn illustrations; their cards show them, below
    the first screen, so none of them loads before it is needed."""
    html = client.get("/").content.decode()
    section = html.split('id="aktionsfelder"', 1)[1].split("</section>", 1)[0]

    pictures = _pictures(section)
    assert len(pictures) == 4
    for picture in pictures:
        assert _srcset_widths(picture, "image/avif") == [400, 800]
        assert _srcset_widths(picture, "image/webp") == [400, 800]
        img = _img(picture)
        assert 'loading="lazy"' in img and "fetchpriority" not in img
        assert 'width="800" height="400"' in img
        assert 'alt="Grafik: verbundene Punkte als Sinnbild für den Arbeitskreis „' in img
    assert section.count('class="kern-card__media"') == 4


def test_pictures_cost_no_query_once_kept(client, demo_site):
    """The pictures' files and sizes are kept until content changes: the home page and a
    working group with the demo's images need no more queries than without them."""
    from workgroups.models import WorkingGroupPage

    urls = ["/", "/kommunen-ohne-grenzen/"]
    with_pictures = [count_queries(client, url) for url in urls]
    assert 'type="image/avif"' in client.get(urls[1]).content.decode()
    for group in WorkingGroupPage.objects.all():
        group.image = None
        group.save_revision().publish()
    without_pictures = [count_queries(client, url) for url in urls]

    assert 'type="image/avif"' not in client.get(urls[1]).content.decode()
    assert with_pictures == without_pictures
