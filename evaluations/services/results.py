"""Closing a cycle: every employee's result computed by ``evaluations.scoring`` and
stored as aggregates, frozen.

Reads are bulk (``values_list``, a few hundred employees at a time so memory stays
bounded) and writes are ``bulk_create``; nothing here does arithmetic on scores beyond
counting raters: the maths is the scoring module's."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from django.conf import settings
from django.db import connection
from django.db.models import Model

from evaluations import scoring
from evaluations.models import (
    OTHERS,
    OVERALL,
    Answer,
    Cycle,
    Employee,
    EmployeeResult,
    Item,
    Response,
    ResultComment,
    ResultCompetency,
    ResultScore,
)
from evaluations.selectors import customer_ratings_for, cycle_period

CHUNK = getattr(settings, "EVALUATIONS_CLOSE_CHUNK", 500)
REPORT_GROUPS: tuple[str, ...] = (*scoring.RATER_GROUPS, OTHERS)


def _insert_rows(model: type[Model], fields: Sequence[str], rows: list[tuple]) -> None:
    """Insert plain tuples with one ``executemany``: the frozen rows of a large cycle
    number in the hundreds of thousands, and building a model instance for each costs
    more than writing it."""
    if not rows:
        return
    quote = connection.ops.quote_name
    columns = [model._meta.get_field(name).column for name in fields]
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 - names from the model, values as parameters
        quote(model._meta.db_table), ", ".join(quote(c) for c in columns), ", ".join(["%s"] * len(columns))
    )
    with connection.cursor() as cursor:
        for offset in range(0, len(rows), 10000):
            cursor.executemany(sql, rows[offset : offset + 10000])


def _rows(queryset) -> list[tuple]:
    """The rows of a ``values_list`` query, fetched by the database driver directly."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _previous_overalls(cycle: Cycle, employee_ids: Sequence[int]) -> dict[int, tuple[int, float | None]]:
    """Employee pk → (cycle pk, overall) of their latest earlier closed cycle."""
    previous: dict[int, tuple[int, float | None]] = {}
    rows = (
        EmployeeResult.objects.filter(
            employee_id__in=employee_ids, cycle__status__in=(Cycle.Status.CLOSED, Cycle.Status.RELEASED)
        )
        .exclude(cycle=cycle)
        .filter(cycle__closes_on__lte=cycle.closes_on)
        .order_by("employee_id", "cycle__closes_on", "cycle__closed_at")
        .values_list("employee_id", "cycle_id", "overall")
    )
    for employee_id, cycle_id, overall in rows:
        previous[employee_id] = (cycle_id, overall)
    return previous


def _score_rows(result: scoring.EmployeeResult, codes: Sequence[str], weights: dict) -> list[tuple]:
    """(competency, group, score, raters, shown) for every competency and ``overall``
    × every rater group and ``others``."""
    groups = result.groups
    counted = [g for g in scoring.RATER_GROUPS if g != scoring.SELF and weights.get(g, 0) > 0]
    rows = []
    for code in codes:
        line = result.competencies.get(code)
        by_group = line.by_group if line else {}
        for group in scoring.RATER_GROUPS:
            score = by_group.get(group)
            rows.append((code, group, score, groups[group].raters, score is not None))
        others = line.others if line else None
        raters = sum(groups[g].raters for g in counted if by_group.get(g) is not None)
        rows.append((code, OTHERS, others, raters, others is not None))
    for group in scoring.RATER_GROUPS:
        rows.append((OVERALL, group, groups[group].overall, groups[group].raters, groups[group].shown))
    raters = sum(groups[g].raters for g in counted if groups[g].shown)
    rows.append((OVERALL, OTHERS, result.overall, raters, result.overall is not None))
    return rows


