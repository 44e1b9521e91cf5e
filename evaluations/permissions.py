"""Who may do and see what in the evaluations app: the one place that decides.

- A superuser manages every cycle and sees every report.
- HR manages the cycles whose whole scope is in their own agency (the agency of their
  employee record) and sees the reports of that agency's employees once a cycle is closed.
- A supervisor sees their direct reports' reports once the cycle is closed.
- An employee sees their own report once the cycle is released.
- Leadership sees aggregates of all agencies, never an individual report (other than their
  own direct reports', as any supervisor).
- Nobody sees one rater's answers: no rule here grants it, and nothing stores them where a
  page, export or admin could show them.
"""

from __future__ import annotations

from portal import roles
from portal.models import Agency

from .models import Cycle, Employee


def employee_of(user) -> Employee | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Employee.objects.select_related("unit__agency").filter(user=user, is_active=True).first()


def hr_agency_id(user) -> int | None:
    """The agency an HR user manages, or ``None``."""
    if not roles.user_has_role(user, roles.HR) or user.is_superuser:
        return None
    employee = employee_of(user)
    return employee.unit.agency_id if employee else None


def cycle_agency_ids(cycle: Cycle) -> set[int]:
    ids = set(cycle.agencies.values_list("pk", flat=True))
    ids.update(cycle.units.values_list("agency_id", flat=True))
    return ids


def can_manage_agencies(user, agency_ids: set[int]) -> bool:
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    agency_id = hr_agency_id(user)
    return agency_id is not None and bool(agency_ids) and agency_ids == {agency_id}


def can_manage_cycle(user, cycle: Cycle) -> bool:
    return can_manage_agencies(user, cycle_agency_ids(cycle))


def can_create_cycles(user) -> bool:
    """HR of an agency (for that agency) and superusers (anywhere) create cycles."""
    return can_manage_organisation(user)


def can_manage_employee(user, employee: Employee) -> bool:
    """May ``user`` give ``employee`` evaluations to write or ask others to rate them?"""
    return can_manage_agencies(user, {employee.unit.agency_id})


def can_view_aggregates(user) -> bool:
    return roles.user_has_role(user, roles.LEADERSHIP, roles.HR)


def can_view_report(user, employee: Employee, cycle: Cycle) -> bool:
    """May ``user`` read ``employee``'s frozen report of ``cycle``?"""
    if cycle.status not in (Cycle.Status.CLOSED, Cycle.Status.RELEASED):
        return False
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    agency_id = hr_agency_id(user)
    if agency_id is not None and employee.unit.agency_id == agency_id:
        return True
    viewer = employee_of(user)
    if viewer is None:
        return False
    if employee.supervisor_id == viewer.pk:
        return True
    return employee.pk == viewer.pk and cycle.status == Cycle.Status.RELEASED


def managed_agencies(user):
    """The agencies whose organisation and cycles ``user`` manages (a queryset)."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return Agency.objects.all()
    agency_id = hr_agency_id(user)
    return Agency.objects.filter(pk=agency_id) if agency_id is not None else Agency.objects.none()


def can_manage_agency(user, agency) -> bool:
    return agency is not None and managed_agencies(user).filter(pk=agency.pk).exists()


def can_manage_organisation(user) -> bool:
    """HR with an agency, or a superuser: may import and edit the organisation."""
    return managed_agencies(user).exists()
