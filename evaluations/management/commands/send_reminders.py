"""``manage.py send_reminders [--now ISO] [--dry-run]``: email raters with evaluations still
to submit in an open cycle on its reminder days, and retry failed invitations, release
notices and notices of new assignments. Safe to run from cron every hour: each reminder goes to a rater at most once per
cycle and reminder day (a database constraint, so two runs at once send it once)."""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from evaluations.models import Notification
from evaluations.services import retry_failed, send_reminders
from evaluations.services.notifications import DeliveryReport


def _moment(value: str) -> datetime.datetime:
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"{value!r} is not an ISO 8601 date or date and time.") from error
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


class Command(BaseCommand):
    help = "Send the evaluation reminders that are due (once each), and retry failed evaluation emails."

    def add_arguments(self, parser):
        parser.add_argument("--now", type=_moment, help="Act as if it were this moment (ISO 8601).")
        parser.add_argument("--dry-run", action="store_true", help="Report who would be emailed; send nothing.")

    def handle(self, *args, now=None, dry_run=False, **options):
        reports = send_reminders(now=now, dry_run=dry_run)
        if not dry_run:
            reports += retry_failed()
        if not reports:
            self.stdout.write("No reminder is due.")
        for report in reports:
            self._write(report, dry_run=dry_run)

    def _write(self, report: DeliveryReport, *, dry_run: bool) -> None:
        if report.kind == Notification.Kind.ASSIGNMENT:
            what = f"new assignment {report.key}"
        else:
            what = f"{report.kind} {report.key} days" if report.key else report.kind
        self.stdout.write(f"Cycle {report.cycle}, {what}:")
        lines = [
            ("would send", report.would_send) if dry_run else ("sent", report.sent),
            ("already sent", report.already_sent),
            ("failed (retried on the next run)", report.failed),
            ("skipped, no email", report.no_email),
            ("skipped, inactive", report.inactive),
        ]
        for label, ids in lines:
            if ids or label in ("sent", "would send"):
                listed = f": {', '.join(ids)}" if ids and label != "already sent" else ""
                self.stdout.write(f"  {label}: {len(ids)}{listed}")
        if report.failed:
            self.stderr.write(self.style.ERROR(f"  {len(report.failed)} emails failed; see the log."))
