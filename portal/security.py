"""Account-level permission rules for the portal (one module, used everywhere)."""

from __future__ import annotations

from django.conf import settings

from portal import roles


def user_requires_mfa(user) -> bool:
    """HR, Leadership and administrators must use two-factor authentication."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    required = set(getattr(settings, "MFA_REQUIRED_GROUPS", (roles.HR, roles.LEADERSHIP)))
    return user.groups.filter(name__in=required).exists()


def user_has_mfa(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def is_portal_staff(user) -> bool:
    """Signed-in members of any portal role (or superusers) read staff-only content."""
    if not user or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=roles.ALL_ROLES).exists()
