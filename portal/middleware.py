"""Two-step verification enforcement.

A session counts as verified only when it passed the second step itself (allauth records
each authentication method in the session). A user who has an authenticator but whose session
did not pass it (a session made by any route other than allauth's sign-in) is signed out and
sent to allauth's sign-in, which asks for the code. A user whose role requires two-step
verification and who has no authenticator yet is sent to set one up, and returns afterwards to
the page they wanted."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from portal.security import (
    confirm_activation_in_this_session,
    may_enter_editing_area,
    session_passed_two_step,
    user_has_mfa,
    user_requires_mfa,
)
from portal.views import editing_area_refused

#: Where the reader wanted to go before being sent to set up two-step verification; the
#: recovery-codes page offers the way back to it.
TWO_STEP_NEXT_SESSION_KEY = "portal_two_step_next"

# Files and probes that carry nothing of the user's: never checked.
_UNGUARDED_PREFIXES = ("/static/", "/media/", "/favicon", "/healthz")

# Paths a user who still has to set up two-step verification may reach: every allauth page
# in both languages (sign-out, re-authentication, TOTP activation, recovery codes), and the
# language switch and JavaScript catalogue those pages use.
_SETUP_PREFIXES = ("/accounts/", "/en/accounts/", "/i18n/", "/jsi18n/", "/en/jsi18n/")


class RequireTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or request.path.startswith(_UNGUARDED_PREFIXES):
            return self.get_response(request)
        if not session_passed_two_step(request):
            response = self._send_to_second_step(request, user)
            if response is not None:
                return response
        if not may_enter_editing_area(user, request.path):
            # Wagtail and Django would send a signed-in user without editing rights to their
            # sign-in page, which sends a signed-in user back: a loop. Say so instead.
            return editing_area_refused(request)
        return self.get_response(request)

    def _send_to_second_step(self, request: HttpRequest, user) -> HttpResponse | None:
        if user_has_mfa(user):
            if confirm_activation_in_this_session(request):
                return None
            # The user has an authenticator but this session never gave its code: whatever
            # made the session skipped the second step. End it; sign in again through allauth.
            logout(request)
            return redirect_to_login(request.get_full_path(), reverse("account_login"))
        if user_requires_mfa(user) and not request.path.startswith(_SETUP_PREFIXES):
            if request.method == "GET":
                request.session[TWO_STEP_NEXT_SESSION_KEY] = request.get_full_path()
            return redirect(reverse("mfa_activate_totp") + "?" + urlencode({"required": 1}))
        return None
