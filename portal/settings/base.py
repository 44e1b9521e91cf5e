"""Shared settings. Everything deployment-specific comes from the environment,
with embedded defaults (SQLite, local-memory cache, in-memory channel layer)."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .caches import PAGE_CACHE_ALIAS, cache_settings  # noqa: F401 (PAGE_CACHE_ALIAS: a setting)
from .env import env_bool, env_float, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("TAMAYUZ_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")  # dev/test provide a throwaway one; production requires it
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "daphne",
    "portal",
    "frontend",
    "knowledge",
    "search",
    "evaluations",
    "awards",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "channels",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "portal.headers.ContentSecurityPolicyMiddleware",
    "portal.headers.PrivateCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "frontend.middleware.PageDigitsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.middleware.RequireTwoFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = None
ASGI_APPLICATION = "portal.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
VAR_DIR.mkdir(parents=True, exist_ok=True)
# When each periodic task last started, for ``manage.py periodic --once`` run by cron
# (portal/periodic.py).
PERIODIC_STATE_PATH = Path(env_str("PERIODIC_STATE_PATH", str(VAR_DIR / "periodic-last-started.json")))
DATABASES = {"default": dj_database_url.parse(env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'tamayuz.sqlite3'}"))}
# Threads per server process that run requests' Django code, kept from one request to the
# next (portal/asgi_handler.py); a request arriving while all are busy waits its turn. A
# few: Python runs one thread's code at a time, and every thread past the few that keep the
# CPU busy while others wait on the database only adds switching between them (bench/
# customer_form.py, two workers on PostgreSQL + Redis: 16 threads cost 12.1 ms of CPU per
# submission and gave 116/s, 8 threads 10.6 ms and 132/s, 4 threads 9.3-9.6 ms and
# 152-158/s; on SQLite 16 threads cost 29 ms, 4 threads 20 ms, each thread being one more
# connection whose page cache every write invalidates).
_ON_SQLITE = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
REQUEST_THREADS = env_int("REQUEST_THREADS", 4)
if _ON_SQLITE:
    # SQLite shared by the ASGI workers and management commands (publish_scheduled,
    # import_knowledge): write-ahead logging on every new connection, so readers never wait
    # for a writer nor a writer for readers; every transaction starts IMMEDIATE, taking the
    # write lock up front (a deferred one that reads first and writes later fails at once
    # with "database is locked" when another writer committed meanwhile, whatever the
    # timeout); and a short, bounded wait for that lock. GETs do not write (read counts and
    # search logs go through portal.buffered_writes), so only writers ever wait. The
    # portal's backend (portal/db/sqlite/base.py) queues the writers of one process on a
    # lock of its own, handed from one to the next, instead of SQLite's polling.
    # Connections are kept by the request threads (at most REQUEST_THREADS per process):
    # opening one costs more than most requests (SQLite reads the whole schema again).
    DATABASES["default"]["ENGINE"] = "portal.db.sqlite"
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 600)
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": env_float("DATABASE_SQLITE_TIMEOUT", 5.0),
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    if env_bool("DATABASE_POOL", False):
        # On request: a pool of connections per process (psycopg_pool), for many request
        # threads sharing fewer connections. Persistent connections and the pool exclude
        # each other (the pool keeps them).
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": env_int("DATABASE_POOL_MIN_SIZE", 2),
            "max_size": env_int("DATABASE_POOL_MAX_SIZE", REQUEST_THREADS + 4),
            # Seconds a request waits for a free connection before failing.
            "timeout": env_float("DATABASE_POOL_TIMEOUT", 10.0),
        }
    else:
        # By default each request thread keeps its connection (at most REQUEST_THREADS per
        # process, plus those of the WebSocket consumers' threads): with a few threads that
        # is as few connections as a pool, and it spares every request the pool's borrow and
        # return (bench/customer_form.py, two workers on PostgreSQL + Redis, 4 threads: 142/s
        # pooled, 152-158/s kept). A connection that failed is closed at the end of its
        # request and opened again by the next.
        DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 600)
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "portal.User"

# --- Buffered writes (portal/buffered_writes.py) ------------------------------------
# Page read counts and search logs are buffered (in Redis when REDIS_URL is set, else in
# the process) and saved in batches: every BUFFERED_WRITES_INTERVAL seconds, sooner when
# BUFFERED_WRITES_MAX_ITEMS are waiting, and at a clean shutdown. 0 = no background flusher.
BUFFERED_WRITES_INTERVAL = env_float("BUFFERED_WRITES_INTERVAL", 5.0)
BUFFERED_WRITES_MAX_ITEMS = env_int("BUFFERED_WRITES_MAX_ITEMS", 500)

# --- Cache and channel layer ------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
# Two aliases (portal/settings/caches.py): "default", and "pages" for whole anonymous pages
# (its own store, so a flood of pages never evicts a rate-limit counter: at most
# PAGE_CACHE_MAX_ENTRIES pages per process without Redis, each some tens of kilobytes).
# With Redis, waits are bounded (seconds): a Redis down or stalled costs a request a
# fraction of a second, after which pages render uncached (portal.content_version).
CACHES = cache_settings(
    redis_url=REDIS_URL,
    prefix=env_str("CACHE_KEY_PREFIX", "tamayuz"),
    connect_timeout=env_float("REDIS_SOCKET_CONNECT_TIMEOUT", 0.5),
    socket_timeout=env_float("REDIS_SOCKET_TIMEOUT", 0.5),
    page_entries=env_int("PAGE_CACHE_MAX_ENTRIES", 5000),
)
# The "default" alias logs the Redis errors it ignores.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
if REDIS_URL:
    # The pub/sub layer: one Redis subscription per process carries every group, so a
    # broadcast to hundreds of open leaderboards is one PUBLISH. channels-redis's list-based
    # core layer polls one lock per connected client and stalled at a few hundred clients
    # in one process (bench/live_push.py); live events need no delivery guarantee beyond
    # "to whoever is connected", which is what pub/sub gives.
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {
                "hosts": [REDIS_URL],
                "prefix": env_str("CHANNELS_PREFIX", "tamayuz"),
            },
        }
    }
else:
    # Channels' in-memory layer, sweeping for expired messages once a second rather than on
    # every receive (portal/channel_layers.py): a broadcast costs O(clients), not O(clients²).
    CHANNEL_LAYERS = {"default": {"BACKEND": "portal.channel_layers.InMemoryChannelLayer"}}

# --- Caching public pages (portal/page_cache.py, portal/content_version.py) ----------
# Anonymous readers of public pages get whole pages from the cache above; every publish,
# unpublish, move or delete, and every change to a snippet pages show, replaces the content
# version (kept in that cache, or in files under CONTENT_VERSION_DIR with the local cache),
# so nothing cached before it is served again. Seconds an entry is kept at most:
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# menus, footer links, breadcrumbs and language links of anonymous readers:
CONTENT_CACHE_SECONDS = env_int("CONTENT_CACHE_SECONDS", 600)
# anonymous search results per query, language and filters; the public leaderboard pages:
SEARCH_RESULTS_CACHE_SECONDS = env_int("SEARCH_RESULTS_CACHE_SECONDS", 30)
LEADERBOARD_PAGE_CACHE_SECONDS = env_int("LEADERBOARD_PAGE_CACHE_SECONDS", 30)
# What a shared cache (proxy, CDN) may keep an anonymous public page for:
# "Cache-Control: public, max-age=0, s-maxage=PUBLIC_PAGE_MAX_AGE" (browsers revalidate at
# once, so a reader sees a publish on the next load). Short, as a shared cache is told
# about a change only when front-end cache purging is configured (below).
PUBLIC_PAGE_MAX_AGE = env_int("PUBLIC_PAGE_MAX_AGE", 60)
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
# Query parameters that only tell analytics where a click came from (a shared link on
# social media, a newsletter, an ad): dropped from an anonymous reader's request before the
# page is keyed and rendered, so every shared link of a page is one cache entry. A name
# ending in "*" is a prefix. ("ref" is not one: the search page's click reports use it.)
PAGE_CACHE_IGNORED_PARAMETERS = env_list(
    "PAGE_CACHE_IGNORED_PARAMETERS",
    [
        "utm_*",
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "igshid",
        "twclid",
        "yclid",
    ],
)
CONTENT_VERSION_DIR = env_str("CONTENT_VERSION_DIR", str(VAR_DIR))
# With Redis unreachable, pages render uncached; Redis is tried again after this many
# seconds, and a process that lost a bump retries it for this long when it exits.
CONTENT_VERSION_RETRY_SECONDS = env_float("CONTENT_VERSION_RETRY_SECONDS", 5.0)
CONTENT_VERSION_EXIT_RETRY_SECONDS = env_float("CONTENT_VERSION_EXIT_RETRY_SECONDS", 5.0)
# Wagtail's front-end cache invalidation (a CDN or proxy in front of the portal), off unless
# configured: FRONTEND_CACHE_PURGE_URL (an HTTP PURGE backend such as Varnish or nginx), or
# CLOUDFLARE_ZONE_ID with CLOUDFLARE_BEARER_TOKEN. Nothing leaves the host by default.
WAGTAILFRONTENDCACHE: dict[str, dict] = {}
if env_str("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["purge"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("FRONTEND_CACHE_PURGE_URL"),
    }
if env_str("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env_str("CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env_str("CLOUDFLARE_BEARER_TOKEN"),
    }
# When the CDN or proxy can purge everything at once, its URLs (a wildcard such as
# "https://portal.example.gov/*", or a "purge all" path): used for changes every page may
# show (portal/frontend_purge.py); else the home and index pages are purged.
FRONTEND_CACHE_PURGE_ALL_URLS = env_list("FRONTEND_CACHE_PURGE_ALL_URLS", [])
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.insert(INSTALLED_APPS.index("wagtail.contrib.forms"), "wagtail.contrib.frontend_cache")

# --- Search -------------------------------------------------------------------
# Elasticsearch 8 (>= 8.10: editor synonyms live in a synonyms set) when set; the embedded
# SQLite FTS5 backend otherwise. Timeouts in seconds: searches, bulk loads, publishing.
# The web process needs only ELASTICSEARCH_API_KEY (read/write documents); the admin key is
# for the worker: `search_index --create/--rebuild` (creates indices, the alias, the
# synonyms set) and `search_index --replay` / `periodic` (puts edited synonyms).
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
ELASTICSEARCH_API_KEY = env_str("ELASTICSEARCH_API_KEY", "")
ELASTICSEARCH_ADMIN_API_KEY = env_str("ELASTICSEARCH_ADMIN_API_KEY", "")
ELASTICSEARCH_CA_CERTS = env_str("ELASTICSEARCH_CA_CERTS", "")
ELASTICSEARCH_TIMEOUT = env_float("ELASTICSEARCH_TIMEOUT", 5.0)
ELASTICSEARCH_INDEXING_TIMEOUT = env_float("ELASTICSEARCH_INDEXING_TIMEOUT", 120.0)
ELASTICSEARCH_PUBLISH_TIMEOUT = env_float("ELASTICSEARCH_PUBLISH_TIMEOUT", 3.0)
ELASTICSEARCH_LOCK_TTL = env_float("ELASTICSEARCH_LOCK_TTL", 3600.0)
SEARCH_INDEX_PREFIX = env_str("SEARCH_INDEX_PREFIX", "tamayuz")
SEARCH_EMBEDDED_PATH = Path(env_str("SEARCH_EMBEDDED_PATH", str(VAR_DIR / "search.sqlite3")))
# With Elasticsearch, a publishing request only writes the outbox row: a background thread
# of the web process applies it (search/indexing.py, BackgroundApplier).
SEARCH_BACKGROUND_APPLY = env_bool("SEARCH_BACKGROUND_APPLY", True)

# Badge credentials are signed (VC-JWT, Ed25519) with the issuer's key: BADGE_SIGNING_KEY
# (PEM or 32 raw bytes in base64). Without it, development and tests generate one once in
# BADGE_SIGNING_KEY_FILE (mode 0600) and reuse it; production never generates (a system
# check warns). BADGE_PREVIOUS_PUBLIC_KEYS (comma-separated) keep rotated-out keys
# published so older credentials still verify. See awards.credential_signing.
BADGE_SIGNING_KEY = env_str("BADGE_SIGNING_KEY")
BADGE_SIGNING_KEY_FILE = Path(env_str("BADGE_SIGNING_KEY_FILE", str(VAR_DIR / "badge-signing-key.pem")))
BADGE_SIGNING_KEY_GENERATE = env_bool("BADGE_SIGNING_KEY_GENERATE", True)
BADGE_PREVIOUS_PUBLIC_KEYS = env_list("BADGE_PREVIOUS_PUBLIC_KEYS", [])
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# --- Authentication (django-allauth) ---------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_ADAPTER = "portal.adapters.AccountAdapter"
ACCOUNT_USER_DISPLAY = "portal.security.user_display_name"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_RATE_LIMITS = {
    # Failed sign-ins: 5 per account (allauth's key is the login typed) and 20 per real client
    # address (the adapter reads it behind TRUSTED_PROXY_COUNT proxies), within 5 minutes.
    "login_failed": "20/5m/ip,5/5m/key",
    "login": "30/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
ACCOUNT_SIGNUP_OPEN = env_bool("ACCOUNT_SIGNUP_OPEN", False)
# Proxies in front of the portal that append the client's address to X-Forwarded-For (0: the
# portal is reached directly and the header is ignored). Rate limits key on the real client.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Tamayuz"
# Code fields that read Arabic-Indic and Persian digits (portal/forms.py). Which roles must use
# two-step verification is decided in portal/security.py.
MFA_FORMS = {
    "authenticate": "portal.forms.TwoStepAuthenticateForm",
    "reauthenticate": "portal.forms.TwoStepReauthenticateForm",
    "activate_totp": "portal.forms.TwoStepActivateTOTPForm",
}

# --- Email ---------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Tamayuz <no-reply@tamayuz.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Internationalisation --------------------------------------------------------
LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", _("Arabic")), ("en", _("English"))]
LANGUAGE_COOKIE_NAME = "tamayuz_language"
LOCALE_PATHS = [BASE_DIR / "portal" / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Asia/Bahrain")
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Arabic numbers with Arabic separators; digits are shaped by frontend.formatting.
FORMAT_MODULE_PATH = ["frontend.formats"]

# --- Static and media ----------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail -----------------------------------------------------------------
# The name the admin shows when a site has none, in the admin user's language.
WAGTAIL_SITE_NAME = _("Tamayuz")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILADMIN_LOGIN_URL = "account_login"
# A URL name, so restricted pages send readers to the sign-in page in their own language.
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
# No staff member's email hash leaves the portal for an avatar service.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# Uploads never run script on the portal's origin: no SVG or HTML among them, documents
# always go through Wagtail's view and download as attachments (with nosniff and a
# "default-src 'none'" policy), and SVG images are refused (they may carry <script>).
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Avatars from gravatar.com would leave the machine and break the admin's policy.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Security defaults (production hardens further) --------------------------------
# "Was this page helpful?": answers accepted per client address and page in a window.
PAGE_FEEDBACK_VOTES_PER_ADDRESS = env_int("PAGE_FEEDBACK_VOTES_PER_ADDRESS", 5)
PAGE_FEEDBACK_WINDOW_SECONDS = env_int("PAGE_FEEDBACK_WINDOW_SECONDS", 3600)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# --- Customers' ratings (evaluations) -------------------------------------------------
# Single-use links expire after this many days; the limits count submissions in a sliding
# cache window (per link per hour, per employee per hour, per customer address per hour; a
# printed card allows one rating per address per employee per day). The benchmark raises
# the per-address limit: all its clients share 127.0.0.1.
CUSTOMER_FEEDBACK_LINK_DAYS = env_int("CUSTOMER_FEEDBACK_LINK_DAYS", 7)
CUSTOMER_FEEDBACK_LIMITS = {
    "link_attempts_per_hour": env_int("CUSTOMER_FEEDBACK_LINK_ATTEMPTS_PER_HOUR", 10),
    "employee_per_hour": env_int("CUSTOMER_FEEDBACK_EMPLOYEE_PER_HOUR", 120),
    "address_per_hour": env_int("CUSTOMER_FEEDBACK_ADDRESS_PER_HOUR", 20),
    "card_address_per_employee_per_day": env_int("CUSTOMER_FEEDBACK_CARD_ADDRESS_PER_DAY", 1),
    "card_per_employee_per_day": env_int("CUSTOMER_FEEDBACK_CARD_PER_DAY", 200),
}

# Leadership's cross-agency aggregates show an agency's mean overall 360° score only when at
# least this many reports have one: below it a mean could be one or two people's scores.
EVALUATIONS_AGGREGATE_MIN_REPORTS = env_int("EVALUATIONS_AGGREGATE_MIN_REPORTS", 5)

# Demo mode prints demo credentials and allows load_demo to create demo users.
TAMAYUZ_DEMO_MODE = env_bool("TAMAYUZ_DEMO_MODE", False)

# knowledge.importing refuses Markdown files larger than this.
TAMAYUZ_IMPORT_MAX_FILE_BYTES = env_int("TAMAYUZ_IMPORT_MAX_FILE_BYTES", 512 * 1024)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "daphne": {"level": "WARNING"},
        "django.channels.server": {"level": "WARNING"},
        # Wagtail's background tasks and page actions log every step at INFO.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
