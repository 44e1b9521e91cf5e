"""What the awards app reads from evaluations (a selector module: reads only).

Only released cycles count, only the frozen weighted overall (which never includes
self-ratings, and leaves out every rater group below its anonymity threshold), and only
aggregates: no individual answer leaves this app."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Q

from evaluations.models import Assignment, Cycle, Employee, EmployeeResult, Response
from portal.db.compiled import CompiledSelect


@dataclass(frozen=True)
class EmployeeFacts:
    employee_id: str
    agency_slug: str
    unit_key: str
    front_line: bool
    is_active: bool
    name_ar: str
    name_en: str


FACT_COLUMNS = (
    "pk",
    "employee_id",
    "unit__agency__slug",
    "unit__slug",
    "front_line",
    "is_active",
    "name_ar",
    "name_en",
)

#: One employee's facts: what every new customer rating reads (its SQL written once,
#: ``portal.db.compiled``).
_ONE_EMPLOYEE_FACTS = CompiledSelect(
    lambda pk: Employee.objects.filter(pk=pk).order_by().values_list(*FACT_COLUMNS), pk=int
)


def employee_facts(pks: Iterable[int] | None = None) -> dict[int, EmployeeFacts]:
    """Every employee's place in the organisation, by primary key (only those of ``pks``
    when given: one new rating reads one employee, not the whole organisation)."""
    if pks is None:
        rows = Employee.objects.values_list(*FACT_COLUMNS)
    else:
        pks = list(pks)
        if len(pks) == 1:
            rows = _ONE_EMPLOYEE_FACTS.rows(pk=pks[0])
        else:
            rows = Employee.objects.filter(pk__in=pks).values_list(*FACT_COLUMNS)
    return {
        pk: EmployeeFacts(code, agency, f"{agency}/{unit}", front_line, active, name_ar, name_en)
        for pk, code, agency, unit, front_line, active, name_ar, name_en in rows
    }


def front_line_headcount_by_agency() -> dict[str, int]:
    rows = (
        Employee.objects.filter(is_active=True, front_line=True)
        .values_list("unit__agency__slug")
        .annotate(count=Count("pk"))
    )
    return dict(rows)


def released_overalls(cycle: Cycle | None) -> dict[str, float]:
    """Employee ID → the frozen weighted 360° overall (1–5) of a released cycle."""
    if cycle is None or cycle.status != Cycle.Status.RELEASED:
        return {}
    rows = EmployeeResult.objects.filter(cycle=cycle, overall__isnull=False).values_list("employee_code", "overall")
    return dict(rows)


def participation(cycle: Cycle | None) -> dict[str, tuple[int, int]]:
    """Employee ID → (evaluations submitted, evaluations assigned) as a rater in the cycle
    (declined assignments are not counted as assigned)."""
    if cycle is None or cycle.status not in (Cycle.Status.OPEN, Cycle.Status.CLOSED, Cycle.Status.RELEASED):
        return {}
    assigned = dict(
        Assignment.objects.filter(cycle=cycle, declined_at__isnull=True)
        .values_list("rater__employee_id")
        .annotate(count=Count("pk"))
    )
    submitted = dict(
        Response.objects.filter(cycle=cycle, status=Response.Status.SUBMITTED)
        .values_list("rater__employee_id")
        .annotate(count=Count("pk", filter=Q(status=Response.Status.SUBMITTED)))
    )
    return {code: (min(submitted.get(code, 0), count), count) for code, count in assigned.items()}
