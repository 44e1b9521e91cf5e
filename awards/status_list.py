"""Revocation a verifier can check offline: the bits of the W3C Bitstring Status List v1.0.

Every badge holds a position (``BadgeAward.status_index``) in its issuer's revocation list,
drawn at random from ``LIST_LENGTH`` positions (131,072: the specification's minimum, so
that a list does not tell which badges were granted when, "herd privacy"). Its credential
names the list and the position (``badges.credential_status``, a ``BitstringStatusListEntry``).
The list is a ``BitstringStatusListCredential`` (``badges.status_list_credential``) the
issuer signs like a badge (VC-JWT), published per issuing agency: the bit of a revoked
badge of that agency is 1, every other bit 0 (``encoded_list``: GZIP, then base64url
without padding, multibase prefix ``u``; position 0 is the most significant bit of the
first byte). Nothing in it names anyone."""

from __future__ import annotations

import base64
import gzip
import secrets
from collections.abc import Iterable

#: Positions in one list (bits): the specification's minimum size (16 KiB).
LIST_LENGTH = 131_072
STATUS_PURPOSE = "revocation"


def draw_indexes(count: int, *, taken: Iterable[int]) -> list[int]:
    """``count`` distinct positions at random among those not ``taken``."""
    used = set(taken)
    if count > LIST_LENGTH - len(used):
        raise ValueError("The badge status list is full.")
    drawn: list[int] = []
    while len(drawn) < count:
        index = secrets.randbelow(LIST_LENGTH)
        if index not in used:
            used.add(index)
            drawn.append(index)
    return drawn


def encoded_list(revoked_indexes: Iterable[int], *, length: int = LIST_LENGTH) -> str:
    """The list's ``encodedList``: bit ``i`` set for each revoked position ``i``."""
    bits = bytearray(length // 8)
    for index in revoked_indexes:
        if not 0 <= index < length:
            raise ValueError(f"status index {index} is outside the list")
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode("ascii").rstrip("=")
