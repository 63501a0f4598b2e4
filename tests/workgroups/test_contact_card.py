"""A working group names whom to ask: a contact card with the person or office, the role, and
links that call or write at once."""

import re

import pytest

from tests.factories import WorkingGroupPageFactory

pytestmark = pytest.mark.django_db


def _contact_card(html):
    match = re.search(r'<aside class="side-box contact-card".*?</aside>', html, re.S)
    return match.group(0) if match else ""


def test_contact_card_names_the_person_role_and_links_mail_and_phone(client, home_page):
    group = WorkingGroupPageFactory(
        parent=home_page,
        contact_name="Jürgen Meier",
        contact_role="Zentrale Vergabestelle, Stadt Paderborn",
        contact_email="vergabe@example.org",
        contact_phone="+49 5251.88-12597",
    )

    card = _contact_card(client.get(group.url).content.decode())

    assert ">Ansprechperson</h2>" in card
    assert '<p class="contact-card__name">Jürgen Meier</p>' in card
    assert '<p class="contact-card__role">Zentrale Vergabestelle, Stadt Paderborn</p>' in card
    assert '<a class="kern-link" href="mailto:vergabe@example.org">vergabe@example.org</a>' in card
    # Dialled as digits: the dots and dashes of the written number are left out.
    assert '<a class="kern-link" href="tel:+4952518812597">+49 5251.88-12597</a>' in card


def test_office_without_a_person_heads_the_card_by_its_role(client, home_page):
    group = WorkingGroupPageFactory(
        parent=home_page,
        contact_role="Geschäftsstelle regiopolREGION PADERBORN e. V.",
        contact_phone="05251 88-12597",
    )

    card = _contact_card(client.get(group.url).content.decode())

    assert ">Kontakt</h2>" in card
    assert (
        '<p class="contact-card__name">Geschäftsstelle regiopolREGION PADERBORN e. V.</p>' in card
    )
    assert 'href="tel:052518812597"' in card
    assert "mailto:" not in card


def test_no_card_without_anyone_to_ask(client, home_page):
    group = WorkingGroupPageFactory(parent=home_page)

    html = client.get(group.url).content.decode()

    assert _contact_card(html) == ""
    assert "Ansprechperson" not in html


def test_demo_working_groups_each_name_the_office_with_phone_and_mail(client, demo_site):
    from workgroups.models import WorkingGroupPage

    groups = list(WorkingGroupPage.objects.live())

    assert len(groups) == 4
    for group in groups:
        card = _contact_card(client.get(group.url).content.decode())
        assert "Geschäftsstelle regiopolREGION PADERBORN e. V." in card, group.title
        assert 'href="tel:+49525188125' in card
        assert 'href="mailto:' in card
