"""Who may see and do what in the awards app (the one place that decides).

- Agency, unit and channel leaderboards are public.
- Boards that name employees (distinguished employee, rising star) are for signed-in staff.
- HR and editors prepare shortlists; only Leadership approves winners.
- HR clears or rejects anti-gaming flags and revokes badges."""

from __future__ import annotations

from awards.categories import CATEGORIES, EMPLOYEE
from portal import roles


def category_is_public(category: str) -> bool:
    definition = CATEGORIES.get(category)
    return definition is not None and definition.entry_kind != EMPLOYEE


def can_view_category(user, category: str) -> bool:
    return category_is_public(category) or roles.user_has_role(user)


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
