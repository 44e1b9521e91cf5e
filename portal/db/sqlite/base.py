"""Django's SQLite backend, with the threads of one process queueing for the write lock.

SQLite lets one connection write at a time. A connection that finds the database locked
does not queue: its busy handler sleeps and retries in growing steps (1, 2, 5, 10, ...
100 ms) until the lock is free or the busy timeout passes. Under the ASGI server each
request's code runs on its own thread with its own connection, so a burst of writers in
one process polled for the lock (a transaction of 5 ms cost its waiters up to 100 ms
each), and an unlucky one could wait past the timeout and fail with "database is locked"
while later ones got through.

Here the threads of a process take a lock of the process (one per database file) before
they write, in the order they came, and the one that finishes hands it straight to the
next (no polling). The rules:

- an outermost ``atomic`` block takes it before ``BEGIN IMMEDIATE`` (which takes SQLite's
  write lock too) and gives it back when the transaction ends: after ``COMMIT`` or
  ``ROLLBACK``, or when the connection closes (nested atomics and savepoints leave it
  alone);
- a write outside any transaction (an ``INSERT``, ``UPDATE``, ``DELETE`` ... run in
  autocommit mode) takes it for that one statement; so does the first write of a
  transaction begun by ``set_autocommit(False)``, until that transaction ends; reads
  (``SELECT``, ``PRAGMA``, ``EXPLAIN``) never wait for it (write-ahead logging: readers
  and the writer do not block one another);
- waiting is bounded by the same ``timeout`` as SQLite's busy handler (the ``timeout``
  option, ``DATABASE_SQLITE_TIMEOUT``); past it the write fails with the error SQLite
  would give, ``OperationalError("database is locked")``.

Other processes (a second server worker, a management command) are not covered: between
processes SQLite's own busy timeout still applies, as before.
"""

from __future__ import annotations

import threading
import time
from collections import deque

from django.db.backends.sqlite3 import base as sqlite3_base
from django.db.utils import OperationalError

#: Statements that never write: they run without the writer lock.
READ_ONLY_STATEMENTS = ("SELECT", "PRAGMA", "EXPLAIN")


class WriterLock:
    """A first-come, first-served lock that hands itself straight to the next waiter.

    ``threading.Lock`` wakes no waiter in particular: a thread that just released it often
    takes it again before a waiter runs, so a waiter can lose turn after turn until its
    time-out passes. Here each waiter waits on its own lock, in a queue."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._held = False
        self._waiters: deque[threading.Lock] = deque()

    def acquire(self, timeout: float) -> bool:
        with self._mutex:
            if not self._held:
                self._held = True
                return True
            turn = threading.Lock()
            turn.acquire()
            self._waiters.append(turn)
        if turn.acquire(timeout=max(timeout, 0.0)):
            return True  # handed over by release(): the lock is ours
        with self._mutex:
            try:
                self._waiters.remove(turn)
            except ValueError:
                # release() handed it over just as the time-out passed: keep it.
                return True
        return False

    def release(self) -> None:
        with self._mutex:
            if not self._held:
                raise RuntimeError("release of an unheld writer lock")
            if self._waiters:
                self._waiters.popleft().release()  # stays held, by the next waiter
            else:
                self._held = False

    def locked(self) -> bool:
        return self._held


_locks: dict[str, WriterLock] = {}
_locks_guard = threading.Lock()


def writer_lock_for(name: str) -> WriterLock:
    """The process's writer lock for the database ``name`` (its file path)."""
    with _locks_guard:
        return _locks.setdefault(str(name), WriterLock())


def is_read_only(sql: str) -> bool:
    return sql.lstrip()[:7].upper().startswith(READ_ONLY_STATEMENTS)


class DatabaseWrapper(sqlite3_base.DatabaseWrapper):
    """One per thread, as every Django connection; ``holds_writer_lock`` is this
    connection's share of the process's lock."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.holds_writer_lock = False
        self.execute_wrappers.append(self._take_writer_lock_for_writes)

    @property
    def writer_lock(self) -> WriterLock:
        return writer_lock_for(self.settings_dict["NAME"])

    def _writer_lock_timeout(self) -> float:
        return float(self.settings_dict["OPTIONS"].get("timeout", 5.0))

    def _acquire_writer_lock(self) -> None:
        if self.holds_writer_lock:
            return
        started = time.monotonic()
        if not self.writer_lock.acquire(timeout=self._writer_lock_timeout()):
            waited = time.monotonic() - started
            raise OperationalError(f"database is locked (waited {waited:.1f} s for this process's other writers)")
        self.holds_writer_lock = True

    def _release_writer_lock(self, *, unless_in_transaction: bool = True) -> None:
        if not self.holds_writer_lock:
            return
        if unless_in_transaction and self.connection is not None and self.connection.in_transaction:
            return
        self.holds_writer_lock = False
        self.writer_lock.release()

    # An outermost atomic block: BEGIN IMMEDIATE ... COMMIT / ROLLBACK.
    def _start_transaction_under_autocommit(self) -> None:
        self._acquire_writer_lock()
        try:
            super()._start_transaction_under_autocommit()
        except BaseException:
            self._release_writer_lock()
            raise

    def _commit(self):
        try:
            return super()._commit()
        finally:
            # A failed COMMIT may leave the transaction open: its ROLLBACK (or closing
            # the connection) gives the lock back then.
            self._release_writer_lock()

    def _rollback(self):
        try:
            return super()._rollback()
        finally:
            self._release_writer_lock()

    def _close(self):
        try:
            return super()._close()
        finally:
            self._release_writer_lock(unless_in_transaction=False)

    # Writes outside an atomic block.
    def _take_writer_lock_for_writes(self, execute, sql, params, many, context):
        if self.holds_writer_lock or is_read_only(sql):
            return execute(sql, params, many, context)
        self._acquire_writer_lock()
        try:
            return execute(sql, params, many, context)
        finally:
            # Autocommit: the statement's own transaction is over. A transaction begun
            # by set_autocommit(False) keeps the lock until its COMMIT or ROLLBACK.
            self._release_writer_lock()
