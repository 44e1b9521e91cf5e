"""Signed badge credentials: the VC-JWT of a badge (Open Badges 3.0, "JSON Web Token Proof
Format"), the issuer's published keys (a JWK Set and one JWK per key), and reading a token
someone pasted into the public verification page.

The JWT payload is the ``OpenBadgeCredential`` itself (``awards.badges``) with the claims
OB 3.0 maps onto it: ``iss`` = ``issuer.id``, ``jti`` = ``id``, ``sub`` =
``credentialSubject.id``, ``nbf`` = ``validFrom`` (and ``exp`` = ``validUntil``, which
badges do not have). The header is ``{"alg": "EdDSA", "kid": <key URL>, "typ": "JWT"}``:
the ``kid`` is the URL of the public key as a JWK, ending in its RFC 7638 thumbprint, and
the same ``kid`` names it in ``/.well-known/jwks.json`` (OB 3.0's recommended key
provenance check)."""

from __future__ import annotations

import datetime
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone, translation

from awards import badges
from awards.badge_models import BadgeAward
from awards.credential_signing import (
    ALGORITHM,
    TokenError,
    VerificationKey,
    decode_jwt,
    sign_jwt,
    signing_key,
    verification_keys,
    verify_signature,
)

MEDIA_TYPE = "application/vc+jwt"
JWKS_MEDIA_TYPE = "application/jwk-set+json"
JWK_MEDIA_TYPE = "application/jwk+json"
#: Token problems that are the reader's input, not a verification result (answered 400).
INPUT_ERRORS = frozenset({"empty", "too_long", "malformed", "algorithm", "header"})
_BADGE_PATH = re.compile(r"/awards/badges/([0-9a-fA-F-]{36})/$")

Absolute = Callable[[str], str]


# --- Keys ---------------------------------------------------------------------------------


def key_url(thumbprint: str, *, absolute: Absolute) -> str:
    with translation.override("ar"):
        return absolute(reverse("awards:badge_key", args=[thumbprint]))


def published_jwk(key: VerificationKey, *, absolute: Absolute) -> dict[str, str]:
    return {**key.jwk, "kid": key_url(key.thumbprint, absolute=absolute), "alg": ALGORITHM, "use": "sig"}


def key_set(*, absolute: Absolute) -> dict:
    """The JWK Set: the current signing key first, then the previous ones."""
    keys = sorted(verification_keys().values(), key=lambda key: not key.current)
    return {"keys": [published_jwk(key, absolute=absolute) for key in keys]}


def published_key(thumbprint: str, *, absolute: Absolute) -> dict[str, str] | None:
    key = verification_keys().get(thumbprint)
    return published_jwk(key, absolute=absolute) if key is not None else None


# --- Signing ------------------------------------------------------------------------------


def _numeric_date(moment: datetime.datetime) -> int:
    return int(moment.timestamp())


def jwt_payload(credential: dict, *, award: BadgeAward) -> dict:
    """The credential with the JWT claims OB 3.0 maps onto it."""
    payload = {
        **credential,
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "sub": credential["credentialSubject"]["id"],
        "nbf": _numeric_date(award.granted_at),
    }
    if credential.get("validUntil"):
        payload["exp"] = _numeric_date(datetime.datetime.fromisoformat(credential["validUntil"]))
    return payload


def signed_credential(award: BadgeAward, *, absolute: Absolute) -> str:
    """The badge's VC-JWT, signed with the issuer's current key (``KeyUnavailable`` when
    the portal has none)."""
    key = signing_key()
    credential = badges.open_badge_credential(award, absolute=absolute)
    return sign_jwt(jwt_payload(credential, award=award), key=key, kid=key_url(key.thumbprint, absolute=absolute))


def signed_status_list(agency, *, absolute: Absolute) -> str:
    """The agency's revocation list (``awards.status_list``) as a VC-JWT signed with the
    issuer's current key (``KeyUnavailable`` when the portal has none)."""
    key = signing_key()
    now = timezone.now()
    revoked = (
        BadgeAward.objects.filter(employee__unit__agency=agency, revoked_at__isnull=False)
        .exclude(status_index=None)
        .values_list("status_index", flat=True)
    )
    credential = badges.status_list_credential(agency, revoked, valid_from=now, absolute=absolute)
    payload = {**credential, "iss": credential["issuer"], "jti": credential["id"], "nbf": _numeric_date(now)}
    return sign_jwt(payload, key=key, kid=key_url(key.thumbprint, absolute=absolute))


