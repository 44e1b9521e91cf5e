"""The portal's periodic work, in one table: what runs, how often, through which command.

Production runs ``manage.py periodic`` as one long-lived process beside the web workers (or
``manage.py periodic --once`` from cron every minute); ``make run`` starts it beside the
server. Each task is an existing management command, so an operator can also run any of
them by hand. A task that fails is logged and tried again at its next turn; it never
stops the others.

The schedule is pure (:func:`due`), so it is tested without clocks or sleeps. Passes run by
cron (``--once``) remember when each task last started in a small file
(``PERIODIC_STATE_PATH``), so an hourly task runs hourly there too, and a pass that finds
the previous one still running leaves the work to it (:func:`single_pass`)."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

MINUTE = 60
HOUR = 60 * MINUTE


@dataclass(frozen=True)
class PeriodicTask:
    name: str
    every_seconds: int
    command: tuple[str, ...]
    why: str


TASKS: tuple[PeriodicTask, ...] = (
    PeriodicTask(
        "search-replay",
        MINUTE,
        ("search_index", "--replay"),
        "apply the search index changes a crash or an unreachable search engine left in the outbox",
    ),
    PeriodicTask(
        "publish-scheduled",
        MINUTE,
        ("publish_scheduled",),
        "publish and unpublish the pages whose go-live or expiry time has come (Wagtail)",
    ),
    PeriodicTask(
        "evaluation-emails",
        HOUR,
        ("send_reminders",),
        "reminders on each open cycle's reminder days, and retries of failed emails (once per key)",
    ),
    PeriodicTask(
        "award-freeze",
        HOUR,
        ("awards", "freeze"),
        "freeze the standings of every award season that has ended",
    ),
    PeriodicTask(
        "award-snapshot",
        HOUR,
        ("awards", "snapshot"),
        "store today's standings (idempotent per day): the leaderboard's movement and sparklines",
    ),
)


def task_named(name: str) -> PeriodicTask:
    for task in TASKS:
        if task.name == name:
            return task
    raise KeyError(name)


def due(tasks: Sequence[PeriodicTask], *, last_started: Mapping[str, float], now: float) -> list[PeriodicTask]:
    """The tasks to run at ``now`` (seconds, monotonic): never run yet, or last started at
    least their interval ago; in the table's order."""
    return [
        task for task in tasks if task.name not in last_started or now - last_started[task.name] >= task.every_seconds
    ]


def seconds_until_next(tasks: Sequence[PeriodicTask], *, last_started: Mapping[str, float], now: float) -> float:
    """How long to sleep before some task is due (0 when one already is)."""
    waits = [
        0.0 if task.name not in last_started else last_started[task.name] + task.every_seconds - now for task in tasks
    ]
    return max(0.0, min(waits, default=float(MINUTE)))


def read_last_started(path: Path) -> dict[str, float]:
    """When each task last started (seconds since the epoch), as the passes before this one
    recorded it; empty when nothing was recorded or the record cannot be read (then every
    task is due: running one more time is safe, each task is idempotent)."""
    try:
        recorded = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(recorded, dict):
        return {}
    return {name: float(at) for name, at in recorded.items() if isinstance(at, int | float)}


def record_started(path: Path, name: str, at: float) -> None:
    """Record that task ``name`` started at ``at``, replacing the file in one step (a crash
    never leaves half a record)."""
    recorded = read_last_started(path)
    recorded[name] = at
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(recorded, file, sort_keys=True)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def single_pass(path: Path) -> Iterator[bool]:
    """Hold the pass lock beside ``path``: yields True when this pass holds it, False when
    another pass still runs (cron started this one before the last finished)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
