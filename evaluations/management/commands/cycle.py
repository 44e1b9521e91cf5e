"""``manage.py cycle …``: HR's actions on a cycle, calling the same services as the web
pages (each one logged in Wagtail's audit log):

- ``create SLUG …`` a draft; ``update SLUG …`` a draft's settings and scope;
- ``open|close|release|cancel SLUG``;
- ``assign SLUG --rater ID --ratee ID --relationship peer``, ``unassign SLUG --rater ID
  --ratee ID``, ``reassign SLUG --rater ID --ratee ID --to ID`` and ``reopen SLUG --rater
  ID --ratee ID --reason TEXT`` for one rater's evaluation of one employee.

A refusal (a bad value, an illegal transition, an evaluation already submitted…) ends the
command with its reason and exit status 1, and changes nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from evaluations.models import Assignment, Cycle, Employee, Framework, Notification, Relationship, Response, Unit
from evaluations.scoring import RATER_GROUPS
from evaluations.services import (
    add_assignment,
    cancel_cycle,
    close_cycle,
    create_cycle,
    open_cycle,
    reassign_assignment,
    release_cycle,
    remove_assignment,
    reopen_response,
    update_cycle_settings,
)
from portal.models import Agency

TRANSITIONS = {"open": open_cycle, "close": close_cycle, "release": release_cycle, "cancel": cancel_cycle}
ASSIGNMENT_ACTIONS = ("assign", "unassign", "reassign", "reopen")


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


def _per_group(value: str) -> dict[str, int]:
    """``customer=60,peer=10`` → {"customer": 60, "peer": 10} (the groups not named keep
    their current value)."""
    found: dict[str, int] = {}
    for part in (part.strip() for part in value.split(",") if part.strip()):
        group, _sep, number = part.partition("=")
        group = group.strip()
        if group not in RATER_GROUPS:
            raise CommandError(f"{group!r} is not a rater group ({', '.join(RATER_GROUPS)}).")
        try:
            found[group] = int(number)
        except ValueError as error:
            raise CommandError(f"{part!r}: give GROUP=WHOLE_NUMBER, e.g. customer=50.") from error
    return found


def _decimal(value: str) -> Decimal:
    try:
        return Decimal(value)
    except InvalidOperation as error:
        raise CommandError(f"{value!r} is not a number.") from error


class Command(BaseCommand):
    help = (
        "Create an evaluation cycle, change a draft's settings, move it through its states, and manage its assignments."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="Create a draft cycle.")
        create.add_argument("slug")
        create.add_argument("--name-ar", required=True)
        create.add_argument("--name-en", required=True)
        create.add_argument("--opens", required=True, help="YYYY-MM-DD")
        create.add_argument("--closes", required=True, help="YYYY-MM-DD")
        self._scope_arguments(create)
        create.add_argument("--seed", type=int, help="Seed of the peer assignment (reproducible).")
        create.add_argument(
            "--reminder-days",
            type=_days,
            help="Days before the close date on which raters with pending evaluations are reminded "
            "(comma-separated, default 7,3,1; empty for none).",
        )

        update = sub.add_parser("update", help="Change a draft cycle's settings (only those given).")
        update.add_argument("slug")
        update.add_argument("--name-ar")
        update.add_argument("--name-en")
        update.add_argument("--opens", type=_date, help="YYYY-MM-DD")
        update.add_argument("--closes", type=_date, help="YYYY-MM-DD")
        self._scope_arguments(update, replaces=True)
        update.add_argument("--framework-version", type=int, help="The competency framework version to use.")
        update.add_argument("--weights", type=_per_group, help="e.g. customer=50,supervisor=25,peer=15,subordinate=10")
        update.add_argument("--thresholds", type=_per_group, help="e.g. customer=5,peer=3,subordinate=3")
        update.add_argument("--blind-spot-gap", type=_decimal, help="e.g. 1.0")
        update.add_argument("--peers", type=int, help="Peers asked to rate each employee.")
        update.add_argument("--max-per-rater", type=int, help="Most peer evaluations one rater is asked to write.")
        update.add_argument("--reminder-days", type=_days, help="Comma-separated, e.g. 7,3,1; empty for none.")

        for name in TRANSITIONS:
            transition = sub.add_parser(name, help=f"{name.capitalize()} a cycle.")
            transition.add_argument("slug")

        assign = sub.add_parser("assign", help="Ask a rater to rate an employee.")
        self._pair_arguments(assign)
        assign.add_argument("--relationship", required=True, choices=Relationship.values)
        assign.add_argument("--no-email", action="store_true", help="Do not email the rater (an open cycle).")
        unassign = sub.add_parser("unassign", help="Remove an evaluation not yet submitted.")
        self._pair_arguments(unassign)
        reassign = sub.add_parser("reassign", help="Give an evaluation not yet submitted to another rater.")
        self._pair_arguments(reassign)
        reassign.add_argument("--to", required=True, help="The new rater's employee ID.")
        reassign.add_argument("--no-email", action="store_true", help="Do not email the new rater (an open cycle).")
        reopen = sub.add_parser("reopen", help="Reopen a submitted evaluation so its rater can change it.")
        self._pair_arguments(reopen)
        reopen.add_argument("--reason", required=True, help="Why (kept in the audit log).")

    @staticmethod
    def _scope_arguments(parser, *, replaces: bool = False) -> None:
        note = " Replaces the cycle's scope." if replaces else ""
        parser.add_argument("--agency", action="append", default=[], help=f"An agency slug (repeatable).{note}")
        parser.add_argument("--unit", action="append", default=[], help=f"AGENCY_SLUG/UNIT_SLUG (repeatable).{note}")

    @staticmethod
    def _pair_arguments(parser) -> None:
        parser.add_argument("slug")
        parser.add_argument("--rater", required=True, help="The rater's employee ID.")
        parser.add_argument("--ratee", required=True, help="The employee ID of the person rated.")

    def handle(self, *args, action: str, slug: str, **options):
        try:
            if action == "create":
                cycle = self._create(slug, options)
                self.stdout.write(self.style.SUCCESS(f"Cycle {cycle.slug} created (draft)."))
                return
            cycle = Cycle.objects.filter(slug=slug).first()
            if cycle is None:
                raise CommandError(f"No cycle with the slug {slug!r}.")
            if action == "update":
                self._update(cycle, options)
                return
            if action in ASSIGNMENT_ACTIONS:
                self._assignment_action(action, cycle, options)
                return
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

    @staticmethod
    def _scope(options) -> tuple[list[Agency], list[Unit]]:
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
        return agencies, units

    def _create(self, slug: str, options) -> Cycle:
        agencies, units = self._scope(options)
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

    def _update(self, cycle: Cycle, options) -> None:
        changes: dict = {}
        simple = {
            "name_ar": "name_ar",
            "name_en": "name_en",
            "opens": "opens_on",
            "closes": "closes_on",
            "blind_spot_gap": "blind_spot_gap",
            "peers": "peers_per_employee",
            "max_per_rater": "max_evaluations_per_rater",
            "reminder_days": "reminder_days",
        }
        for option, setting in simple.items():
            if options.get(option) is not None:
                changes[setting] = options[option]
        if options.get("weights"):
            changes["weights"] = {**cycle.weights, **options["weights"]}
        if options.get("thresholds"):
            changes["thresholds"] = {**cycle.thresholds, **options["thresholds"]}
        if options.get("framework_version") is not None:
            framework = Framework.objects.filter(version=options["framework_version"]).first()
            if framework is None:
                raise CommandError(f"No competency framework version {options['framework_version']}.")
            changes["framework"] = framework
        if options["agency"] or options["unit"]:
            changes["agencies"], changes["units"] = self._scope(options)
        if not changes:
            raise CommandError("Nothing to change: give at least one setting (see --help).")
        update_cycle_settings(cycle=cycle, **changes)
        self.stdout.write(self.style.SUCCESS(f"Cycle {cycle.slug} updated."))

    @staticmethod
    def _employee(code: str, role: str) -> Employee:
        employee = Employee.objects.select_related("unit").filter(employee_id=code).first()
        if employee is None:
            raise CommandError(f"No employee with the ID {code!r} ({role}).")
        return employee

    def _assignment_action(self, action: str, cycle: Cycle, options) -> None:
        rater = self._employee(options["rater"], "rater")
        ratee = self._employee(options["ratee"], "ratee")
        pair = f"{rater.employee_id} → {ratee.employee_id}"
        if action == "assign":
            add_assignment(
                cycle=cycle,
                rater=rater,
                ratee=ratee,
                relationship=options["relationship"],
                notify=not options["no_email"],
            )
            self.stdout.write(self.style.SUCCESS(f"Assigned {pair} ({options['relationship']}) in {cycle.slug}."))
            return
        assignment = (
            Assignment.objects.select_related("cycle", "rater", "ratee")
            .filter(cycle=cycle, rater=rater, ratee=ratee)
            .first()
        )
        if assignment is None:
            raise CommandError(f"{rater.employee_id} is not asked to rate {ratee.employee_id} in {cycle.slug}.")
        if action == "unassign":
            remove_assignment(assignment=assignment)
            self.stdout.write(self.style.SUCCESS(f"Removed {pair} from {cycle.slug}."))
        elif action == "reassign":
            new_rater = self._employee(options["to"], "new rater")
            reassign_assignment(assignment=assignment, new_rater=new_rater, notify=not options["no_email"])
            self.stdout.write(
                self.style.SUCCESS(f"{new_rater.employee_id} now rates {ratee.employee_id} in {cycle.slug}.")
            )
        else:
            response = Response.objects.filter(assignment=assignment).first()
            if response is None:
                raise CommandError(f"{pair} has no submitted evaluation to reopen.")
            reopen_response(response=response, reason=options["reason"])
            self.stdout.write(self.style.SUCCESS(f"Reopened {pair} in {cycle.slug}: the rater can change it."))
