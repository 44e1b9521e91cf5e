"""Answers collected on paper or in another system, imported into a cycle: all or
nothing, every bad row named; a missing assignment is created; one response per rater,
ratee and cycle (a pair already submitted in the portal is refused, never doubled)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from evaluations import audit
from evaluations.models import Answer, Assignment, Cycle, Employee, Relationship, Response

from .cycles import _check_manager, _locked, _require_status
from .responses import framework_items

RESPONSE_COLUMNS: tuple[str, ...] = ("rater_employee_id", "ratee_employee_id", "relationship", "item_code", "score")


@transaction.atomic
def import_responses(*, cycle: Cycle, rows: list[tuple[int, dict[str, str]]], by=None) -> dict[str, int]:
    """Import submitted responses; returns counts of responses and assignments created."""
    cycle = _locked(cycle)
    _check_manager(cycle=cycle, by=by)
    _require_status(cycle, [Cycle.Status.OPEN], doing=_("import responses into it"))
    items = framework_items(cycle)
    employee_codes = {row.get("rater_employee_id", "") for _n, row in rows} | {
        row.get("ratee_employee_id", "") for _n, row in rows
    }
    employees = {
        code: (pk, active)
        for code, pk, active in Employee.objects.filter(employee_id__in=employee_codes).values_list(
            "employee_id", "pk", "is_active"
        )
    }
    assignments = {
        (rater, ratee): (pk, relationship, declined)
        for pk, rater, ratee, relationship, declined in cycle.assignments.values_list(
            "pk", "rater_id", "ratee_id", "relationship", "declined_at"
        )
    }
    existing = {
        (rater, ratee): status
        for rater, ratee, status in Response.objects.filter(cycle=cycle).values_list("rater_id", "ratee_id", "status")
    }
    problems: list[str] = []
    pairs: dict[tuple[int, int], dict] = {}
    seen_answers: dict[tuple[int, int, str], int] = {}
    if not rows:
        problems.append(_("The file has no answers."))
    for number, row in rows:
        row_problems: list[str] = []
        rater_code, ratee_code = row["rater_employee_id"], row["ratee_employee_id"]
        relationship, item_code, raw_score = row["relationship"].lower(), row["item_code"], row["score"]
        rater = employees.get(rater_code)
        ratee = employees.get(ratee_code)
        for code, found in ((rater_code, rater), (ratee_code, ratee)):
            if found is None:
                row_problems.append(_("unknown employee ID “%(code)s”") % {"code": code})
            elif not found[1]:
                row_problems.append(_("employee %(code)s is not active") % {"code": code})
        if relationship not in Relationship.values:
            row_problems.append(
                _("relationship “%(value)s” is not one of self, supervisor, peer, subordinate")
                % {"value": relationship}
            )
        if item_code not in items:
            row_problems.append(_("“%(code)s” is not a statement of this cycle") % {"code": item_code})
        score: int | None = None
        if raw_score:
            if raw_score.isdigit() and 1 <= int(raw_score) <= 5:
                score = int(raw_score)
            else:
                row_problems.append(
                    _("score “%(value)s” must be 1 to 5, or empty for not observed") % {"value": raw_score}
                )
        if rater and ratee and relationship in Relationship.values:
            key = (rater[0], ratee[0])
            if (relationship == Relationship.SELF) != (rater[0] == ratee[0]):
                row_problems.append(_("only a self-evaluation has the same rater and ratee"))
            assignment = assignments.get(key)
            if assignment and assignment[1] != relationship:
                row_problems.append(
                    _("%(rater)s rates %(ratee)s as %(relationship)s in this cycle, not as %(given)s")
                    % {"rater": rater_code, "ratee": ratee_code, "relationship": assignment[1], "given": relationship}
                )
            if assignment and assignment[2] is not None:
                row_problems.append(_("%(rater)s declined this evaluation") % {"rater": rater_code})
            if existing.get(key) == Response.Status.SUBMITTED:
                row_problems.append(
                    _("%(rater)s already submitted an evaluation of %(ratee)s in this cycle")
                    % {"rater": rater_code, "ratee": ratee_code}
                )
            pair = pairs.setdefault(key, {"relationship": relationship, "answers": {}, "first_row": number})
            if pair["relationship"] != relationship:
                row_problems.append(
                    _("row %(first)s gives a different relationship for the same rater and ratee")
                    % {"first": pair["first_row"]}
                )
            if item_code in items:
                answer_key = (*key, item_code)
                if answer_key in seen_answers:
                    row_problems.append(
                        _("statement %(code)s is already answered on row %(first)s")
                        % {"code": item_code, "first": seen_answers[answer_key]}
                    )
                seen_answers.setdefault(answer_key, number)
                pair["answers"][item_code] = score
        if row_problems:
            problems.append(_("Row %(row)s: %(problems)s.") % {"row": number, "problems": "; ".join(row_problems)})
    for pair in pairs.values():
        missing = sorted(set(items) - set(pair["answers"]))
        if missing:
            problems.append(
                _("Row %(row)s: the evaluation starting here does not answer every statement (missing: %(codes)s).")
                % {"row": pair["first_row"], "codes": ", ".join(missing)}
            )
    if problems:
        raise ValidationError(problems)

    created_assignments = 0
    now = timezone.now()
    for (rater_pk, ratee_pk), pair in pairs.items():
        assignment = assignments.get((rater_pk, ratee_pk))
        if assignment is None:
            assignment_pk = Assignment.objects.create(
                cycle=cycle,
                rater_id=rater_pk,
                ratee_id=ratee_pk,
                relationship=pair["relationship"],
                source=Assignment.Source.IMPORTED,
            ).pk
            created_assignments += 1
        else:
            assignment_pk = assignment[0]
        response, _created = Response.objects.update_or_create(
            cycle=cycle,
            rater_id=rater_pk,
            ratee_id=ratee_pk,
            defaults={
                "assignment_id": assignment_pk,
                "relationship": pair["relationship"],
                "status": Response.Status.SUBMITTED,
                "submitted_at": now,
            },
        )
        Answer.objects.filter(response=response).delete()
        Answer.objects.bulk_create(
            [Answer(response=response, item_id=items[code], score=score) for code, score in pair["answers"].items()]
        )
    counts = {"responses": len(pairs), "assignments_created": created_assignments, "answers": len(rows)}
    audit.record(action=audit.IMPORT_RESPONSES, instance=cycle, by=by, data=counts)
    return counts
