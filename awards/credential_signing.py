"""The issuer's Ed25519 signing key and the compact JWS of a badge credential (VC-JWT,
Open Badges 3.0 "JSON Web Token Proof Format"). No ORM here; ``awards.credentials`` builds
the credential and reads the badge behind a token.

Keys:

- ``BADGE_SIGNING_KEY`` (environment): the private key, PEM (PKCS#8) or the 32 raw bytes
  in base64. Production reads only this; a system check (``awards.checks``) warns when it
  is missing, and nothing is signed without it.
- Otherwise, where ``BADGE_SIGNING_KEY_GENERATE`` is on (development, tests), the key in
  ``BADGE_SIGNING_KEY_FILE`` (under ``TAMAYUZ_VAR_DIR``), created once with mode 0600 and
  reused afterwards.
- ``BADGE_PREVIOUS_PUBLIC_KEYS``: public keys of earlier signing keys (comma-separated,
  PEM or the 32 raw bytes in base64), published beside the current one so credentials
  signed before a rotation still verify.

Each key is named by its RFC 7638 JWK thumbprint. Verification only ever trusts these
keys: a ``jwk`` in a token's header only says which of them to use."""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

ALGORITHM = "EdDSA"
#: The JOSE header parameters OB 3.0 allows (any other is refused, ``crit`` included).
ALLOWED_HEADER = frozenset({"alg", "kid", "jwk", "typ"})
#: Longest token the verifier reads (ours are a few kilobytes).
MAX_TOKEN_LENGTH = 16_384


class KeyUnavailable(Exception):
    """No signing key is configured (production without ``BADGE_SIGNING_KEY``)."""


class TokenError(Exception):
    """A token that cannot be read or verified; ``code`` says why (the caller words it)."""

    def __init__(self, code: str, **details: str) -> None:
        super().__init__(code)
        self.code = code
        self.details = details


