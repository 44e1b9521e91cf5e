"""The portal's SQLite backend (``portal.db.sqlite``): the threads of a process queue for
the write lock on a lock of the process, first come first served, instead of polling
SQLite's. On a database file of the test's own, one Django connection per thread, as the
server's request threads have (whatever database the rest of the suite runs on)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest
from django.db import transaction
from django.db.utils import ConnectionHandler, OperationalError

from portal.db.sqlite.base import WriterLock, is_read_only

#: The alias of the test's own database (``transaction.atomic(using=ALIAS)`` finds it).
ALIAS = "writers"
#: A generous bound for a step that should take milliseconds (the machine is shared).
PATIENCE = 10.0


class WithOurDatabase:
    """Django's connections, plus the test's own database under ``ALIAS``."""

    def __init__(self, real, ours: dict[str, ConnectionHandler]) -> None:
        self.real, self.ours = real, ours

    def __getitem__(self, alias: str):
        return self.ours["handler"][alias] if alias == ALIAS else self.real[alias]


@pytest.fixture
def database(tmp_path, django_db_blocker, monkeypatch):
    """A Django connection handler for a fresh SQLite file with the portal's options; each
    thread that asks ``database()[ALIAS]`` gets its own connection. (Not the test
    database: pytest-django's guard is lifted for the test's own file.)"""

    def open_database(timeout: float = 5.0) -> ConnectionHandler:
        handler = ConnectionHandler(
            {
                "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"},  # required, unused
                ALIAS: {
                    "ENGINE": "portal.db.sqlite",
                    "NAME": str(tmp_path / "writers.sqlite3"),
                    "OPTIONS": {
                        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                        "transaction_mode": "IMMEDIATE",
                        "timeout": timeout,
                    },
                },
            }
        )
        made.append(handler)
        current["handler"] = handler
        return handler

    made: list[ConnectionHandler] = []
    current: dict[str, ConnectionHandler] = {}
    monkeypatch.setattr(transaction, "connections", WithOurDatabase(transaction.connections, current))
    unblocked = django_db_blocker.unblock()
    unblocked.__enter__()
    handler = open_database()
    with handler[ALIAS].cursor() as cursor:
        cursor.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)")
        cursor.execute("INSERT INTO counter (id, value) VALUES (1, 0)")
    handler[ALIAS].close()
    open_database.path = tmp_path / "writers.sqlite3"
    yield open_database
    for handler in made:
        handler.close_all()
    unblocked.__exit__(None, None, None)


def in_thread(target, *args) -> threading.Thread:
    thread = threading.Thread(target=target, args=args, daemon=True)
    thread.start()
    return thread


def wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + PATIENCE
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting until {what}")
        time.sleep(0.005)


def counter(connection) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM counter WHERE id = 1")
        return cursor.fetchone()[0]


def add_one(connection) -> None:
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        cursor.execute("SELECT value FROM counter WHERE id = 1")
        value = cursor.fetchone()[0]
        cursor.execute("UPDATE counter SET value = %s WHERE id = 1", [value + 1])


def test_many_threads_writing_at_once_all_get_their_turn(database):
    handler = database()
    errors: list[Exception] = []

    def writer() -> None:
        connection = handler[ALIAS]
        for _ in range(25):
            try:
                with transaction.atomic(using=ALIAS), connection.cursor() as cursor:
                    cursor.execute("SELECT value FROM counter WHERE id = 1")
                    value = cursor.fetchone()[0]
                    time.sleep(0.001)  # the other threads pile up meanwhile
                    cursor.execute("UPDATE counter SET value = %s WHERE id = 1", [value + 1])
            except Exception as error:  # counted below
                errors.append(error)
        connection.close()

    threads = [in_thread(writer) for _ in range(12)]
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert counter(handler[ALIAS]) == 12 * 25
    assert not handler[ALIAS].writer_lock.locked()


def test_a_second_writer_waits_on_the_process_lock_and_goes_on_once_the_first_commits(database):
    handler = database()
    first = handler[ALIAS]
    done = threading.Event()

    with transaction.atomic(using=ALIAS):
        add_one(first)
        assert first.holds_writer_lock

        def second_writer() -> None:
            add_one(handler[ALIAS])
            handler[ALIAS].close()
            done.set()

        in_thread(second_writer)
        # Queued behind the first, on the process's lock (not sleeping in SQLite's busy handler).
        wait_until(lambda: len(first.writer_lock._waiters) == 1, "the second writer queues")
        assert not done.is_set()
    assert not first.holds_writer_lock
    assert done.wait(PATIENCE)
    assert counter(first) == 2


def test_readers_never_wait_for_the_writer(database):
    handler = database()
    read: list[int] = []
    with transaction.atomic(using=ALIAS):
        add_one(handler[ALIAS])

        def reader() -> None:
            read.append(counter(handler[ALIAS]))
            handler[ALIAS].close()

        in_thread(reader).join(timeout=PATIENCE)
        assert read == [0]  # the committed value, at once, while the writer holds the lock


def test_a_write_outside_a_transaction_takes_the_lock_for_that_statement(database):
    handler = database()
    done = threading.Event()
    with transaction.atomic(using=ALIAS):
        add_one(handler[ALIAS])

        def autocommit_writer() -> None:
            with handler[ALIAS].cursor() as cursor:
                cursor.execute("UPDATE counter SET value = value + 10 WHERE id = 1")
            assert not handler[ALIAS].holds_writer_lock
            handler[ALIAS].close()
            done.set()

        in_thread(autocommit_writer)
        wait_until(lambda: len(handler[ALIAS].writer_lock._waiters) == 1, "the statement queues")
    assert done.wait(PATIENCE)
    assert counter(handler[ALIAS]) == 11
    assert not handler[ALIAS].writer_lock.locked()


def test_a_rolled_back_transaction_gives_the_lock_back(database):
    connection = database()[ALIAS]
    with pytest.raises(ZeroDivisionError), transaction.atomic(using=ALIAS):
        add_one(connection)
        1 / 0  # noqa: B018
    assert not connection.holds_writer_lock
    assert not connection.writer_lock.locked()
    assert counter(connection) == 0


def test_nested_atomic_blocks_keep_the_lock_until_the_outermost_ends(database):
    connection = database()[ALIAS]
    with transaction.atomic(using=ALIAS):
        with transaction.atomic(using=ALIAS):
            add_one(connection)
        assert connection.holds_writer_lock
        with pytest.raises(ValueError), transaction.atomic(using=ALIAS):  # a savepoint rolled back
            add_one(connection)
            raise ValueError
        assert connection.holds_writer_lock
    assert not connection.writer_lock.locked()
    assert counter(connection) == 1


def test_closing_the_connection_inside_a_transaction_gives_the_lock_back(database):
    connection = database()[ALIAS]
    with transaction.atomic(using=ALIAS):
        add_one(connection)
        connection.close()
        assert not connection.writer_lock.locked()
    assert not connection.writer_lock.locked()
    assert counter(connection) == 0


def test_a_transaction_begun_by_turning_autocommit_off_keeps_the_lock_until_commit(database):
    connection = database()[ALIAS]
    transaction.set_autocommit(False, using=ALIAS)
    try:
        with connection.cursor() as cursor:
            cursor.execute("UPDATE counter SET value = 5 WHERE id = 1")
        assert connection.holds_writer_lock
        transaction.commit(using=ALIAS)
        assert not connection.holds_writer_lock
    finally:
        transaction.set_autocommit(True, using=ALIAS)
    assert counter(connection) == 5


def test_a_writer_that_waits_longer_than_the_timeout_gets_database_is_locked(database):
    handler = database(timeout=0.2)
    failures: list[Exception] = []
    with transaction.atomic(using=ALIAS):
        add_one(handler[ALIAS])

        def impatient_writer() -> None:
            try:
                add_one(handler[ALIAS])
            except OperationalError as error:
                failures.append(error)
            finally:
                handler[ALIAS].close()

        in_thread(impatient_writer).join(timeout=PATIENCE)
    assert len(failures) == 1
    assert "database is locked" in str(failures[0])
    assert not handler[ALIAS].writer_lock.locked()


def test_another_process_holding_the_write_lock_is_waited_for_by_sqlite_busy_timeout(database):
    handler = database()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "db.execute('BEGIN IMMEDIATE'); db.execute('UPDATE counter SET value = 100 WHERE id = 1')\n"
            "print('holding', flush=True); time.sleep(0.5); db.execute('COMMIT')\n",
            str(database.path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        add_one(handler[ALIAS])  # waits for the other process, within the 5-second timeout
    finally:
        holder.wait(timeout=PATIENCE)
    assert counter(handler[ALIAS]) == 101


def test_waiters_get_the_lock_in_the_order_they_came():
    lock = WriterLock()
    assert lock.acquire(timeout=1)
    order: list[int] = []

    def waiter(number: int) -> None:
        assert lock.acquire(timeout=PATIENCE)
        order.append(number)
        lock.release()

    threads = []
    for number in range(5):
        threads.append(in_thread(waiter, number))
        wait_until(lambda number=number: len(lock._waiters) == number + 1, f"waiter {number} queues")
    lock.release()
    for thread in threads:
        thread.join(timeout=PATIENCE)
    assert order == [0, 1, 2, 3, 4]
    assert not lock.locked()


def test_a_waiter_that_gives_up_leaves_the_queue():
    lock = WriterLock()
    assert lock.acquire(timeout=1)
    assert not lock.acquire(timeout=0.05)
    assert len(lock._waiters) == 0
    lock.release()
    assert not lock.locked()


@pytest.mark.parametrize(
    ("sql", "read_only"),
    [
        ("SELECT 1", True),
        ("  select value FROM counter", True),
        ("PRAGMA journal_mode", True),
        ("EXPLAIN QUERY PLAN SELECT 1", True),
        ("UPDATE counter SET value = 1", False),
        ("INSERT INTO counter VALUES (2, 0)", False),
        ("DELETE FROM counter", False),
        ("CREATE TABLE t (id INTEGER)", False),
        ("WITH x AS (SELECT 1) DELETE FROM counter", False),
    ],
)
def test_which_statements_count_as_writes(sql, read_only):
    assert is_read_only(sql) is read_only
