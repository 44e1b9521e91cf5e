"""Account-level permission rules for the portal (one module, used everywhere)."""

from __future__ import annotations

import hashlib

from django.http import HttpRequest
from django.utils.crypto import constant_time_compare

from portal import roles

#: Roles whose members must sign in with two-step verification: they publish to the public
#: site (Editors, Reviewers) or will hold personal data (HR, Leadership). Superusers too.
MFA_REQUIRED_ROLES: tuple[str, ...] = (roles.EDITORS, roles.REVIEWERS, roles.HR, roles.LEADERSHIP)

#: allauth's record of how this session authenticated (``allauth.account.authentication``).
_MFA_METHOD = "mfa"
_ACTIVATION_SESSION_KEY = "portal_two_step_activation"


def user_requires_mfa(user) -> bool:
    """Editors, Reviewers, HR, Leadership and administrators must use two-step verification."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=MFA_REQUIRED_ROLES).exists()


def user_has_mfa(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def session_passed_two_step(request: HttpRequest) -> bool:
    """True when *this session* passed the second step: allauth recorded an ``mfa``
    authentication (the code at sign-in, at re-authentication, or when the authenticator was
    activated in this session) for the signed-in user. Having an authenticator is not enough:
    a session made by any other sign-in route has no such record."""
    from allauth.account.authentication import get_authentication_records

    records = get_authentication_records(request, request.user)
    return any(record.get("method") == _MFA_METHOD for record in records)


def note_totp_code_proven(request: HttpRequest, *, secret: str) -> None:
    """The activation form checked a code for ``secret`` in this session: remember which
    secret, so the authenticator made from it counts as this session's second step."""
    request.session[_ACTIVATION_SESSION_KEY] = _secret_digest(secret)


def confirm_activation_in_this_session(request: HttpRequest) -> bool:
    """True (and recorded as allauth records a code typed at sign-in) when the user's TOTP
    authenticator was activated in this session with a code it proved: the user is not asked
    for a code again right after setting it up. Any other session of theirs still is."""
    from allauth.account.internal.flows.login import record_authentication
    from allauth.mfa.adapter import get_adapter
    from allauth.mfa.models import Authenticator

    proven_digest = request.session.get(_ACTIVATION_SESSION_KEY)
    if not proven_digest:
        return False
    authenticator = Authenticator.objects.filter(user=request.user, type=Authenticator.Type.TOTP).first()
    if authenticator is None:
        return False
    secret = get_adapter().decrypt(authenticator.data["secret"])
    if not constant_time_compare(_secret_digest(secret), proven_digest):
        return False
    del request.session[_ACTIVATION_SESSION_KEY]
    record_authentication(
        request, request.user, _MFA_METHOD, id=authenticator.pk, type=authenticator.type, activated=True
    )
    return True


def _secret_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def user_display_name(user) -> str:
    """How allauth names a person (the greeting after sign-in, ACCOUNT_USER_DISPLAY): their
    full name in the reader's language, falling back to the other language, then the username."""
    from django.utils.translation import get_language

    display_name = getattr(user, "display_name", None)
    if display_name is None:
        return user.get_username()
    return display_name("en" if (get_language() or "ar").startswith("en") else "ar")


def is_portal_staff(user) -> bool:
    """Signed-in members of any portal role (or superusers) read staff-only content."""
    if not user or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=roles.ALL_ROLES).exists()


#: The editing areas: the Wagtail admin and the Django admin.
WAGTAIL_ADMIN_PREFIX = "/admin/"
DJANGO_ADMIN_PREFIX = "/django-admin/"


def may_enter_editing_area(user, path: str) -> bool:
    """Whether a signed-in ``user`` may open ``path`` in an editing area: the Wagtail admin
    needs Wagtail's admin access permission, the Django admin staff status; other paths are
    not an editing area."""
    if path.startswith(WAGTAIL_ADMIN_PREFIX):
        return user.is_active and user.has_perm("wagtailadmin.access_admin")
    if path.startswith(DJANGO_ADMIN_PREFIX):
        return user.is_active and user.is_staff
    return True
