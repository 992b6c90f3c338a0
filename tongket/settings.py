"""tongket settings, read from the environment.

Every value comes from an environment variable through a small typed helper that fails
loudly on a bad value. Nothing exists only in production: SQLite under var/ and in-process
background work are the single-machine defaults; DATABASE_URL and CELERY_BROKER_URL switch
to PostgreSQL and real workers behind the same code.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("TONGKET_VAR_DIR", BASE_DIR / "var"))

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def envbool(name: str, default: str) -> bool:
    value = os.environ.get(name, default).strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={value!r}: expected one of {sorted(_TRUE | _FALSE)}")


def envint(name: str, default: str) -> int:
    value = os.environ.get(name, default)
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r}: expected an integer") from None


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", "false")
TESTING = envbool("TONGKET_TESTING", "false")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not TESTING:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-debug-and-tests-0123456789abcdef"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG or TESTING else "")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "tongket.units",
    "tongket.targets",
    "tongket.emulation",
    "tongket.party",
    "tongket.petitions",
    "tongket.conferences",
    "tongket.documents",
    "tongket.textfacts",
    "tongket.portal",
    "tongket.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads the request: unreadable paths, queries and form bodies are
    # refused; every error under /api/ leaves as JSON.
    "tongket.units.edge.EdgeMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "tongket.units.security.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "tongket.units.middleware.IntegrityConflictMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into tongket's own answer.
    "axes.middleware.AxesMiddleware",
]

CSRF_FAILURE_VIEW = "tongket.units.errors.csrf_failure"

if not (DEBUG or TESTING):
    # In production whitenoise serves the collected static files; in development and tests
    # Django's staticfiles app serves them from the npm packages directly.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "tongket.urls"
WSGI_APPLICATION = "tongket.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "tongket" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tongket.units.context_processors.navigation",
            ],
            "builtins": ["tongket.units.templatetags.vn"],
        },
    },
]

# SQLite, however it is named, writes the way a server with background threads needs: WAL,
# write transactions that take the lock at BEGIN (no deadlock on upgrading a read lock), and a
# busy timeout so a second writer waits instead of failing with "database is locked".
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}

DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    try:
        DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from None
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "tongket.sqlite3",
            # Tests use a file too, not SQLite's in-memory shared cache, which answers
            # "locked" at once where a real database waits: background threads write
            # concurrently exactly as they do in production.
            "TEST": {"NAME": VAR_DIR / "test.sqlite3"},
        }
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {**SQLITE_OPTIONS, **DATABASES["default"].get("OPTIONS", {})}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "units.User"
# django-axes counts failed sign-ins per account and per address before the password is
# checked; LOGIN_FAILURE_LIMIT failures lock that account, or that address, for
# LOGIN_LOCKOUT_MINUTES minutes (tongket.units.security.logins answers in Vietnamese).
AUTHENTICATION_BACKENDS = [
    "tongket.units.security.logins.ThrottledBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = datetime.timedelta(minutes=envint("LOGIN_LOCKOUT_MINUTES", "15"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "tongket.units.security.logins.lockout_response"
AXES_CLIENT_IP_CALLABLE = "tongket.units.security.logins.client_ip"
AXES_VERBOSE = False
# Two-factor sign-in (TOTP apps such as Google Authenticator, plus one-time recovery codes).
OTP_TOTP_ISSUER = "tongket"
TWO_FACTOR_RECOVERY_CODES = 10
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "tongket.units.validators.VietnameseMinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
LOCALE_PATHS = [BASE_DIR / "tongket" / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
NODE_MODULES = BASE_DIR / "node_modules"
# Front-end assets come from npm packages installed by `make run`; none are copied into the repo.
STATICFILES_DIRS = [
    BASE_DIR / "tongket" / "static",
    ("vendor/bootstrap", NODE_MODULES / "bootstrap" / "dist"),
    ("vendor/chartjs", NODE_MODULES / "chart.js" / "dist"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Spreadsheets imported (results, plans, nominations, members, recipient lists): larger
# files are refused with a message stating the limit, before they are opened.
IMPORT_MAX_BYTES = envint("IMPORT_MAX_BYTES", str(10 * 1024 * 1024))
# The review of a long report posts one small form per proposed fact (a 20-page report:
# about 700 facts, 6.000 fields); the body stays bounded by the memory size above.
DATA_UPLOAD_MAX_NUMBER_FIELDS = envint("DATA_UPLOAD_MAX_NUMBER_FIELDS", "20000")

# Background work: a broker URL turns on Celery workers; without one, jobs run in-process.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", "") or None
CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1

# "default": the dashboards' computed figures, cached under their data version (see
# tongket.targets.selectors.dashboards): in Redis when CACHE_URL names one (shared by every
# worker process), otherwise in each process's memory. Either way a page is never stale: the
# key changes with the data. "documents": what is costly to make and depends only on its inputs
# (the report's chart, keyed by its figures), shared by every web and worker process of the
# machine.
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL and not CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured(f"CACHE_URL={CACHE_URL!r}: expected a redis:// URL")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": CACHE_URL,
        "KEY_PREFIX": "tongket",
    }
    if CACHE_URL
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "tongket",
        "OPTIONS": {"MAX_ENTRIES": envint("CACHE_MAX_ENTRIES", "300")},
    },
    "documents": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": VAR_DIR / "cache" / "documents",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}

SOFFICE_BINARY = os.environ.get("SOFFICE_BINARY", "soffice")
# PDFs: PDF_CONVERTERS LibreOffice converters kept running on loopback (unoserver, run by a
# Python with Debian's python3-uno: `make system-deps` makes .venv-uno), started when first
# needed and restarted if one dies; 0 (the default under tests) converts with a one-shot
# soffice each time, as does any conversion while the pool is starting or unavailable.
PDF_CONVERTERS = envint("PDF_CONVERTERS", "0" if TESTING else "1")
PDF_CONVERTER_PYTHON = os.environ.get(
    "PDF_CONVERTER_PYTHON", str(BASE_DIR / ".venv-uno" / "bin" / "python")
)
PDF_CONVERTER_DIR = Path(os.environ.get("PDF_CONVERTER_DIR", VAR_DIR / "pdf-converters"))
PDF_CONVERTER_TIMEOUT = envint("PDF_CONVERTER_TIMEOUT", "120")
# A process working on a background job updates its heartbeat every JOB_HEARTBEAT_SECONDS; a
# running job whose heartbeat is older than JOB_STALE_SECONDS is marked failed (its process
# died) and can be resumed from the steps not yet done.
JOB_HEARTBEAT_SECONDS = envint("JOB_HEARTBEAT_SECONDS", "10")
JOB_STALE_SECONDS = envint("JOB_STALE_SECONDS", "300")

# Reports read for facts (/doc-van-ban/): a larger upload is refused by its size, unread.
TEXTFACTS_MAX_UPLOAD_MB = envint("TEXTFACTS_MAX_UPLOAD_MB", "20")

# The menu's count of work waiting (the home page always computes the list from the data):
# kept this many seconds between two computations (0 under tests: every page computes it, so
# a page's query count does not depend on the page opened before it).
WORKLIST_BADGE_SECONDS = envint("WORKLIST_BADGE_SECONDS", "0" if TESTING else "60")

# API tokens live this many days unless their creator chooses otherwise.
API_TOKEN_DAYS = envint("API_TOKEN_DAYS", "90")

# Security. `manage.py check --deploy` is clean when DEBUG is off.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", str(8 * 3600))
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
HTTPS = envbool("HTTPS", "false" if DEBUG or TESTING else "true")
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and envbool("SECURE_SSL_REDIRECT", "true")
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "31536000") if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# Behind a reverse proxy the client's address is the last one the proxy adds to
# X-Forwarded-For (login throttling counts per address), and HTTPS is what it says.
BEHIND_PROXY = envbool("BEHIND_PROXY", "false")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# E-mail: SMTP from the environment; nothing is sent unless a host is set. The work list by
# e-mail (`manage.py send_worklists`, daily from cron or a timer) is off unless asked for.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", "587")
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "true")
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", "20")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "tongket <khong-tra-loi@localhost>")
WORKLIST_EMAIL = envbool("TONGKET_WORKLIST_EMAIL", "false")
