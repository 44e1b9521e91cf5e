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
from collections import Counter
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


def _declined(response: Response) -> bool:
    return (
        response.assignment_id is not None
        and Assignment.objects.filter(pk=response.assignment_id, declined_at__isnull=False).exists()
    )


def _due(
    *, cycle: Cycle, status: str, submitted_at, declined: bool, answered: int, items: int
) -> tuple[str, int] | None:
    if status != Response.Status.SUBMITTED or submitted_at is None or declined:
        return None
    if items == 0 or answered < items:
        return None
    rules = points_rules()
    kind = Kind.ON_TIME if _on_time(cycle, submitted_at) else Kind.LATE
    return (kind, rules[kind]) if rules[kind] > 0 else None


def due_for_response(response: Response, *, items: int | None = None) -> tuple[str, int] | None:
    """(kind, points) the response has earned as it stands, or ``None``."""
    cycle = response.cycle
    return _due(
        cycle=cycle,
        status=response.status,
        submitted_at=response.submitted_at,
        declined=_declined(response),
        answered=Answer.objects.filter(response=response).count(),
        items=_item_count(cycle) if items is None else items,
    )


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


@dataclass
class _CycleState:
    """What one cycle's responses and raters are due, and what the ledger holds, in bulk."""

    due: dict[int, int]  # response → points due
    rater_of: dict[int, int]  # response → rater
    held: dict[int, int]  # response → unreversed earnings
    bonus_due: dict[int, int]  # rater → bonus due
    bonus_held: dict[int, int]  # rater → unreversed bonus


def _cycle_state(cycle: Cycle, items: int) -> _CycleState:
    declined = set(Assignment.objects.filter(cycle=cycle, declined_at__isnull=False).values_list("pk", flat=True))
    assigned = Counter(
        Assignment.objects.filter(cycle=cycle, declined_at__isnull=True).values_list("rater_id", flat=True)
    )
    rows = (
        Response.objects.filter(cycle=cycle)
        .annotate(answered=Count("answers"))
        .values_list("pk", "rater_id", "assignment_id", "status", "submitted_at", "answered")
    )
    due: dict[int, int] = {}
    rater_of: dict[int, int] = {}
    done_on_time: Counter = Counter()
    for pk, rater, assignment, status, submitted_at, answered in rows:
        earned = _due(
            cycle=cycle,
            status=status,
            submitted_at=submitted_at,
            declined=assignment in declined,
            answered=answered,
            items=items,
        )
        due[pk], rater_of[pk] = (earned[1] if earned else 0), rater
        if earned is not None and earned[0] == Kind.ON_TIME and assignment is not None:
            done_on_time[rater] += 1
    bonus = points_rules()["bonus"]
    held_rows = (
        RaterPointsEntry.objects.filter(cycle=cycle, kind__in=RaterPointsEntry.RESPONSE_KINDS)
        .unreversed()
        .values("response_id")
        .annotate(total=Sum("points"))
        .values_list("response_id", "total")
    )
    bonus_rows = (
        RaterPointsEntry.objects.filter(cycle=cycle, kind=Kind.BONUS)
        .unreversed()
        .values("employee_id")
        .annotate(total=Sum("points"))
        .values_list("employee_id", "total")
    )
    return _CycleState(
        due=due,
        rater_of=rater_of,
        held=dict(held_rows),
        bonus_due={rater: bonus if count and done_on_time[rater] >= count else 0 for rater, count in assigned.items()},
        bonus_held=dict(bonus_rows),
    )


def _reconcile(*, cycle: Cycle, fix: bool, reason: str, by, report: PointsReport) -> None:
    items = _item_count(cycle)
    state = _cycle_state(cycle, items)
    codes: dict[int, str] = {}

    def code(employee_id: int) -> str:
        if not codes:
            codes.update(Employee.objects.filter(pk__in=state.rater_of.values()).values_list("pk", "employee_id"))
            codes.update(Employee.objects.filter(pk__in=state.bonus_held).values_list("pk", "employee_id"))
        return codes.get(employee_id, str(employee_id))

    report.checked += sum(1 for pk, points in state.due.items() if points or pk in state.held)
    changed_raters: set[int] = set()
    for pk in sorted(set(state.due) | set(state.held)):
        due, held = state.due.get(pk, 0), state.held.get(pk, 0)
        if due == held:
            continue
        rater = state.rater_of.get(pk)
        report.differences.append(
            _("%(cycle)s: rater %(rater)s, evaluation #%(response)s holds %(held)s points, %(due)s due.")
            % {"cycle": cycle.slug, "rater": code(rater), "response": pk, "held": held, "due": due}
        )
        if fix:
            response = Response.objects.select_related("cycle").get(pk=pk)
            report.appended += len(_settle_response(response, reason=reason, by=by, items=items))
            changed_raters.add(rater)
    for rater in sorted(set(state.bonus_due) | set(state.bonus_held)):
        due, held = state.bonus_due.get(rater, 0), state.bonus_held.get(rater, 0)
        if due == held:
            continue
        report.differences.append(
            _("%(cycle)s: rater %(rater)s holds a bonus of %(held)s points, %(due)s due.")
            % {"cycle": cycle.slug, "rater": code(rater), "held": held, "due": due}
        )
        if fix:
            report.appended += len(_settle_bonus(employee_id=rater, cycle=cycle, reason=reason, by=by, items=items))


@transaction.atomic
def recompute_points(*, cycle: Cycle | None = None, fix: bool = False, by=None) -> PointsReport:
    """Compare every response's (and every rater's bonus's) unreversed earnings with what
    is due; report each difference, and with ``fix`` append the entries that settle it
    (recorded in the audit log)."""
    report = PointsReport()
    cycles = [cycle] if cycle is not None else list(Cycle.objects.order_by("opens_on", "pk"))
    for each in cycles:
        appended_before = report.appended
        _reconcile(cycle=each, fix=fix, reason=_("Correction by the points recompute"), by=by, report=report)
        if report.appended > appended_before:
            log(
                instance=each,
                action=RECOMPUTE_POINTS_ACTION,
                user=_user(by),
                data={"appended": report.appended - appended_before},
            )
    return report


@transaction.atomic
def settle_cycle_points(*, cycle_id: int) -> int:
    """Settle every response of a cycle in bulk (after an import of responses): the same
    entries as one submission at a time would append. Returns how many were appended."""
    cycle = Cycle.objects.filter(pk=cycle_id).first()
    if cycle is None:
        return 0
    report = PointsReport()
    _reconcile(cycle=cycle, fix=True, reason="", by=None, report=report)
    return report.appended


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
