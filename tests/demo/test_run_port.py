"""`make run PORT=8010`: the server, the demo's Site and every link it builds use that port."""

import os
import re
import subprocess
from pathlib import Path

from django.test import Client

from wagtail.models import Site

import pytest

from demo.management.commands.load_demo import Command as LoadDemo
from tests.registrations.guest import GUEST_FORM
from workgroups.models import EventPage, WorkingGroupPage

PROJECT = Path(__file__).resolve().parents[2]


def _make_dry_run(*arguments, **environment):
    env = {k: v for k, v in os.environ.items() if k not in {"PORT", "WAGTAILADMIN_BASE_URL"}}
    env.update(environment)
    finished = subprocess.run(  # noqa: S603 (our own command line)
        ["make", "--no-print-directory", "-n", "run", *arguments],  # noqa: S607 (make from PATH)
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return finished.stdout.splitlines()


def _line_running(lines, command):
    return next(line for line in lines if f"manage.py {command}" in line)


def test_make_run_serves_and_names_the_chosen_port():
    lines = _make_dry_run("PORT=8010")

    runserver = _line_running(lines, "runserver")
    assert runserver.endswith("runserver 127.0.0.1:8010")
    assert runserver.startswith("WAGTAILADMIN_BASE_URL=http://127.0.0.1:8010 ")
    assert _line_running(lines, "load_demo").startswith(
        "WAGTAILADMIN_BASE_URL=http://127.0.0.1:8010 "
    )


def test_make_run_defaults_to_port_8000():
    runserver = _line_running(_make_dry_run(), "runserver")

    assert runserver == (
        "WAGTAILADMIN_BASE_URL=http://127.0.0.1:8000 .venv/bin/python manage.py "
        "runserver 127.0.0.1:8000"
    )


def test_a_base_url_set_by_the_user_wins_over_the_port():
    lines = _make_dry_run("PORT=8010", WAGTAILADMIN_BASE_URL="http://localhost:8010")

    assert _line_running(lines, "load_demo").startswith(
        "WAGTAILADMIN_BASE_URL=http://localhost:8010 "
    )
    assert _line_running(lines, "runserver").endswith("runserver 127.0.0.1:8010")


@pytest.mark.django_db
def test_load_demo_points_the_site_and_its_feeds_at_the_base_url(demo_site, settings, client):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8010"

    LoadDemo().ensure_home_page()  # the step of load_demo that sets the Site's address

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("127.0.0.1", 8010, "http://127.0.0.1:8010")
    group = WorkingGroupPage.objects.live().first()
    feed = client.get(f"{group.url}rss/", HTTP_HOST="127.0.0.1:8010")
    assert feed.status_code == 200
    assert f"<link>http://127.0.0.1:8010{group.url}" in feed.content.decode()
    sitemap_index = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1:8010").content.decode()
    sitemaps = re.findall(r"<loc>([^<]+)</loc>", sitemap_index)
    assert sitemaps
    assert all(url.startswith("http://127.0.0.1:8010/") for url in sitemaps)


@pytest.mark.django_db
def test_links_in_mails_follow_the_site_address(
    demo_site, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8010"
    LoadDemo().ensure_home_page()
    event = EventPage.objects.upcoming().filter(
        registration_settings__enabled=True,
        registration_settings__audience="everyone",
        attendance_mode="in_person",
    )[0]

    with django_capture_on_commit_callbacks(execute=True):
        Client(HTTP_HOST="127.0.0.1:8010").post(f"/veranstaltungsanmeldung/{event.pk}/", GUEST_FORM)

    confirm_link = re.search(r"http://\S+/veranstaltungsanmeldung/bestaetigen/", mailoutbox[0].body)
    assert confirm_link[0].startswith("http://127.0.0.1:8010/")
