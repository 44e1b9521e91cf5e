"""Who may read what in the knowledge base. Views, selectors, search, sitemaps and feeds
all ask here.

THE rule for reading a knowledge page, evaluated from the page's own ``audience`` (a field
of the page and of its revisions, so it goes live with the content in one publish):

- ``public``: everyone;
- ``staff``: signed-in members of any portal role (``portal.roles.ALL_ROLES``);
- ``roles``: signed-in members of one of the page's ``audience_roles``;
- superusers read everything.

Nothing is copied at publish time: adding a role to ``portal.roles`` or renaming a group
changes what readers see at once, with nothing to republish.

The same rule in three forms, which must agree (tests check every role against every
audience in every channel):

- ``can_read(user, page)``: one page (the page view, click tracking, feedback);
- ``readable_filter(user)``: a ``Q`` over ``KnowledgePage`` rows (listings, menus, related
  pages, the sitemap and feeds);
- ``audience_keys_for(user)`` / ``page_audience_keys(page)``: the search index stores a
  page's keys, and a reader sees a document sharing at least one key with theirs.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

from portal import roles
from portal.security import is_portal_staff

#: Search audience keys: a document carries the keys of its audience; a reader holds keys.
KEY_PUBLIC = "public"
KEY_STAFF = "staff"
#: Held only by superusers: the key of a page for chosen roles when none is chosen.
KEY_SUPERUSERS = "superusers"


def role_key(group_id: int) -> str:
    """The audience key of one role (by group id, so renaming a group changes nothing)."""
    return f"role:{group_id}"


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def _group_ids(user) -> set[int]:
    cached = getattr(user, "_knowledge_group_ids", None)
    if cached is None:
        cached = set(user.groups.values_list("pk", flat=True))
        user._knowledge_group_ids = cached
    return cached


def can_read_staff_content(user) -> bool:
    """Pages for all staff are readable by signed-in members of a portal role."""
    return is_portal_staff(user)


def audience_keys_for(user) -> tuple[str, ...]:
    """The search audience keys ``user`` holds: public for everyone; staff for portal
    roles; one key per group the user is in; superusers every key."""
    keys = [KEY_PUBLIC]
    if not _active(user):
        return tuple(keys)
    if can_read_staff_content(user):
        keys.append(KEY_STAFF)
    if user.is_superuser:
        from django.contrib.auth.models import Group

        keys.append(KEY_SUPERUSERS)
        group_ids: Iterable[int] = Group.objects.values_list("pk", flat=True)
    else:
        group_ids = _group_ids(user)
    keys.extend(role_key(group_id) for group_id in sorted(group_ids))
    return tuple(keys)


def reader_class(user) -> str:
    """The reader's audience keys as one string: readers with the same keys may read the
    same pages, so menus and listings computed for one are right for the others (cache
    keys). Memoised on the user object for the request."""
    if not _active(user):
        return KEY_PUBLIC
    cached = getattr(user, "_knowledge_reader_class", None)
    if cached is None:
        # Signed in, even without a role, is a class of its own: Wagtail's "signed-in users"
        # view restriction lets them see what anonymous readers must not (view_restricted_paths).
        cached = "|".join(("signed-in", *audience_keys_for(user)))
        user._knowledge_reader_class = cached
    return cached


def page_audience_keys(page) -> tuple[str, ...]:
    """The keys a knowledge page's search document carries (from its audience field)."""
    from knowledge.models import KnowledgePage

    if page.audience == KnowledgePage.AUDIENCE_PUBLIC:
        return (KEY_PUBLIC,)
    if page.audience == KnowledgePage.AUDIENCE_STAFF:
        return (KEY_STAFF,)
    group_ids = sorted(group.pk for group in page.audience_roles.all())
    # A page for chosen roles with none chosen is for superusers only.
    return tuple(role_key(group_id) for group_id in group_ids) or (KEY_SUPERUSERS,)


