"""Closing a cycle: every employee's result computed by ``evaluations.scoring`` and
stored as aggregates, frozen.

Reads are bulk (aggregates and ``values_list``, a few hundred employees at a time so
memory stays bounded) and writes are bulk inserts; the rules (thresholds, means,
weights, flags, which comments show) are the scoring module's, applied to tallies the
database adds up."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from django.conf import settings
from django.db import connection
from django.db.models import Count, Model, Sum

from evaluations import scoring
from evaluations.models import (
    OTHERS,
    OVERALL,
    Answer,
    Cycle,
    Employee,
    EmployeeResult,
    Response,
    ResultComment,
    ResultCompetency,
    ResultScore,
)
from evaluations.selectors import customer_ratings_for, cycle_period

CHUNK = getattr(settings, "EVALUATIONS_CLOSE_CHUNK", 500)
REPORT_GROUPS: tuple[str, ...] = (*scoring.RATER_GROUPS, OTHERS)


def _insert_rows(model: type[Model], fields: Sequence[str], rows: list[tuple]) -> None:
    """Insert plain tuples: the frozen rows of a large cycle number in the hundreds of
    thousands, and building a model instance for each costs more than writing it.
    PostgreSQL takes them through ``COPY`` (a row-by-row ``executemany`` cost it ten times
    as long); other databases through one ``executemany`` per 10,000 rows."""
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"  # noqa: S608 - names from the model
        for offset in range(0, len(rows), 10000):
            cursor.executemany(sql, rows[offset : offset + 10000])


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


def _score_rows(
    result: scoring.EmployeeResult, codes: Sequence[str], weights: dict, tally_raters: dict[tuple[str, str], int]
) -> list[tuple]:
    """(competency, group, score, raters, shown) for every competency and ``overall``
    × every rater group and ``others``. ``raters`` counts who gave the competency a score
    (the group's raters on ``overall``); a hidden score keeps its count and has no value."""
    groups = result.groups
    counted = [g for g in scoring.RATER_GROUPS if g != scoring.SELF and weights.get(g, 0) > 0]
    rows = []
    for code in codes:
        line = result.competencies.get(code)
        by_group = line.by_group if line else {}
        for group in scoring.RATER_GROUPS:
            score = by_group.get(group)
            rows.append((code, group, score, tally_raters.get((group, code), 0), score is not None))
        others = line.others if line else None
        raters = sum(tally_raters.get((g, code), 0) for g in counted if by_group.get(g) is not None)
        rows.append((code, OTHERS, others, raters, others is not None))
    for group in scoring.RATER_GROUPS:
        rows.append((OVERALL, group, groups[group].overall, groups[group].raters, groups[group].shown))
    raters = sum(groups[g].raters for g in counted if groups[g].shown)
    rows.append((OVERALL, OTHERS, result.overall, raters, result.overall is not None))
    return rows


def _scored_answers(cycle: Cycle):
    return Answer.objects.filter(
        response__cycle=cycle,
        response__status=Response.Status.SUBMITTED,
        score__isnull=False,
    ).order_by()


def _stream(queryset) -> Iterator[tuple]:
    """The rows of a ``values_list`` query, fetched in batches (a server-side cursor on
    PostgreSQL), so a whole cycle's tallies never sit in memory at once."""
    sql, params = queryset.query.sql_with_params()
    with connection.chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(5000):
            yield from rows


class _RateeOrdered:
    """Rows ordered by ratee (their first column), handed out a chunk of ratees at a time."""

    def __init__(self, rows: Iterator[tuple]) -> None:
        self._rows = rows
        self._next = next(rows, None)

    def take(self, last_ratee_id: int) -> list[tuple]:
        """Every remaining row up to and including ``last_ratee_id``."""
        taken = []
        while self._next is not None and self._next[0] <= last_ratee_id:
            taken.append(self._next)
            self._next = next(self._rows, None)
        return taken


def compute_results(*, cycle: Cycle) -> int:
    """Compute and store every result of ``cycle`` (inside the caller's transaction).

    The database adds up the answers (per employee, rater group and competency: the sum
    and number of scores and the distinct raters who gave one) and the scoring module's
    :func:`~evaluations.scoring.score_tallies` applies the rules to those tallies, so a
    million answers never become a million Python objects."""
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
    employee_ids = sorted(set(cycle.assignments.values_list("ratee_id", flat=True)))
    start, end = cycle_period(cycle)
    previous = _previous_overalls(cycle, employee_ids)
    if connection.vendor == "postgresql":
        # The two passes below sort a whole cycle's answers: in memory, not on disk (this
        # transaction only; the server default is 4 MB).
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL work_mem = '64MB'")
    # The answers are added up in two passes over the whole cycle, read in ratee order as
    # the chunks consume them: a filter on each chunk's ratees would make PostgreSQL scan
    # every answer of the cycle once per chunk (the answers carry no ratee), quadratic in
    # the size of the cycle.
    competency_tallies = _RateeOrdered(
        _stream(
            _scored_answers(cycle)
            .values("response__ratee_id", "response__relationship", "item__competency__code")
            .annotate(score_sum=Sum("score"), scores=Count("score"), raters=Count("response__rater_id", distinct=True))
            .order_by("response__ratee_id")
            .values_list(
                "response__ratee_id",
                "response__relationship",
                "item__competency__code",
                "score_sum",
                "scores",
                "raters",
            )
        )
    )
    group_tallies = _RateeOrdered(
        _stream(
            _scored_answers(cycle)
            .values("response__ratee_id", "response__relationship")
            .annotate(raters=Count("response__rater_id", distinct=True))
            .order_by("response__ratee_id")
            .values_list("response__ratee_id", "response__relationship", "raters")
        )
    )
    total = 0
    for offset in range(0, len(employee_ids), CHUNK):
        chunk = employee_ids[offset : offset + CHUNK]
        people = {
            row[0]: row[1:]
            for row in Employee.objects.filter(pk__in=chunk).values_list(
                "pk", "employee_id", "name_ar", "name_en", "unit__agency__slug", "unit__slug", "supervisor__employee_id"
            )
        }
        tallies: dict[int, list[scoring.CompetencyTally]] = defaultdict(list)
        tally_raters: dict[int, dict[tuple[str, str], int]] = defaultdict(dict)
        for ratee_id, group, competency, score_sum, scores, raters in competency_tallies.take(chunk[-1]):
            tallies[ratee_id].append(scoring.CompetencyTally(group, competency, int(score_sum), scores, raters))
            tally_raters[ratee_id][(group, competency)] = raters
        group_raters: dict[int, dict[str, int]] = defaultdict(dict)
        for ratee_id, group, raters in group_tallies.take(chunk[-1]):
            group_raters[ratee_id][group] = raters
        customers: dict[int, list[int]] = defaultdict(lambda: [0, 0])
        comments: dict[int, list[tuple[str, str]]] = defaultdict(list)
        for employee_id, _rating_id, overall, comment in customer_ratings_for(chunk, start, end):
            customer = customers[employee_id]
            customer[0] += overall
            customer[1] += 1
            if comment:
                comments[employee_id].append((scoring.CUSTOMER, comment))
        for ratee_id, relationship, comment in (
            Response.objects.filter(cycle=cycle, status=Response.Status.SUBMITTED, ratee_id__in=chunk)
            .exclude(comment="")
            .exclude(relationship=scoring.SELF)
            .values_list("ratee_id", "relationship", "comment")
        ):
            comments[ratee_id].append((relationship, comment))

        results: list[EmployeeResult] = []
        computed: list[scoring.EmployeeResult] = []
        for employee_id in chunk:
            code, name_ar, name_en, agency_slug, unit_slug, supervisor_code = people[employee_id]
            customer_sum, customer_count = customers.get(employee_id, (0, 0))
            result = scoring.score_tallies(
                tallies=tallies.get(employee_id, ()),
                group_raters={**group_raters.get(employee_id, {}), scoring.CUSTOMER: customer_count},
                customer_rating_sum=customer_sum,
                customer_ratings=customer_count,
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
            scores.extend(
                (stored.pk, *row)
                for row in _score_rows(result, codes, weights, tally_raters.get(stored.employee_id, {}))
            )
            # Only shown groups, each group's sorted by text: the order reveals nobody.
            shown = scoring.comments_to_show(comments.get(stored.employee_id, ()), result)
            position = 0
            for group, texts in shown.items():
                for text in texts:
                    stored_comments.append((stored.pk, group, text, position))
                    position += 1
        _insert_rows(ResultScore, ("result", "competency", "rater_group", "score", "raters", "shown"), scores)
        _insert_rows(ResultComment, ("result", "rater_group", "text", "position"), stored_comments)
        total += len(results)
    return total
