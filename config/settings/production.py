"""Production: secrets and hosts must come from the environment, or the process refuses to start."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

if not os.environ.get("SECRET_KEY"):
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
SECRET_KEY = os.environ["SECRET_KEY"]
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment for production.")

# Background tasks run in a worker process (`manage.py db_worker`) next to gunicorn.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Behind the reverse proxy (deploy/nginx.conf), which terminates TLS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() in {"1", "true"}
# /healthz/ is asked over plain HTTP by load balancers on the local network.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Only the "preload" directive; entering the domain into browsers' list is the owner's step.
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "true").lower() in {"1", "true"}
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
# nginx (and Varnish behind it) on this host name the client in X-Real-IP; login throttling,
# rate limits and logs count that address (operations/client_address.py).
TRUSTED_PROXIES = [
    p.strip() for p in os.environ.get("TRUSTED_PROXIES", "127.0.0.1,::1").split(",") if p.strip()
]

# Wagtail's preview shows the page in a frame of the admin (same origin), so the site must allow
# framing by itself: X_FRAME_OPTIONS stays SAMEORIGIN (base.py), and the CSP's frame-ancestors
# 'self' says the same. Django's deploy check would prefer DENY.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
