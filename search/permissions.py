"""Who may see what in search, and who may read its analytics. The ONE place that
decides: the search page, the JSON API, autocomplete, click tracking and the admin
reports all ask here."""

from __future__ import annotations

from knowledge.permissions import can_read_staff_content
from portal import roles
from search.backends.base import AUDIENCE_PUBLIC, AUDIENCE_STAFF

#: Roles whose members read search analytics and page feedback in the Wagtail admin.
ANALYTICS_ROLES: tuple[str, ...] = (roles.EDITORS, roles.REVIEWERS)


def reader_audiences(user) -> tuple[str, ...]:
    """The indexed audiences ``user`` may see: public for everyone, staff-only for staff."""
    if can_read_staff_content(user):
        return (AUDIENCE_PUBLIC, AUDIENCE_STAFF)
    return (AUDIENCE_PUBLIC,)


def can_view_search_analytics(user) -> bool:
    """Editors, Reviewers and superusers see query analytics and page feedback (not Staff)."""
    if not user or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=ANALYTICS_ROLES).exists()
