"""Raters' points pages: the signed-in employee's own points and history, and HR's table of
its agency's raters for a cycle (points only, never anyone's answers), with manual
adjustments. Thin: permissions, a selector or service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from awards import points
from evaluations import permissions as evaluation_permissions
from evaluations.models import Cycle, Employee
from portal.models import Agency


@login_required
@require_GET
def my_points(request: HttpRequest) -> HttpResponse:
    """The reader's own points (only ever their own), and for HR the agency tables."""
    employee = evaluation_permissions.employee_of(request.user)
    managed = list(evaluation_permissions.managed_agencies(request.user).order_by("slug"))
    context: dict = {"employee": employee, "summary": None, "tables": []}
    if employee is not None:
        context["summary"] = points.points_of(employee=employee)
    if managed:
        cycles = Cycle.objects.exclude(status__in=[Cycle.Status.DRAFT, Cycle.Status.CANCELLED]).order_by("-opens_on")
        for cycle in cycles[:12]:
            covered = evaluation_permissions.cycle_agency_ids(cycle)
            context["tables"].extend((cycle, agency) for agency in managed if agency.pk in covered)
    return render(request, "awards/points/my_points.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def agency_points(request: HttpRequest, cycle_slug: str, agency_slug: str) -> HttpResponse:
    """HR of ``agency`` (or a superuser): its raters' points in ``cycle``, highest first,
    and a form to adjust one rater's points with a reason."""
    agency = get_object_or_404(Agency, slug=agency_slug)
    if not evaluation_permissions.can_manage_agency(request.user, agency):
        raise PermissionDenied(_("Only HR of this agency sees its raters' points."))
    cycle = get_object_or_404(Cycle, slug=cycle_slug)
    errors: list[str] = []
    if request.method == "POST":
        employee = Employee.objects.filter(
            unit__agency=agency, employee_id=request.POST.get("employee_id", "").strip()
        ).first()
        raw_points = request.POST.get("points", "").strip()
        if employee is None:
            errors.append(_("No employee of this agency has that employee ID."))
        try:
            amount = int(raw_points)
        except ValueError:
            errors.append(_("The points must be a whole number."))
            amount = 0
        if not errors:
            try:
                points.adjust_points(
                    employee=employee,
                    cycle=cycle,
                    points=amount,
                    reason=request.POST.get("reason", ""),
                    by=request.user,
                )
            except ValidationError as error:
                errors = error.messages
            else:
                messages.success(request, _("Adjustment recorded."))
                return redirect("awards:agency_points", cycle_slug=cycle.slug, agency_slug=agency.slug)
    return render(
        request,
        "awards/points/agency_points.html",
        {"cycle": cycle, "agency": agency, "rows": points.agency_table(cycle=cycle, agency=agency), "errors": errors},
        status=400 if errors else 200,
    )
