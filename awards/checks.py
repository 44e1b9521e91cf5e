"""System checks of the badge signing keys (``awards.credential_signing``)."""

from __future__ import annotations

from django.conf import settings
from django.core import checks

from awards.credential_signing import parse_private_key, parse_public_key


@checks.register(checks.Tags.security)
def badge_signing_keys(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Production (no key generation) needs ``BADGE_SIGNING_KEY``; every configured key
    must be an Ed25519 key."""
    found: list[checks.CheckMessage] = []
    configured = getattr(settings, "BADGE_SIGNING_KEY", None)
    if configured:
        try:
            parse_private_key(configured)
        except ValueError:
            found.append(
                checks.Error(
                    "BADGE_SIGNING_KEY is not an Ed25519 private key.",
                    hint="Give the key as PEM (PKCS#8) or as its 32 raw bytes in base64.",
                    id="awards.E001",
                )
            )
    elif not getattr(settings, "BADGE_SIGNING_KEY_GENERATE", False):
        found.append(
            checks.Warning(
                "BADGE_SIGNING_KEY is not set: badge credentials cannot be signed, and signed "
                "credentials cannot be downloaded.",
                hint=(
                    "Set BADGE_SIGNING_KEY to an Ed25519 private key (PEM, or 32 raw bytes in base64, e.g. "
                    "`head -c 32 /dev/urandom | base64`) and keep it secret; see README.md, Badge credentials."
                ),
                id="awards.W001",
            )
        )
    for index, item in enumerate(getattr(settings, "BADGE_PREVIOUS_PUBLIC_KEYS", ()) or ()):
        try:
            parse_public_key(item)
        except ValueError:
            found.append(
                checks.Error(
                    f"BADGE_PREVIOUS_PUBLIC_KEYS item {index + 1} is not an Ed25519 public key.",
                    hint="Give each previous key as PEM or as its 32 raw bytes in base64, separated by commas.",
                    id="awards.E002",
                )
            )
    return found
