"""An employee's frozen report: HTML and PDF, via ``permissions.can_view_report`` only.

A reader who may not see a report gets a 404 (whether the report exists is not said)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string

from evaluations import permissions, selectors, ui_selectors
from evaluations.models import Cycle, Employee, EmployeeResult

PDF_STYLESHEET = "evaluations/report-pdf.css"


def _report_context(request: HttpRequest, cycle_slug: str, employee_id: str) -> dict:
    cycle = get_object_or_404(Cycle, slug=cycle_slug)
    employee = get_object_or_404(Employee.objects.select_related("unit__agency"), employee_id=employee_id)
    if not permissions.can_view_report(request.user, employee, cycle):
        raise Http404
    try:
        report = selectors.frozen_report(reader=request.user, employee=employee, cycle=cycle)
    except EmployeeResult.DoesNotExist as error:
        raise Http404 from error
    context = ui_selectors.report_page(report=report, cycle=cycle, reader=request.user, request=request)
    context.update(cycle=cycle, employee=employee)
    return context


@login_required
def report(request: HttpRequest, cycle_slug: str, employee_id: str) -> HttpResponse:
    return render(request, "evaluations/report.html", _report_context(request, cycle_slug, employee_id))


def render_report_pdf(*, context: dict, base_url: str) -> bytes:
    """The report as a PDF (WeasyPrint shapes Arabic with HarfBuzz; the names are in HTML,
    never in the chart's SVG)."""
    from weasyprint import CSS, HTML

    html = render_to_string("evaluations/report_pdf.html", context)
    stylesheet = CSS(filename=finders.find(PDF_STYLESHEET))
    return HTML(string=html, base_url=base_url).write_pdf(stylesheets=[stylesheet])


@login_required
def report_pdf(request: HttpRequest, cycle_slug: str, employee_id: str) -> HttpResponse:
    context = _report_context(request, cycle_slug, employee_id)
    pdf = render_report_pdf(context=context, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"report-{context['cycle'].slug}-{context['employee'].employee_id}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
