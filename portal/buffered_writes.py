"""Writes that must not sit on a GET's critical path, buffered and saved in batches.

A page view counts a read and a first-page search logs the query; doing either in the
request made every reader wait for the database's write lock (on SQLite, behind any
publisher). Instead the request adds to a buffer, and a background flusher saves the
buffer every ``BUFFERED_WRITES_INTERVAL`` seconds, sooner when
``BUFFERED_WRITES_MAX_ITEMS`` items are waiting, and once more at a clean shutdown
(``atexit``, which daphne reaches when stopped by SIGTERM or SIGINT, and the ASGI lifespan
shutdown for servers that send it). ``manage.py flush_buffers`` saves it on demand.

Two kinds of stream, each saved by the handler its app registers in ``AppConfig.ready``:

- a **counter** stream adds integers per key (``increment``): page reads per page and day;
- a **latest** stream keeps the last value per key (``put_latest``): one search-log entry
  per typing burst.

Where the buffer lives:

- with ``REDIS_URL`` set, in Redis hashes shared by every worker process: ``HINCRBY`` /
  ``HSET`` to add, and one ``MULTI`` of ``HGETALL`` + ``DEL`` to take a whole batch, so two
  processes flushing at once never both take an item (no double count), and an item added
  meanwhile lands in the next batch (none lost);
- otherwise in this process's memory (each process saves only what it buffered).

A batch whose save fails is put back and retried at the next flush. A process killed
without a clean shutdown loses at most what it had taken and not yet saved (one batch)
and, with the in-process buffer, what it had not flushed yet.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import threading
from collections.abc import Callable, Mapping
from typing import Any

from django.conf import settings
from django.db import connections

logger = logging.getLogger(__name__)

COUNTER = "counter"
LATEST = "latest"

#: stream name → (kind, handler). The handler saves one batch inside its own transaction
#: and raises when it cannot (the batch is then put back); it may return how many items it
#: saved when that is not the whole batch (items it put back to wait).
_handlers: dict[str, tuple[str, Callable[[dict[str, Any]], int | None]]] = {}


def register(stream: str, *, kind: str, handler: Callable[[dict[str, Any]], int | None]) -> None:
    """Declare ``stream`` and the function that saves a batch of it."""
    if kind not in (COUNTER, LATEST):
        raise ValueError(f"unknown stream kind {kind!r}")
    _handlers[stream] = (kind, handler)


def unregister(stream: str) -> None:
    """Forget ``stream`` (what is buffered for it stays until discarded)."""
    _handlers.pop(stream, None)


# --- Stores -----------------------------------------------------------------------------


class LocalStore:
    """The buffer in this process's memory."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._streams: dict[str, dict[str, Any]] = {}

    def increment(self, stream: str, key: str, amount: int) -> None:
        with self._lock:
            values = self._streams.setdefault(stream, {})
            values[key] = values.get(key, 0) + amount

    def put_latest(self, stream: str, key: str, value: dict[str, Any]) -> None:
        with self._lock:
            self._streams.setdefault(stream, {})[key] = value

    def take(self, stream: str) -> dict[str, Any]:
        with self._lock:
            return self._streams.pop(stream, {})

    def put_back(self, stream: str, kind: str, batch: Mapping[str, Any]) -> None:
        with self._lock:
            values = self._streams.setdefault(stream, {})
            for key, value in batch.items():
                if kind == COUNTER:
                    values[key] = values.get(key, 0) + value
                else:
                    values.setdefault(key, value)  # a newer value buffered meanwhile wins

    def discard(self) -> None:
        with self._lock:
            self._streams.clear()


class RedisStore:
    """The buffer in Redis hashes, shared by every process using the same ``REDIS_URL``."""

    def __init__(self, url: str, prefix: str) -> None:
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        # Adding happens on a GET's path: bounded waits, one retry, when Redis is unwell.
        self._client = redis.Redis.from_url(
            url, socket_connect_timeout=1.0, socket_timeout=2.0, retry=Retry(NoBackoff(), 1)
        )
        self._prefix = prefix

    def _key(self, stream: str) -> str:
        return f"{self._prefix}:buffered:{stream}"

    def increment(self, stream: str, key: str, amount: int) -> None:
        self._client.hincrby(self._key(stream), key, amount)

    def put_latest(self, stream: str, key: str, value: dict[str, Any]) -> None:
        self._client.hset(self._key(stream), key, json.dumps(value, ensure_ascii=False))

    def take(self, stream: str) -> dict[str, Any]:
        pipeline = self._client.pipeline(transaction=True)
        pipeline.hgetall(self._key(stream))
        pipeline.delete(self._key(stream))
        raw, _deleted = pipeline.execute()
        kind = _handlers[stream][0] if stream in _handlers else COUNTER
        decode = int if kind == COUNTER else json.loads
        return {key.decode(): decode(value) for key, value in raw.items()}

    def put_back(self, stream: str, kind: str, batch: Mapping[str, Any]) -> None:
        pipeline = self._client.pipeline(transaction=True)
        for key, value in batch.items():
            if kind == COUNTER:
                pipeline.hincrby(self._key(stream), key, value)
            else:
                pipeline.hsetnx(self._key(stream), key, json.dumps(value, ensure_ascii=False))
        pipeline.execute()

    def discard(self) -> None:
        keys = list(self._client.scan_iter(match=self._key("*")))
        if keys:
            self._client.delete(*keys)


