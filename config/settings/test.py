"""Test run: fast hashing, plain static storage, tasks at once, mails kept in memory."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests of the mail queue switch EMAIL_BACKEND back to it (operations/mail.py); what the queue then
# delivers lands in the same outbox.
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests of the page cache switch it on for themselves (tests/operations/test_page_cache.py).
PAGE_CACHE_ENABLED = False
WAGTAILADMIN_BASE_URL = "http://testserver"
