"""Editors can build the site in the Wagtail admin, in German."""

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from home.models import HomePage, StandardPage
from tests.factories import HomePageFactory, UserFactory


class EditorCreatesPagesTest(WagtailPageTestCase):
    """The editor group "Redaktion" creates pages through the real admin forms."""

    def setUp(self):
        self.home = HomePageFactory(parent=Page.get_first_root_node())
        self.editor = UserFactory(username="redakteur", groups=["Redaktion"])
        self.client.force_login(self.editor)

    def test_editor_can_create_standard_page(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Über den Verein",
                    "slug": "ueber-den-verein",
                    "intro": "Wer wir sind.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Entstehung", "level": "h2"}),
                            ("paragraph", rich_text("<p>Gegründet 2018.</p>")),
                        ]
                    ),
                }
            ),
        )
        page = StandardPage.objects.get(slug="ueber-den-verein")
        assert page.body[0].value["text"] == "Entstehung"

    def test_home_page_only_under_root_and_only_once(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanCreateAt(HomePage, StandardPage)
        assert not HomePage.can_create_at(Page.get_first_root_node())  # max_count reached

    def test_call_to_action_needs_exactly_one_target(self):
        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=("home", "standardpage", self.home.pk)),
            nested_form_data(
                {
                    "title": "Mitmachen",
                    "slug": "mitmachen",
                    "intro": "",
                    "body": streamfield(
                        [
                            (
                                "call_to_action",
                                {
                                    "heading": "Jetzt mitmachen",
                                    "text": "",
                                    "button_label": "Los",
                                    "page": "",
                                    "external_url": "",
                                },
                            )
                        ]
                    ),
                }
            ),
        )

        assert response.status_code == 200  # the form comes back with the error
        body_error = response.context["form"].errors["body"].as_data()[0]
        assert "Bitte genau ein Ziel wählen" in str(body_error.block_errors[0].block_errors["page"])
        assert not StandardPage.objects.filter(slug="mitmachen").exists()


@pytest.mark.django_db
def test_admin_speaks_german(client, editor):
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert 'lang="de"' in response.content.decode()
    assert "Seiten" in response.content.decode()


@pytest.mark.django_db
def test_members_have_no_admin_access(client, member):
    client.force_login(member)

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_editor_can_edit_site_settings_and_sees_german_labels(client, home_page):
    admin = UserFactory(username="chefin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    site = home_page.get_site()

    response = client.get(reverse("wagtailsettings:edit", args=("home", "sitesettings", site.pk)))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Telefon" in html and "Impressum" in html
