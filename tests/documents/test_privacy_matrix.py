"""Who sees what, everywhere: visitor, member and editor against public and private things.

Each row is a thing; each column a place where it could leak. A test per viewer walks every
place and checks that the thing shows up exactly where that viewer is allowed to see it.
"""

from wagtail.models import PageViewRestriction

import pytest

from tests.factories import MeetingPageFactory, UserFactory
from tests.factories.documents import pdf_document, restricted_collection
from tests.sitemaps import sitemap_text
from workgroups.models import EventMaterial

pytestmark = pytest.mark.django_db

# Each thing carries a unique word, so its appearance anywhere can be detected.
PUBLIC_DOC = "Oeffentlichwort"
MEMBERS_DOC = "Mitgliederwort"
DRAFT_PAGE = "Entwurfwort"
RESTRICTED_PAGE = "Geschlossenwort"


@pytest.fixture
def world(working_group):
    members = restricted_collection(groups=("Mitglieder", "Redaktion"))
    public_doc = pdf_document(f"Programm {PUBLIC_DOC}", text=PUBLIC_DOC)
    members_doc = pdf_document(
        f"Protokoll {MEMBERS_DOC}", text=MEMBERS_DOC, kind="protocol", collection=members
    )
    meeting = MeetingPageFactory(parent=working_group, title="Treffen", slug="treffen")
    EventMaterial.objects.create(page=meeting, document=public_doc)
    EventMaterial.objects.create(page=meeting, document=members_doc)
    meeting.save_revision().publish()
    MeetingPageFactory(
        parent=working_group, title=f"Treffen {DRAFT_PAGE}", slug="entwurf", live=False
    )
    restricted = MeetingPageFactory(
        parent=working_group, title=f"Treffen {RESTRICTED_PAGE}", slug="geschlossen"
    )
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    return {"public_doc": public_doc, "members_doc": members_doc, "meeting": meeting}


def _search_results(client, word):
    """The result list only: the summary line repeats the query itself."""
    html = client.get("/suche/", {"q": word}).content
    start = html.find(b'<ol class="search-results"')
    return html[start : html.find(b"</ol>", start)] if start >= 0 else b""


def _places(client, world, word):
    """Where ``word`` can be seen by this client."""
    group_url = "/kommunen-ohne-grenzen/"
    sources = {
        "liste": client.get(group_url).content,
        "suche": _search_results(client, word),
        "sitemap": sitemap_text(client).encode(),
        "ical": client.get(f"{group_url}ical/").content,
        "rss": client.get(f"{group_url}rss/").content,
        "api": client.get("/api/v2/termine/", {"fields": "*"}).content,
        "json-ld": client.get(world["meeting"].url).content.split(b"ld+json")[-1][:3000],
    }
    return {place for place, content in sources.items() if word.encode() in content}


def _can_download(client, document):
    return client.get(document.url).status_code == 200


def test_visitor(client, world):
    assert _places(client, world, PUBLIC_DOC) == {"suche", "json-ld"}
    assert _places(client, world, MEMBERS_DOC) == set()
    assert _places(client, world, DRAFT_PAGE) == set()
    assert _places(client, world, RESTRICTED_PAGE) == set()
    assert _can_download(client, world["public_doc"])
    assert not _can_download(client, world["members_doc"])
    # The protocol is named on its event page, with the login hint.
    assert "Nur für Mitglieder" in client.get(world["meeting"].url).content.decode()


def test_member(client, world, member):
    client.force_login(member)

    assert "suche" in _places(client, world, MEMBERS_DOC)
    assert _can_download(client, world["members_doc"])
    assert _places(client, world, DRAFT_PAGE) == set()
    # Feeds, sitemap and API are public documents: members' things never go there.
    assert not {"sitemap", "ical", "rss", "api", "json-ld"} & _places(client, world, MEMBERS_DOC)
    assert not {"sitemap", "ical", "rss", "api"} & _places(client, world, RESTRICTED_PAGE)


def test_editor(client, world, editor):
    client.force_login(editor)

    assert _can_download(client, world["members_doc"])
    assert _places(client, world, DRAFT_PAGE) == set()  # drafts live in the admin preview only
    assert client.get("/kommunen-ohne-grenzen/entwurf/").status_code == 404


def test_logged_in_outsider_is_treated_like_a_visitor(client, world):
    client.force_login(UserFactory(username="aussen"))

    assert not _can_download(client, world["members_doc"])
    assert _places(client, world, MEMBERS_DOC) == set()
