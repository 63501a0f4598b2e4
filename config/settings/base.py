"""Settings shared by every environment.

Everything that differs between machines comes from the environment (see README.md); ``dev``,
``test`` and ``production`` only change what they must.
"""

import datetime as dt
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

# --- Applications ------------------------------------------------------------------------------
INSTALLED_APPS = [
    "operations",
    "home",
    "taxonomy",
    "documents",
    "workgroups",
    "oparl",
    "registrations",
    "board",
    "notifications",
    "demo",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django_filters",
    "axes",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Wagtail shows workflow times with naturaltime(); without the app its German is missing.
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First, so every layer below and every log line knows the client
    # (operations/client_address.py).
    "operations.client_address.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "operations.middleware.PermissionsPolicyMiddleware",
    "operations.middleware.PublicCorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses what leaves below it, pages from the page cache included.
    "operations.middleware.CompressTextMiddleware",
    # Above sessions, CSRF and messages: a kept page costs no query (operations/page_cache.py).
    "operations.page_cache.PageCacheMiddleware",
    "home.middleware.KnownSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "home.middleware.PrefetchUserGroupsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "home.middleware.DecidedTaskMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database and cache ------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=600, conn_health_checks=True
    )
}
# `make run` on SQLite under a few parallel users: readers never wait for the writer (WAL), a
# write transaction takes the lock at its start (IMMEDIATE, so two never deadlock upgrading a
# read lock), and a writer waits up to 20 s for its turn instead of failing "database is locked".
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's RedisCache that answers "not cached" while Redis is down
            # (operations/cache.py).
            "BACKEND": "operations.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "arbeitskreise",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The page cache for visitors (operations/page_cache.py) keeps pages only in a cache that every
# process of the site shares, so a purge reaches them all: Redis. A single development server
# may use its own memory (dev.py).
# PAGE_CACHE=off switches it off (`make bench` measures both).
PAGE_CACHE_ENABLED = bool(os.environ.get("REDIS_URL")) and os.environ.get("PAGE_CACHE") != "off"
# Pages are purged on every change; this bounds a page's life should a change ever bypass the
# model signals (a bulk update in a shell).
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", str(60 * 60 * 24)))
# Frontend HTTP caches (Varnish, deploy/varnish.vcl) in front of the site, comma-separated; each
# gets a BAN after every change, sent by the application itself (operations/frontend_cache.py).
FRONTEND_CACHE_URLS = [
    url.strip() for url in os.environ.get("VARNISH_URL", "").split(",") if url.strip()
]

# --- Background tasks --------------------------------------------------------------------------
# Wagtail queues search indexing and reference updates as tasks. Production runs a worker
# (`manage.py db_worker`); elsewhere tasks run at once.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Authentication ----------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    # Refuses logins while a username is locked out from an address (django-axes).
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling on both login pages (/einloggen/ and /admin/login/): after 5 wrong passwords
# for one username from one address, that pair waits 15 minutes. Locking the pair, not the
# username alone, keeps an attacker elsewhere from locking a member out.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "home.accounts.locked_out"
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "home.accounts.throttled_username"
# The address counted is the one client address of operations/client_address.py.
AXES_CLIENT_IP_CALLABLE = "operations.client_address.client_address"
# Reverse proxies (addresses or networks) whose X-Real-IP names the client; a request from
# anywhere else is its own client, whatever headers it sends. production.py trusts this host.
TRUSTED_PROXIES = [p.strip() for p in os.environ.get("TRUSTED_PROXIES", "").split(",") if p.strip()]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# One front-end login page for members; Wagtail's private pages send visitors there too.
LOGIN_URL = "/einloggen/"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# --- Language and time -------------------------------------------------------------------------
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch")]
WAGTAILADMIN_USER_LOGIN_FORM = "home.accounts.AdminLoginForm"
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "home.accounts.AdminPasswordResetForm"
WAGTAIL_CONTENT_LANGUAGES = [("de", "Deutsch")]
# The admin's date pickers show and take German dates ("10.02.2027 14:00"); Wagtail's default is
# ISO. Reading them back needs no setting: Django's German locale formats accept these (they
# override DATE_INPUT_FORMATS/DATETIME_INPUT_FORMATS in settings), ISO stays accepted too.
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"