_store: LocalStore | RedisStore | None = None
_store_lock = threading.Lock()


def store() -> LocalStore | RedisStore:
    global _store
    if _store is None:
        with _store_lock:
            if _store is None:
                redis_url = getattr(settings, "REDIS_URL", None)
                if redis_url:
                    _store = RedisStore(redis_url, getattr(settings, "CACHE_KEY_PREFIX", "tamayuz"))
                else:
                    _store = LocalStore()
    return _store


# --- Adding -----------------------------------------------------------------------------


def increment(stream: str, key: str, amount: int = 1) -> None:
    """Add ``amount`` to ``key`` of the counter ``stream`` (saved at the next flush).

    A buffer that cannot be reached (Redis down) loses this item, logged: counting a read
    never makes the reader's page fail."""
    try:
        store().increment(stream, key, amount)
    except Exception:
        logger.exception("Could not buffer %s %s", stream, key)
        return
    _flusher.added()


def put_latest(stream: str, key: str, value: dict[str, Any]) -> None:
    """Set ``key`` of the latest-value ``stream`` to ``value`` (JSON-serialisable); like
    ``increment``, an unreachable buffer loses the item rather than fail the request."""
    try:
        store().put_latest(stream, key, value)
    except Exception:
        logger.exception("Could not buffer %s %s", stream, key)
        return
    _flusher.added()


# --- Flushing ---------------------------------------------------------------------------

_flush_lock = threading.Lock()


def flush(stream: str | None = None) -> dict[str, int]:
    """Save what is buffered (every stream, or one); returns how many keys each saved.

    A batch whose handler raises is put back for the next flush, and the error logged."""
    saved: dict[str, int] = {}
    with _flush_lock:
        for name, (kind, handler) in list(_handlers.items()):
            if stream is not None and name != stream:
                continue
            batch = store().take(name)
            if not batch:
                continue
            try:
                result = handler(batch)
            except Exception:
                logger.exception("Saving %d buffered %s failed; kept for the next flush", len(batch), name)
                store().put_back(name, kind, batch)
                continue
            saved[name] = result if isinstance(result, int) else len(batch)
    return saved


def discard() -> None:
    """Forget everything buffered (tests start from an empty buffer)."""
    store().discard()


class _Flusher:
    """The background thread that flushes every interval, or sooner when items pile up."""

    def __init__(self) -> None:
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._pid: int | None = None
        self._pending = 0
        self._lock = threading.Lock()
        #: Whether this process buffered anything (only then does it flush at exit).
        self.used = False

    @staticmethod
    def interval() -> float:
        return float(getattr(settings, "BUFFERED_WRITES_INTERVAL", 5.0))

    def added(self) -> None:
        self.used = True
        if self.interval() <= 0:
            return  # no background flusher (tests flush explicitly)
        with self._lock:
            if self._thread is None or self._pid != os.getpid() or not self._thread.is_alive():
                self._start()
            self._pending += 1
            if self._pending >= int(getattr(settings, "BUFFERED_WRITES_MAX_ITEMS", 500)):
                self._pending = 0
                self._wake.set()

    def _start(self) -> None:
        self._pid = os.getpid()
        self._stop.clear()
        self._wake.clear()  # a wake-up left by an earlier stop() is not a reason to flush
        self._thread = threading.Thread(target=self._run, name="buffered-writes-flusher", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.interval())
            self._wake.clear()
            with self._lock:
                self._pending = 0
            try:
                flush()
            except Exception:
                logger.exception("Flushing buffered writes failed")
            finally:
                connections.close_all()  # this thread's connections only

    def stop(self, timeout: float = 30.0) -> None:
        """Stop the thread after its current (and last) flush; ``shutdown`` saves the rest."""
        thread = self._thread
        self._stop.set()
        self._wake.set()
        if thread is not None and thread.is_alive() and self._pid == os.getpid():
            thread.join(timeout)
        self._thread = None


_flusher = _Flusher()


def shutdown() -> None:
    """Clean shutdown: stop the background flusher and save everything still buffered."""
    _flusher.stop()
    if _handlers and _flusher.used:
        try:
            flush()
        except Exception:
            logger.exception("Flushing buffered writes at shutdown failed")


atexit.register(shutdown)


async def lifespan(scope: dict, receive: Callable, send: Callable) -> None:
    """ASGI lifespan application: at the server's shutdown, save what is buffered."""
    from asgiref.sync import sync_to_async

    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await sync_to_async(shutdown)()
            await send({"type": "lifespan.shutdown.complete"})
            return
