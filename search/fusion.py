"""Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): one order from two
rankings of the same pages. Pure: page ids and ranks in, page ids out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

#: RRF's constant: how much the first places weigh against the next ones. Cormack et al.
#: use 60 for lists of 1,000 documents; over the 50 pages fused here a smaller constant
#: keeps the head of each list decisive (measured: 10 and 30 rank the judged sets alike).
FUSION_K = 10


def fused_order(primary: Sequence[int], evidence: Mapping[int, int], *, k: float = FUSION_K) -> list[int]:
    """``primary`` (distinct page ids, best first) reordered by reciprocal rank fusion with
    a second ranking of the same pages (``evidence``: page id -> its 1-based rank there):
    each page scores 1/(k + its rank in ``primary``) plus 1/(k + its rank in ``evidence``),
    a page absent from ``evidence`` adding nothing. Equal scores keep ``primary``'s order."""
    scores = {
        page_id: 1.0 / (k + rank) + (1.0 / (k + evidence[page_id]) if page_id in evidence else 0.0)
        for rank, page_id in enumerate(primary, 1)
    }
    return sorted(primary, key=lambda page_id: -scores[page_id])
