"""One client address for the whole site: from the documented proxy only, and in every log line
written for a request."""

import io
import logging

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse

import pytest

from operations.client_address import ClientAddressMiddleware, client_address
from tests.proxies import trust_the_documented_proxy, via_nginx, via_nginx_and_varnish

CLIENT = "198.51.100.23"


@pytest.fixture
def behind_proxy(settings, monkeypatch):
    trust_the_documented_proxy(settings, monkeypatch)


@pytest.fixture
def log_output():
    """What the site's configured log handler (settings.LOGGING) writes."""
    handler = next(h for h in logging.getLogger().handlers if h.name == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


@pytest.mark.parametrize("chain", [via_nginx, via_nginx_and_varnish])
def test_both_documented_chains_name_the_same_client(rf, behind_proxy, chain):
    assert client_address(rf.get("/", **chain(CLIENT, claimed="192.0.2.1"))) == CLIENT


def test_without_trusted_proxies_the_headers_are_the_clients_own_claim(rf, settings):
    settings.TRUSTED_PROXIES = []

    assert client_address(rf.get("/", **via_nginx(CLIENT))) == "127.0.0.1"


@pytest.mark.parametrize("named", [None, "", "unknown", f"{CLIENT}, 192.0.2.1", "999.1.1.1"])
def test_a_proxy_request_without_a_usable_client_keeps_the_proxys_address(rf, behind_proxy, named):
    """A health probe, or nginx set up without X-Real-IP: one shared limit, never none."""
    headers = {"REMOTE_ADDR": "127.0.0.1"}
    if named is not None:
        headers["HTTP_X_REAL_IP"] = named

    assert client_address(rf.get("/", **headers)) == "127.0.0.1"


def test_proxies_may_be_given_as_networks_and_over_ipv6(rf, settings):
    settings.TRUSTED_PROXIES = ["10.0.1.0/24", "::1"]

    from_varnish = rf.get("/", REMOTE_ADDR="10.0.1.7", HTTP_X_REAL_IP="2001:DB8:0::17")
    from_ipv6_loopback = rf.get("/", REMOTE_ADDR="::1", HTTP_X_REAL_IP=CLIENT)
    from_elsewhere = rf.get("/", REMOTE_ADDR="10.0.2.7", HTTP_X_REAL_IP=CLIENT)

    assert client_address(from_varnish) == "2001:db8::17"
    assert client_address(from_ipv6_loopback) == CLIENT
    assert client_address(from_elsewhere) == "10.0.2.7"


def test_a_wrong_trusted_proxies_setting_stops_the_start(settings):
    settings.TRUSTED_PROXIES = ["nginx.intern"]

    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        ClientAddressMiddleware(lambda request: HttpResponse())


def test_lines_logged_while_a_request_runs_name_its_client(rf, behind_proxy, log_output):
    def view(request):
        logging.getLogger("documents.views").warning("Datei von Dokument 7 fehlt")
        return HttpResponse()

    ClientAddressMiddleware(view)(rf.get("/", **via_nginx_and_varnish(CLIENT, "192.0.2.1")))
    logging.getLogger("operations.worker").warning("Aufgabe wieder eingereiht")

    assert log_output.getvalue().splitlines() == [
        f"WARNING documents.views [{CLIENT}] Datei von Dokument 7 fehlt",
        "WARNING operations.worker [-] Aufgabe wieder eingereiht",
    ]


@pytest.mark.django_db
def test_djangos_own_request_log_names_the_client(client, home_page, behind_proxy, log_output):
    """Django writes it after the response, from the request it hands along."""
    response = client.get("/gibt-es-nicht/", **via_nginx(CLIENT, claimed="192.0.2.1"))

    assert response.status_code == 404
    assert log_output.getvalue().splitlines() == [
        f"WARNING django.request [{CLIENT}] Not Found: /gibt-es-nicht/"
    ]


@pytest.mark.django_db
def test_a_proxy_that_does_not_name_the_client_is_reported(
    client, home_page, behind_proxy, log_output
):
    client.post("/einloggen/", {"username": "kommune", "password": "falsch"})

    assert "POST vom Proxy 127.0.0.1 ohne X-Real-IP" in log_output.getvalue()
