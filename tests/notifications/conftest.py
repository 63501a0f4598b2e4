import pytest

from tests.factories import UserFactory, WorkingGroupPageFactory


@pytest.fixture
def member(db):
    return UserFactory(
        username="mia", first_name="Mia", last_name="Mitglied", groups=["Mitglieder"]
    )


@pytest.fixture
def other_group(home_page):
    return WorkingGroupPageFactory(parent=home_page, title="Digitalisierung", slug="digital")


@pytest.fixture
def members_area(home_page):
    from django.contrib.auth.models import Group

    from wagtail.models import PageViewRestriction

    from documents.models import MembersAreaPage

    page = home_page.add_child(
        instance=MembersAreaPage(title="Mitgliederbereich", slug="mitglieder")
    )
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set(Group.objects.filter(name="Mitglieder"))
    return page
