"""HR creates a cycle and changes a draft's settings: names, scope, dates, framework
version, the rater groups' weights and anonymity thresholds, the blind-spot gap, peers,
the cap per rater and the reminder days. Thin: the form checks the input, the cycle
services check the rules and permissions, write and log."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from evaluations import permissions
from evaluations.forms import CycleSettingsForm
from evaluations.models import Cycle
from evaluations.services import create_cycle, update_cycle_settings

TEMPLATE = "evaluations/cycle_settings.html"


def managed_cycle(request: HttpRequest, slug: str) -> Cycle:
    """The cycle ``slug`` if the reader manages it. Someone who may see every cycle's
    aggregates (HR of another agency, leadership) is refused (403); anyone else is told
    there is no such page (404), as the dashboard does."""
    cycle = get_object_or_404(Cycle.objects.select_related("framework"), slug=slug)
    if permissions.can_manage_cycle(request.user, cycle):
        return cycle
    if permissions.can_view_aggregates(request.user):
        raise PermissionDenied(_("You may not manage this cycle."))
    raise Http404


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """A service's refusal shown on the form: on the field it names when the form has it,
    otherwise at the top."""
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            for problem in problems:
                form.add_error(field if field in form.fields else None, problem)
    else:
        for problem in error.messages:
            form.add_error(None, problem)


@login_required
@require_http_methods(["GET", "POST"])
def cycle_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create_cycles(request.user):
        raise PermissionDenied(_("Only HR of an agency can create evaluation cycles."))
    if request.method == "POST":
        form = CycleSettingsForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                cycle = create_cycle(slug=form.cleaned_data["slug"] or None, by=request.user, **form.service_settings())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("The draft cycle “%(cycle)s” was created. Check its assignments, then open it.")
                    % {"cycle": cycle.localized_name()},
                )
                return redirect("evaluations:cycle_dashboard", slug=cycle.slug)
        return render(request, TEMPLATE, {"form": form, "cycle": None}, status=400)
    return render(request, TEMPLATE, {"form": CycleSettingsForm(user=request.user), "cycle": None})


@login_required
@require_http_methods(["GET", "POST"])
def cycle_settings(request: HttpRequest, slug: str) -> HttpResponse:
    cycle = managed_cycle(request, slug)
    if cycle.status != Cycle.Status.DRAFT:
        messages.info(request, _("A cycle's settings are fixed once it opens."))
        return redirect("evaluations:cycle_dashboard", slug=cycle.slug)
    if request.method == "POST":
        form = CycleSettingsForm(request.POST, user=request.user, cycle=cycle)
        if form.is_valid():
            try:
                update_cycle_settings(cycle=cycle, by=request.user, **form.service_settings())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The settings of the cycle were saved."))
                return redirect("evaluations:cycle_dashboard", slug=cycle.slug)
        return render(request, TEMPLATE, {"form": form, "cycle": cycle}, status=400)
    return render(request, TEMPLATE, {"form": CycleSettingsForm(user=request.user, cycle=cycle), "cycle": cycle})
