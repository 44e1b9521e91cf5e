"""Reads the evaluations web pages need, beside ``evaluations.selectors`` (which another
change is refining): the to-do page, a supervisor's team page, a report laid out for the
page and the PDF, and a cycle dashboard's aggregates. Aggregates only: nothing here reads
one rater's answers."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, Q, QuerySet
from django.utils.translation import get_language, get_language_bidi, gettext
from django.utils.translation import gettext_lazy as _

from portal.models import Agency

from . import permissions, radar, selectors
from .models import (
    OTHERS,
    Assignment,
    Cycle,
    Employee,
    EmployeeResult,
    PeerNomination,
    Relationship,
    Unit,
)

#: The report's columns, in order, with their names.
GROUP_LABELS = {
    "customer": _("Customers"),
    "supervisor": _("Supervisor"),
    "peer": _("Peers"),
    "subordinate": _("Subordinates"),
    "self": _("Self"),
    OTHERS: _("Others (weighted)"),
}
RELATIONSHIP_LABELS = {
    Relationship.SELF: _("Yourself"),
    Relationship.SUPERVISOR: _("Your direct report"),
    Relationship.PEER: _("Your colleague"),
    Relationship.SUBORDINATE: _("Your supervisor"),
}
#: What a rater is to the person they rate, for HR (the rater groups of an assignment).
RATER_ROLE_LABELS = {
    Relationship.SELF: _("Self"),
    Relationship.SUPERVISOR: _("Supervisor"),
    Relationship.PEER: _("Peer"),
    Relationship.SUBORDINATE: _("Direct report"),
}
STATUS_LABELS = {
    "pending": _("Not started"),
    "draft": _("Draft saved"),
    "submitted": _("Submitted"),
    "declined": _("Declined"),
}


# --- the rater's to-do page --------------------------------------------------------------


def todo_page(*, employee: Employee) -> dict:
    todos = selectors.todo_for_rater(rater=employee)
    by_cycle: dict[int, dict] = {}
    for todo in todos:
        cycle = todo.assignment.cycle
        entry = by_cycle.setdefault(cycle.pk, {"cycle": cycle, "todos": [], "done": 0})
        entry["todos"].append(
            {
                "todo": todo,
                "relationship": RELATIONSHIP_LABELS.get(todo.assignment.relationship, todo.assignment.relationship),
                "status_label": STATUS_LABELS[todo.status],
                "open": todo.status in ("pending", "draft"),
            }
        )
        entry["done"] += todo.status in ("submitted", "declined")
    rated_in = Cycle.objects.filter(status=Cycle.Status.OPEN, assignments__ratee=employee).distinct()
    nominations = []
    for cycle in rated_in:
        asked = set(cycle.assignments.filter(ratee=employee).values_list("rater_id", flat=True))
        made = list(
            PeerNomination.objects.filter(cycle=cycle, employee=employee).select_related("peer").order_by("created_at")
        )
        nominated = {nomination.peer_id for nomination in made}
        candidates = (
            Employee.objects.active()
            .filter(unit=employee.unit)
            .exclude(pk__in=asked | nominated | {employee.pk})
            .order_by("name_ar")
        )
        nominations.append(
            {
                "cycle": cycle,
                "made": made,
                "candidates": list(candidates),
                "has_supervisor": employee.supervisor_id is not None,
            }
        )
    return {
        "cycles": list(by_cycle.values()),
        "nominations": nominations,
        "is_supervisor": employee.direct_reports.filter(is_active=True).exists(),
    }


def team_page(*, supervisor: Employee) -> dict:
    pending = list(
        PeerNomination.objects.filter(employee__supervisor=supervisor, status=PeerNomination.Status.PENDING)
        .select_related("employee", "peer", "cycle")
        .order_by("cycle_id", "employee__name_ar")
    )
    reports = list(
        EmployeeResult.objects.filter(
            employee__supervisor=supervisor, cycle__status__in=(Cycle.Status.CLOSED, Cycle.Status.RELEASED)
        )
        .select_related("cycle", "employee")
        .order_by("-cycle__closes_on", "name_ar")
    )
    return {"pending": pending, "reports": reports}


# --- a report ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    score: float | None
    raters: int
    state: str  # "shown" | "hidden" | "none"


def _cell(cell: selectors.ScoreCell | None) -> Cell:
    if cell is None:
        return Cell(score=None, raters=0, state="none")
    if not cell.shown or cell.score is None:
        return Cell(score=None, raters=cell.raters, state="hidden" if not cell.shown else "none")
    return Cell(score=cell.score, raters=cell.raters, state="shown")


def learning_for(*, codes, names: dict[str, str], reader, request=None) -> tuple[list[dict], list[dict]]:
    """The development areas with the knowledge pages that teach them (live pages ``reader``
    may open, in the reader's language, at most three each), and "what to read next": each
    of those pages once, in the areas' order, with the areas it helps. One look-up for all
    the areas (``knowledge.selectors.learning_pages``)."""
    from knowledge.selectors import learning_pages

    codes = list(codes)
    pages = learning_pages(reader, codes=codes, language=get_language() or "ar", request=request)
    areas = [{"code": code, "name": names.get(code, code), "pages": pages.get(code, [])} for code in codes]
    reading: dict[int, dict] = {}
    for area in areas:
        for page in area["pages"]:
            reading.setdefault(page.page_id, {"page": page, "areas": []})["areas"].append(area["name"])
    return areas, list(reading.values())


def report_page(*, report: selectors.Report, cycle: Cycle, reader, rtl: bool | None = None, request=None) -> dict:
    """A frozen report laid out for the page and the PDF."""
    rtl = get_language_bidi() if rtl is None else rtl
    result = report.result
    groups = [(group, GROUP_LABELS[group]) for group in selectors.REPORT_GROUPS]
    names = {line.code: line.name for line in report.competencies}
    rows = [
        {"code": line.code, "name": line.name, "cells": [_cell(line.by_group.get(group)) for group, _label in groups]}
        for line in report.competencies
    ]
    overall = [_cell(report.overall.get(group)) for group, _label in groups]
    raters = [
        {
            "label": label,
            "raters": report.overall[group].raters if group in report.overall else 0,
            "shown": bool(report.overall.get(group) and report.overall[group].shown),
        }
        for group, label in groups
        if group != OTHERS
    ]

    def shown_score(line, group):
        cell = line.by_group.get(group)
        return cell.score if cell is not None and cell.shown else None

    chart = radar.radar(
        series=[
            ("radar__others", [shown_score(line, OTHERS) for line in report.competencies]),
            ("radar__self", [shown_score(line, "self") for line in report.competencies]),
        ],
        rtl=rtl,
    )
    comparison = [
        {
            "name": line.name,
            "self": shown_score(line, "self"),
            "others": shown_score(line, OTHERS),
            "flag": "blind_spot"
            if line.code in result.blind_spots
            else "hidden_strength"
            if line.code in result.hidden_strengths
            else "",
        }
        for line in report.competencies
    ]
    development_areas, reading = learning_for(
        codes=result.development_areas, names=names, reader=reader, request=request
    )
    history = [
        earlier
        for earlier in EmployeeResult.objects.filter(
            employee_id=result.employee_id,
            cycle__status__in=(Cycle.Status.CLOSED, Cycle.Status.RELEASED),
            cycle__closes_on__lt=cycle.closes_on,
        )
        .select_related("cycle", "employee__unit")
        .order_by("cycle__closes_on")
        if permissions.can_view_report(reader, earlier.employee, earlier.cycle)
    ]
    return {
        "result": result,
        "groups": groups,
        "rows": rows,
        "overall_cells": overall,
        "raters": raters,
        "radar": chart,
        "comparison": comparison,
        "strengths": [names.get(code, code) for code in result.strengths],
        "development_areas": development_areas,
        "reading": reading,
        "comments": [(GROUP_LABELS.get(group, group), text) for group, text in report.comments],
        "history": history,
    }


def agency_reports(*, cycle: Cycle, reader) -> list[EmployeeResult]:
    """The results of ``cycle`` whose reports ``reader`` manages (HR: their agency)."""
    if cycle.status not in (Cycle.Status.CLOSED, Cycle.Status.RELEASED):
        return []
    agencies = permissions.managed_agencies(reader)
    return list(
        EmployeeResult.objects.filter(cycle=cycle, employee__unit__agency__in=agencies)
        .select_related("employee")
        .order_by("agency_slug", "unit_slug", "name_ar")
    )


# --- cycle dashboards --------------------------------------------------------------------


def cycles_for(user) -> dict:
    """The cycles ``user`` manages, and (for leadership and HR) all cycles' aggregates."""
    if getattr(user, "is_superuser", False):
        managed = list(Cycle.objects.all())
    else:
        agency_id = permissions.hr_agency_id(user)
        candidates = Cycle.objects.for_agency(agency_id) if agency_id is not None else Cycle.objects.none()
        managed = [cycle for cycle in candidates if permissions.can_manage_cycle(user, cycle)]
    managed_ids = {cycle.pk for cycle in managed}
    others = (
        list(Cycle.objects.exclude(pk__in=managed_ids).exclude(status=Cycle.Status.CANCELLED))
        if permissions.can_view_aggregates(user)
        else []
    )
    return {"managed": managed, "aggregates_only": others}


def dashboard(*, cycle: Cycle, reader) -> dict:
    completion = selectors.cycle_completion(cycle=cycle, reader=reader)
    agency_names = {
        agency.slug: agency.localized_name() for agency in Agency.objects.filter(slug__in=list(completion.by_agency))
    }
    unit_names = {
        (unit.agency.slug, unit.slug): unit.localized_name()
        for unit in Unit.objects.select_related("agency").filter(
            slug__in=[slug for _agency, slug in completion.by_unit]
        )
    }
    means = {
        row["agency_slug"]: row
        for row in EmployeeResult.objects.filter(cycle=cycle)
        .values("agency_slug")
        .annotate(mean=Avg("overall"), people=Count("pk"), scored=Count("overall"))
    }
    # A mean of a few reports could be one person's score: below the minimum it is withheld
    # (the number of reports with a score is still shown).
    minimum = settings.EVALUATIONS_AGGREGATE_MIN_REPORTS
    agencies = []
    for slug, value in sorted(completion.by_agency.items()):
        scored = means.get(slug, {}).get("scored", 0)
        agencies.append(
            {
                "slug": slug,
                "name": agency_names.get(slug, slug),
                "completion": value,
                "mean_overall": means.get(slug, {}).get("mean") if scored >= minimum else None,
                "mean_withheld": 0 < scored < minimum,
                "scored": scored,
            }
        )
    units = defaultdict(list)
    for (agency_slug, unit_slug), value in sorted(completion.by_unit.items()):
        units[agency_slug].append({"name": unit_names.get((agency_slug, unit_slug), unit_slug), "completion": value})
    groups = [
        {"label": GROUP_LABELS.get(group, group), "completion": completion.by_group[group]}
        for group in ("self", "supervisor", "peer", "subordinate")
        if group in completion.by_group
    ]
    return {
        "completion": completion,
        "agencies": agencies,
        "min_reports": minimum,
        "units": [{"agency": agency_names.get(slug, slug), "units": rows} for slug, rows in units.items()],
        "groups": groups,
    }


# --- a cycle's assignments, for HR -------------------------------------------------------

#: The columns an assignment row reads: who, which group, how far; never an answer.
_ASSIGNMENT_COLUMNS = (
    "pk",
    "relationship",
    "source",
    "declined_at",
    "decline_reason",
    "rater__employee_id",
    "rater__name_ar",
    "rater__name_en",
    "ratee__employee_id",
    "ratee__name_ar",
    "ratee__name_en",
    "response__status",
)


@dataclass(frozen=True)
class AssignmentRow:
    """One assignment as HR sees it: the people, the rater group and the status (with the
    rater's reason when they declined). Nothing of the answers."""

    pk: int
    rater_code: str
    rater_name: str
    ratee_code: str
    ratee_name: str
    relationship: str
    relationship_label: str
    source_label: str
    status: str
    status_label: str
    decline_reason: str

    @property
    def changeable(self) -> bool:
        """Not submitted: it can still be removed or given to someone else."""
        return self.status != "submitted"


def _person(prefix: str, text: str) -> Q:
    from frontend.formatting import localize_digits

    code = localize_digits(text, "en")
    return (
        Q(**{f"{prefix}__employee_id__iexact": code})
        | Q(**{f"{prefix}__name_ar__icontains": text})
        | Q(**{f"{prefix}__name_en__icontains": text})
    )


_STATUS_FILTERS = {
    "declined": Q(declined_at__isnull=False),
    "submitted": Q(declined_at__isnull=True, response__status="submitted"),
    "draft": Q(declined_at__isnull=True, response__status="draft"),
    "pending": Q(declined_at__isnull=True, response__isnull=True),
}


class AssignmentListing:
    """A cycle's matching assignments for a paginator: counted over the assignments table
    alone (with only the joins a filter needs), and read a page at a time as plain values,
    grouped by the person rated (in the order they were imported), then by rater: the
    order of the (cycle, ratee, rater) index, so a late page of a 60,000-assignment cycle
    is read from the index instead of sorting the cycle."""

    ordered = True

    def __init__(self, matching: QuerySet):
        self.matching = matching

    def count(self) -> int:
        return self.matching.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        # The page's ids first (a walk along the index, however deep the page), then their
        # rows with the people's names: joining every skipped row would cost a late page
        # of a large cycle hundreds of milliseconds.
        ids = list(self.matching.order_by("ratee_id", "rater_id").values_list("pk", flat=True)[index])
        rows = {row[0]: row for row in Assignment.objects.filter(pk__in=ids).values_list(*_ASSIGNMENT_COLUMNS)}
        return [rows[pk] for pk in ids if pk in rows]


def cycle_assignments(
    *, cycle: Cycle, reader, rater: str = "", ratee: str = "", relationship: str = "", status: str = ""
) -> AssignmentListing:
    """The cycle's assignments ``reader`` manages, filtered (a person by employee ID or part
    of a name, a rater group, a status): one query to count them, two per page read."""
    if not permissions.can_manage_cycle(reader, cycle):
        raise PermissionDenied(gettext("You may not manage this cycle."))
    rows = Assignment.objects.filter(cycle=cycle)
    if rater:
        rows = rows.filter(_person("rater", rater))
    if ratee:
        rows = rows.filter(_person("ratee", ratee))
    if relationship in Relationship.values:
        rows = rows.filter(relationship=relationship)
    if status in _STATUS_FILTERS:
        rows = rows.filter(_STATUS_FILTERS[status])
    return AssignmentListing(rows)


def assignment_rows(values: list[tuple]) -> list[AssignmentRow]:
    """The rows of one page of :func:`cycle_assignments`, named in the reader's language."""
    english = (get_language() or "ar")[:2] == "en"
    sources = dict(Assignment.Source.choices)
    rows = []
    for (
        pk,
        relationship,
        source,
        declined_at,
        decline_reason,
        rater_code,
        rater_ar,
        rater_en,
        ratee_code,
        ratee_ar,
        ratee_en,
        response_status,
    ) in values:
        if declined_at is not None:
            status = "declined"
        else:
            status = {"draft": "draft", "submitted": "submitted"}.get(response_status or "", "pending")
        rows.append(
            AssignmentRow(
                pk=pk,
                rater_code=rater_code,
                rater_name=(rater_en or rater_ar) if english else rater_ar,
                ratee_code=ratee_code,
                ratee_name=(ratee_en or ratee_ar) if english else ratee_ar,
                relationship=relationship,
                relationship_label=str(RATER_ROLE_LABELS.get(relationship, relationship)),
                source_label=str(sources.get(source, source)),
                status=status,
                status_label=str(STATUS_LABELS[status]),
                decline_reason=decline_reason if status == "declined" else "",
            )
        )
    return rows
