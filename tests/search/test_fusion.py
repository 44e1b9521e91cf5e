"""Reciprocal rank fusion (``search.fusion``): pure, property-tested."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from search.fusion import fused_order

pages = st.lists(st.integers(min_value=1, max_value=500), unique=True, max_size=60)


@st.composite
def rankings(draw):
    primary = draw(pages)
    chosen = draw(st.lists(st.sampled_from(primary), unique=True) if primary else st.just([]))
    ranks = draw(st.lists(st.integers(min_value=1, max_value=100), min_size=len(chosen), max_size=len(chosen)))
    return primary, dict(zip(chosen, ranks, strict=True))


@given(rankings())
def test_the_order_holds_every_page_once(ranking):
    primary, evidence = ranking
    assert sorted(fused_order(primary, evidence)) == sorted(primary)


@given(pages)
def test_without_evidence_the_order_is_unchanged(primary):
    assert fused_order(primary, {}) == primary


@given(rankings())
def test_pages_without_evidence_keep_their_order_among_themselves(ranking):
    primary, evidence = ranking
    plain = [page for page in primary if page not in evidence]
    assert [page for page in fused_order(primary, evidence) if page not in evidence] == plain


@given(rankings())
def test_evidence_never_moves_a_page_down_against_a_page_below_it_without_evidence(ranking):
    primary, evidence = ranking
    order = fused_order(primary, evidence)
    for high, low in itertools.pairwise(primary):
        if high in evidence and low not in evidence:
            assert order.index(high) < order.index(low)


def test_a_page_first_in_the_other_ranking_overtakes_the_one_just_above_it():
    assert fused_order([1, 2, 3], {3: 1}) == [3, 1, 2]
    # The first in both rankings stays first, however high the other's evidence ranks
    # a page from far down.
    far = list(range(1, 41))
    assert fused_order(far, {40: 1, 1: 2})[:2] == [1, 40]
