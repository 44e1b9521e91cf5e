"""The portal's periodic work, in one table: what runs, how often, through which command.

Production runs ``manage.py periodic`` as one long-lived process beside the web workers (or
``manage.py periodic --once`` from cron every minute); ``make run`` starts it beside the
server. Each task is an existing management command, so an operator can also run any of
them by hand. A task that fails is logged and tried again at its next turn; it never
stops the others.

The schedule is pure (:func:`due`), so it is tested without clocks or sleeps."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

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
