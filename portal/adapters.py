"""django-allauth customisation through its adapter, never by forking views."""

from __future__ import annotations

import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.core import context
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from portal.client import client_address


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # Government staff accounts are created by administrators; self sign-up is off
        # unless explicitly enabled (ACCOUNT_SIGNUP_OPEN=true).
        return bool(getattr(settings, "ACCOUNT_SIGNUP_OPEN", False))

    def get_client_ip(self, request: HttpRequest) -> str:
        """The real client behind ``TRUSTED_PROXY_COUNT`` proxies: allauth keys its per-address
        rate limits (failed sign-ins among them) on it."""
        return client_address(request)

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """With no ``next``, the home page in the language the reader signed in with."""
        return reverse("wagtail_serve", args=[""])

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """The password typed to sign in counts as a recent confirmation: someone who signs in
        and is sent straight to set up two-step verification is not asked for it again. After
        ``ACCOUNT_REAUTHENTICATION_TIMEOUT`` allauth asks again, as it does by default."""
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = context.request
        if request is None or not request.user.is_authenticated:
            return True
        records = get_authentication_records(request, request.user)
        signed_in_at = max((record["at"] for record in records if record.get("method") == "password"), default=None)
        return signed_in_at is None or time.time() - signed_in_at >= account_settings.REAUTHENTICATION_TIMEOUT
