"""The client's address: one answer for login throttling, rate limits and log lines.

Behind the documented reverse proxy (``deploy/nginx.conf``) every request reaches the
application from the proxy's own address. nginx names the client in ``X-Real-IP``, a header it
sets itself and so overwrites whatever the client sent; Varnish between nginx and the
application passes it on untouched. ``X-Forwarded-For`` is not read: a client can start it with
any address it likes, and each proxy appends to it, so the number of entries differs between
nginx → gunicorn and nginx → Varnish → gunicorn, and counting them names the wrong client in one
of the two chains (everybody shared one address, or the attacker chose his own).

``X-Real-IP`` is believed only from an address in ``TRUSTED_PROXIES``; from anyone else it is
the client's own claim and changes nothing.
"""

import contextvars
import functools
import ipaddress
import logging

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

# The header nginx sets with `proxy_set_header X-Real-IP $remote_addr;`, as WSGI names it.
PROXY_HEADER = "HTTP_X_REAL_IP"

# The address of the request being served in this thread, for log lines written on its way.
_current_address = contextvars.ContextVar("client_address", default=None)


@functools.lru_cache(maxsize=8)
def _networks(entries):
    try:
        return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)
    except ValueError as error:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES: {error}. Erwartet werden IP-Adressen oder Netze wie 10.0.0.0/24."
        ) from error


def trusted_proxy_networks():
    """``TRUSTED_PROXIES`` as networks; a wrong entry raises ``ImproperlyConfigured``."""
    return _networks(tuple(settings.TRUSTED_PROXIES))


def _parse(value):
    try:
        return ipaddress.ip_address((value or "").strip())
    except ValueError:
        return None


def is_trusted_proxy(address):
    parsed = _parse(address)
    return parsed is not None and any(parsed in net for net in trusted_proxy_networks())


def client_address(request):
    """The address of the client a request comes from, or ``None`` if it cannot be told.

    ``REMOTE_ADDR``, unless that is a trusted proxy; then the proxy's ``X-Real-IP``. A request
    from a trusted proxy without a valid ``X-Real-IP`` (a health probe, or a proxy set up
    without the header) keeps the proxy's address: everyone behind it then shares one limit,
    which slows people down instead of letting anyone through unlimited.

    django-axes asks this function (``AXES_CLIENT_IP_CALLABLE``).
    """
    remote = _parse(request.META.get("REMOTE_ADDR"))
    if remote is None:
        return None
    if any(remote in net for net in trusted_proxy_networks()):
        named = _parse(request.META.get(PROXY_HEADER))
        if named is not None:
            return str(named)
    return str(remote)


class ClientAddressMiddleware:
    """Sets ``request.client_address`` and lets every log line of the request carry it.

    A wrong ``TRUSTED_PROXIES`` stops the application at its start, not at each request.
    """

    def __init__(self, get_response):
        trusted_proxy_networks()
        self.get_response = get_response

    def __call__(self, request):
        request.client_address = client_address(request)
        if (
            request.method == "POST"
            and PROXY_HEADER not in request.META
            and is_trusted_proxy(request.META.get("REMOTE_ADDR"))
        ):
            logger.warning(
                "POST vom Proxy %s ohne X-Real-IP: Anmeldesperren und Anmeldelimits gelten "
                "dann für alle Besucher gemeinsam (deploy/nginx.conf: "
                "proxy_set_header X-Real-IP $remote_addr;).",
                request.META.get("REMOTE_ADDR"),
            )
        token = _current_address.set(request.client_address)
        try:
            return self.get_response(request)
        finally:
            _current_address.reset(token)


class ClientAddressLogFilter(logging.Filter):
    """Gives every log record a ``client_address`` for the formatter ("-" outside a request).

    Django's own request and security logs carry the request itself (and write after the
    middleware has finished); every other log line takes the address of the request it was
    written in.
    """

    def filter(self, record):
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "META"):
            address = client_address(request)
        else:
            address = _current_address.get()
        record.client_address = address or "-"
        return True
