"""django-allauth customisation through its adapter, never by forking views."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # Government staff accounts are created by administrators; self sign-up is off
        # unless explicitly enabled (ACCOUNT_SIGNUP_OPEN=true).
        return bool(getattr(settings, "ACCOUNT_SIGNUP_OPEN", False))
