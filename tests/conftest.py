"""Shared fixtures: the real site structure (Arabic home as site root, English
translation, index pages) built by the same service the demo loader uses."""

from __future__ import annotations

import pytest
from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from django.http import HttpRequest
from django.test import Client

from knowledge.services import LocaleTree, ensure_site_structure
from portal.security import user_has_mfa, user_requires_mfa
from tests.factories import give_totp


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the site structure once, into the test database's starting state.

    Publishing its twelve pages takes about a second; every test that asks for
    ``site_tree`` then only looks them up (``ensure_site_structure`` is idempotent), and
    each test's transaction rolls back to this state. Tests that flush the database
    (transactional ones) get the structure rebuilt by ``site_tree`` when they need it."""
    with django_db_blocker.unblock():
        ensure_site_structure()


@pytest.fixture
def site_tree(db) -> dict[str, LocaleTree]:
    return ensure_site_structure()


class SignedInThroughAllauthClient(Client):
    """The test client, whose ``force_login`` stands for a complete sign-in through allauth:
    the password and, for a user whose role requires it (or who has an authenticator), the
    second step, recorded in the session as allauth records it. The portal's middleware
    counts a session as verified only with that record (portal/security.py); tests of the
    sign-in itself post to the real forms instead (tests/portal/test_accounts.py)."""

    def force_login(self, user, backend=None) -> None:
        super().force_login(user, backend)
        if not (user_requires_mfa(user) or user_has_mfa(user)):
            return
        if not user_has_mfa(user):
            give_totp(user)
        authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
        request = HttpRequest()
        request.session = self.session
        request.user = user
        record_authentication(request, user, "password", username=user.username)
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
        request.session.save()


@pytest.fixture
def client() -> SignedInThroughAllauthClient:
    return SignedInThroughAllauthClient()
