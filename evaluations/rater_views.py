"""The rater's pages: the to-do list, the evaluation form (draft, submit once), declining,
nominating extra peers and, for supervisors, deciding on their team's nominations.

Thin: who the reader is comes from ``permissions.employee_of``; an assignment is only ever
looked up among the reader's own, so anybody else gets a 404."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from evaluations import permissions, selectors, ui_selectors
from evaluations.models import Answer, Assignment, Cycle, Employee, Item, PeerNomination, Response
from evaluations.models.framework import NOT_OBSERVED_LABEL, SCALE
from evaluations.services import (
    approve_nomination,
    decline_assignment,
    nominate_peer,
    save_draft_response,
    submit_response,
)

NOT_OBSERVED = "na"


def _messages_of(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


def _reader_employee(request: HttpRequest) -> Employee:
    employee = permissions.employee_of(request.user)
    if employee is None:
        raise Http404(_("Your account is not linked to an employee record."))
    return employee


@login_required
def todo(request: HttpRequest) -> HttpResponse:
    """Everything the reader has to write in open cycles, their nominations and reports."""
    employee = permissions.employee_of(request.user)
    context: dict = {
        "employee": employee,
        "can_manage": permissions.can_manage_organisation(request.user)
        or permissions.can_view_aggregates(request.user),
    }
    if employee is not None:
        context.update(ui_selectors.todo_page(employee=employee))
        context["my_reports"] = selectors.released_reports_of(employee=employee)
    return render(request, "evaluations/todo.html", context)


@dataclass
class FormItem:
    code: str
    text: str
    name: str
    chosen: str
    missing: bool = False


@dataclass
class FormCompetency:
    code: str
    name: str
    items: list[FormItem] = field(default_factory=list)


def _questionnaire(assignment: Assignment, chosen: dict[str, str], missing: set[str]) -> list[FormCompetency]:
    language = (get_language() or "ar")[:2]
    competencies: dict[int, FormCompetency] = {}
    items = (
        Item.objects.filter(competency__framework_id=assignment.cycle.framework_id)
        .select_related("competency")
        .order_by("competency__sort_order", "competency_id", "sort_order", "pk")
    )
    for item in items:
        competency = item.competency
        if competency.pk not in competencies:
            competencies[competency.pk] = FormCompetency(code=competency.code, name=competency.localized_name())
        competencies[competency.pk].items.append(
            FormItem(
                code=item.code,
                text=item.wording(relationship=assignment.relationship, language=language),
                name=f"item-{item.code}",
                chosen=chosen.get(item.code, ""),
                missing=item.code in missing,
            )
        )
    return list(competencies.values())


def _saved_choices(response: Response | None) -> dict[str, str]:
    if response is None:
        return {}
    return {
        code: (NOT_OBSERVED if score is None else str(score))
        for code, score in Answer.objects.filter(response=response).values_list("item__code", "score")
    }


def _posted_answers(request: HttpRequest, codes: list[str]) -> tuple[dict[str, int | None], dict[str, str], list[str]]:
    """(answers for the service, the raw choices to show again, problems with the input)."""
    answers: dict[str, int | None] = {}
    chosen: dict[str, str] = {}
    problems: list[str] = []
    for code in codes:
        value = request.POST.get(f"item-{code}", "").strip()
        if not value:
            continue
        chosen[code] = value
        if value == NOT_OBSERVED:
            answers[code] = None
        elif value in {"1", "2", "3", "4", "5"}:
            answers[code] = int(value)
        else:
            problems.append(_("The answer to “%(code)s” must be from 1 to 5 or “not observed”.") % {"code": code})
    return answers, chosen, problems


def _own_assignment(request: HttpRequest, cycle_slug: str, assignment_id: int) -> tuple[Employee, Assignment]:
    employee = _reader_employee(request)
    assignment = get_object_or_404(
        Assignment.objects.select_related("cycle", "ratee", "ratee__unit", "cycle__framework"),
        pk=assignment_id,
        cycle__slug=cycle_slug,
        rater=employee,
    )
    return employee, assignment


@login_required
@require_http_methods(["GET", "POST"])
def evaluation_form(request: HttpRequest, cycle_slug: str, assignment_id: int) -> HttpResponse:
    employee, assignment = _own_assignment(request, cycle_slug, assignment_id)
    response = Response.objects.filter(assignment=assignment).first()
    submitted = response is not None and response.status == Response.Status.SUBMITTED
    codes = list(
        Item.objects.filter(competency__framework_id=assignment.cycle.framework_id).values_list("code", flat=True)
    )
    problems: list[str] = []
    missing: set[str] = set()
    chosen = _saved_choices(response)
    comment = response.comment if response else ""
    status = 200
    if request.method == "POST":
        answers, posted_choices, problems = _posted_answers(request, codes)
        chosen.update(posted_choices)
        comment = request.POST.get("comment", "")
        action = request.POST.get("action", "draft")
        if submitted:
            problems = [_("This evaluation was already submitted and can no longer be changed.")]
        elif not problems:
            try:
                if action == "submit":
                    missing = {code for code in codes if code not in chosen}
                    if missing:
                        problems.append(
                            _("Answer every statement (or choose “not observed”) before submitting: %(count)s left.")
                            % {"count": len(missing)}
                        )
                    else:
                        submit_response(assignment=assignment, rater=employee, answers=answers, comment=comment)
                        messages.success(request, _("Thank you: your evaluation was submitted."))
                        return redirect("evaluations:todo")
                else:
                    save_draft_response(assignment=assignment, rater=employee, answers=answers, comment=comment)
                    messages.success(
                        request, _("Your draft was saved. You can come back to it before the cycle closes.")
                    )
                    return redirect("evaluations:evaluation_form", cycle_slug=cycle_slug, assignment_id=assignment.pk)
            except ValidationError as error:
                problems.extend(_messages_of(error))
            except PermissionDenied as error:
                problems.append(str(error))
        status = 400 if problems else 200
        response = Response.objects.filter(assignment=assignment).first()
        submitted = response is not None and response.status == Response.Status.SUBMITTED
        if submitted:
            chosen = _saved_choices(response)
            comment = response.comment
            status = 409
    context = {
        "assignment": assignment,
        "cycle": assignment.cycle,
        "is_self": assignment.relationship == "self",
        "competencies": _questionnaire(assignment, chosen, missing),
        "scale": [(str(value), label) for value, label in SCALE],
        "not_observed": NOT_OBSERVED,
        "not_observed_label": NOT_OBSERVED_LABEL,
        "comment": comment,
        "problems": problems,
        "submitted": submitted,
        "response": response,
        "writable": not submitted and assignment.cycle.status == Cycle.Status.OPEN and not assignment.is_declined,
    }
    return render(request, "evaluations/evaluation_form.html", context, status=status)


@login_required
@require_POST
def decline(request: HttpRequest, cycle_slug: str, assignment_id: int) -> HttpResponse:
    employee, assignment = _own_assignment(request, cycle_slug, assignment_id)
    try:
        decline_assignment(assignment=assignment, rater=employee, reason=request.POST.get("reason", ""))
    except (ValidationError, PermissionDenied) as error:
        for message in _messages_of(error) if isinstance(error, ValidationError) else [str(error)]:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("You declined to evaluate %(name)s. HR can see your reason.")
            % {"name": assignment.ratee.localized_name()},
        )
    return redirect("evaluations:todo")


@login_required
@require_POST
def nominate(request: HttpRequest, cycle_slug: str) -> HttpResponse:
    employee = _reader_employee(request)
    cycle = get_object_or_404(Cycle, slug=cycle_slug)
    peer = Employee.objects.filter(employee_id=request.POST.get("peer", "").strip(), is_active=True).first()
    if peer is None or peer.unit.agency_id != employee.unit.agency_id:
        messages.error(request, _("Choose a colleague from the list."))
        return redirect("evaluations:todo")
    try:
        nominate_peer(cycle=cycle, employee=employee, peer=peer)
    except ValidationError as error:
        for message in _messages_of(error):
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("You nominated %(name)s. Your supervisor will approve or reject the nomination.")
            % {"name": peer.localized_name()},
        )
    return redirect("evaluations:todo")


@login_required
def team(request: HttpRequest) -> HttpResponse:
    """A supervisor's page: the team's pending nominations and their reports."""
    employee = _reader_employee(request)
    context = ui_selectors.team_page(supervisor=employee)
    return render(request, "evaluations/team.html", context)


@login_required
@require_POST
def decide_nomination(request: HttpRequest, nomination_id: int) -> HttpResponse:
    employee = _reader_employee(request)
    nomination = get_object_or_404(
        PeerNomination.objects.select_related("employee", "peer"), pk=nomination_id, employee__supervisor=employee
    )
    approve = request.POST.get("decision") == "approve"
    try:
        approve_nomination(nomination=nomination, supervisor=employee, approve=approve)
    except ValidationError as error:
        for message in _messages_of(error):
            messages.error(request, message)
    else:
        template = (
            _("%(peer)s will now evaluate %(name)s.") if approve else _("You rejected %(peer)s as a rater of %(name)s.")
        )
        messages.success(
            request, template % {"peer": nomination.peer.localized_name(), "name": nomination.employee.localized_name()}
        )
    return redirect("evaluations:team")
