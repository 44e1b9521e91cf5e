"""Raters' points: the rules, the services that append to the ledger, and the reads.

Rules (the values come from ``settings.AWARDS_RATER_POINTS``, defaults below):

- a submitted response that answers every statement of its cycle (a score or "not
  observed") earns ``on_time`` points when it was submitted on or before the cycle's close
  date (in the portal's time zone), ``late`` points after it;
- a rater earns ``bonus`` points once per cycle when every evaluation they were asked to
  write (declined ones aside, at least one) is submitted, complete and on time;
- a declined evaluation earns nothing;
- when HR reopens a response, what it earned (and the rater's bonus, no longer due) is
  reversed by a new entry; submitting it again earns again;
- HR may add or take away points with a reason (logged in Wagtail's audit log).

Everything is settled by comparing what is *due* with what the ledger holds (its
unreversed entries) and appending the difference, so running it twice changes nothing;
``recompute`` does the same for every response and reports what it had to change.

Points never enter a standing or score: nothing in ``awards.standings``,
``evaluations.scoring`` or ``evaluations.award_inputs`` reads this ledger."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from awards.points_models import RaterPointsEntry
from evaluations.models import Answer, Assignment, Cycle, Employee, Item, Response

Kind = RaterPointsEntry.Kind

ADJUST_ACTION = "awards.points_adjust"
RECOMPUTE_POINTS_ACTION = "awards.points_recompute"

DEFAULT_POINTS = {"on_time": 10, "late": 5, "bonus": 20}

#: The largest manual adjustment, either way.
MAX_ADJUSTMENT = 1000


def points_rules() -> dict[str, int]:
    return {**DEFAULT_POINTS, **getattr(settings, "AWARDS_RATER_POINTS", {})}


# --- what is due -----------------------------------------------------------------------


def _item_count(cycle: Cycle) -> int:
    return Item.objects.filter(competency__framework_id=cycle.framework_id).count()


def _on_time(cycle: Cycle, submitted_at: datetime.datetime) -> bool:
    return timezone.localdate(submitted_at) <= cycle.closes_on


def _is_complete(response: Response, items: int) -> bool:
    return items > 0 and Answer.objects.filter(response=response).count() >= items


def _declined(response: Response) -> bool:
    return (
        response.assignment_id is not None
        and Assignment.objects.filter(pk=response.assignment_id, declined_at__isnull=False).exists()
    )


def due_for_response(response: Response, *, items: int | None = None) -> tuple[str, int] | None:
    """(kind, points) the response has earned as it stands, or ``None``."""
    if response.status != Response.Status.SUBMITTED or response.submitted_at is None or _declined(response):
        return None
    cycle = response.cycle
    if not _is_complete(response, _item_count(cycle) if items is None else items):
        return None
    rules = points_rules()
    if _on_time(cycle, response.submitted_at):
        return Kind.ON_TIME, rules["on_time"]
    return Kind.LATE, rules["late"]


def bonus_due(*, employee: Employee, cycle: Cycle, items: int | None = None) -> int:
    """The bonus ``employee`` has earned in ``cycle`` as things stand (0: none)."""
    items = _item_count(cycle) if items is None else items
    assignments = Assignment.objects.filter(cycle=cycle, rater=employee, declined_at__isnull=True)
    if not assignments.exists():
        return 0
    complete = (
        Response.objects.filter(
            assignment__in=assignments, status=Response.Status.SUBMITTED, submitted_at__isnull=False
        )
        .annotate(answered=Count("answers"))
        .filter(answered__gte=items)
        .values_list("submitted_at", flat=True)
    )
    on_time = [moment for moment in complete if _on_time(cycle, moment)]
    if items == 0 or len(on_time) != assignments.count():
        return 0
    return points_rules()["bonus"]


# --- appending to the ledger -------------------------------------------------------------


def _append(**fields) -> RaterPointsEntry | None:
    """Append one entry; ``None`` when the database says an identical earning exists (a
    racing duplicate: the constraint, not this code, decides)."""
    try:
        with transaction.atomic():
            return RaterPointsEntry.objects.create(**fields)
    except IntegrityError:
        return None


def _reverse(entry: RaterPointsEntry, *, reason: str, by=None) -> RaterPointsEntry | None:
    return _append(
        employee_id=entry.employee_id,
        cycle_id=entry.cycle_id,
        response_id=entry.response_id,
        kind=Kind.REVERSAL,
        points=-entry.points,
        reverses=entry,
        reason=reason,
        created_by=_user(by),
    )


def _user(by):
    return by if by is not None and getattr(by, "is_authenticated", False) else None


def _settle_response(response: Response, *, reason: str, by=None, items: int | None = None) -> list[RaterPointsEntry]:
    due = due_for_response(response, items=items)
    entries = RaterPointsEntry.objects.filter(response=response, kind__in=RaterPointsEntry.RESPONSE_KINDS)
    active = list(entries.unreversed())
    appended: list[RaterPointsEntry] = []
    keep = None
    for entry in active:
        if keep is None and due is not None and (entry.kind, entry.points) == due:
            keep = entry
            continue
        reversal = _reverse(entry, reason=reason, by=by)
        if reversal is not None:
            appended.append(reversal)
    if due is not None and keep is None:
        earned = _append(
            employee_id=response.rater_id,
            cycle_id=response.cycle_id,
            response=response,
            kind=due[0],
            points=due[1],
            generation=entries.count(),
            reason=reason,
            created_by=_user(by),
        )
        if earned is not None:
            appended.append(earned)
    return appended


def _settle_bonus(*, employee_id: int, cycle: Cycle, reason: str, by=None, items: int | None = None):
    employee = Employee(pk=employee_id)
    due = bonus_due(employee=employee, cycle=cycle, items=items)
    entries = RaterPointsEntry.objects.filter(employee_id=employee_id, cycle=cycle, kind=Kind.BONUS)
    active = list(entries.unreversed())
    appended: list[RaterPointsEntry] = []
    keep = None
    for entry in active:
        if keep is None and due and entry.points == due:
            keep = entry
            continue
        reversal = _reverse(entry, reason=reason, by=by)
        if reversal is not None:
            appended.append(reversal)
    if due and keep is None:
        earned = _append(
            employee_id=employee_id,
            cycle=cycle,
            kind=Kind.BONUS,
            points=due,
            generation=entries.count(),
            reason=reason,
            created_by=_user(by),
        )
        if earned is not None:
            appended.append(earned)
    return appended


@transaction.atomic
def settle_response_points(*, response: Response, reason: str = "", by=None) -> list[RaterPointsEntry]:
    """Bring the ledger in line with what ``response`` (and its rater's bonus) has earned,
    appending earnings or reversals; returns the entries appended (none when in line)."""
    response = Response.objects.select_related("cycle").get(pk=response.pk)
    items = _item_count(response.cycle)
    appended = _settle_response(response, reason=reason, by=by, items=items)
    appended += _settle_bonus(employee_id=response.rater_id, cycle=response.cycle, reason=reason, by=by, items=items)
    return appended


def response_reopened(*, response: Response, reason: str, by=None) -> list[RaterPointsEntry]:
    """HR reopened ``response``: reverse what it earned (and the bonus no longer due)."""
    return settle_response_points(
        response=response, reason=_("Evaluation reopened by HR: %(reason)s") % {"reason": reason.strip()}, by=by
    )


@transaction.atomic
def adjust_points(*, employee: Employee, cycle: Cycle, points: int, reason: str, by) -> RaterPointsEntry:
    """HR adds (or takes away) points with a reason; recorded in the audit log."""
    from evaluations.permissions import can_manage_agency

    employee = Employee.objects.select_related("unit__agency").get(pk=employee.pk)
    if not can_manage_agency(by, employee.unit.agency):
        raise PermissionDenied(_("You do not manage this employee's agency."))
    problems = []
    if isinstance(points, bool) or not isinstance(points, int) or points == 0 or abs(points) > MAX_ADJUSTMENT:
        problems.append(
            _("The points must be a whole number other than 0, from -%(max)s to %(max)s.") % {"max": MAX_ADJUSTMENT}
        )
    if not reason.strip():
        problems.append(_("Please give a reason for the adjustment."))
    if problems:
        raise ValidationError(problems)
    entry = RaterPointsEntry.objects.create(
        employee=employee, cycle=cycle, kind=Kind.ADJUSTMENT, points=points, reason=reason.strip(), created_by=by
    )
    log(
        instance=entry,
        action=ADJUST_ACTION,
        user=_user(by),
        data={"employee": employee.employee_id, "cycle": cycle.slug, "points": points, "reason": reason.strip()},
    )
    return entry


# --- recompute -------------------------------------------------------------------------


@dataclass
class PointsReport:
    differences: list[str] = field(default_factory=list)
    checked: int = 0
    appended: int = 0


def _held(entries) -> int:
    return sum(entry.points for entry in entries)


@transaction.atomic
def recompute_points(*, cycle: Cycle | None = None, fix: bool = False, by=None) -> PointsReport:
    """Compare every response's (and every rater's bonus's) unreversed earnings with what
    is due; report each difference, and with ``fix`` append the entries that settle it."""
    report = PointsReport()
    cycles = [cycle] if cycle is not None else list(Cycle.objects.order_by("opens_on", "pk"))
    reason = _("Correction by the points recompute")
    for each in cycles:
        appended_before = report.appended
        items = _item_count(each)
        earning_responses = set(
            RaterPointsEntry.objects.filter(cycle=each, kind__in=RaterPointsEntry.RESPONSE_KINDS)
            .unreversed()
            .values_list("response_id", flat=True)
        )
        responses = Response.objects.filter(
            Q(cycle=each) & (Q(status=Response.Status.SUBMITTED) | Q(pk__in=earning_responses))
        ).select_related("rater", "cycle")
        raters: dict[int, Employee] = {}
        for response in responses.order_by("pk"):
            report.checked += 1
            raters[response.rater_id] = response.rater
            due = due_for_response(response, items=items)
            earnings = RaterPointsEntry.objects.filter(response=response, kind__in=RaterPointsEntry.RESPONSE_KINDS)
            held = _held(earnings.unreversed())
            if held != (due[1] if due else 0):
                report.differences.append(
                    _("%(cycle)s: rater %(rater)s, evaluation #%(response)s holds %(held)s points, %(due)s due.")
                    % {
                        "cycle": each.slug,
                        "rater": response.rater.employee_id,
                        "response": response.pk,
                        "held": held,
                        "due": due[1] if due else 0,
                    }
                )
                if fix:
                    report.appended += len(_settle_response(response, reason=reason, by=by, items=items))
        bonus_holders = RaterPointsEntry.objects.filter(cycle=each, kind=Kind.BONUS).unreversed()
        for holder in Employee.objects.filter(pk__in=bonus_holders.values("employee_id")):
            raters.setdefault(holder.pk, holder)
        for employee in raters.values():
            due = bonus_due(employee=employee, cycle=each, items=items)
            held = _held(bonus_holders.filter(employee=employee))
            if held != due:
                report.differences.append(
                    _("%(cycle)s: rater %(rater)s holds a bonus of %(held)s points, %(due)s due.")
                    % {"cycle": each.slug, "rater": employee.employee_id, "held": held, "due": due}
                )
                if fix:
                    report.appended += len(
                        _settle_bonus(employee_id=employee.pk, cycle=each, reason=reason, by=by, items=items)
                    )
        if fix and report.appended > appended_before:
            log(
                instance=each,
                action=RECOMPUTE_POINTS_ACTION,
                user=_user(by),
                data={"appended": report.appended - appended_before},
            )
    return report


# --- reads -----------------------------------------------------------------------------


@dataclass
class HistoryLine:
    entry: RaterPointsEntry
    label: str
    reversed: bool


@dataclass
class RaterPoints:
    total: int
    per_cycle: list[tuple[Cycle, int]]
    history: list[HistoryLine]


def balance(*, employee: Employee, cycle: Cycle | None = None) -> int:
    entries = RaterPointsEntry.objects.filter(employee=employee)
    if cycle is not None:
        entries = entries.filter(cycle=cycle)
    return entries.aggregate(total=Sum("points"))["total"] or 0


def points_of(*, employee: Employee, limit: int = 50) -> RaterPoints:
    """The reader's own points: total, per cycle and their latest entries."""
    per_cycle_rows = RaterPointsEntry.objects.filter(employee=employee).values("cycle_id").annotate(total=Sum("points"))
    totals = {row["cycle_id"]: row["total"] for row in per_cycle_rows}
    cycles = Cycle.objects.filter(pk__in=totals).order_by("-opens_on", "slug")
    entries = (
        RaterPointsEntry.objects.filter(employee=employee)
        .select_related("cycle", "reverses", "response__ratee")
        .annotate(was_reversed=Count("reversed_by"))
        .order_by("-created_at", "-pk")[:limit]
    )
    history = [HistoryLine(entry=entry, label=_label(entry), reversed=bool(entry.was_reversed)) for entry in entries]
    return RaterPoints(
        total=sum(totals.values()), per_cycle=[(cycle, totals[cycle.pk]) for cycle in cycles], history=history
    )


def _label(entry: RaterPointsEntry) -> str:
    if entry.kind == Kind.REVERSAL:
        return _("Reversal of: %(what)s") % {"what": entry.reverses.get_kind_display()}
    return str(entry.get_kind_display())


@dataclass
class RaterRow:
    employee: Employee
    points: int
    evaluations: int


def agency_table(*, cycle: Cycle, agency) -> list[RaterRow]:
    """Per rater of ``agency``: their points in ``cycle`` (highest first). Points only:
    never what anyone answered."""
    rows = (
        RaterPointsEntry.objects.filter(cycle=cycle, employee__unit__agency=agency)
        .values("employee_id")
        .annotate(
            total=Sum("points"),
            earned=Count("pk", filter=Q(kind__in=RaterPointsEntry.RESPONSE_KINDS, reversed_by__isnull=True)),
        )
    )
    people = Employee.objects.select_related("unit").in_bulk([row["employee_id"] for row in rows])
    table = [
        RaterRow(employee=people[row["employee_id"]], points=row["total"], evaluations=row["earned"]) for row in rows
    ]
    table.sort(key=lambda row: (-row.points, row.employee.employee_id))
    return table
