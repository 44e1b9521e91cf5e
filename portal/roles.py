"""The portal's roles, as Django groups. One home for their names."""

from __future__ import annotations

STAFF = "Staff"
EDITORS = "Editors"
REVIEWERS = "Reviewers"
HR = "HR"
LEADERSHIP = "Leadership"

ALL_ROLES: tuple[str, ...] = (STAFF, EDITORS, REVIEWERS, HR, LEADERSHIP)


def user_has_role(user, *names: str) -> bool:
    """The one "is this user in these roles" check every app's permissions module uses.

    Active, signed-in members of any of ``names`` (or superusers) pass; with no names, any
    portal role passes."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    wanted = names or ALL_ROLES
    cached = getattr(user, "_portal_role_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._portal_role_names = cached
    return not cached.isdisjoint(wanted)
