"""Who may see what in search, and who may read its analytics. The ONE place that
decides: the search page, the JSON API, autocomplete, click tracking and the admin
reports all ask here."""

from __future__ import annotations

from knowledge.permissions import audience_keys_for
from portal import roles

#: Roles whose members read search analytics and page feedback in the Wagtail admin.
ANALYTICS_ROLES: tuple[str, ...] = (roles.EDITORS, roles.REVIEWERS)


def reader_audiences(user) -> tuple[str, ...]:
    """The indexed audience keys ``user`` holds (``knowledge.permissions``, the one rule):
    results, counts, facets, suggestions and autocomplete all come from documents holding
    one of them."""
    return audience_keys_for(user)


def can_view_search_analytics(user) -> bool:
    """Editors, Reviewers and superusers see query analytics and page feedback (not Staff)."""
    if not user or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=ANALYTICS_ROLES).exists()
