"""Who may see and do what in the awards app (the one place that decides).

- Agency, unit and channel leaderboards are public.
- Boards that name employees (distinguished employee, rising star) and an agency's
  detail (components, units, channels) are for signed-in staff.
- HR and editors prepare shortlists; only Leadership approves winners.
- HR clears or rejects anti-gaming flags and revokes badges (of their agency's employees).
- A badge profile is for the employee, their supervisor, HR of their agency and
  Leadership; its credential JSON for the employee and HR; its verification page public."""

from __future__ import annotations

from awards.categories import CATEGORIES, EMPLOYEE
from portal import roles


def category_is_public(category: str) -> bool:
    definition = CATEGORIES.get(category)
    return definition is not None and definition.entry_kind != EMPLOYEE


def can_view_category(user, category: str) -> bool:
    return category_is_public(category) or roles.user_has_role(user)


def can_view_entry_details(user) -> bool:
    """An agency's detail (its components, units and channels): signed-in staff."""
    return roles.user_has_role(user)


def can_prepare_awards(user) -> bool:
    return roles.user_has_role(user, roles.HR, roles.EDITORS)


def can_approve_winners(user) -> bool:
    return roles.user_has_role(user, roles.LEADERSHIP)


def can_review_flags(user) -> bool:
    return roles.user_has_role(user, roles.HR)


def can_review_flag(user, flag) -> bool:
    """HR of the flagged employee's agency (superusers too)."""
    from evaluations.permissions import managed_agencies

    return can_review_flags(user) and managed_agencies(user).filter(pk=flag.agency_id).exists()


# Badges ------------------------------------------------------------------------------


def can_revoke_badge(user, award) -> bool:
    """HR of the badge holder's agency (superusers: every badge)."""
    from evaluations.permissions import managed_agencies

    return can_review_flags(user) and managed_agencies(user).filter(pk=award.employee.unit.agency_id).exists()


def can_view_badge_profile(user, employee) -> bool:
    """The employee, their supervisor, HR of their agency and Leadership (superusers too)."""
    from evaluations.permissions import employee_of

    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if roles.user_has_role(user, roles.LEADERSHIP):
        return True
    if can_manage_people_of(user, employee):
        return True
    viewer = employee_of(user)
    return viewer is not None and (viewer.pk == employee.pk or employee.supervisor_id == viewer.pk)


def can_manage_people_of(user, employee) -> bool:
    """HR of the employee's agency, or a superuser."""
    from evaluations.permissions import managed_agencies

    return roles.user_has_role(user, roles.HR) and managed_agencies(user).filter(pk=employee.unit.agency_id).exists()


def can_download_credential(user, award) -> bool:
    """The badge holder, and HR of their agency."""
    from evaluations.permissions import employee_of

    if can_manage_people_of(user, award.employee):
        return True
    viewer = employee_of(user)
    return viewer is not None and viewer.pk == award.employee_id
