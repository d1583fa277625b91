"""Settings for the fact-checking workbench, read from the environment.

Production differs from `make demo` by environment variables only; the README lists them.
"""

from pathlib import Path

import dj_database_url

from factcheck.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", False)
# The fallback key is for a local demo only; `manage.py check --deploy` flags it.
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "") or "django-insecure-local-demo-key-set-DJANGO_SECRET_KEY"
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

# The organisation that publishes fact-checks (ClaimReview author).
ORGANIZATION_NAME = env_str("FACTCHECK_ORG_NAME", "Demo Fact-Check Desk")
ORGANIZATION_URL = env_str("FACTCHECK_ORG_URL", "http://127.0.0.1:8000/")
# Where the public fact-check pages live: absolute links in feeds, JSON-LD, webhooks, oEmbed.
PUBLIC_BASE_URL = env_str("FACTCHECK_PUBLIC_URL", "") or ORGANIZATION_URL

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "django_htmx",
    "axes",
    "factcheck",
    "sources",
    "claims",
    "apikeys",
    "publishing",
    "factcheck.search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "factcheck.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns lockouts into a response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "factcheck.urls"
WSGI_APPLICATION = "factcheck.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "factcheck.context_processors.organization",
            ],
        },
    },
]

# Database: a SQLite file by default, PostgreSQL through DATABASE_URL.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
_db = dj_database_url.parse(DATABASE_URL, conn_max_age=0)
if _db["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers proceed during a write; IMMEDIATE avoids "database is locked" upgrades.
    _db["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
else:
    _db["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)
    _db["CONN_HEALTH_CHECKS"] = True
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login brute force: after AXES_FAILURE_LIMIT failures for a username from one address, lock for an hour.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked.html"
AXES_VERBOSE = False
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Sessions live in the database: a Redis outage must not log everyone out.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No inline scripts or styles anywhere: JavaScript lives in static/js/ (factcheck/middleware.py).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'"
)
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", SECURE_HSTS_SECONDS > 0)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", SECURE_HSTS_SECONDS > 0)
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None

# Request bodies: a hostile upload gets a 4xx, not a full disk.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DJANGO_MAX_BODY_BYTES", 10 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Ingest limits.
INGEST_MAX_ITEM_BYTES = env_int("INGEST_MAX_ITEM_BYTES", 2 * 1024 * 1024)
INGEST_MIN_WORDS = env_int("INGEST_MIN_WORDS", 20)
INGEST_MAX_BULK_ITEMS = env_int("INGEST_MAX_BULK_ITEMS", 500)

# Fetching URLs (feeds, articles, evidence, webhooks) through factcheck.net: docs/fetching.md.
FETCH_MAX_BYTES = env_int("FETCH_MAX_BYTES", 5_000_000)
FETCH_CONNECT_TIMEOUT = float(env_str("FETCH_CONNECT_TIMEOUT", "3"))
FETCH_READ_TIMEOUT = float(env_str("FETCH_READ_TIMEOUT", "10"))
FETCH_TOTAL_TIMEOUT = float(env_str("FETCH_TOTAL_TIMEOUT", "30"))
# Exact "host:port" pairs allowed despite a non-public address (tests; an internal mirror).
FETCH_ALLOW_PRIVATE_HOSTS = env_list("FETCH_ALLOW_PRIVATE_HOSTS", [])
# Feeds: how often each is polled, how politely, and when a failing one is flagged.
FEED_POLL_INTERVAL = env_int("FEED_POLL_INTERVAL", 900)
FEED_MIN_INTERVAL_PER_HOST = float(env_str("FEED_MIN_INTERVAL_PER_HOST", "2"))
FEED_MAX_BACKOFF = env_int("FEED_MAX_BACKOFF", 24 * 3600)
FEED_FAILURES_TO_FLAG = env_int("FEED_FAILURES_TO_FLAG", 3)
FEED_MAX_ENTRIES_PER_POLL = env_int("FEED_MAX_ENTRIES_PER_POLL", 50)

# Claim extraction: sentences scoring below this are not stored as claims.
EXTRACTION_THRESHOLD = float(env_str("EXTRACTION_THRESHOLD", "0.5"))
# Processes extracting the articles of a batch in parallel (a pool started on first use). For a process that runs
# extraction itself (no Celery broker: tasks run in-process); Celery workers use worker concurrency instead.
EXTRACTION_PROCESSES = env_int("EXTRACTION_PROCESSES", 1)

# Tasks. No broker: tasks run in-process (eager), so `make demo` needs no server.
CELERY_TASK_ALWAYS_EAGER = not env_str("CELERY_BROKER_URL", "")
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "") or "memory://"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A task is acknowledged after it finishes, and redelivered if its worker dies.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Redis redelivers unacknowledged tasks after visibility_timeout: every task must end before it.
CELERY_VISIBILITY_TIMEOUT = env_int("CELERY_VISIBILITY_TIMEOUT", 3600)
CELERY_TASK_TIME_LIMIT = min(env_int("CELERY_TASK_TIME_LIMIT", 900), CELERY_VISIBILITY_TIMEOUT - 60)
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - 30
# A frozen or absent Redis must not hang a web request.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    "socket_timeout": 4,
    "socket_connect_timeout": 4,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 4
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.5}
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_WORKER_SEND_TASK_EVENTS = False
CELERY_BEAT_SCHEDULE = {
    "reconcile-extraction": {"task": "claims.tasks.reconcile_extraction", "schedule": 300.0},
    "poll-due-feeds": {"task": "sources.tasks.poll_due_feeds", "schedule": 60.0},
    "retry-due-webhooks": {"task": "publishing.tasks.retry_due_webhooks", "schedule": 60.0},
    "reconcile-search": {"task": "factcheck.search.tasks.reconcile_search", "schedule": 600.0},
}

