"""Two-factor enforcement for privileged roles (HR, Leadership, administrators)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from portal.security import user_has_mfa, user_requires_mfa

# Paths a user who still has to set up two-factor authentication may reach: every allauth
# page in both languages (sign-out, re-authentication, TOTP activation, recovery codes), the
# language switch and JavaScript catalogue those pages use, static files and the health check.
_ALLOWED_PREFIXES = (
    "/accounts/",
    "/en/accounts/",
    "/static/",
    "/media/",
    "/i18n/",
    "/jsi18n/",
    "/en/jsi18n/",
    "/favicon",
    "/healthz",
)


class RequireTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(_ALLOWED_PREFIXES)
            and user_requires_mfa(user)
            and not user_has_mfa(user)
        ):
            return redirect(reverse("mfa_activate_totp") + "?required=1")
        return self.get_response(request)
