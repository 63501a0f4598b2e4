"""Requests as the application receives them behind the documented reverse proxy
(deploy/nginx.conf, optionally with Varnish), and the production settings that trust it."""

import importlib


def production_settings(monkeypatch, **environment):
    """config.settings.production as it loads with the given environment."""
    import config.settings.base

    monkeypatch.setenv("SECRET_KEY", "x" * 60)
    monkeypatch.setenv("ALLOWED_HOSTS", "arbeitskreise.example.org")
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    try:
        importlib.reload(config.settings.base)
        return importlib.reload(importlib.import_module("config.settings.production"))
    finally:
        monkeypatch.undo()
        importlib.reload(config.settings.base)


def trust_the_documented_proxy(settings, monkeypatch):
    """Test settings with production's TRUSTED_PROXIES: nginx (and Varnish) on this host."""
    settings.TRUSTED_PROXIES = production_settings(monkeypatch).TRUSTED_PROXIES


def via_nginx(address, claimed=None):
    """What gunicorn receives when nginx forwards a request from ``address``.

    ``claimed`` is an address the client itself sent in both headers: nginx overwrites it in
    X-Real-IP, and a proxy that appends would keep it in X-Forwarded-For.
    """
    forwarded = f"{claimed}, {address}" if claimed else address
    return {
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_X_REAL_IP": address,
        "HTTP_X_FORWARDED_FOR": forwarded,
    }


def via_nginx_and_varnish(address, claimed=None):
    """The same through Varnish as well: it keeps X-Real-IP and appends nginx's address to
    X-Forwarded-For, one entry more than without it."""
    headers = via_nginx(address, claimed)
    headers["HTTP_X_FORWARDED_FOR"] += ", 127.0.0.1"
    return headers
