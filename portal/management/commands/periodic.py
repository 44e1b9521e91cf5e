"""``manage.py periodic [--once] [--only NAME ...] [--list]``: the portal's periodic work
(:mod:`portal.periodic`), as one long-lived process or, with ``--once``, one pass for cron
that runs the tasks due (``--only`` runs the tasks it names, due or not)."""

from __future__ import annotations

import logging
import signal
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import close_old_connections
from django.utils.translation import gettext as _

from portal import periodic

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run the portal's periodic tasks (search outbox, scheduled publishing, reminders, award standings)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once",
            action="store_true",
            help="Run the tasks that are due (their interval passed since a pass last ran them), then exit (for cron).",
        )
        parser.add_argument(
            "--only", nargs="+", metavar="NAME", help="Run only these tasks (see --list for their names)."
        )
        parser.add_argument(
            "--list", dest="list_tasks", action="store_true", help="List the tasks and their intervals."
        )

    def handle(self, *args, once: bool = False, only: list[str] | None = None, list_tasks: bool = False, **options):
        tasks = self._selected(only)
        if list_tasks:
            for task in tasks:
                self.stdout.write(f"{task.name}\t{task.every_seconds}s\t{' '.join(task.command)}\t{task.why}")
            return
        if once:
            self._pass(tasks, scheduled=not only)
            return
        self._loop(tasks)

    def _pass(self, tasks: list[periodic.PeriodicTask], *, scheduled: bool) -> None:
        """One pass: the tasks due by the record of earlier passes (every one of ``tasks``
        when not ``scheduled``), each recorded as started before it runs."""
        state = Path(settings.PERIODIC_STATE_PATH)
        with periodic.single_pass(state) as holding:
            if not holding:
                self.stdout.write(_("Another periodic pass is still running; this one leaves the work to it."))
                return
            if scheduled:
                tasks = periodic.due(tasks, last_started=periodic.read_last_started(state), now=time.time())
            failures = 0
            for task in tasks:
                periodic.record_started(state, task.name, time.time())
                failures += not self._run(task)
        if failures:
            raise CommandError(_("%(count)d periodic task(s) failed; see the log.") % {"count": failures})

    def _selected(self, only: list[str] | None) -> list[periodic.PeriodicTask]:
        if not only:
            return list(periodic.TASKS)
        unknown = sorted(set(only) - {task.name for task in periodic.TASKS})
        if unknown:
            raise CommandError(
                _("Unknown periodic task: %(names)s. Known: %(known)s.")
                % {"names": ", ".join(unknown), "known": ", ".join(task.name for task in periodic.TASKS)}
            )
        return [task for task in periodic.TASKS if task.name in only]

    def _run(self, task: periodic.PeriodicTask) -> bool:
        close_old_connections()
        try:
            call_command(*task.command, stdout=self.stdout, stderr=self.stderr)
        except Exception:  # one task's failure never stops the others; it runs again next turn
            logger.exception("Periodic task %s failed", task.name)
            return False
        finally:
            close_old_connections()
        return True

    def _loop(self, tasks: list[periodic.PeriodicTask]) -> None:
        stopping = threading.Event()

        def stop(signum, frame) -> None:
            stopping.set()

        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, stop)
        last_started: dict[str, float] = {}
        while not stopping.is_set():
            now = time.monotonic()
            for task in periodic.due(tasks, last_started=last_started, now=now):
                if stopping.is_set():
                    break
                last_started[task.name] = time.monotonic()
                self._run(task)
            wait = periodic.seconds_until_next(tasks, last_started=last_started, now=time.monotonic())
            stopping.wait(max(wait, 1.0))
