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

- with a shared cache (``REDIS_URL``), in that cache (its ``pages`` alias; ``incr``: atomic);
- with the local-memory cache (one machine), in a small file per scope under
  ``CONTENT_VERSION_DIR`` (default ``var/``), replaced atomically with a unique token:
  a management command run beside the server invalidates the server's cache too. The
  file is read again only when its inode or modification time changes.

A change bumps the version at once and again after its transaction commits
(``transaction.on_commit``): a render that read a token before the commit (old data) can
only be stored under a token nobody reads after the commit; a render that reads the last
token started after the commit, from the new data.

When the shared cache cannot be reached (Redis down, or slower than its socket time-outs):

- reading a token raises :class:`Unavailable`: the page cache then renders the page and
  stores nothing, and :func:`cached` builds its value without keeping it. Nothing is read
  under a token that might be old, so readers get slower pages, never stale ones. After a
  failure the cache is not asked again for ``CONTENT_VERSION_RETRY_SECONDS`` (every read
  in that window raises at once: a page renders without waiting on time-outs);
- a bump that fails is logged and never raised (the publish it follows has committed).
  The process remembers that it saw the shared cache fail, and the first time it reaches
  it again, before reading any token, it bumps every scope ("recovery"): pages, menus and
  search results cached before the outage (in Redis, or in any process's memory under the
  old token) are never read again, whichever process's bump was lost. A process that
  failed a bump also retries the recovery by itself every ``CONTENT_VERSION_RETRY_SECONDS``
  (a worker with no readers), and once more at exit for a few seconds (a command such as
  ``publish_scheduled``). The one case left: a command whose bump failed and that exits
  before the cache is back, while no other process noticed the outage; its change then
  shows once the entries expire (``PAGE_CACHE_SECONDS``, ``CONTENT_CACHE_SECONDS``), and
  the log says so.

A process-local stand-in token was considered and rejected: during an outage no process
can tell another that content changed, so anything a process kept under a token of its own
could be stale; the in-process memo is bypassed instead.
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.db import transaction

logger = logging.getLogger(__name__)

CONTENT = "content"
LEADERBOARD = "leaderboard"
SCOPES = (CONTENT, LEADERBOARD)


def store_alias() -> str:
    """The cache alias of whole pages and, when shared, of the content versions."""
    alias = getattr(settings, "PAGE_CACHE_ALIAS", "pages")
    return alias if alias in settings.CACHES else "default"


def store() -> BaseCache:
    return caches[store_alias()]


def _shared_cache() -> bool:
    backend = settings.CACHES[store_alias()]["BACKEND"]
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


class Unavailable(Exception):
    """The shared cache holding the content versions cannot be reached: nothing may be read
    from a cache keyed by them (render instead)."""


