"""Test settings: fast hashing, no manifest storage, isolated search index."""

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .env import env_str


def _isolate_test_worker_redis() -> None:
    """Under pytest-xdist (``make test`` runs two or more test processes), give each process
    its own Redis database and channel prefix: Django's ``cache.clear()`` empties a whole
    Redis database, and pub/sub channels are shared by every database of a server.

    Worker ``gwN`` takes database (the URL's + N). The rewritten ``REDIS_URL`` is exported,
    so a test's child process shares its parent's database rather than choosing again."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not worker.startswith("gw") or os.environ.get("TAMAYUZ_TEST_WORKER_ISOLATED"):
        return
    os.environ["TAMAYUZ_TEST_WORKER_ISOLATED"] = worker
    index = int(worker.removeprefix("gw"))
    os.environ["CHANNELS_PREFIX"] = f"{os.environ.get('CHANNELS_PREFIX', 'tamayuz')}-{worker}"
    url = os.environ.get("REDIS_URL")
    if url:
        parts = urlsplit(url)
        database = int(parts.path.strip("/") or 0) + index
        os.environ["REDIS_URL"] = urlunsplit(parts._replace(path=f"/{database}"))


_isolate_test_worker_redis()

from .base import *  # noqa: E402, F403

if DATABASES["default"]["ENGINE"] == "portal.db.sqlite":  # noqa: F405
    # Django's in-memory test database, said explicitly: pytest-django recognises only
    # Django's own SQLite engine as in-memory, and would name a file per xdist worker.
    DATABASES["default"]["TEST"] = {**DATABASES["default"].get("TEST", {}), "NAME": ":memory:"}  # noqa: F405
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
