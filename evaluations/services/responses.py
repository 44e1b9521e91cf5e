"""A rater's response: saved as a draft, submitted once (a submitted response cannot be
edited; HR can reopen it, which is logged)."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from evaluations import audit
from evaluations.models import Answer, Assignment, Cycle, Employee, Item, Response
from evaluations.models.framework import SCALE_MAX, SCALE_MIN
from evaluations.signals import response_reopened, response_submitted

from .cycles import _check_manager, _require_status

#: item code → score (1–5) or ``None`` for "not observed".
Answers = Mapping[str, int | None]


def framework_items(cycle: Cycle) -> dict[str, int]:
    """The cycle's statements: item code → item id."""
    return dict(Item.objects.filter(competency__framework_id=cycle.framework_id).values_list("code", "pk"))


def _validate_answers(answers: Answers, items: dict[str, int]) -> None:
    problems = []
    for code, score in answers.items():
        if code not in items:
            problems.append(_("“%(code)s” is not a statement of this cycle.") % {"code": code})
        elif score is not None and (
            isinstance(score, bool) or not isinstance(score, int) or not SCALE_MIN <= score <= SCALE_MAX
        ):
            problems.append(_("The answer to “%(code)s” must be from 1 to 5 or “not observed”.") % {"code": code})
    if problems:
        raise ValidationError(problems)


def _already_submitted() -> ValidationError:
    return ValidationError(_("This evaluation was already submitted and can no longer be changed."))


def _response_for(*, assignment: Assignment) -> Response:
    """The assignment's response, created as an empty draft the first time. Two requests
    racing to create it meet the database's one-response constraint; the loser reads the
    winner's row."""
    response = Response.objects.select_for_update().filter(assignment=assignment).first()
    if response is not None:
        return response
    try:
        with transaction.atomic():
            return Response.objects.create(
                cycle_id=assignment.cycle_id,
                rater_id=assignment.rater_id,
                ratee_id=assignment.ratee_id,
                assignment=assignment,
                relationship=assignment.relationship,
            )
    except IntegrityError:
        response = (
            Response.objects.select_for_update()
            .filter(cycle_id=assignment.cycle_id, rater_id=assignment.rater_id, ratee_id=assignment.ratee_id)
            .first()
        )
        if response is None:
            raise
        return response


def _store_answers(response: Response, answers: Answers, items: dict[str, int]) -> None:
    if not answers:
        return
    item_ids = [items[code] for code in answers]
    Answer.objects.filter(response=response, item_id__in=item_ids).delete()
    Answer.objects.bulk_create(
        [Answer(response=response, item_id=items[code], score=score) for code, score in answers.items()]
    )


def _writable(*, assignment: Assignment, rater: Employee) -> Assignment:
    assignment = Assignment.objects.select_for_update().select_related("cycle").get(pk=assignment.pk)
    if assignment.rater_id != rater.pk:
        raise PermissionDenied(_("This evaluation is not yours to write."))
    _require_status(assignment.cycle, [Cycle.Status.OPEN], doing=_("answer evaluations in it"))
    if assignment.is_declined:
        raise ValidationError(_("You declined this evaluation."))
    return assignment


@transaction.atomic
def save_draft_response(
    *, assignment: Assignment, rater: Employee, answers: Answers, comment: str | None = None
) -> Response:
    """Save some or all answers as a draft the rater can come back to."""
    assignment = _writable(assignment=assignment, rater=rater)
    items = framework_items(assignment.cycle)
    _validate_answers(answers, items)
    response = _response_for(assignment=assignment)
    if response.status == Response.Status.SUBMITTED:
        raise _already_submitted()
    _store_answers(response, answers, items)
    if comment is not None:
        response.comment = comment.strip()
    response.save(update_fields=["comment", "updated_at"])
    return response


@transaction.atomic
def submit_response(
    *, assignment: Assignment, rater: Employee, answers: Answers | None = None, comment: str | None = None
) -> Response:
    """Submit the response once, with every statement answered (a score or "not
    observed"). A second submission (double click, two tabs) is refused with a message.
    Sends ``signals.response_submitted`` inside this transaction; its receivers act only
    after the commit (the live dashboards)."""
    assignment = _writable(assignment=assignment, rater=rater)
    items = framework_items(assignment.cycle)
    answers = answers or {}
    _validate_answers(answers, items)
    response = _response_for(assignment=assignment)
    if response.status == Response.Status.SUBMITTED:
        raise _already_submitted()
    _store_answers(response, answers, items)
    answered = set(Answer.objects.filter(response=response).values_list("item_id", flat=True))
    missing = sorted(code for code, pk in items.items() if pk not in answered)
    if missing:
        raise ValidationError(
            _("Answer every statement (or choose “not observed”) before submitting; missing: %(codes)s.")
            % {"codes": ", ".join(missing)}
        )
    if comment is not None:
        response.comment = comment.strip()
    now = timezone.now()
    updated = Response.objects.filter(pk=response.pk, status=Response.Status.DRAFT).update(
        status=Response.Status.SUBMITTED, submitted_at=now, comment=response.comment, updated_at=now
    )
    if updated != 1:
        raise _already_submitted()
    response.refresh_from_db()
    response_submitted.send(sender=Response, response=response)
    return response


@transaction.atomic
def reopen_response(*, response: Response, reason: str, by=None) -> Response:
    """HR reopens a submitted response so its rater can change it (logged)."""
    response = Response.objects.select_for_update().select_related("cycle", "rater", "ratee").get(pk=response.pk)
    cycle = response.cycle
    _check_manager(cycle=cycle, by=by)
    _require_status(cycle, [Cycle.Status.OPEN], doing=_("reopen evaluations in it"))
    if response.status != Response.Status.SUBMITTED:
        raise ValidationError(_("Only a submitted evaluation can be reopened."))
    if not reason.strip():
        raise ValidationError(_("Please give a reason for reopening."))
    response.status = Response.Status.DRAFT
    response.submitted_at = None
    response.save(update_fields=["status", "submitted_at", "updated_at"])
    audit.record(
        action=audit.REOPEN,
        instance=cycle,
        by=by,
        data={
            "rater": response.rater.employee_id,
            "ratee": response.ratee.employee_id,
            "relationship": response.relationship,
            "reason": reason.strip(),
        },
    )
    response_reopened.send(sender=Response, response=response, reason=reason.strip(), by=by)
    return response