def compute_results(*, cycle: Cycle) -> int:
    """Compute and store every result of ``cycle`` (inside the caller's transaction)."""
    rules = cycle.scoring_rules()
    weights = dict(rules.weights)
    competencies = list(
        cycle.framework.competencies.order_by("sort_order", "pk").values_list("code", "name_ar", "name_en")
    )
    codes = [code for code, _ar, _en in competencies]
    ResultCompetency.objects.bulk_create(
        [
            ResultCompetency(cycle=cycle, code=code, name_ar=name_ar, name_en=name_en, sort_order=position)
            for position, (code, name_ar, name_en) in enumerate(competencies)
        ]
    )
    item_competency = {
        pk: (competency, code)
        for pk, code, competency in Item.objects.filter(competency__framework_id=cycle.framework_id).values_list(
            "pk", "code", "competency__code"
        )
    }
    employee_ids = sorted(set(cycle.assignments.values_list("ratee_id", flat=True)))
    start, end = cycle_period(cycle)
    previous = _previous_overalls(cycle, employee_ids)
    group_order = {group: position for position, group in enumerate(scoring.RATER_GROUPS)}
    total = 0
    for offset in range(0, len(employee_ids), CHUNK):
        chunk = employee_ids[offset : offset + CHUNK]
        people = {
            row[0]: row[1:]
            for row in Employee.objects.filter(pk__in=chunk).values_list(
                "pk", "employee_id", "name_ar", "name_en", "unit__agency__slug", "unit__slug", "supervisor__employee_id"
            )
        }
        answers: dict[int, list[scoring.Answer]] = defaultdict(list)
        answer_rows = _rows(
            Answer.objects.filter(
                response__cycle=cycle, response__status=Response.Status.SUBMITTED, response__ratee_id__in=chunk
            )
            .order_by()
            .values_list("response__ratee_id", "response__rater_id", "response__relationship", "item_id", "score")
        )
        for ratee_id, rater_id, relationship, item_id, score in answer_rows:
            if score is None:
                continue  # "not observed": never a score, and the framework's codes are passed below
            competency, item_code = item_competency[item_id]
            answers[ratee_id].append(scoring.Answer(str(rater_id), relationship, competency, item_code, score))
        del answer_rows
        customers: dict[int, list[scoring.CustomerRating]] = defaultdict(list)
        customer_comments: dict[int, list[str]] = defaultdict(list)
        for employee_id, rating_id, overall, comment in customer_ratings_for(chunk, start, end):
            customers[employee_id].append(scoring.CustomerRating(f"c{rating_id}", overall))
            if comment.strip():
                customer_comments[employee_id].append(comment.strip())
        comments: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for ratee_id, relationship, comment in (
            Response.objects.filter(cycle=cycle, status=Response.Status.SUBMITTED, ratee_id__in=chunk)
            .exclude(comment="")
            .exclude(relationship=scoring.SELF)
            .values_list("ratee_id", "relationship", "comment")
        ):
            comments[ratee_id].append((relationship, comment.strip()))

        results: list[EmployeeResult] = []
        computed: list[scoring.EmployeeResult] = []
        for employee_id in chunk:
            code, name_ar, name_en, agency_slug, unit_slug, supervisor_code = people[employee_id]
            result = scoring.score_employee(
                answers=answers.pop(employee_id, ()),
                customer_ratings=customers.pop(employee_id, ()),
                rules=rules,
                competency_codes=codes,
            )
            previous_cycle_id, previous_overall = previous.get(employee_id, (None, None))
            results.append(
                EmployeeResult(
                    cycle=cycle,
                    employee_id=employee_id,
                    employee_code=code,
                    name_ar=name_ar,
                    name_en=name_en,
                    agency_slug=agency_slug,
                    unit_slug=unit_slug,
                    supervisor_code=supervisor_code or "",
                    overall=result.overall,
                    self_overall=result.groups[scoring.SELF].overall,
                    strengths=list(result.strengths),
                    development_areas=list(result.development_areas),
                    blind_spots=[c for c in codes if result.competencies[c].flag == scoring.BLIND_SPOT],
                    hidden_strengths=[c for c in codes if result.competencies[c].flag == scoring.HIDDEN_STRENGTH],
                    previous_cycle_id=previous_cycle_id,
                    previous_overall=previous_overall,
                    trend=scoring.trend(previous_overall, result.overall),
                )
            )
            computed.append(result)
        EmployeeResult.objects.bulk_create(results, batch_size=1000)

        scores: list[tuple] = []
        stored_comments: list[tuple] = []
        for stored, result in zip(results, computed, strict=True):
            scores.extend((stored.pk, *row) for row in _score_rows(result, codes, weights))
            shown_comments = [
                (group, text) for group, text in comments.get(stored.employee_id, ()) if result.groups[group].shown
            ]
            if result.groups[scoring.CUSTOMER].shown:
                shown_comments += [(scoring.CUSTOMER, text) for text in customer_comments.get(stored.employee_id, ())]
            # Grouped, then alphabetical: the order says nothing about who wrote what or when.
            shown_comments.sort(key=lambda pair: (group_order[pair[0]], pair[1]))
            stored_comments.extend(
                (stored.pk, group, text, position) for position, (group, text) in enumerate(shown_comments)
            )
        _insert_rows(ResultScore, ("result", "competency", "rater_group", "score", "raters", "shown"), scores)
        _insert_rows(ResultComment, ("result", "rater_group", "text", "position"), stored_comments)
        total += len(results)
    return total
