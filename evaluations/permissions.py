"""Who may do and see what in the evaluations app. The ONE place that decides: views,
commands run on someone's behalf, exports, APIs and WebSocket consumers all ask here.

- HR manages the organisation and cycles of its own agency (the agency of the HR user's
  own employee record); superusers manage every agency.
- Leadership sees aggregates of every agency, never an individual report (except, like any
  supervisor, the reports of their own direct reports).
- An employee sees their own report once the cycle is released; a supervisor sees their
  direct reports' released reports; HR sees its agency's.
- Nobody sees one peer's, subordinate's or customer's answers: no rule here grants it."""

from __future__ import annotations

from portal import roles
from portal.models import Agency


def employee_of(user):
    """The employee record linked to ``user`` (None for accounts without one)."""
    if user is None or not user.is_authenticated:
        return None
    try:
        return user.employee
    except Exception:  # RelatedObjectDoesNotExist
        return None


def managed_agencies(user):
    """The agencies whose organisation and cycles ``user`` manages (a queryset)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Agency.objects.none()
    if user.is_superuser:
        return Agency.objects.all()
    if not roles.user_has_role(user, roles.HR):
        return Agency.objects.none()
    employee = employee_of(user)
    if employee is None or not employee.is_active:
        return Agency.objects.none()
    return Agency.objects.filter(pk=employee.unit.agency_id)


def can_manage_agency(user, agency) -> bool:
    return agency is not None and managed_agencies(user).filter(pk=agency.pk).exists()


def can_manage_organisation(user) -> bool:
    """HR with an agency, or a superuser: may import and edit the organisation."""
    return managed_agencies(user).exists()


def can_manage_cycle(user, cycle) -> bool:
    """HR of every agency in the cycle's scope (a cycle across agencies: superusers only)."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    scope = set(cycle.scope_agency_ids())
    managed = set(managed_agencies(user).values_list("pk", flat=True))
    return bool(scope) and scope <= managed


def can_view_aggregates(user) -> bool:
    """Cycle completion and score aggregates across agencies: Leadership, HR, superusers."""
    return roles.user_has_role(user, roles.LEADERSHIP, roles.HR)


def can_view_report(user, employee, cycle) -> bool:
    """One employee's frozen report in one cycle."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if not cycle.is_released:
        # Before release only HR (which prepares the release) may look.
        return can_manage_agency(user, employee.unit.agency)
    if user.is_superuser or can_manage_agency(user, employee.unit.agency):
        return True
    viewer = employee_of(user)
    if viewer is None:
        return False
    return viewer.pk == employee.pk or employee.supervisor_id == viewer.pk
