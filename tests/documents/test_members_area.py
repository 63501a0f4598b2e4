"""The Mitgliederbereich lists members' material, for members only."""

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.documents import get_document_model
from wagtail.models import Collection, PageViewRestriction

import pytest

from documents.models import MembersAreaPage
from tests.factories import MeetingPageFactory
from tests.factories.documents import pdf_document, restricted_collection
from workgroups.models import EventMaterial

pytestmark = pytest.mark.django_db


@pytest.fixture
def members_collection(db):
    return restricted_collection()


@pytest.fixture
def area(home_page):
    page = home_page.add_child(
        instance=MembersAreaPage(title="Mitgliederbereich", slug="mitglieder", show_in_menus=True)
    )
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name="Mitglieder"))
    return page


def _documents(collection, count, prefix="Protokoll"):
    return [
        pdf_document(f"{prefix} {number}", kind="protocol", collection=collection)
        for number in range(count)
    ]


def test_visitors_are_sent_to_login_and_do_not_see_it_in_the_menu(client, area):
    response = client.get(area.url)

    assert response.status_code == 302
    assert response["Location"].startswith("/einloggen/")
    assert "Mitgliederbereich" not in client.get("/").content.decode()


def test_member_sees_members_material_with_its_place(
    client, area, member, members_collection, working_group
):
    (protocol,) = _documents(members_collection, 1)
    _documents(Collection.get_first_root_node(), 1, prefix="Öffentliches Programm")
    meeting = MeetingPageFactory(parent=working_group, title="Arbeitskreistreffen vom 12.03.2020")
    EventMaterial.objects.create(page=meeting, document=protocol)
    meeting.save_revision().publish()
    client.force_login(member)

    html = client.get(area.url).content.decode()

    assert "Mitgliederbereich" in client.get("/").content.decode()  # now in the menu
    assert "Protokoll 0" in html and f'href="{protocol.url}"' in html
    assert "Arbeitskreistreffen vom 12.03.2020" in html
    assert "Öffentliches Programm" not in html


def test_members_area_queries_do_not_grow(client, area, member, members_collection):
    client.force_login(member)

    def queries():
        client.get(area.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(area.url).status_code == 200
        return len(captured)

    _documents(members_collection, 10)
    with_10 = queries()
    model = get_document_model()
    model.objects.bulk_create(
        model(
            title=f"Protokoll {number}",
            kind="protocol",
            collection=members_collection,
            file=f"documents/protokoll-{number}.pdf",
            file_size=2048,
            page_count=3,
        )
        for number in range(990)
    )
    with_1000 = queries()

    assert with_1000 == with_10
    # Logged-in pages also read the session, the user, the groups, the page's restriction and
    # the admin toolbar's permissions: the bar for them is 25, for public pages 15. The personal
    # calendar's address and the followed working groups cost one query each.
    assert with_1000 == 16  # exact: a change is a decision (members' pages: at most 20)