def can_read(user, page) -> bool:
    """Whether ``user`` may read ``page`` (any page: only knowledge pages have an audience;
    whether it is live is the caller's concern)."""
    from knowledge.models import KnowledgePage

    specific = page.specific if type(page).__name__ == "Page" else page
    if not isinstance(specific, KnowledgePage):
        return True
    if specific.audience == KnowledgePage.AUDIENCE_PUBLIC:
        return True
    if not _active(user):
        return False
    if user.is_superuser:
        return True
    if specific.audience == KnowledgePage.AUDIENCE_STAFF:
        return can_read_staff_content(user)
    if specific.audience == KnowledgePage.AUDIENCE_ROLES:
        return bool(_group_ids(user) & {group.pk for group in specific.audience_roles.all()})
    return False


def view_restricted_paths(user) -> tuple[str, ...]:
    """Tree paths of the pages whose Wagtail view restriction (the admin's *Privacy*
    setting, besides the audience field) ``user`` cannot pass: listings, menus and search
    results leave those pages and their descendants out (``under_view_restriction``), as
    serving them asks for a sign-in or a password. "Signed-in users" is passed by any
    active signed-in user; a group restriction by members of one of its groups; a shared
    password by nobody in a listing (the page itself asks for it); superusers pass every
    one. The restrictions are read from memory under the content version, which any change
    to one replaces."""
    from wagtail.models import PageViewRestriction

    from portal import content_version

    signed_in = _active(user)
    if signed_in and user.is_superuser:
        return ()
    restrictions = content_version.cached(("view-restrictions-all",), _all_view_restrictions)
    if not restrictions:
        return ()
    groups = _group_ids(user) if signed_in else set()
    return tuple(
        path
        for path, kind, restriction_groups in restrictions
        if not (kind == PageViewRestriction.LOGIN and signed_in)
        and not (kind == PageViewRestriction.GROUPS and groups & restriction_groups)
    )


def under_view_restriction(user) -> Q | None:
    """The pages (any ``Page`` queryset) under a view restriction ``user`` cannot pass, as a
    ``Q``; ``None`` when there are none (the usual case: no query, no filter)."""
    return _under_paths(view_restricted_paths(user))


def _under_paths(paths: tuple[str, ...]) -> Q | None:
    if not paths:
        return None
    under = Q()
    for path in paths:
        under |= Q(path__startswith=path)
    return under


def view_restricted_page_ids(user) -> frozenset[int]:
    """The ids of the pages under a view restriction ``user`` cannot pass (the pages of
    ``under_view_restriction``): what search leaves out inside the engine, so its count,
    facets, autocomplete and "did you mean" know nothing of them either. Empty, without a
    query, when there are no restrictions; kept under the content version otherwise."""
    from wagtail.models import Page

    from portal import content_version

    paths = view_restricted_paths(user)
    if not paths:
        return frozenset()
    return content_version.cached(
        ("view-restricted-page-ids", paths),
        lambda: frozenset(Page.objects.filter(_under_paths(paths)).values_list("pk", flat=True)),
    )


def _all_view_restrictions() -> list[tuple[str, str, frozenset[int]]]:
    from wagtail.models import PageViewRestriction

    return [
        (restriction.page.path, restriction.restriction_type, frozenset(group.pk for group in restriction.groups.all()))
        for restriction in PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    ]


def readable_filter(user) -> Q:
    """The ``KnowledgePage`` rows ``user`` may read, as a ``Q`` (see ``can_read``)."""
    from knowledge.models import KnowledgePage

    public = Q(audience=KnowledgePage.AUDIENCE_PUBLIC)
    if not _active(user):
        return public
    if user.is_superuser:
        return Q()
    readable = public
    if can_read_staff_content(user):
        readable |= Q(audience=KnowledgePage.AUDIENCE_STAFF)
    group_ids = _group_ids(user)
    if group_ids:
        chosen = KnowledgePage.audience_roles.through.objects.filter(group_id__in=group_ids).values("knowledgepage_id")
        readable |= Q(audience=KnowledgePage.AUDIENCE_ROLES, pk__in=chosen)
    return readable


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