class _SharedCacheHealth:
    """This process's view of the shared cache: when it last failed (reads are not tried
    again for ``CONTENT_VERSION_RETRY_SECONDS``) and whether a recovery bump is owed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.retry_at = 0.0
        self.recovery_owed = False
        self._timer: threading.Timer | None = None

    def failed(self, error: BaseException, doing: str) -> None:
        first = not self.recovery_owed
        self.recovery_owed = True
        self.retry_at = time.monotonic() + _retry_seconds()
        if first:
            logger.error(
                "The shared cache cannot be reached (%s: %s); pages are rendered uncached until it is back",
                doing,
                error,
            )

    def check(self) -> None:
        """Raise :class:`Unavailable` while backing off; recover first if owed."""
        if not self.recovery_owed:
            return
        if time.monotonic() < self.retry_at:
            raise Unavailable("backing off after a failure")
        if not self.recover():
            raise Unavailable("still unreachable")

    def recover(self) -> bool:
        """Bump every scope once the cache answers again; ``True`` when nothing is owed."""
        with self._lock:
            if not self.recovery_owed:
                return True
            try:
                for scope in SCOPES:
                    _incr(scope)
            except Exception as error:
                self.failed(error, "recovery")
                return False
            self.recovery_owed = False
            self.retry_at = 0.0
            logger.warning("The shared cache is back: every content version replaced")
            return True

    def schedule_retry(self) -> None:
        """Retry the recovery in the background until it succeeds (a bump was lost)."""
        with self._lock:
            if self._timer is not None and self._timer.is_alive():
                return
            self._timer = threading.Timer(max(_retry_seconds(), 1.0), self._retry)
            self._timer.daemon = True
            self._timer.start()

    def _retry(self) -> None:
        with self._lock:
            self._timer = None
        if not _shared_cache() or self.recover():
            return
        self.schedule_retry()

    def at_exit(self) -> None:
        """A command that lost a bump: try the recovery a few more times before leaving."""
        if not self.recovery_owed or not _shared_cache():
            return
        deadline = time.monotonic() + getattr(settings, "CONTENT_VERSION_EXIT_RETRY_SECONDS", 5.0)
        while True:
            if self.recover():
                return
            if time.monotonic() >= deadline:
                logger.error(
                    "Exiting with a content version bump lost (the shared cache is unreachable): "
                    "cached pages may show the old content until they expire"
                )
                return
            time.sleep(0.5)


def _retry_seconds() -> float:
    return float(getattr(settings, "CONTENT_VERSION_RETRY_SECONDS", 5.0))


_health = _SharedCacheHealth()
atexit.register(_health.at_exit)


def _incr(scope: str) -> None:
    try:
        store().incr(_cache_key(scope))
    except ValueError:
        # First change (or the key was evicted): a value never used before.
        store().set(_cache_key(scope), int(uuid.uuid4().int % 10**12), None)


def current(scope: str = CONTENT) -> str:
    """The scope's current token (a string; "0" before the first change). Raises
    :class:`Unavailable` when the shared cache cannot be reached."""
    if not _shared_cache():
        return _read_file(scope)
    _health.check()
    try:
        value = store().get(_cache_key(scope))
    except Exception as error:
        _health.failed(error, "read")
        raise Unavailable(str(error)) from error
    return str(value if value is not None else 0)


def bump_now(scope: str = CONTENT) -> None:
    """Replace the scope's token at once (callers normally want :func:`bump`). Never
    raises: a shared cache that cannot be reached is logged, and every scope is bumped
    once it answers again (see the module's notes)."""
    if not _shared_cache():
        _write_file(scope)
        return
    try:
        _health.check()
        _incr(scope)
    except Exception as error:
        if not isinstance(error, Unavailable):
            _health.failed(error, "bump")
        logger.error("Could not replace the %s content version (%s); replaced once the cache is back", scope, error)
        _health.schedule_retry()


def bump(scope: str = CONTENT) -> None:
    """Replace the scope's token now (this transaction's own later reads see no stale
    entry) and again once the current transaction commits: a page rendered meanwhile by
    another process, from the data before the commit, is left under the middle token.
    Never raises (see :func:`bump_now`)."""
    in_transaction = not transaction.get_autocommit()
    bump_now(scope)
    if in_transaction:
        transaction.on_commit(lambda: bump_now(scope))


def key(*parts: Any, scopes: tuple[str, ...] = (CONTENT,)) -> str:
    """A cache key holding the scopes' current tokens and ``parts`` (raises
    :class:`Unavailable`)."""
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

    def __len__(self) -> int:
        return len(self._values)

    @property
    def size(self) -> int:
        return self._size


#: Menus, footers, page contexts, fragments, routes' restrictions: a bounded set per site.
memo = _Memo()
#: Anonymous search results: one entry per distinct query, unbounded in number, so in a
#: store of their own; a burst of different searches never evicts the menus above.
search_results_memo = _Memo(size=256)


def cached(
    parts: tuple,
    build: Callable[[], Any],
    *,
    timeout: int | None = None,
    scopes: tuple[str, ...] = (CONTENT,),
    kept_in: _Memo | None = None,
) -> Any:
    """``build()``, kept in this process under ``parts`` and the scopes' current tokens
    (``timeout`` seconds at most, default ``CONTENT_CACHE_SECONDS``), in ``kept_in`` (default
    :data:`memo`); built every time while the shared cache holding the versions cannot be
    reached."""
    try:
        cache_key = key(*parts, scopes=scopes)
    except Unavailable:
        return build()  # no version to keep it under: never risk a stale value
    kept = kept_in if kept_in is not None else memo
    value = kept.get(cache_key)
    if value is None:
        value = build()
        kept.set(cache_key, value, timeout if timeout is not None else settings.CONTENT_CACHE_SECONDS)
    return value
