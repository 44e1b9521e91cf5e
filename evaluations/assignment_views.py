"""HR's page of who rates whom in a cycle: find assignments by rater or person rated,
rater group and status (a declined one with the rater's reason); add, remove or reassign
one not yet submitted, reopen a submitted one. Changes only while the cycle is a draft or
open; read-only after.

Only the status of each evaluation is shown, never an answer or a score. Every action is
a POST (CSRF-protected), checked against ``permissions.can_manage_cycle``, done by a cycle
service (which logs it in Wagtail's audit log) and answered with a message."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from evaluations import ui_selectors
from evaluations.cycle_settings_views import managed_cycle
from evaluations.forms import AssignmentAddForm, AssignmentFilterForm, ReassignForm, ReopenForm
from evaluations.models import Assignment, Cycle, Response
from evaluations.services import add_assignment, reassign_assignment, remove_assignment, reopen_response

PER_PAGE = 50
#: The query parameters of the listing an action returns to.
LISTING_PARAMETERS = ("rater", "ratee", "relationship", "status", "page")
CHANGEABLE = (Cycle.Status.DRAFT, Cycle.Status.OPEN)


def _listing_url(cycle: Cycle, query: str = "") -> str:
    """The assignments page with the listing's own parameters from ``query`` (nothing else:
    the address is always ours)."""
    params = QueryDict(query)
    kept = {name: params[name] for name in LISTING_PARAMETERS if params.get(name)}
    url = reverse("evaluations:cycle_assignments", kwargs={"slug": cycle.slug})
    return f"{url}?{urlencode(kept)}" if kept else url


def _back(request: HttpRequest, cycle: Cycle) -> HttpResponse:
    return redirect(_listing_url(cycle, request.POST.get("back", "")))


def _page(request: HttpRequest, cycle: Cycle, *, add_form: AssignmentAddForm | None = None, status: int = 200):
    filters = AssignmentFilterForm(request.GET or None)
    chosen = filters.filters()
    listing = ui_selectors.cycle_assignments(cycle=cycle, reader=request.user, **chosen)
    paginator = Paginator(listing, PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    changeable = cycle.status in CHANGEABLE
    context = {
        "cycle": cycle,
        "filters": filters if request.GET else AssignmentFilterForm(),
        "filtered": bool(chosen),
        "page": page,
        "page_numbers": list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)),
        "rows": ui_selectors.assignment_rows(list(page.object_list)),
        "changeable": changeable,
        "can_reopen": cycle.status == Cycle.Status.OPEN,
        "add_form": (add_form or AssignmentAddForm()) if changeable else None,
        "back": request.GET.urlencode(),
    }
    return render(request, "evaluations/cycle_assignments.html", context, status=status)


@login_required
@require_GET
def cycle_assignments(request: HttpRequest, slug: str) -> HttpResponse:
    return _page(request, managed_cycle(request, slug))


def _messages(error: ValidationError | PermissionDenied) -> list[str]:
    """What a service's refusal says (a person outside the reader's agency is refused
    with ``PermissionDenied``: said on the page, not as an error page)."""
    if isinstance(error, ValidationError):
        return [str(message) for message in error.messages]
    return [str(error)]


def _refused(request: HttpRequest, error: ValidationError | PermissionDenied) -> None:
    for message in _messages(error):
        messages.error(request, message)


@login_required
@require_POST
def assignment_add(request: HttpRequest, slug: str) -> HttpResponse:
    cycle = managed_cycle(request, slug)
    form = AssignmentAddForm(request.POST)
    if not form.is_valid():
        return _page(request, cycle, add_form=form, status=400)
    rater, ratee = form.cleaned_data["rater"], form.cleaned_data["ratee"]
    try:
        add_assignment(
            cycle=cycle, rater=rater, ratee=ratee, relationship=form.cleaned_data["relationship"], by=request.user
        )
    except (ValidationError, PermissionDenied) as error:
        if cycle.status not in CHANGEABLE:  # no form to show it on: the page is read-only
            _refused(request, error)
            return _back(request, cycle)
        for message in _messages(error):
            form.add_error(None, message)
        return _page(request, cycle, add_form=form, status=400)
    names = {"rater": rater.localized_name(), "ratee": ratee.localized_name()}
    if cycle.status == Cycle.Status.OPEN:
        messages.success(
            request,
            _("%(rater)s is now asked to rate %(ratee)s, and is told by email if they have an address.") % names,
        )
    else:
        messages.success(request, _("%(rater)s will be asked to rate %(ratee)s when the cycle opens.") % names)
    return _back(request, cycle)


def _assignment(cycle: Cycle, assignment_id: int) -> Assignment:
    return get_object_or_404(Assignment.objects.select_related("rater", "ratee"), pk=assignment_id, cycle=cycle)


def _names(assignment: Assignment) -> dict[str, str]:
    return {"rater": assignment.rater.localized_name(), "ratee": assignment.ratee.localized_name()}


@login_required
@require_POST
def assignment_remove(request: HttpRequest, slug: str, assignment_id: int) -> HttpResponse:
    cycle = managed_cycle(request, slug)
    assignment = _assignment(cycle, assignment_id)
    names = _names(assignment)
    try:
        remove_assignment(assignment=assignment, by=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("%(rater)s is no longer asked to rate %(ratee)s.") % names)
    return _back(request, cycle)


@login_required
@require_POST
def assignment_reassign(request: HttpRequest, slug: str, assignment_id: int) -> HttpResponse:
    cycle = managed_cycle(request, slug)
    assignment = _assignment(cycle, assignment_id)
    form = ReassignForm(request.POST)
    if not form.is_valid():
        for problems in form.errors.values():
            for problem in problems:
                messages.error(request, problem)
        return _back(request, cycle)
    new_rater = form.cleaned_data["new_rater"]
    try:
        reassign_assignment(assignment=assignment, new_rater=new_rater, by=request.user)
    except (ValidationError, PermissionDenied) as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            _("%(rater)s now writes the evaluation of %(ratee)s instead of %(before)s.")
            % {
                "rater": new_rater.localized_name(),
                "ratee": assignment.ratee.localized_name(),
                "before": assignment.rater.localized_name(),
            },
        )
    return _back(request, cycle)


@login_required
@require_POST
def assignment_reopen(request: HttpRequest, slug: str, assignment_id: int) -> HttpResponse:
    cycle = managed_cycle(request, slug)
    assignment = _assignment(cycle, assignment_id)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please give a reason for reopening."))
        return _back(request, cycle)
    response = Response.objects.filter(assignment=assignment).only("pk").first()
    if response is None:
        messages.error(request, _("Only a submitted evaluation can be reopened."))
        return _back(request, cycle)
    try:
        reopen_response(response=response, reason=form.cleaned_data["reason"], by=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            _("The evaluation of %(ratee)s by %(rater)s was reopened: %(rater)s can change it and submit it again.")
            % _names(assignment),
        )
    return _back(request, cycle)