# --- Encoding -----------------------------------------------------------------------------


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    if not text or any(c not in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_" for c in text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _canonical(value: dict) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


# --- Keys ---------------------------------------------------------------------------------


def public_jwk(public_key: Ed25519PublicKey) -> dict[str, str]:
    """The public key as an OKP JWK (RFC 8037): never a private member."""
    raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return {"kty": "OKP", "crv": "Ed25519", "x": b64url_encode(raw)}


def jwk_thumbprint(jwk: dict) -> str:
    """RFC 7638: SHA-256 over the required members in lexicographic order, no whitespace."""
    required = {"crv": jwk["crv"], "kty": jwk["kty"], "x": jwk["x"]}
    return b64url_encode(hashlib.sha256(_canonical(required)).digest())


@dataclass(frozen=True)
class VerificationKey:
    public_key: Ed25519PublicKey
    thumbprint: str
    current: bool

    @property
    def jwk(self) -> dict[str, str]:
        return public_jwk(self.public_key)


@dataclass(frozen=True)
class SigningKey:
    private_key: Ed25519PrivateKey

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.private_key.public_key()

    @property
    def thumbprint(self) -> str:
        return jwk_thumbprint(public_jwk(self.public_key))


def _decode_base64(text: str) -> bytes:
    cleaned = "".join(text.split())
    try:
        altchars = b"-_" if "-" in cleaned or "_" in cleaned else None
        return base64.b64decode(cleaned + "=" * (-len(cleaned) % 4), altchars=altchars, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("not base64") from exc


def parse_private_key(text: str) -> Ed25519PrivateKey:
    """A PEM (PKCS#8) Ed25519 private key, or its 32 raw bytes in base64."""
    text = text.strip()
    if text.startswith("-----BEGIN"):
        try:
            key = serialization.load_pem_private_key(text.encode("ascii"), password=None)
        except (TypeError, UnicodeEncodeError, UnsupportedAlgorithm) as exc:
            raise ValueError(str(exc)) from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError("not an Ed25519 key")
        return key
    raw = _decode_base64(text)
    if len(raw) != 32:
        raise ValueError("an Ed25519 private key is 32 bytes")
    return Ed25519PrivateKey.from_private_bytes(raw)


def parse_public_key(text: str) -> Ed25519PublicKey:
    """A PEM (SubjectPublicKeyInfo) Ed25519 public key, or its 32 raw bytes in base64."""
    text = text.strip()
    if text.startswith("-----BEGIN"):
        try:
            key = serialization.load_pem_public_key(text.encode("ascii"))
        except (TypeError, UnicodeEncodeError, UnsupportedAlgorithm) as exc:
            raise ValueError(str(exc)) from exc
        if not isinstance(key, Ed25519PublicKey):
            raise ValueError("not an Ed25519 key")
        return key
    raw = _decode_base64(text)
    if len(raw) != 32:
        raise ValueError("an Ed25519 public key is 32 bytes")
    return Ed25519PublicKey.from_public_bytes(raw)


def private_key_pem(private_key: Ed25519PrivateKey) -> bytes:
    return private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _read_or_create_key_file(path: Path) -> Ed25519PrivateKey:
    """The key in ``path``; created once (mode 0600) when missing. Two processes starting
    together both end up with the first one's key: the file appears atomically (a hard
    link of a complete temporary file) and never changes afterwards."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".badge-key-", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as file:  # mkstemp made it 0600
                os.fchmod(file.fileno(), 0o600)
                file.write(private_key_pem(Ed25519PrivateKey.generate()))
                file.flush()
                os.fsync(file.fileno())
            with contextlib.suppress(FileExistsError):  # another process won the race: use its key
                os.link(temporary, path)
        finally:
            os.unlink(temporary)
    return parse_private_key(path.read_text(encoding="ascii"))


_cache: dict[tuple, object] = {}


def _settings_key() -> tuple:
    return (
        getattr(settings, "BADGE_SIGNING_KEY", None) or "",
        str(getattr(settings, "BADGE_SIGNING_KEY_FILE", "") or ""),
        bool(getattr(settings, "BADGE_SIGNING_KEY_GENERATE", False)),
        tuple(getattr(settings, "BADGE_PREVIOUS_PUBLIC_KEYS", ()) or ()),
    )


def signing_key() -> SigningKey:
    """The issuer's current signing key; ``KeyUnavailable`` when none is configured."""
    configured, key_file, generate, _previous = marker = _settings_key()
    cached = _cache.get(("signing", marker))
    if cached is not None:
        return cached  # type: ignore[return-value]
    if configured:
        try:
            key = parse_private_key(configured)
        except ValueError as exc:
            raise ImproperlyConfigured(f"BADGE_SIGNING_KEY is not an Ed25519 private key: {exc}") from exc
    elif generate and key_file:
        key = _read_or_create_key_file(Path(key_file))
    else:
        raise KeyUnavailable("BADGE_SIGNING_KEY is not set")
    result = SigningKey(key)
    _cache[("signing", marker)] = result
    return result


def previous_public_keys() -> list[Ed25519PublicKey]:
    keys = []
    for item in getattr(settings, "BADGE_PREVIOUS_PUBLIC_KEYS", ()) or ():
        try:
            keys.append(parse_public_key(item))
        except ValueError as exc:
            raise ImproperlyConfigured(f"BADGE_PREVIOUS_PUBLIC_KEYS holds a key that is not Ed25519: {exc}") from exc
    return keys


def verification_keys() -> dict[str, VerificationKey]:
    """Every key a credential may have been signed with, by thumbprint: the current one
    (when configured) and the previous ones."""
    found: dict[str, VerificationKey] = {}
    try:
        current = signing_key()
    except KeyUnavailable:
        current = None
    if current is not None:
        found[current.thumbprint] = VerificationKey(current.public_key, current.thumbprint, current=True)
    for public_key in previous_public_keys():
        thumbprint = jwk_thumbprint(public_jwk(public_key))
        found.setdefault(thumbprint, VerificationKey(public_key, thumbprint, current=False))
    return found


# --- Compact JWS --------------------------------------------------------------------------


def sign_jwt(payload: dict, *, key: SigningKey, kid: str) -> str:
    """The compact JWS of ``payload``: header ``{"alg": "EdDSA", "kid": kid, "typ": "JWT"}``."""
    header = {"alg": ALGORITHM, "kid": kid, "typ": "JWT"}
    signing_input = f"{b64url_encode(_canonical(header))}.{b64url_encode(_canonical(payload))}"
    signature = key.private_key.sign(signing_input.encode("ascii"))
    return f"{signing_input}.{b64url_encode(signature)}"


@dataclass(frozen=True)
class DecodedToken:
    header: dict
    payload: dict
    signing_input: bytes
    signature: bytes


def decode_jwt(token: str) -> DecodedToken:
    """Read a compact JWS without trusting it. ``TokenError`` codes: ``empty``,
    ``too_long``, ``malformed``, ``algorithm`` (anything but EdDSA, ``none`` included),
    ``header`` (a parameter OB 3.0 does not allow)."""
    token = "".join((token or "").split())
    if not token:
        raise TokenError("empty")
    if len(token) > MAX_TOKEN_LENGTH:
        raise TokenError("too_long")
    parts = token.split(".")
    if len(parts) != 3:
        raise TokenError("malformed")
    try:
        header = json.loads(b64url_decode(parts[0]))
        payload = json.loads(b64url_decode(parts[1]))
        signature = b64url_decode(parts[2]) if parts[2] else b""
    except (ValueError, RecursionError) as exc:
        raise TokenError("malformed") from exc
    if not isinstance(header, dict) or not isinstance(payload, dict):
        raise TokenError("malformed")
    algorithm = header.get("alg")
    if algorithm != ALGORITHM:
        raise TokenError("algorithm", algorithm=str(algorithm)[:20])
    if set(header) - ALLOWED_HEADER or header.get("typ", "JWT") != "JWT":
        raise TokenError("header")
    return DecodedToken(header, payload, f"{parts[0]}.{parts[1]}".encode("ascii"), signature)


def key_hint(header: dict) -> str | None:
    """The thumbprint a header names: the last path segment of ``kid`` (our key URLs end
    in the thumbprint, ``.json`` aside), or the thumbprint of an embedded ``jwk``."""
    kid = header.get("kid")
    if isinstance(kid, str) and kid:
        last = kid.rstrip("/").rsplit("/", 1)[-1].split("#")[-1]
        return last.removesuffix(".json")
    jwk = header.get("jwk")
    if isinstance(jwk, dict) and "d" not in jwk:
        try:
            return jwk_thumbprint(jwk)
        except (KeyError, TypeError):
            return None
    return None


def verify_signature(decoded: DecodedToken, keys: dict[str, VerificationKey]) -> VerificationKey:
    """The key that signed ``decoded``. ``TokenError`` codes: ``unknown_key`` (no key of
    ours is named), ``signature`` (the signature does not match that key)."""
    hint = key_hint(decoded.header)
    key = keys.get(hint or "")
    if key is None:
        raise TokenError("unknown_key")
    try:
        key.public_key.verify(decoded.signature, decoded.signing_input)
    except (InvalidSignature, ValueError) as exc:
        raise TokenError("signature") from exc
    return key