# --- Verifying ----------------------------------------------------------------------------


@dataclass
class Verdict:
    """What the verification page says about a token whose format was readable.
    ``problems`` are codes (``unknown_key``, ``signature``, ``claims``, ``not_yet_valid``,
    ``expired``, ``unknown_badge``, ``revoked``); none means valid."""

    key: VerificationKey | None = None
    award: BadgeAward | None = None
    credential: dict = field(default_factory=dict)
    issued_at: datetime.datetime | None = None
    expires_at: datetime.datetime | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def signature_valid(self) -> bool:
        return self.key is not None

    @property
    def valid(self) -> bool:
        return self.signature_valid and not self.problems


def _from_numeric_date(value) -> datetime.datetime | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return datetime.datetime.fromtimestamp(value, tz=datetime.UTC)
    except (OverflowError, OSError, ValueError):
        return None


def _parse_datetime(value) -> datetime.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _claims_match(payload: dict) -> bool:
    """OB 3.0's checks of a VC-JWT's claims against the credential it carries."""
    issuer = payload.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    subject = payload.get("credentialSubject")
    subject_id = subject.get("id") if isinstance(subject, dict) else None
    valid_from = _parse_datetime(payload.get("validFrom"))
    not_before = _from_numeric_date(payload.get("nbf"))
    types = payload.get("type")
    if "exp" in payload or "validUntil" in payload:
        expires, valid_until = _from_numeric_date(payload.get("exp")), _parse_datetime(payload.get("validUntil"))
        if expires is None or valid_until is None or expires != valid_until:
            return False
    return (
        isinstance(types, list)
        and ("OpenBadgeCredential" in types or "AchievementCredential" in types)
        and bool(issuer_id)
        and payload.get("iss") == issuer_id
        and bool(payload.get("id"))
        and payload.get("jti") == payload.get("id")
        and bool(subject_id)
        and payload.get("sub") == subject_id
        and valid_from is not None
        and not_before is not None
        and not_before == valid_from
    )


def _award_named_by(payload: dict) -> BadgeAward | None:
    match = _BADGE_PATH.search(str(payload.get("id") or ""))
    if match is None:
        return None
    try:
        uid = uuid.UUID(match.group(1))
    except ValueError:
        return None
    award = BadgeAward.objects.select_related("employee__unit__agency", "season", "cycle").filter(uid=uid).first()
    if award is None:
        return None
    achievement = (payload.get("credentialSubject") or {}).get("achievement") or {}
    if achievement.get("id") != f"urn:tamayuz:badge:{award.badge}":
        return None
    return award


def verify_badge_token(token: str, *, now: datetime.datetime | None = None) -> Verdict:
    """Verify a pasted VC-JWT against this portal's published keys and badges. Raises
    ``TokenError`` for input that is not a usable token (``INPUT_ERRORS``); anything else
    is a ``Verdict``, valid or not."""
    decoded = decode_jwt(token)
    verdict = Verdict()
    try:
        verdict.key = verify_signature(decoded, verification_keys())
    except TokenError as error:
        verdict.problems.append(error.code)
        return verdict
    payload = decoded.payload
    verdict.credential = payload
    now = now or timezone.now()
    if not _claims_match(payload):
        verdict.problems.append("claims")
        return verdict
    verdict.issued_at = _from_numeric_date(payload["nbf"])
    verdict.expires_at = _from_numeric_date(payload.get("exp"))
    if verdict.issued_at is not None and verdict.issued_at > now:
        verdict.problems.append("not_yet_valid")
    if verdict.expires_at is not None and verdict.expires_at <= now:
        verdict.problems.append("expired")
    verdict.award = _award_named_by(payload)
    if verdict.award is None:
        verdict.problems.append("unknown_badge")
    elif verdict.award.is_revoked:
        verdict.problems.append("revoked")
    return verdict
