"""Content versions: one token per scope that every change to what public pages show
replaces, so everything cached under the old token (whole pages, menus, search results)
is never read again.

Two scopes:

- ``content``: pages (publish, unpublish, move, delete, any save), and the snippets and
  settings pages show (agencies, channels, topics, sites, locales, the digit setting,
  redirects, search best bets and synonyms). ``portal.cache_invalidation`` connects the signals, which fire
  whoever changes the content: the admin, a workflow, ``publish_scheduled``,
  ``import_knowledge``;
- ``leaderboard``: the award standings (``awards.standings.standings_changed``).

Where the token lives, so every process sees a change at once:

- with a shared cache (``REDIS_URL``), in that cache (``cache.incr``: atomic);
- with the local-memory cache (one machine), in a small file per scope under
  ``CONTENT_VERSION_DIR`` (default ``var/``), replaced atomically with a unique token:
  a management command run beside the server invalidates the server's cache too. The
  file is read again only when its inode or modification time changes.

A change bumps the version at once and again after its transaction commits
(``transaction.on_commit``): a render that read a token before the commit (old data) can
only be stored under a token nobody reads after the commit; a render that reads the last
token started after the commit, from the new data.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

CONTENT = "content"
LEADERBOARD = "leaderboard"
SCOPES = (CONTENT, LEADERBOARD)


def _shared_cache() -> bool:
    backend = settings.CACHES["default"]["BACKEND"]
    return "locmem" not in backend.lower() and "dummy" not in backend.lower()


def _cache_key(scope: str) -> str:
    return f"content-version:{scope}"


def _file(scope: str) -> Path:
    directory = Path(getattr(settings, "CONTENT_VERSION_DIR", None) or settings.VAR_DIR)
    return directory / f"content-version-{scope}"


_file_lock = threading.Lock()
#: scope → ((inode, mtime_ns), token) of the last file read by this process.
_file_seen: dict[str, tuple[tuple[int, int], str]] = {}


def _read_file(scope: str) -> str:
    path = _file(scope)
    try:
        stat = path.stat()
    except FileNotFoundError:
        return "0"
    signature = (stat.st_ino, stat.st_mtime_ns)
    seen = _file_seen.get(scope)
    if seen is not None and seen[0] == signature:
        return seen[1]
    try:
        token = path.read_text().strip() or "0"
    except FileNotFoundError:
        return "0"
    _file_seen[scope] = (signature, token)
    return token


def _write_file(scope: str) -> None:
    path = _file(scope)
    path.parent.mkdir(parents=True, exist_ok=True)
    # A unique token (never "the old number plus one"): two processes bumping at once both
    # leave a token nobody rendered under before their change.
    token = uuid.uuid4().hex
    temporary = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    with _file_lock:
        temporary.write_text(token)
        os.replace(temporary, path)


def current(scope: str = CONTENT) -> str:
    """The scope's current token (a string; "0" before the first change)."""
    if _shared_cache():
        value = cache.get(_cache_key(scope))
        return str(value if value is not None else 0)
    return _read_file(scope)


def bump_now(scope: str = CONTENT) -> None:
    """Replace the scope's token at once (callers normally want :func:`bump`)."""
    if _shared_cache():
        try:
            cache.incr(_cache_key(scope))
        except ValueError:
            # First change (or the key was evicted): a value never used before.
            cache.set(_cache_key(scope), int(uuid.uuid4().int % 10**12), None)
        return
    _write_file(scope)


def bump(scope: str = CONTENT) -> None:
    """Replace the scope's token now (this transaction's own later reads see no stale
    entry) and again once the current transaction commits: a page rendered meanwhile by
    another process, from the data before the commit, is left under the middle token."""
    in_transaction = not transaction.get_autocommit()
    bump_now(scope)
    if in_transaction:
        transaction.on_commit(lambda: bump_now(scope))


def key(*parts: Any, scopes: tuple[str, ...] = (CONTENT,)) -> str:
    """A cache key holding the scopes' current tokens and ``parts``."""
    tokens = ".".join(current(scope) for scope in scopes)
    return "v" + tokens + ":" + ":".join(str(part) for part in parts)


class _Memo:
    """A small least-recently-used store in this process's memory: values under a key that
    holds the content version, so a change elsewhere (another process, a command) makes
    them unreachable at once. Nothing is pickled: the values may be page objects with
    StreamFields, shared read-only by the requests of this process."""

    def __init__(self, size: int = 512) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._values: OrderedDict[str, tuple[float, Any]] = OrderedDict()

    def get(self, key: str) -> Any:
        with self._lock:
            found = self._values.get(key)
            if found is None:
                return None
            if found[0] < time.monotonic():
                del self._values[key]
                return None
            self._values.move_to_end(key)
            return found[1]

    def set(self, key: str, value: Any, timeout: float) -> None:
        with self._lock:
            self._values[key] = (time.monotonic() + timeout, value)
            self._values.move_to_end(key)
            while len(self._values) > self._size:
                self._values.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


memo = _Memo()


def cached(
    parts: tuple, build: Callable[[], Any], *, timeout: int | None = None, scopes: tuple[str, ...] = (CONTENT,)
) -> Any:
    """``build()``, kept in this process under ``parts`` and the scopes' current tokens
    (``timeout`` seconds at most, default ``CONTENT_CACHE_SECONDS``)."""
    cache_key = key(*parts, scopes=scopes)
    value = memo.get(cache_key)
    if value is None:
        value = build()
        memo.set(cache_key, value, timeout if timeout is not None else settings.CONTENT_CACHE_SECONDS)
    return value
