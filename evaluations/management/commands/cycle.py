"""``manage.py cycle create|open|close|release|cancel``: the HR actions on a cycle, calling
the same services as the admin."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from evaluations.models import Cycle, Notification, Unit
from evaluations.services import cancel_cycle, close_cycle, create_cycle, open_cycle, release_cycle
from portal.models import Agency

TRANSITIONS = {"open": open_cycle, "close": close_cycle, "release": release_cycle, "cancel": cancel_cycle}


def _days(value: str) -> list[int]:
    """``7,3,1`` → [7, 3, 1]; an empty value means no reminders."""
    try:
        days = [int(part) for part in value.split(",") if part.strip()]
    except ValueError as error:
        raise CommandError(f"{value!r} is not a list of whole numbers of days (e.g. 7,3,1).") from error
    if any(day < 0 for day in days):
        raise CommandError("Reminder days must be at least 0.")
    return sorted(set(days), reverse=True)


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"{value!r} is not a date (YYYY-MM-DD).") from error


class Command(BaseCommand):
    help = "Create an evaluation cycle, or move one through its states."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create a draft cycle.")
        create.add_argument("slug")
        create.add_argument("--name-ar", required=True)
        create.add_argument("--name-en", required=True)
        create.add_argument("--opens", required=True, help="YYYY-MM-DD")
        create.add_argument("--closes", required=True, help="YYYY-MM-DD")
        create.add_argument("--agency", action="append", default=[], help="An agency slug (repeatable).")
        create.add_argument("--unit", action="append", default=[], help="AGENCY_SLUG/UNIT_SLUG (repeatable).")
        create.add_argument("--seed", type=int, help="Seed of the peer assignment (reproducible).")
        create.add_argument(
            "--reminder-days",
            type=_days,
            help="Days before the close date on which raters with pending evaluations are reminded "
            "(comma-separated, default 7,3,1; empty for none).",
        )
        for name in TRANSITIONS:
            transition = sub.add_parser(name, help=f"{name.capitalize()} a cycle.")
            transition.add_argument("slug")

    def handle(self, *args, action: str, slug: str, **options):
        try:
            if action == "create":
                cycle = self._create(slug, options)
                self.stdout.write(self.style.SUCCESS(f"Cycle {cycle.slug} created (draft)."))
                return
            cycle = Cycle.objects.filter(slug=slug).first()
            if cycle is None:
                raise CommandError(f"No cycle with the slug {slug!r}.")
            cycle = TRANSITIONS[action](cycle=cycle)
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from error
        extra = ""
        if action == "open":
            extra = f" {cycle.assignments.count()} assignments.{self._emails(cycle, Notification.Kind.INVITATION)}"
        elif action == "close":
            extra = f" {cycle.results.count()} results frozen."
        elif action == "release":
            extra = self._emails(cycle, Notification.Kind.RELEASE)
        self.stdout.write(self.style.SUCCESS(f"Cycle {cycle.slug} is now {cycle.status}.{extra}"))

    @staticmethod
    def _emails(cycle: Cycle, kind: str) -> str:
        """The emails sent once the transition committed (``send_reminders`` retries failures)."""
        rows = Notification.objects.filter(cycle=cycle, kind=kind)
        sent = rows.filter(status=Notification.Status.SENT).count()
        failed = rows.filter(status=Notification.Status.FAILED).count()
        text = f" Emails sent: {sent}."
        if failed:
            text += f" Emails failed: {failed} (send_reminders retries them)."
        return text

    def _create(self, slug: str, options) -> Cycle:
        agencies = []
        for agency_slug in options["agency"]:
            agency = Agency.objects.filter(slug=agency_slug).first()
            if agency is None:
                raise CommandError(f"No agency with the slug {agency_slug!r}.")
            agencies.append(agency)
        units = []
        for value in options["unit"]:
            agency_slug, _sep, unit_slug = value.partition("/")
            unit = Unit.objects.filter(agency__slug=agency_slug, slug=unit_slug).first()
            if unit is None:
                raise CommandError(f"No unit {value!r} (give AGENCY_SLUG/UNIT_SLUG).")
            units.append(unit)
        return create_cycle(
            slug=slug,
            name_ar=options["name_ar"],
            name_en=options["name_en"],
            opens_on=_date(options["opens"]),
            closes_on=_date(options["closes"]),
            agencies=agencies,
            units=units,
            assignment_seed=options.get("seed"),
            reminder_days=options.get("reminder_days"),
        )
