"""A real nginx with ``deploy/nginx.conf`` in front of the live site: it starts with Debian's
nginx, names each visitor to the application itself (whatever the visitor claims), so a lockout
stops one visitor and not the others, and refuses cache purges from the internet.

Debian's ``nginx`` is installed by ``.ci/run``. Visitors connect from different loopback
addresses (127.0.0.2, 127.0.0.3), which nginx sees as different clients.
"""

import http.client
import os
import re
import shutil
import ssl
import subprocess
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from django.conf import settings as django_settings

import pytest

from tests.factories import UserFactory
from tests.network import free_port
from tests.proxies import trust_the_documented_proxy

CONF = Path(django_settings.BASE_DIR) / "deploy" / "nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
OPENSSL = shutil.which("openssl") or "/usr/bin/openssl"
HOST = "arbeitskreise.example.org"
PASSWORD = "Richtiges-Passwort-2026"


def _site_conf(backend_port, http_port, https_port, certificate, key, media_root):
    """deploy/nginx.conf with only ports, certificate and media path changed."""
    replacements = {
        "server 127.0.0.1:8001 ": f"server 127.0.0.1:{backend_port} ",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        f"/etc/letsencrypt/live/{HOST}/fullchain.pem": str(certificate),
        f"/etc/letsencrypt/live/{HOST}/privkey.pem": str(key),
        "root /srv/arbeitskreise;": f"root {media_root};",
    }
    text = CONF.read_text()
    for deployed, here in replacements.items():
        assert text.count(deployed) == 1, f"{deployed!r} nicht (genau einmal) in nginx.conf"
        text = text.replace(deployed, here)
    return text


def _main_conf(directory, site):
    temp = {name: directory / name for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir()
    return "\n".join(
        [
            # The test runs as root in CI; nginx's workers would otherwise be "nobody", who
            # cannot enter pytest's private temporary directory.
            "user root;" if os.geteuid() == 0 else "",
            "daemon off;",
            "worker_processes 1;",
            f"pid {directory / 'nginx.pid'};",
            f"error_log {directory / 'error.log'};",
            "events { worker_connections 64; }",
            "http {",
            "    access_log off;",
            *(f"    {name}_temp_path {path};" for name, path in temp.items()),
            f"    include {site};",
            "}",
        ]
    )


def _self_signed(directory):
    certificate, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(  # noqa: S603 (our own command line)
        [
            OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", f"/CN={HOST}", "-keyout", str(key), "-out", str(certificate),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return certificate, key


class Visitor:
    """One browser at its own loopback address, with its own cookies, talking HTTPS to nginx."""

    def __init__(self, port, address):
        self.port, self.address, self.cookies = port, address, SimpleCookie()

    def request(self, method, path, fields=None, headers=None):
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE  # the test's own self-signed certificate
        connection = http.client.HTTPSConnection(
            "127.0.0.1", self.port, source_address=(self.address, 0), context=context, timeout=10
        )
        headers = {"Host": HOST, **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={m.value}" for k, m in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            for cookie in response.headers.get_all("Set-Cookie") or []:
                self.cookies.load(cookie)
            return response.status, response.headers, response.read().decode()
        finally:
            connection.close()

    def log_in(self, username, password, headers=None):
        """The login form as a browser sends it: the page first, then the form with its token."""
        page = self.request("GET", "/einloggen/")[2]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
        fields = {"username": username, "password": password, "csrfmiddlewaretoken": token}
        return self.request("POST", "/einloggen/", fields, headers)


@pytest.fixture
def nginx(live_server, migrated_database, home_page, tmp_path, settings, monkeypatch):
    """nginx on free ports, with the deployed configuration in front of the live server."""
    if not Path(NGINX).exists():
        pytest.skip("nginx fehlt (bash .ci/run installiert Debians nginx)")
    trust_the_documented_proxy(settings, monkeypatch)
    certificate, key = _self_signed(tmp_path)
    http_port, https_port = free_port(), free_port()
    site = tmp_path / "site.conf"
    site.write_text(
        _site_conf(
            urlsplit(live_server.url).port, http_port, https_port, certificate, key, tmp_path
        )
    )
    main = tmp_path / "nginx.conf"
    main.write_text(_main_conf(tmp_path, site))
    process = subprocess.Popen(  # noqa: S603 (our own command line)
        [NGINX, "-p", str(tmp_path), "-c", str(main)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_until_serving(https_port, process, tmp_path / "error.log")
        yield {"http": http_port, "https": https_port}
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_until_serving(port, process, error_log):
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            errors = process.stderr.read().decode()
            if error_log.exists():
                errors += error_log.read_text()
            pytest.fail(f"nginx beendet: {errors}")
        try:
            if Visitor(port, "127.0.0.1").request("GET", "/healthz/")[0] in {200, 503}:
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail("nginx hat die Anwendung nicht erreicht")


@pytest.fixture
def account(migrated_database):
    user = UserFactory(username="moderation", groups=["Moderation"])
    user.set_password(PASSWORD)
    user.save()
    return user


def test_a_lockout_behind_nginx_stops_one_visitor_not_the_others(nginx, account):
    attacker = Visitor(nginx["https"], "127.0.0.2")
    colleague = Visitor(nginx["https"], "127.0.0.3")
    for attempt in range(django_settings.AXES_FAILURE_LIMIT):
        # Each time a new address of its own choosing, in both headers.
        claimed = {"X-Real-IP": f"192.0.2.{attempt}", "X-Forwarded-For": f"192.0.2.{attempt}"}
        status = attacker.log_in("moderation", f"falsch{attempt}", headers=claimed)[0]

    locked = attacker.log_in("moderation", PASSWORD, headers={"X-Real-IP": "192.0.2.99"})
    welcomed = colleague.log_in("moderation", PASSWORD)

    assert status == 429
    assert locked[0] == 429 and "vorübergehend gesperrt" in locked[2]
    assert welcomed[0] == 302


@pytest.mark.parametrize("method", ["PURGE", "BAN"])
def test_nginx_refuses_cache_purges_from_the_internet(nginx, method):
    status, headers, body = Visitor(nginx["https"], "127.0.0.2").request(method, "/")

    assert status == 405
    assert headers["Server"].startswith("nginx")  # nginx's own answer, not the application's


def test_plain_http_goes_to_https_and_documents_never_come_from_disk(nginx):
    visitor = Visitor(nginx["https"], "127.0.0.2")
    connection = http.client.HTTPConnection("127.0.0.1", nginx["http"], timeout=10)
    try:
        connection.request("GET", "/einloggen/", headers={"Host": HOST})
        redirect = connection.getresponse()
    finally:
        connection.close()

    assert redirect.status == 301
    assert redirect.headers["Location"] == f"https://{HOST}/einloggen/"
    assert visitor.request("GET", "/media/documents/protokoll.pdf")[0] == 404
