"""Who may read what in the knowledge base. Views, selectors, search, sitemaps and feeds
all ask here."""

from __future__ import annotations

from portal import roles
from portal.security import is_portal_staff


def can_read_staff_content(user) -> bool:
    """Staff-only knowledge is readable by signed-in members of a portal role."""
    return is_portal_staff(user)


def can_view_freshness_report(user) -> bool:
    """Editors, Reviewers and superusers see which pages are due for review."""
    return _in_roles(user, (roles.EDITORS, roles.REVIEWERS))


def can_mark_reviewed(user) -> bool:
    """Reviewers (and superusers) confirm a page is still correct and move its review date."""
    return _in_roles(user, (roles.REVIEWERS,))


def _in_roles(user, names: tuple[str, ...]) -> bool:
    if not user or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=names).exists()
