"""HR's cycle dashboard (state, completion, the workflow buttons, exports, the agency's
reports) and leadership's aggregates-only view. Updated live by ``static/evaluations/
dashboard.js`` over /ws/evaluations/cycles/<slug>/; refreshed, it works without it."""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from evaluations import permissions, ui_selectors
from evaluations.exports import write_csv, write_xlsx
from evaluations.forms import ReminderDaysForm
from evaluations.models import Cycle, Notification
from evaluations.selectors import EXPORT_COLUMNS, cycle_export_rows
from evaluations.services import cancel_cycle, close_cycle, open_cycle, release_cycle, update_cycle_settings
from portal.audit_history import history_of

ACTIONS = {
    "open": (open_cycle, gettext_lazy("The cycle was opened and its evaluations were assigned.")),
    "close": (close_cycle, gettext_lazy("The cycle was closed and its results were computed.")),
    "release": (release_cycle, gettext_lazy("The reports were released to the employees.")),
    "cancel": (cancel_cycle, gettext_lazy("The cycle was cancelled.")),
}


@login_required
def cycle_list(request: HttpRequest) -> HttpResponse:
    context = ui_selectors.cycles_for(request.user)
    context["can_create"] = permissions.can_create_cycles(request.user)
    if not context["managed"] and not context["can_create"] and not permissions.can_view_aggregates(request.user):
        raise PermissionDenied(_("Only HR and leadership can see evaluation cycles."))
    return render(request, "evaluations/cycle_list.html", context)


@login_required
def cycle_dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    cycle = get_object_or_404(Cycle, slug=slug)
    manages = permissions.can_manage_cycle(request.user, cycle)
    if not manages and not permissions.can_view_aggregates(request.user):
        raise Http404
    context = ui_selectors.dashboard(cycle=cycle, reader=request.user)
    context.update(cycle=cycle, manages=manages)
    if manages:
        context["reports"] = ui_selectors.agency_reports(cycle=cycle, reader=request.user)
        context["actions"] = {
            Cycle.Status.DRAFT: ["open", "cancel"],
            Cycle.Status.OPEN: ["close"],
            Cycle.Status.CLOSED: ["release"],
        }.get(cycle.status, [])
        context["exportable"] = cycle.status in (Cycle.Status.CLOSED, Cycle.Status.RELEASED)
        if cycle.status == Cycle.Status.DRAFT:
            context["reminder_form"] = ReminderDaysForm(
                initial={"reminder_days": ", ".join(str(day) for day in cycle.reminder_days)}
            )
        context["emails"] = _email_counts(cycle)
        context["history"] = history_of(instance=cycle)
    template = "evaluations/cycle_dashboard.html" if manages else "evaluations/cycle_aggregates.html"
    return render(request, template, context)


@login_required
@require_POST
def cycle_action(request: HttpRequest, slug: str, action: str) -> HttpResponse:
    cycle = get_object_or_404(Cycle, slug=slug)
    if action not in ACTIONS:
        raise Http404
    if not permissions.can_manage_cycle(request.user, cycle):
        raise PermissionDenied(_("You may not manage this cycle."))
    service, done = ACTIONS[action]
    try:
        service(cycle=cycle, by=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, str(done))
    return redirect("evaluations:cycle_dashboard", slug=cycle.slug)


def _email_counts(cycle: Cycle) -> dict[str, int]:
    rows = Notification.objects.filter(cycle=cycle)
    return {
        "sent": rows.filter(status=Notification.Status.SENT).count(),
        "failed": rows.filter(status=Notification.Status.FAILED).count(),
    }


@login_required
@require_POST
def cycle_reminders(request: HttpRequest, slug: str) -> HttpResponse:
    """HR sets a draft cycle's reminder days."""
    cycle = get_object_or_404(Cycle, slug=slug)
    if not permissions.can_manage_cycle(request.user, cycle):
        raise PermissionDenied(_("You may not manage this cycle."))
    form = ReminderDaysForm(request.POST)
    if not form.is_valid():
        for message in form.errors.get("reminder_days", []):
            messages.error(request, message)
        return redirect("evaluations:cycle_dashboard", slug=cycle.slug)
    try:
        update_cycle_settings(cycle=cycle, by=request.user, reminder_days=form.cleaned_data["reminder_days"])
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The reminder days were saved."))
    return redirect("evaluations:cycle_dashboard", slug=cycle.slug)


@login_required
def cycle_export(request: HttpRequest, slug: str, file_format: str) -> HttpResponse:
    cycle = get_object_or_404(Cycle, slug=slug)
    if file_format not in ("csv", "xlsx") or not permissions.can_manage_cycle(request.user, cycle):
        raise Http404
    if cycle.status not in (Cycle.Status.CLOSED, Cycle.Status.RELEASED):
        messages.error(request, _("Only a closed cycle can be exported."))
        return redirect("evaluations:cycle_dashboard", slug=cycle.slug)
    rows = cycle_export_rows(cycle=cycle, reader=request.user)
    if file_format == "xlsx":
        buffer = io.BytesIO()
        write_xlsx(buffer, headings=EXPORT_COLUMNS, rows=rows)
        response = HttpResponse(
            buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    else:
        text = io.StringIO(newline="")
        write_csv(text, headings=EXPORT_COLUMNS, rows=rows)
        response = HttpResponse(text.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{cycle.slug}.{file_format}"'
    return response