# --- Static files and media --------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
STATICFILES_DIRS = [
    BASE_DIR / "site" / "static",
    # The KERN design system and axe-core, installed by `npm ci` from package-lock.json.
    ("kern", BASE_DIR / "node_modules" / "@kern-ux" / "native" / "dist"),
]
STORAGES = {
    # Django's file storage, which leaves no cut-off file on a full disk (operations/storage.py).
    "default": {"BACKEND": "operations.storage.LocalMediaStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Several app machines share their media on S3-compatible object storage (operations/storage.py):
# images public through the bucket policy, documents only through the permission check.
# Credentials come from the usual AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
if os.environ.get("MEDIA_S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "operations.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": os.environ["MEDIA_S3_BUCKET"],
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            # A CDN or the bucket's public host name for image addresses, if not the endpoint.
            "custom_domain": os.environ.get("MEDIA_S3_PUBLIC_DOMAIN") or None,
        },
    }

# --- Wagtail -----------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Arbeitskreise der regiopolREGION PADERBORN"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_DOCUMENT_MODEL = "documents.CustomDocument"
# Documents are only ever served through Wagtail's view, which checks collection privacy.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "documents.forms.CustomDocumentForm"
# Allowed upload types; each is checked by content (documents/validation.py).
WAGTAILDOCS_EXTENSIONS = [
    ext.strip()
    for ext in os.environ.get("DOCUMENT_EXTENSIONS", "pdf,docx,xlsx,pptx,odt,ods,csv,txt").split(
        ","
    )
    if ext.strip()
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_MB", "20")) * 1024 * 1024
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "german",
    }
}
# Editors' avatars are initials: no e-mail hash ever goes to an outside avatar service.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]

# --- Exchange board ----------------------------------------------------------------------------
# New entries and changes a member may submit within 24 hours (board/submissions.py).
BOARD_SUBMISSIONS_PER_DAY = int(os.environ.get("BOARD_SUBMISSIONS_PER_DAY", "10"))
# Days before "valid until" on which the owner is reminded (manage.py remind_board_owners).
BOARD_REMINDER_DAYS = int(os.environ.get("BOARD_REMINDER_DAYS", "14"))
# Registrations for events: attempts per hour and address; days after an event until
# manage.py delete_past_registrations removes the personal data.
REGISTRATIONS_PER_HOUR = int(os.environ.get("REGISTRATIONS_PER_HOUR", "20"))
REGISTRATION_RETENTION_DAYS = int(os.environ.get("REGISTRATION_RETENTION_DAYS", "30"))
# Notifications: how long an editor's changes must rest before followers are told (seconds),
# and how often a personal calendar address may be read per hour.
NOTICE_QUIET_PERIOD = int(os.environ.get("NOTICE_QUIET_PERIOD", "300"))
PERSONAL_CALENDAR_REQUESTS_PER_HOUR = int(
    os.environ.get("PERSONAL_CALENDAR_REQUESTS_PER_HOUR", "120")
)

# --- Security headers --------------------------------------------------------------------------
# The public site runs no inline script or style, so the policy is strict. Wagtail's admin
# relies on inline scripts and is left out; it is for logged-in editors only.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# Sites that may show /termine/einbetten/ in a frame (space-separated origins; "*" = any).
EMBED_FRAME_ANCESTORS = os.environ.get("EMBED_FRAME_ANCESTORS", "*").split()
# Public, read-only data other websites may fetch from the browser (CORS "*", never with
# cookies): the API; feeds and calendars mark their responses themselves.
PUBLIC_CORS_PATH_PREFIXES = ["/api/v2/"]
# Feeds and calendars, for answering a browser's preflight (OPTIONS) before their GET.
PUBLIC_CORS_PATH_SUFFIXES = ["/ical/", "/rss/", "/atom/"]
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

# --- Email -------------------------------------------------------------------------------------
# Every mail leaves through the task queue, with retries (operations/mail.py); the worker
# delivers it through EMAIL_DELIVERY_BACKEND, which the environment's EMAIL_BACKEND names (SMTP
# by default).
EMAIL_BACKEND = "operations.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
# A mail server that accepts the connection and then hangs must not hold the worker.
EMAIL_TIMEOUT = 30
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "").lower() in {"1", "true", "yes"}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "arbeitskreise@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# The moderation mails have German HTML templates of their own (templates/wagtailadmin/).
WAGTAILADMIN_NOTIFICATION_USE_HTML = True

# --- Logging -----------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Each line names the client it was written for (operations/client_address.py), "-" outside one.
    "filters": {"client_address": {"()": "operations.client_address.ClientAddressLogFilter"}},
    "formatters": {
        "client": {"format": "{levelname} {name} [{client_address}] {message}", "style": "{"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["client_address"],
            "formatter": "client",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
