"""A real Varnish with ``deploy/varnish.vcl`` in front of the live site: visitors' pages are kept,
members and forms pass through, and a publish purges what it changed.

Debian's ``varnish`` is installed by ``.ci/run``; the test runs in CI's PostgreSQL pass.
"""

import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings as django_settings
from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

import pytest

from notifications import follows, personal_calendar
from tests.factories import MeetingPageFactory, UserFactory
from tests.network import free_port

pytestmark = pytest.mark.postgres_only

VCL = Path(django_settings.BASE_DIR) / "deploy" / "varnish.vcl"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
VARNISHADM = shutil.which("varnishadm") or "/usr/bin/varnishadm"


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the test sees the redirect Varnish answers, not where it leads


_opener = urllib.request.build_opener(_NoRedirects)


def _get(address, path, host, cookie=None, method="GET"):
    headers = {"Host": host}
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(f"{address}{path}", headers=headers, method=method)  # noqa: S310
    try:
        with _opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture
def varnish(live_server, migrated_database, home_page, tmp_path, settings):
    """Varnish with the deployed VCL in front of the live server: a public address for visitors
    (what nginx would reach) and one named ``purge`` for the application's purges."""
    if not Path(VARNISHD).exists():
        pytest.skip("varnishd fehlt (bash .ci/run installiert Debians varnish)")
    backend_port = urlsplit(live_server.url).port
    vcl = tmp_path / "site.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8001";', f'.port = "{backend_port}";'))
    port, purge_port = free_port(), free_port()
    workdir = tmp_path / "varnish"
    process = subprocess.Popen(  # noqa: S603 (our own command line)
        [
            VARNISHD,
            "-F",  # foreground: a child of the test, stopped with it
            "-j", "none",
            "-n", str(workdir),
            "-a", f"127.0.0.1:{port}",
            "-a", f"purge=127.0.0.1:{purge_port}",
            "-f", str(vcl),
            "-s", "malloc,32m",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    address = f"http://127.0.0.1:{port}"
    settings.FRONTEND_CACHE_URLS = [f"http://127.0.0.1:{purge_port}"]
    host = urlsplit(home_page.get_site().root_url).netloc
    try:
        _wait_until_serving(address, host, process)
        _wait_until_kept_pages_may_be_served(workdir)
        yield Varnish(address, f"http://127.0.0.1:{purge_port}", host, workdir, process)
    finally:
        process.terminate()
        process.wait(timeout=10)


class Varnish:
    def __init__(self, address, purge_address, host, workdir, process):
        self.address = address
        self.purge_address = purge_address
        self.host = host
        self.workdir = workdir
        self.process = process

    def get(self, path, host=None, cookie=None):
        return _get(self.address, path, host or self.host, cookie)


def _wait_until_serving(address, host, process):
    """Varnish answers 503 until its health probe has seen the application once."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"varnishd beendet: {process.stderr.read().decode()}")
        try:
            if _get(address, "/healthz/", host)[0] == 200:
                return
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.2)
    pytest.fail("Varnish hat die Anwendung nicht erreicht")


def _purge_probe_healthy(workdir):
    """What Varnish itself says of the probe ``/healthz/frontend-cache/`` (``varnishadm``)."""
    listing = subprocess.run(  # noqa: S603 (our own command line)
        [VARNISHADM, "-n", str(workdir), "backend.list"],
        capture_output=True,
        text=True,
        timeout=10,
        check=True,
    ).stdout
    line = next(line for line in listing.splitlines() if "app1_purged" in line)
    return "healthy" in line.lower() and "sick" not in line.lower()


def _wait_until_kept_pages_may_be_served(workdir, healthy=True, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _purge_probe_healthy(workdir) == healthy:
            return
        time.sleep(0.2)
    pytest.fail(f"Varnishs Probe ist nicht {'gesund' if healthy else 'krank'} geworden")


def test_a_publish_purges_the_kept_pages_at_once(varnish, working_group):
    address, host = varnish.address, varnish.host
    MeetingPageFactory(parent=working_group, title="Erstes Treffen")
    for path in (working_group.url, "/"):
        assert _get(address, path, host)[1]["X-Cache"] == "MISS"
        status, headers, html = _get(address, path, host)
        assert (status, headers["X-Cache"]) == (200, "HIT")
        assert "Erstes Treffen" in html
        # Kept here only: no cache beyond Varnish is told to keep the page.
        assert "s-maxage" not in headers.get("Cache-Control", "")

    event = MeetingPageFactory(parent=working_group, title="Neues Treffen", live=False)
    event.save_revision().publish()

    for path in (working_group.url, "/"):
        status, headers, html = _get(address, path, host)
        assert (status, headers["X-Cache"]) == (200, "MISS")
        assert "Neues Treffen" in html


def test_members_and_forms_pass_through(varnish, working_group):
    address, host = varnish.address, varnish.host
    _get(address, working_group.url, host)
    assert _get(address, working_group.url, host)[1]["X-Cache"] == "HIT"

    member = _get(address, working_group.url, host, cookie="sessionid=abc")
    login_forms = [_get(address, "/einloggen/", host) for _ in range(2)]

    assert member[1]["X-Cache"] == "MISS"
    assert [headers["X-Cache"] for _, headers, _ in login_forms] == ["MISS", "MISS"]
    assert all("csrftoken=" in headers["Set-Cookie"] for _, headers, _ in login_forms)


def _make_members_only(page):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Mitglieder"))


def _shows(response, text):
    status, _headers, html = response
    return status == 200 and text in html


def test_a_page_made_members_only_leaves_varnish_under_every_host_name(varnish, working_group):
    event = MeetingPageFactory(parent=working_group, title="Interne Klausur")
    alias = f"www.{varnish.host}"
    for host in (varnish.host, alias):
        varnish.get(event.url, host=host)
        assert varnish.get(event.url, host=host)[1]["X-Cache"] == "HIT"

    _make_members_only(event)

    for host in (varnish.host, alias):
        status, headers, html = varnish.get(event.url, host=host)
        assert status == 302 and "/einloggen/" in headers["Location"]
        assert "Interne Klausur" not in html


def test_with_the_worker_stopped_varnish_is_purged_at_once(varnish, working_group, settings):
    """The purge does not wait in the task queue: with a queue nobody works off, it still goes."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    event = MeetingPageFactory(parent=working_group, title="Öffentliches Treffen")
    varnish.get(event.url)
    assert _shows(varnish.get(event.url), "Öffentliches Treffen")

    event.unpublish()

    assert varnish.get(event.url)[0] == 404


def test_nothing_reaching_varnish_through_the_public_address_can_purge(varnish, working_group):
    """nginx connects from 127.0.0.1 as the application does; only the purge address purges,
    and it serves no pages."""
    varnish.get(working_group.url)
    refusals = [
        _get(varnish.address, "/", varnish.host, method=method) for method in ("PURGE", "BAN")
    ]
    page_from_purge_address = _get(varnish.purge_address, working_group.url, varnish.host)

    assert [status for status, _, _ in refusals] == [405, 405]
    assert page_from_purge_address[0] == 405
    assert varnish.get(working_group.url)[1]["X-Cache"] == "HIT"


def test_while_a_purge_cannot_reach_varnish_it_serves_nothing_it_kept(
    varnish, working_group, settings
):
    """Varnish unreachable for purges at the moment of the change: its probe learns of the
    outstanding purge, hits stop within about a second, and the purge goes out when it can."""
    event = MeetingPageFactory(parent=working_group, title="Interne Klausur")
    varnish.get(event.url)
    assert _shows(varnish.get(event.url), "Interne Klausur")
    reachable = settings.FRONTEND_CACHE_URLS
    settings.FRONTEND_CACHE_URLS = [f"http://127.0.0.1:{free_port()}"]  # nothing listens there

    _make_members_only(event)
    _wait_until_kept_pages_may_be_served(varnish.workdir, healthy=False, seconds=5)
    while_outstanding = [varnish.get(event.url) for _ in range(5)]
    settings.FRONTEND_CACHE_URLS = reachable
    _wait_until_kept_pages_may_be_served(varnish.workdir)
    after = varnish.get(event.url)

    assert not any(_shows(response, "Interne Klausur") for response in while_outstanding)
    assert [response[0] for response in while_outstanding] == [302] * 5
    assert after[0] == 302 and not _shows(after, "Interne Klausur")
    varnish.get(working_group.url)
    assert varnish.get(working_group.url)[1]["X-Cache"] == "HIT"  # kept pages are back


def test_a_personal_calendar_is_never_kept_and_a_renewed_address_fails_at_once(
    varnish, working_group, settings
):
    """A token in the address looks like an anonymous visitor; the answer is still the
    member's own: Varnish and the page cache keep nothing, a revoked token is 404 at once."""
    settings.PAGE_CACHE_ENABLED = True
    member = UserFactory(username="mia", groups=["Mitglieder"])
    follows.follow(member, working_group)
    MeetingPageFactory(parent=working_group, title="Treffen für Mia")
    path = f"/mein-kalender/{personal_calendar.calendar_for(member).token}.ics"

    answers = [varnish.get(path) for _ in range(2)]

    assert [(status, headers["X-Cache"]) for status, headers, _ in answers] == [
        (200, "MISS"),
        (200, "MISS"),
    ]
    assert all("Treffen für Mia" in body for _status, _headers, body in answers)
    assert all("private" in headers["Cache-Control"] for _status, headers, _ in answers)

    personal_calendar.renew(member)

    status, headers, body = varnish.get(path)
    assert (status, headers["X-Cache"]) == (404, "MISS")
    assert "Treffen für Mia" not in body
