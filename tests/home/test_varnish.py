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

import pytest

from tests.factories import MeetingPageFactory
from tests.network import free_port

pytestmark = pytest.mark.postgres_only

VCL = Path(django_settings.BASE_DIR) / "deploy" / "varnish.vcl"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"


def _get(address, path, host, cookie=None):
    headers = {"Host": host}
    if cookie:
        headers["Cookie"] = cookie
    request = urllib.request.Request(f"{address}{path}", headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (127.0.0.1)
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


@pytest.fixture
def varnish(live_server, migrated_database, home_page, tmp_path, settings):
    """Varnish on a free port, with the deployed VCL pointing at the live server."""
    if not Path(VARNISHD).exists():
        pytest.skip("varnishd fehlt (bash .ci/run installiert Debians varnish)")
    backend_port = urlsplit(live_server.url).port
    vcl = tmp_path / "site.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8001";', f'.port = "{backend_port}";'))
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 (our own command line)
        [
            VARNISHD,
            "-F",  # foreground: a child of the test, stopped with it
            "-j", "none",
            "-n", str(tmp_path / "varnish"),
            "-a", f"127.0.0.1:{port}",
            "-f", str(vcl),
            "-s", "malloc,32m",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    address = f"http://127.0.0.1:{port}"
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": address,
        }
    }
    host = urlsplit(home_page.get_site().root_url).netloc
    try:
        _wait_until_serving(address, host, process)
        yield address, host
    finally:
        process.terminate()
        process.wait(timeout=10)


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


def test_a_publish_purges_the_kept_pages_at_once(varnish, working_group):
    address, host = varnish
    MeetingPageFactory(parent=working_group, title="Erstes Treffen")
    for path in (working_group.url, "/"):
        assert _get(address, path, host)[1]["X-Cache"] == "MISS"
        status, headers, html = _get(address, path, host)
        assert (status, headers["X-Cache"]) == (200, "HIT")
        assert "Erstes Treffen" in html

    event = MeetingPageFactory(parent=working_group, title="Neues Treffen", live=False)
    event.save_revision().publish()

    for path in (working_group.url, "/"):
        status, headers, html = _get(address, path, host)
        assert (status, headers["X-Cache"]) == (200, "MISS")
        assert "Neues Treffen" in html


def test_members_and_forms_pass_through(varnish, working_group):
    address, host = varnish
    _get(address, working_group.url, host)
    assert _get(address, working_group.url, host)[1]["X-Cache"] == "HIT"

    member = _get(address, working_group.url, host, cookie="sessionid=abc")
    login_forms = [_get(address, "/anmelden/", host) for _ in range(2)]

    assert member[1]["X-Cache"] == "MISS"
    assert [headers["X-Cache"] for _, headers, _ in login_forms] == ["MISS", "MISS"]
    assert all("csrftoken=" in headers["Set-Cookie"] for _, headers, _ in login_forms)
