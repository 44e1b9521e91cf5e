"""Test settings: fast hashing, no manifest storage, isolated search index."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .env import env_str

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="tamayuz-media-"))
# A fresh index per test process (tests that index pages point it at their own tmp_path).
_search_path = env_str("SEARCH_EMBEDDED_PATH")
SEARCH_EMBEDDED_PATH = (
    Path(_search_path) if _search_path else Path(tempfile.mkdtemp(prefix="tamayuz-search-")) / "search.sqlite3"
)
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TAMAYUZ_DEMO_MODE = True
# No background flusher: tests save buffered writes with buffered_writes.flush().
BUFFERED_WRITES_INTERVAL = 0
# No background search-index applier (Elasticsearch only): tests apply the outbox with
# search.indexing.replay_pending_changes, or start the applier themselves.
SEARCH_BACKGROUND_APPLY = False
ALLOWED_HOSTS = ["*"]
# Content versions of the local cache: this process's own files, never the developer's var/.
# (CONTENT_VERSION_DIR in the environment: a test's second process shares this one's.)
CONTENT_VERSION_DIR = env_str("CONTENT_VERSION_DIR") or tempfile.mkdtemp(prefix="tamayuz-content-version-")
# This process's own badge signing key, generated on first use (never the developer's var/).
BADGE_SIGNING_KEY = None
BADGE_SIGNING_KEY_FILE = Path(tempfile.mkdtemp(prefix="tamayuz-badge-key-")) / "badge-signing-key.pem"
BADGE_SIGNING_KEY_GENERATE = True
BADGE_PREVIOUS_PUBLIC_KEYS: list[str] = []
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"null": {"class": "logging.NullHandler"}},
    "root": {"handlers": ["null"], "level": "WARNING"},
}
# Never write into a real Elasticsearch index: with ELASTICSEARCH_URL exported, the suite
# uses its own indices and aliases, one set per test process.
SEARCH_INDEX_PREFIX = f"test-{env_str('SEARCH_INDEX_PREFIX', 'tamayuz')}-{os.getpid()}"
