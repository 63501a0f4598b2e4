"""Every kind of public and members' page is valid HTML for the Nu HTML Checker (vnu), the
validator behind validator.w3.org/nu: browsers and screen readers repair broken markup each in
their own way, so valid markup is what makes a page read the same everywhere.

The checker comes from npm (``vnu-jar``, installed by ``npm ci``) and needs Java; ``.ci/run``
installs Java where it is missing, and in CI a skipped test fails the run.
"""

import json
import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest

from workgroups.models import EventPage

pytestmark = pytest.mark.django_db

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

VISITOR_PAGES = {
    "startseite": "/",
    "arbeitskreis": "/kommunen-ohne-grenzen/",
    "arbeitskreis-seite-2": "/kommunen-ohne-grenzen/?seite=2",
    "treffen": "/kommunen-ohne-grenzen/arbeitskreistreffen-vergabestelle/",
    "fachwerkstatt": "/kommunen-ohne-grenzen/fachwerkstatt-regionaler-personalpool/",
    "informationsveranstaltung": "/kommunen-ohne-grenzen/informationsveranstaltung-ozg-2021-03-25/",
    "termine": "/termine/",
    "monat": "/termine/monat/2027/1/",
    "einbinden": "/termine/einbinden/",
    "einbetten": "/termine/einbetten/",
    "boerse": "/kooperationsboerse/",
    "inhaltsseite": "/ueber-den-verein/",
    "suche": "/suche/?q=Verein",
    "nicht-gefunden": "/gibt-es-nicht/",
}
MEMBER_PAGES = {
    "mitglied-startseite": "/",
    "mitgliederbereich": "/mitgliederbereich/",
    "mitglied-treffen": "/kommunen-ohne-grenzen/arbeitskreistreffen-vergabestelle/",
    "mitglied-fachwerkstatt": "/kommunen-ohne-grenzen/fachwerkstatt-regionaler-personalpool/",
    "eigene-anmeldungen": "/veranstaltungsanmeldung/meine/",
    "eintrag-vorschlagen": "/kooperationsboerse/eintragen/",
    "mitglied-boerse": "/kooperationsboerse/",
}


def _save(client, path, folder, name):
    response = client.get(path, follow=True)
    expected = 404 if name == "nicht-gefunden" else 200
    assert response.status_code == expected, f"{path}: {response.status_code}"
    file = folder / f"{name}.html"
    file.write_bytes(response.content)
    return str(file)


def _vnu_errors(files):
    java = shutil.which("java")
    if java is None or not VNU.exists():
        pytest.skip("Der Nu HTML Checker braucht Java und node_modules/vnu-jar (npm ci)")
    result = subprocess.run(  # noqa: S603 - a fixed command on files this test wrote
        [java, "-jar", str(VNU), "--format", "json", "--stdout", *files],
        capture_output=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stdout)["messages"]
    return [
        f"{Path(m['url']).stem}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]


def test_visitor_and_member_pages_have_no_markup_errors(client, demo_site, tmp_path):
    files = [_save(client, path, tmp_path, name) for name, path in VISITOR_PAGES.items()]
    files.append(_save(client, reverse("login"), tmp_path, "login"))
    client.force_login(get_user_model().objects.get(username="mitglied"))
    files += [_save(client, path, tmp_path, name) for name, path in MEMBER_PAGES.items()]
    event = EventPage.objects.live().filter(registration_settings__enabled=True).upcoming().first()
    files.append(
        _save(client, reverse("registrations:register", args=[event.pk]), tmp_path, "anmelden")
    )

    errors = _vnu_errors(files)

    assert errors == [], "\n".join(errors)


def test_the_checker_reports_broken_markup(tmp_path):
    """Guards the guard: a form inside a span is the error vnu found on every member page."""
    broken = tmp_path / "kaputt.html"
    broken.write_text(
        '<!DOCTYPE html><html lang="de"><head><title>x</title></head>'
        '<body><span><form action="/"><button>x</button></form></span></body></html>'
    )

    errors = _vnu_errors([str(broken)])

    assert any("form" in error for error in errors)
