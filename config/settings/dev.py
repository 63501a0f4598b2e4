"""Local development: debug on, SQLite by default, each mail a file in var/mail/.

The site's address comes from WAGTAILADMIN_BASE_URL (base.py, default http://127.0.0.1:8000);
`make run PORT=8010` sets it to the port it serves on.
"""

import os
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret")  # noqa: S105
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost"]  # noqa: F405

# --- Email -------------------------------------------------------------------------------------
# The queue delivers each mail as one .eml file into DEV_MAIL_DIR; staff read them in the admin
# under "Entwicklungs-E-Mails" (operations/dev_mail.py). EMAIL_BACKEND in the environment names
# another delivery backend (e.g. django.core.mail.backends.console.EmailBackend).
EMAIL_DELIVERY_BACKEND = os.environ.get("EMAIL_BACKEND", "operations.dev_mail.MailFolderBackend")
DEV_MAIL_DIR = Path(os.environ.get("DEV_MAIL_DIR", BASE_DIR / "var" / "mail"))  # noqa: F405

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
