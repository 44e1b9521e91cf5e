"""Reads of the evaluations app: what a rater still has to write, how far a cycle has
got, a frozen report, and the customers' ratings a cycle counts.

The permission-aware ones take the reader and ask ``evaluations.permissions``."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from . import permissions
from .models import (
    OVERALL,
    Assignment,
    Cycle,
    Employee,
    EmployeeResult,
    Relationship,
    Response,
)

# --- customers' ratings ------------------------------------------------------------------


def cycle_period(cycle: Cycle) -> tuple[datetime.datetime, datetime.datetime]:
    """The cycle's dates as a half-open span of aware datetimes: from the start of its
    open date to the start of the day after its close date (in the portal's time zone)."""
    zone = timezone.get_default_timezone()
    start = datetime.datetime.combine(cycle.opens_on, datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(cycle.closes_on + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
    return start, end


def customer_ratings_for(
    employee_ids: Iterable[int], start: datetime.datetime, end: datetime.datetime
) -> Iterator[tuple[int, int, int, str]]:
    """(employee pk, rating pk, overall, comment) of the counted customer ratings submitted
    in [start, end), for the given employees."""
    from evaluations.models import CustomerRating

    return (
        CustomerRating.objects.filter(
            employee_id__in=list(employee_ids), submitted_at__gte=start, submitted_at__lt=end, counted=True
        )
        .order_by()
        .values_list("employee_id", "pk", "overall", "comment")
        .iterator(chunk_size=5000)
    )


# --- employees ---------------------------------------------------------------------------


def find_employee(code: str) -> Employee | None:
    """The employee with the ID ``code`` as HR types it (any case; Arabic-Indic digits
    too), or ``None``."""
    from frontend.formatting import localize_digits

    code = localize_digits(code.strip(), "en")
    if not code:
        return None
    rows = Employee.objects.select_related("unit")
    exact = rows.filter(employee_id=code).first()
    if exact is not None:
        return exact
    matches = list(rows.filter(employee_id__iexact=code)[:2])
    return matches[0] if len(matches) == 1 else None


# --- a rater's to-do list ----------------------------------------------------------------


@dataclass(frozen=True)
class ToDo:
    assignment: Assignment
    status: str  # "pending" | "draft" | "submitted" | "declined"


def todo_for_rater(*, rater: Employee, cycle: Cycle | None = None) -> list[ToDo]:
    """The evaluations ``rater`` is asked to write in open cycles (or in ``cycle``), self
    first, then by the ratee's name."""
    assignments = Assignment.objects.filter(rater=rater).select_related("ratee", "ratee__unit", "cycle")
    assignments = (
        assignments.filter(cycle=cycle) if cycle is not None else assignments.filter(cycle__status=Cycle.Status.OPEN)
    )
    statuses = dict(Response.objects.filter(assignment__in=assignments).values_list("assignment_id", "status"))
    todos = []
    for assignment in assignments:
        if assignment.is_declined:
            status = "declined"
        else:
            status = {"draft": "draft", "submitted": "submitted"}.get(statuses.get(assignment.pk, ""), "pending")
        todos.append(ToDo(assignment=assignment, status=status))
    todos.sort(
        key=lambda todo: (
            todo.assignment.cycle_id,
            todo.assignment.relationship != Relationship.SELF,
            todo.assignment.ratee.localized_name(),
        )
    )
    return todos


# --- completion --------------------------------------------------------------------------


@dataclass
class Completion:
    assigned: int = 0
    submitted: int = 0
    declined: int = 0

    @property
    def rate(self) -> float | None:
        from .scoring import completion_rate

        return completion_rate(self.submitted, self.assigned)


@dataclass
class CycleCompletion:
    total: Completion = field(default_factory=Completion)
    by_agency: dict[str, Completion] = field(default_factory=lambda: defaultdict(Completion))
    by_unit: dict[tuple[str, str], Completion] = field(default_factory=lambda: defaultdict(Completion))
    by_group: dict[str, Completion] = field(default_factory=lambda: defaultdict(Completion))


def cycle_completion(*, cycle: Cycle, reader=None) -> CycleCompletion:
    """Assigned, submitted and declined evaluations per agency and unit (of the person
    rated) and per rater group. Aggregates only: nobody's answers."""
    if reader is not None and not (
        permissions.can_manage_cycle(reader, cycle) or permissions.can_view_aggregates(reader)
    ):
        raise PermissionDenied(_("You may not see this cycle's progress."))
    submitted_ids = set(
        Response.objects.filter(cycle=cycle, status=Response.Status.SUBMITTED).values_list("assignment_id", flat=True)
    )
    completion = CycleCompletion()
    rows = cycle.assignments.values_list(
        "pk", "relationship", "declined_at", "ratee__unit__agency__slug", "ratee__unit__slug"
    )
    for pk, relationship, declined_at, agency_slug, unit_slug in rows.iterator(chunk_size=5000):
        buckets = (
            completion.total,
            completion.by_agency[agency_slug],
            completion.by_unit[(agency_slug, unit_slug)],
            completion.by_group[relationship],
        )
        for bucket in buckets:
            bucket.assigned += 1
            bucket.submitted += pk in submitted_ids
            bucket.declined += declined_at is not None
    return completion


def pending_raters(*, cycle: Cycle) -> Counter:
    """Employee pk → number of evaluations not yet submitted nor declined (for reminders)."""
    submitted_ids = set(
        Response.objects.filter(cycle=cycle, status=Response.Status.SUBMITTED).values_list("assignment_id", flat=True)
    )
    pending: Counter = Counter()
    for pk, rater_id in cycle.assignments.filter(declined_at__isnull=True).values_list("pk", "rater_id"):
        if pk not in submitted_ids:
            pending[rater_id] += 1
    return pending


# --- frozen reports ----------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreCell:
    score: float | None
    raters: int
    shown: bool


@dataclass(frozen=True)
class CompetencyLine:
    code: str
    name: str
    by_group: dict[str, ScoreCell]


@dataclass(frozen=True)
class Report:
    result: EmployeeResult
    overall: dict[str, ScoreCell]
    competencies: list[CompetencyLine]
    comments: list[tuple[str, str]]  # (rater group, text)


def frozen_report(*, reader, employee: Employee, cycle: Cycle) -> Report:
    """``employee``'s report of a closed cycle, as frozen at close; refused unless
    ``reader`` may see it."""
    if not permissions.can_view_report(reader, employee, cycle):
        raise PermissionDenied(_("You may not see this report."))
    return build_report(employee=employee, cycle=cycle)


def build_report(*, employee: Employee, cycle: Cycle) -> Report:
    result = EmployeeResult.objects.get(cycle=cycle, employee=employee)
    names = {c.code: c.localized_name() for c in cycle.result_competencies.all()}
    cells: dict[str, dict[str, ScoreCell]] = defaultdict(dict)
    for competency, group, score, raters, shown in result.scores.values_list(
        "competency", "rater_group", "score", "raters", "shown"
    ):
        cells[competency][group] = ScoreCell(score=score, raters=raters, shown=shown)
    lines = [CompetencyLine(code=code, name=name, by_group=cells.get(code, {})) for code, name in names.items()]
    comments = list(result.comments.values_list("rater_group", "text"))
    return Report(result=result, overall=cells.get(OVERALL, {}), competencies=lines, comments=comments)


def released_reports_of(*, employee: Employee) -> list[EmployeeResult]:
    """The employee's own results they may read (released cycles), newest first."""
    return list(
        EmployeeResult.objects.filter(employee=employee, cycle__status=Cycle.Status.RELEASED)
        .select_related("cycle")
        .order_by("-cycle__closes_on")
    )


# --- the cycle export --------------------------------------------------------------------

REPORT_GROUPS: tuple[str, ...] = ("customer", "supervisor", "peer", "subordinate", "self", "others")
EXPORT_COLUMNS: tuple[str, ...] = (
    "employee_id",
    "agency_slug",
    "unit_slug",
    "competency",
    "rater_group",
    "score",
    "raters",
)


def cycle_export_rows(*, cycle: Cycle, reader=None) -> Iterator[tuple]:
    """One row per employee × competency (or ``overall``) × rater group (the five groups
    and ``others``), from the frozen results; a hidden score is empty. Aggregates only."""
    if cycle.status not in (Cycle.Status.CLOSED, Cycle.Status.RELEASED):
        raise PermissionDenied(_("Only a closed cycle can be exported."))
    if reader is not None and not permissions.can_manage_cycle(reader, cycle):
        raise PermissionDenied(_("You may not export this cycle."))
    from .models import ResultScore

    competency_order = {
        code: position for position, code in enumerate(cycle.result_competencies.values_list("code", flat=True))
    }
    competency_order[OVERALL] = len(competency_order)
    group_order = {group: position for position, group in enumerate(REPORT_GROUPS)}
    current: list[tuple] = []
    current_result = None
    rows = (
        ResultScore.objects.filter(result__cycle=cycle)
        .order_by("result__employee_code", "result_id")
        .values_list(
            "result_id",
            "result__employee_code",
            "result__agency_slug",
            "result__unit_slug",
            "competency",
            "rater_group",
            "score",
            "raters",
            "shown",
        )
    )
    for result_id, code, agency_slug, unit_slug, competency, group, score, raters, shown in rows.iterator(
        chunk_size=5000
    ):
        if result_id != current_result and current:
            current.sort(key=lambda row: (competency_order.get(row[3], 999), group_order.get(row[4], 99)))
            yield from current
            current = []
        current_result = result_id
        current.append((code, agency_slug, unit_slug, competency, group, score if shown else None, raters))
    current.sort(key=lambda row: (competency_order.get(row[3], 999), group_order.get(row[4], 99)))
    yield from current


# --- the competencies other apps name --------------------------------------------------------


@dataclass(frozen=True)
class KnownCompetency:
    code: str
    name_ar: str
    name_en: str

    def localized_name(self, language: str | None = None) -> str:
        language = (language or get_language() or "ar")[:2]
        return self.name_en if language == "en" and self.name_en else self.name_ar


def known_competencies() -> list[KnownCompetency]:
    """Every competency code of every framework version (codes are stable across
    versions), named and ordered as in the newest version that has it. One query; the
    knowledge base tags its pages with these codes."""
    from .models import Competency

    found: dict[str, tuple[tuple[int, int], KnownCompetency]] = {}
    rows = Competency.objects.order_by("-framework__version", "sort_order", "pk").values_list(
        "code", "name_ar", "name_en", "framework__version", "sort_order"
    )
    for position, (code, name_ar, name_en, _version, _order) in enumerate(rows):
        found.setdefault(code, (position, KnownCompetency(code=code, name_ar=name_ar, name_en=name_en)))
    return [competency for _position, competency in sorted(found.values(), key=lambda entry: entry[0])]
