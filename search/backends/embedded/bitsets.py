"""Page-id sets as Python integers (bit ``i`` is page ``i``), stored as little-endian bytes."""

from __future__ import annotations

import re
from collections.abc import Iterable

_BYTE_BITS = tuple(tuple(bit for bit in range(8) if value >> bit & 1) for value in range(256))
_NONZERO_BYTE = re.compile(rb"[^\x00]")


def _bits_from_ids(ids: Iterable[int]) -> int:
    """The bitset of ``ids`` (non-negative page ids)."""
    ids = list(ids)
    if not ids:
        return 0
    data = bytearray((max(ids) >> 3) + 1)
    for page_id in ids:
        data[page_id >> 3] |= 1 << (page_id & 7)
    return int.from_bytes(data, "little")


def _bits_bytes(bits: int) -> bytes:
    return bits.to_bytes((bits.bit_length() + 7) >> 3, "little")


def _ids_from_bits(bits: int) -> list[int]:
    """The page ids in ``bits``, ascending."""
    data = _bits_bytes(bits)
    ids: list[int] = []
    for match in _NONZERO_BYTE.finditer(data):
        position = match.start()
        base = position << 3
        ids.extend(base + bit for bit in _BYTE_BITS[data[position]])
    return ids