# Search (the search subsystem reads these): "sqlite", "postgres", "elasticsearch" or a dotted
# path to a backend class; empty picks the database's own full-text search. See docs/search.md.
SEARCH_BACKEND = env_str("SEARCH_BACKEND", "")
SEARCH_INDEX_PREFIX = env_str("SEARCH_INDEX_PREFIX", "factcheck")
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL", "")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Session first: anonymous requests keep getting 403 (not 401) with the one error format.
        "rest_framework.authentication.SessionAuthentication",
        "apikeys.auth.ApiKeyAuthentication",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # DRF's default is AllowAny; ours is the safe opposite.
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["factcheck.api.SafeJSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "EXCEPTION_HANDLER": "factcheck.api.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "factcheck.api.NewestFirstCursor",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_CLASSES": [
        "factcheck.throttling.AnonSlidingRateThrottle",
        "factcheck.throttling.UserSlidingRateThrottle",
    ],
    # Whose address an anonymous caller has: the proxy's last X-Forwarded-For entry behind one,
    # else the connection's. (DRF's default trusts any X-Forwarded-For, so a caller could pick.)
    "NUM_PROXIES": 1 if BEHIND_PROXY else 0,
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_THROTTLE_ANON", "120/min"),
        "user": env_str("API_THROTTLE_USER", "6000/min"),
    },
}
if DEBUG:
    REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"].append("rest_framework.renderers.BrowsableAPIRenderer")

SPECTACULAR_SETTINGS = {
    "TITLE": "Fact-checking workbench API",
    "DESCRIPTION": (
        "API v1 for newsroom tools. Authenticate with `Authorization: Api-Key <token>` (scopes: read, "
        "ingest, write, publish) or a browser session. Errors: "
        '`{"error": {"code": "...", "message": "...", "fields": {...}}}`.'
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "factcheck.openapi.add_error_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ClaimStatusEnum": "claims.models.Claim.Status",
        "VerdictStatusEnum": "claims.models.Verdict.Status",
        "SourceStatusEnum": "sources.models.Source.Status",
        "IngestBatchStatusEnum": "sources.models.IngestBatch.Status",
        "IngestResultEnum": "sources.models.IngestItem.Result",
        "DismissReasonEnum": "claims.models.Claim.DismissReason",
    },
}

# API keys: how long a process trusts a key it has checked (revocation elsewhere takes this long).
API_KEY_CACHE_SECONDS = env_int("API_KEY_CACHE_SECONDS", 30)
# Webhooks: attempts before a delivery is given up.
WEBHOOK_MAX_ATTEMPTS = env_int("WEBHOOK_MAX_ATTEMPTS", 8)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "celery.app.trace": {"level": env_str("CELERY_TRACE_LOG_LEVEL", "WARNING")},
    },
}
