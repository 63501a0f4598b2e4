"""The register of member municipalities, kept by the editorial team."""

from django.urls import reverse

import pytest

from taxonomy.models import NEIGHBOURING_DISTRICTS, District, Municipality

pytestmark = pytest.mark.django_db


def test_demo_fills_the_register_with_the_named_members(demo_site):
    assert Municipality.objects.count() == 29
    paderborn = Municipality.objects.get(name="Paderborn")
    assert paderborn.get_kind_display() == "Stadt"
    assert paderborn.get_district_display() == "Kreis Paderborn"
    assert Municipality.objects.get(name="Marsberg").district == District.HOCHSAUERLAND


def test_neighbouring_districts_are_neighbours_both_ways():
    """The board's matching ranks entries from a neighbouring district higher."""
    assert District.PADERBORN in NEIGHBOURING_DISTRICTS[District.HOEXTER]
    assert District.GUETERSLOH not in NEIGHBOURING_DISTRICTS[District.HOEXTER]
    for district, neighbours in NEIGHBOURING_DISTRICTS.items():
        for neighbour in neighbours:
            assert district in NEIGHBOURING_DISTRICTS[neighbour], (district, neighbour)


def test_editors_manage_the_register_in_the_admin(client, editor):
    client.force_login(editor)

    created = client.post(
        reverse("wagtailsnippets_taxonomy_municipality:add"),
        {"name": "Bad Sassendorf", "kind": "gemeinde", "district": "soest", "member_since": ""},
    )
    register = reverse("wagtailsnippets_taxonomy_municipality:list")
    listing = client.get(register, {"district": "soest"})
    elsewhere = client.get(register, {"district": "lippe"})
    export = client.get(register, {"export": "csv"})

    assert created.status_code == 302
    assert "Bad Sassendorf" in listing.content.decode()
    assert "Bad Sassendorf" not in elsewhere.content.decode()
    assert export.status_code == 200
    csv = b"".join(export.streaming_content).decode()
    assert "Kreis Soest" in csv  # readable values, not codes
    assert "Gemeinde" in csv


def test_missing_district_is_refused_with_the_form_kept(client, editor):
    client.force_login(editor)

    response = client.post(
        reverse("wagtailsnippets_taxonomy_municipality:add"), {"name": "Neuhaus", "kind": "stadt"}
    )

    assert response.status_code == 200
    assert 'value="Neuhaus"' in response.content.decode()
    assert not Municipality.objects.filter(name="Neuhaus").exists()


def test_the_former_address_of_the_register_leads_to_it(client, editor):
    client.force_login(editor)

    response = client.get("/admin/workgroups/municipality/", {"district__exact": "soest"})

    assert response.status_code == 301
    assert response["Location"].startswith(reverse("wagtailsnippets_taxonomy_municipality:list"))
