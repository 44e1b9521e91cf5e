"""Who may issue and print customer feedback links (customers themselves need no account)."""

from __future__ import annotations

from portal import roles

from .models import Employee


def counter_employee_for(user) -> Employee | None:
    """The active front-line employee record of ``user``: only they get a "next customer"
    screen (links are always issued in their own name)."""
    if not user.is_authenticated:
        return None
    employee = Employee.objects.select_related("unit__agency").filter(user=user).first()
    if employee is None or not employee.is_active or not employee.front_line:
        return None
    return employee


def can_print_card_for(user, employee: Employee) -> bool:
    """A printed card: the front-line employee's own, or any employee's for a superuser and
    for HR of the employee's agency."""
    if not user.is_authenticated or not employee.is_active or not employee.front_line:
        return False
    if user.is_superuser:
        return True
    own = Employee.objects.select_related("unit").filter(user=user).first()
    if own is not None and own.pk == employee.pk:
        return True
    is_hr = user.groups.filter(name=roles.HR).exists()
    return is_hr and own is not None and own.unit.agency_id == employee.unit.agency_id
