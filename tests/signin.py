"""Signing a test client in through the real allauth flow, second step included, so tests
of privileged pages pass the same two-step verification a person does."""

from __future__ import annotations

import time

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from allauth.mfa.utils import decrypt

PASSWORD = "correct-horse-battery"

#: Seconds a TOTP code must still be valid when a test sends it (the request reaches
#: allauth's check, which allows no drift, within this even on a loaded machine).
TOTP_MARGIN_SECONDS = 3


def current_totp_code(secret: str, *, margin_seconds: float = TOTP_MARGIN_SECONDS) -> str:
    """The code a person's authenticator app shows now for ``secret``; near the end of its
    30-second step (fewer than ``margin_seconds`` left), the next step's, after waiting for
    it (a code made in one step and checked in the next is refused, and the test would fail
    by the clock)."""
    if 30 - time.time() % 30 < margin_seconds:
        time.sleep(30 - time.time() % 30 + 0.05)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in_with_two_step(client, user, *, password: str = PASSWORD, prefix: str = "") -> None:
    """Sign ``user`` in with password and TOTP code (activating TOTP for them if needed)."""
    if user.email:
        EmailAddress.objects.update_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    authenticator = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if authenticator is None:
        secret = generate_totp_secret()
        TOTP.activate(user, secret)
    else:
        secret = decrypt(authenticator.data["secret"])
    response = client.post(f"{prefix}/accounts/login/", {"login": user.username, "password": password})
    assert response.status_code == 302, response.status_code
    if "/2fa/authenticate/" in response["Location"]:
        response = client.post(f"{prefix}/accounts/2fa/authenticate/", {"code": current_totp_code(secret)})
        assert response.status_code == 302, response.status_code
