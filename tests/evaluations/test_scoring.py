"""The scoring module: worked examples with exact numbers, and properties checked by
hypothesis over random answers, rules and cohorts."""

from __future__ import annotations

import ast
import dataclasses
import itertools
import math
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from evaluations import scoring
from evaluations.scoring import (
    BLIND_SPOT,
    DEFAULT_BLIND_SPOT_GAP,
    DEFAULT_COMPOSITE_WEIGHTS,
    DEFAULT_STAR_CUTOFFS,
    DEFAULT_THRESHOLDS,
    DEFAULT_WEIGHTS,
    HIDDEN_STRENGTH,
    RATER_GROUPS,
    SCALE_MAX,
    SCALE_MIN,
    Answer,
    CompetencyResult,
    CompetencyTally,
    CustomerRating,
    EntryStats,
    GroupResult,
    PeerRing,
    RingMemberEvidence,
    ScoringRules,
    Standing,
    bayesian_rating,
    cohort_components,
    comments_to_show,
    completion_rate,
    composite_score,
    detect_bursts,
    detect_peer_ring,
    improvement,
    in_top_share,
    mean_or_none,
    movement,
    no_development_area_below,
    rank_cohort,
    rank_improvement,
    satisfaction_percent,
    score_employee,
    score_tallies,
    size_band,
    size_bands,
    stars,
    tally_answers,
    trend,
    weighted_mean,
    wilson_lower_bound,
)

MIN_STARS, MAX_STARS = 2, 7
PROPERTIES = settings(deadline=None, max_examples=100, database=None, suppress_health_check=[HealthCheck.too_slow])
NON_SELF = tuple(group for group in RATER_GROUPS if group != "self")
COMPETENCIES = ("attention", "care", "empathy", "trust")
ITEMS = tuple(f"{code}.{n}" for code in COMPETENCIES for n in (1, 2))


def answers_for(rater: str, group: str, scores: dict[str, tuple[int | None, ...]]) -> list[Answer]:
    """One rater's answers: for each competency, its items' scores in order."""
    return [
        Answer(rater_id=rater, group=group, competency=code, item=f"{code}.{n}", score=score)
        for code, item_scores in scores.items()
        for n, score in enumerate(item_scores, start=1)
    ]


def customers(*overalls: int, prefix: str = "cust") -> list[CustomerRating]:
    return [CustomerRating(rater_id=f"{prefix}{n}", overall=overall) for n, overall in enumerate(overalls)]


# ---------------------------------------------------------------------------
# Worked examples: evaluations
# ---------------------------------------------------------------------------


def test_worked_example_with_default_rules():
    answers = []
    for peer in ("p1", "p2", "p3"):
        answers += answers_for(peer, "peer", {"attention": (4, 5), "care": (5, 5), "empathy": (4, 5), "trust": (2, 5)})
    answers += answers_for("boss", "supervisor", {"attention": (3, 3), "care": (None, None), "trust": (4, None)})
    answers += answers_for("me", "self", {"attention": (5, 5), "trust": (5, 4)})
    result = score_employee(answers=answers, customer_ratings=customers(4, 5, 4, 5, 4), rules=ScoringRules.default())

    assert result.groups["peer"] == GroupResult(
        group="peer",
        raters=3,
        shown=True,
        overall=4.375,  # (4.5 + 5 + 4.5 + 3.5) / 4
        competencies={"attention": 4.5, "care": 5.0, "empathy": 4.5, "trust": 3.5},
    )
    # "care" answered "not observed" only: the supervisor's overall is the mean of attention and trust.
    assert result.groups["supervisor"] == GroupResult(
        group="supervisor", raters=1, shown=True, overall=3.5, competencies={"attention": 3.0, "trust": 4.0}
    )
    assert result.groups["customer"] == GroupResult(
        group="customer", raters=5, shown=True, overall=4.4, competencies={}
    )
    assert result.groups["subordinate"] == GroupResult(
        group="subordinate", raters=0, shown=False, overall=None, competencies={}
    )
    assert result.groups["self"].overall == 4.75
    # (50 × 4.4 + 25 × 3.5 + 15 × 4.375) / 90 = 373.125 / 90
    assert result.overall == pytest.approx(373.125 / 90, rel=1e-15)  # 4.1458333…
    assert result.competencies["attention"] == CompetencyResult(
        competency="attention",
        by_group={"customer": None, "supervisor": 3.0, "peer": 4.5, "subordinate": None, "self": 5.0},
        others=(25 * 3.0 + 15 * 4.5) / 40,  # 3.5625
        self_score=5.0,
        gap=1.4375,
        flag=BLIND_SPOT,
    )
    assert result.competencies["trust"].others == (25 * 4.0 + 15 * 3.5) / 40  # 3.8125
    assert result.competencies["trust"].gap == 4.5 - 3.8125
    assert result.competencies["trust"].flag is None
    assert result.competencies["care"].others == 5.0
    assert result.competencies["care"].self_score is None and result.competencies["care"].flag is None
    # others: care 5.0, empathy 4.5, trust 3.8125, attention 3.5625; four competencies: two each.
    assert result.strengths == ("care", "empathy")
    assert result.development_areas == ("attention", "trust")


def test_group_below_threshold_is_left_out_of_the_report_and_the_overall_never_folded():
    answers = answers_for("boss", "supervisor", {"attention": (2, 2), "care": (2, 2)})
    answers += answers_for("p1", "peer", {"attention": (5, 5), "care": (5, 5)})
    answers += answers_for("p2", "peer", {"attention": (5, 5), "care": (5, 5)})
    result = score_employee(answers=answers, customer_ratings=customers(5, 5, 5, 5), rules=ScoringRules.default())

    assert result.groups["peer"] == GroupResult(group="peer", raters=2, shown=False, overall=None, competencies={})
    assert result.groups["customer"] == GroupResult(
        group="customer", raters=4, shown=False, overall=None, competencies={}
    )
    assert result.overall == 2.0
    assert result.competencies["attention"].by_group["peer"] is None
    assert result.competencies["attention"].others == 2.0


def test_a_rater_who_only_answered_not_observed_does_not_count_towards_the_threshold():
    answers = answers_for("p1", "peer", {"care": (4, 4)})
    answers += answers_for("p2", "peer", {"care": (4, 4)})
    answers += answers_for("p3", "peer", {"care": (None, None)})
    result = score_employee(answers=answers, customer_ratings=[], rules=ScoringRules.default())

    assert result.groups["peer"].raters == 2
    assert result.groups["peer"].shown is False
    assert result.overall is None
    assert result.strengths == () and result.development_areas == ()


def test_a_competency_scored_by_fewer_raters_than_the_threshold_is_hidden_inside_a_shown_group():
    answers = answers_for("p1", "peer", {"care": (4, 4), "trust": (1, 1)})
    answers += answers_for("p2", "peer", {"care": (5, 5), "trust": (None, None)})
    answers += answers_for("p3", "peer", {"care": (3, 3), "trust": (None, None)})
    result = score_employee(answers=answers, customer_ratings=[], rules=ScoringRules.default())

    # Only p1 scored trust: showing it would show p1's answers.
    assert result.groups["peer"] == GroupResult(
        group="peer", raters=3, shown=True, overall=4.0, competencies={"care": 4.0}
    )
    assert result.competencies["trust"].by_group["peer"] is None
    assert result.competencies["trust"].others is None
    assert result.overall == 4.0


def test_weights_are_renormalised_over_the_shown_groups():
    answers = answers_for("boss", "supervisor", {"care": (3, 3)})
    for sub in ("s1", "s2", "s3"):
        answers += answers_for(sub, "subordinate", {"care": (5, 5)})
    result = score_employee(answers=answers, customer_ratings=[], rules=ScoringRules.default())

    # Supervisor 25, subordinates 10; customers and peers are absent, not zero.
    assert result.overall == pytest.approx((25 * 3 + 10 * 5) / 35, rel=1e-15)  # 3.5714…


def test_self_is_reported_but_never_counted_even_with_a_weight():
    answers = answers_for("boss", "supervisor", {"care": (3, 3)})
    answers += answers_for("me", "self", {"care": (5, 5)})
    rules = ScoringRules(weights={**DEFAULT_WEIGHTS, "self": 50}, thresholds=DEFAULT_THRESHOLDS, blind_spot_gap=1.0)
    result = score_employee(answers=answers, customer_ratings=[], rules=rules)

    assert result.groups["self"].overall == 5.0
    assert result.overall == 3.0
    assert result.competencies["care"].others == 3.0
    assert result.competencies["care"].flag == BLIND_SPOT


def test_only_self_gives_no_overall():
    result = score_employee(
        answers=answers_for("me", "self", {"care": (5, 4)}), customer_ratings=[], rules=ScoringRules.default()
    )
    assert result.groups["self"].shown is True
    assert result.overall is None
    assert result.competencies["care"].others is None
    assert result.competencies["care"].gap is None and result.competencies["care"].flag is None


def test_a_gap_of_exactly_the_configured_decimal_gap_is_flagged():
    # others = (1 × 4 + 4 × 3) / 5 = 3.2; self = 3.5; gap 0.3 (3.5 − 3.2 in floats is 0.29999…).
    answers = answers_for("boss", "supervisor", {"care": (4, 4)})
    for peer in ("p1", "p2", "p3"):
        answers += answers_for(peer, "peer", {"care": (3, 3)})
    answers += answers_for("me", "self", {"care": (4, 3)})
    rules = ScoringRules(weights={"supervisor": 1, "peer": 4}, thresholds=DEFAULT_THRESHOLDS, blind_spot_gap=0.3)
    low_self = answers_for("boss", "supervisor", {"care": (4, 4)})
    for peer in ("p1", "p2", "p3"):
        low_self += answers_for(peer, "peer", {"care": (3, 3)})
    low_self += answers_for("me", "self", {"care": (3, 3)})
    low_rules = ScoringRules(weights={"supervisor": 1, "peer": 4}, thresholds=DEFAULT_THRESHOLDS, blind_spot_gap=0.2)

    care = score_employee(answers=answers, customer_ratings=[], rules=rules).competencies["care"]
    low_care = score_employee(answers=low_self, customer_ratings=[], rules=low_rules).competencies["care"]

    assert care.others == pytest.approx(3.2, abs=1e-12)
    assert care.gap < 0.3  # in floats; the rule still flags it
    assert care.flag == BLIND_SPOT
    assert low_care.gap == pytest.approx(-0.2)
    assert low_care.flag == HIDDEN_STRENGTH


def test_strengths_and_development_areas_take_the_top_five_and_break_ties_by_code():
    codes = [f"k{n:02d}" for n in range(12)]
    boss_scores = dict(zip(codes, [5, 5, 4, 4, 4, 3, 3, 3, 2, 2, 1, 1], strict=True))
    answers = answers_for("boss", "supervisor", {code: (score,) for code, score in boss_scores.items()})
    result = score_employee(answers=answers, customer_ratings=[], rules=ScoringRules.default())

    assert result.strengths == ("k00", "k01", "k02", "k03", "k04")
    assert result.development_areas == ("k10", "k11", "k08", "k09", "k05")


def test_framework_competencies_nobody_answered_are_reported_empty():
    result = score_employee(
        answers=answers_for("boss", "supervisor", {"care": (4, 4)}),
        customer_ratings=[],
        rules=ScoringRules.default(),
        competency_codes=["care", "trust"],
    )
    assert list(result.competencies) == ["care", "trust"]
    assert result.competencies["trust"].by_group == dict.fromkeys(RATER_GROUPS)


def test_invalid_inputs_are_refused_with_a_clear_message():
    rules = ScoringRules.default()
    with pytest.raises(ValueError, match=r"answer of 'r' to 'i': a score must be a whole number from 1 to 5"):
        score_employee(answers=[Answer("r", "peer", "c", "i", 6)], customer_ratings=[], rules=rules)
    with pytest.raises(ValueError, match="a score must be a whole number"):
        score_employee(answers=[], answer_rows=[("r", "peer", "c", "i", True)], customer_ratings=[], rules=rules)
    with pytest.raises(ValueError, match="unknown rater group 'friend'"):
        score_employee(answers=[Answer("r", "friend", "c", "i", None)], customer_ratings=[], rules=rules)
    with pytest.raises(ValueError, match="customer rating 'c': a score must be a whole number from 1 to 5"):
        score_employee(answers=[], customer_ratings=[CustomerRating("c", 0)], rules=rules)
    with pytest.raises(ValueError, match="must not be negative"):
        ScoringRules(weights={"peer": -1}, thresholds={}, blind_spot_gap=1.0)
    with pytest.raises(ValueError, match="threshold of peer"):
        ScoringRules(weights={}, thresholds={"peer": 0}, blind_spot_gap=1.0)
    with pytest.raises(ValueError, match="unknown rater group"):
        ScoringRules(weights={"boss": 1}, thresholds={}, blind_spot_gap=1.0)
    with pytest.raises(ValueError, match="blind_spot_gap"):
        ScoringRules(weights={}, thresholds={}, blind_spot_gap=0)


def test_plain_rows_score_like_answers():
    answers = answers_for("boss", "supervisor", {"care": (4, 3), "trust": (None, 5)})
    for peer in ("p1", "p2", "p3"):
        answers += answers_for(peer, "peer", {"care": (5, 4), "trust": (2, None)})
    answers += answers_for("me", "self", {"care": (5, 5)})
    ratings = customers(5, 4, 3, 5, 5, 2)
    rows = [(a.rater_id, a.group, a.competency, a.item, a.score) for a in answers]
    rules = ScoringRules.default()

    expected = score_employee(answers=answers, customer_ratings=ratings, rules=rules)
    assert expected.overall is not None
    assert (
        score_employee(
            answers=[],
            answer_rows=rows,
            customer_ratings=[],
            customer_rating_rows=[(r.rater_id, r.overall) for r in ratings],
            rules=rules,
        )
        == expected
    )
    assert score_employee(answers=answers[:5], answer_rows=rows[5:], customer_ratings=ratings, rules=rules) == expected


def test_tallies_as_a_database_would_sum_them():
    tallies = [
        CompetencyTally(group="peer", competency="care", score_sum=26, scores=6, raters=3),
        CompetencyTally(group="peer", competency="trust", score_sum=9, scores=2, raters=2),  # below 3: hidden
        CompetencyTally(group="supervisor", competency="care", score_sum=6, scores=2, raters=1),
        CompetencyTally(group="self", competency="care", score_sum=10, scores=2, raters=1),
    ]
    result = score_tallies(
        tallies=tallies,
        group_raters={"peer": 3, "supervisor": 1, "self": 1, "customer": 5},
        customer_rating_sum=22,
        customer_ratings=5,
        rules=ScoringRules.default(),
    )
    assert result.groups["peer"].competencies == {"care": 26 / 6}
    assert result.groups["customer"].overall == 4.4
    # (50 × 4.4 + 25 × 3 + 15 × 26/6) / 90
    assert result.overall == pytest.approx((220 + 75 + 65) / 90, rel=1e-15)
    assert result.competencies["care"].others == pytest.approx((25 * 3 + 15 * 26 / 6) / 40, rel=1e-15)
    assert result.competencies["trust"].others is None
    with pytest.raises(ValueError, match="a sum of 2 scores cannot be 11"):
        score_tallies(
            tallies=[CompetencyTally("peer", "care", 11, 2, 2)], group_raters={"peer": 2}, rules=ScoringRules.default()
        )


def test_comments_come_only_from_shown_groups_in_an_order_that_reveals_nobody():
    answers = answers_for("boss", "supervisor", {"care": (4, 4)})
    for peer in ("p1", "p2"):
        answers += answers_for(peer, "peer", {"care": (5, 5)})
    result = score_employee(answers=answers, customer_ratings=customers(5, 5, 5, 5, 5), rules=ScoringRules.default())
    comments = [
        ("customer", "Very kind"),
        ("peer", "Only two peers: hidden"),
        ("customer", "  "),
        ("supervisor", "Keeps calm"),
        ("customer", "already solved my request"),
        ("customer", "Brief and clear"),
    ]
    assert comments_to_show(comments, result) == {
        "customer": ("already solved my request", "Brief and clear", "Very kind"),
        "supervisor": ("Keeps calm",),
    }
    assert comments_to_show(list(reversed(comments)), result) == comments_to_show(comments, result)


def test_rules_fill_missing_groups_safely():
    rules = ScoringRules(weights={"peer": 1}, thresholds={"peer": 4}, blind_spot_gap=1.0)
    assert rules.weights == {"customer": 0, "supervisor": 0, "peer": 1, "subordinate": 0, "self": 0}
    assert rules.thresholds == {**DEFAULT_THRESHOLDS, "peer": 4}
    assert ScoringRules.default() == ScoringRules(DEFAULT_WEIGHTS, DEFAULT_THRESHOLDS, DEFAULT_BLIND_SPOT_GAP)


def test_helpers():
    assert mean_or_none([]) is None
    assert mean_or_none([None, 2, 4, None]) == 3.0
    assert weighted_mean({"a": 4.0, "b": 2.0, "c": None}, {"a": 3, "b": 1, "c": 100}) == 3.5
    assert weighted_mean({"a": 4.0}, {"b": 1}) is None
    assert weighted_mean({"a": 4.0, "b": 1.0}, {"a": 1, "b": 0}) == 4.0
    assert trend(3.5, 4.25) == 0.75
    assert trend(None, 4.0) is None and trend(4.0, None) is None
    assert completion_rate(3, 4) == 0.75
    assert completion_rate(0, 0) is None
    with pytest.raises(ValueError, match="more submitted"):
        completion_rate(5, 4)


# ---------------------------------------------------------------------------
# Properties: evaluations
# ---------------------------------------------------------------------------

answer_rows = st.lists(
    st.tuples(
        st.sampled_from(RATER_GROUPS),
        st.integers(0, 5),
        st.sampled_from(ITEMS),
        st.one_of(st.none(), st.integers(SCALE_MIN, SCALE_MAX)),
    ),
    max_size=90,
)
customer_rows = st.lists(st.tuples(st.integers(0, 9), st.integers(SCALE_MIN, SCALE_MAX)), max_size=12)
rules_strategy = st.builds(
    ScoringRules,
    weights=st.fixed_dictionaries({group: st.integers(0, 100) for group in RATER_GROUPS}),
    thresholds=st.fixed_dictionaries({group: st.integers(1, 4) for group in RATER_GROUPS}),
    blind_spot_gap=st.sampled_from([0.3, 0.5, 1.0, 1.5]),
)


def build_answers(rows) -> list[Answer]:
    return [
        Answer(rater_id=f"{group}-{rater}", group=group, competency=item.split(".")[0], item=item, score=score)
        for group, rater, item, score in rows
    ]


def build_customers(rows) -> list[CustomerRating]:
    return [CustomerRating(rater_id=f"c{rater}", overall=overall) for rater, overall in rows]


def in_scale(value: float | None) -> bool:
    return value is None or SCALE_MIN <= value <= SCALE_MAX


@PROPERTIES
@given(answer_rows, customer_rows, rules_strategy)
def test_every_score_lies_on_the_scale(rows, customer_ratings, rules):
    result = score_employee(
        answers=build_answers(rows), customer_ratings=build_customers(customer_ratings), rules=rules
    )

    assert in_scale(result.overall)
    for group in result.groups.values():
        assert in_scale(group.overall)
        assert group.shown == (group.overall is not None)
        assert group.shown <= (group.raters >= rules.thresholds[group.group])
        assert all(in_scale(score) for score in group.competencies.values())
    for competency in result.competencies.values():
        assert in_scale(competency.others) and in_scale(competency.self_score)
        assert all(in_scale(score) for score in competency.by_group.values())


@PROPERTIES
@given(answer_rows, customer_rows, rules_strategy)
def test_every_shown_score_is_the_mean_of_enough_raters_answers(rows, customer_ratings, rules):
    answers, ratings = build_answers(rows), build_customers(customer_ratings)
    result = score_employee(answers=answers, customer_ratings=ratings, rules=rules)

    for group, group_result in result.groups.items():
        scored = [a for a in answers if a.group == group and a.score is not None]
        raters = {a.rater_id for a in scored} | ({r.rater_id for r in ratings} if group == "customer" else set())
        assert group_result.raters == len(raters)
        for code, score in group_result.competencies.items():
            mine = [a for a in scored if a.competency == code]
            assert len({a.rater_id for a in mine}) >= rules.thresholds[group]
            assert score == pytest.approx(sum(a.score for a in mine) / len(mine), rel=1e-15)
        if group == "customer" and group_result.shown and ratings:
            assert group_result.overall == pytest.approx(sum(r.overall for r in ratings) / len(ratings), rel=1e-15)
        elif group_result.shown:
            values = list(group_result.competencies.values())
            assert group_result.overall == pytest.approx(sum(values) / len(values), rel=1e-12)


@PROPERTIES
@given(answer_rows, customer_rows, rules_strategy, st.randoms(use_true_random=False))
def test_the_order_of_answers_and_ratings_changes_nothing(rows, customer_ratings, rules, rng):
    answers, ratings = build_answers(rows), build_customers(customer_ratings)
    shuffled_answers, shuffled_ratings = list(answers), list(ratings)
    rng.shuffle(shuffled_answers)
    rng.shuffle(shuffled_ratings)

    assert score_employee(answers=answers, customer_ratings=ratings, rules=rules) == score_employee(
        answers=shuffled_answers, customer_ratings=shuffled_ratings, rules=rules
    )


@PROPERTIES
@given(answer_rows, customer_rows, rules_strategy, answer_rows)
def test_self_answers_never_change_the_overall_or_others(rows, customer_ratings, rules, extra_rows):
    others_only = [row for row in rows if row[0] != "self"]
    self_rows = [("self", rater, item, score) for _, rater, item, score in extra_rows]
    ratings = build_customers(customer_ratings)
    without_self = score_employee(answers=build_answers(others_only), customer_ratings=ratings, rules=rules)
    with_self = score_employee(answers=build_answers(others_only + self_rows), customer_ratings=ratings, rules=rules)

    assert with_self.overall == without_self.overall
    assert with_self.strengths == without_self.strengths
    assert with_self.development_areas == without_self.development_areas
    for group in NON_SELF:
        assert with_self.groups[group] == without_self.groups[group]
    for code, competency in with_self.competencies.items():
        if code in without_self.competencies:
            assert competency.others == without_self.competencies[code].others
            assert competency.by_group == {**without_self.competencies[code].by_group, "self": competency.self_score}
        else:
            assert competency.others is None


@PROPERTIES
@given(answer_rows, customer_rows, rules_strategy, st.sampled_from(NON_SELF), answer_rows)
def test_a_group_below_its_threshold_never_changes_the_results(rows, customer_ratings, rules, group, extra_rows):
    threshold = rules.thresholds[group]
    assume(threshold > 1)
    base_rows = [row for row in rows if row[0] != group]
    # Fewer distinct raters than the threshold, in a group that had none.
    small_rows = [(group, rater % (threshold - 1), item, score) for _, rater, item, score in extra_rows]
    ratings = build_customers(customer_ratings) if group != "customer" else []
    before = score_employee(answers=build_answers(base_rows), customer_ratings=ratings, rules=rules)
    after = score_employee(answers=build_answers(base_rows + small_rows), customer_ratings=ratings, rules=rules)

    assert after.groups[group] == GroupResult(
        group=group, raters=after.groups[group].raters, shown=False, overall=None, competencies={}
    )
    assert after.groups[group].raters < threshold
    assert after.overall == before.overall
    assert (after.strengths, after.development_areas) == (before.strengths, before.development_areas)
    assert {g: r for g, r in after.groups.items() if g != group} == {
        g: r for g, r in before.groups.items() if g != group
    }
    for code, competency in after.competencies.items():
        if code in before.competencies:
            assert competency == before.competencies[code]
        else:  # only the small group answered it
            assert competency.by_group == dict.fromkeys(RATER_GROUPS) and competency.others is None


@PROPERTIES
@given(answer_rows, customer_rows, rules_strategy, st.integers(0, 6))
def test_tallies_score_exactly_like_the_answers_they_sum(rows, customer_ratings, rules, top_n):
    answers, ratings = build_answers(rows), build_customers(customer_ratings)
    tallies, group_raters = tally_answers(answers)
    customer_ids = {r.rater_id for r in ratings} | {a.rater_id for a in answers if a.group == "customer" and a.score}

    from_tallies = score_tallies(
        tallies=reversed(tallies),
        group_raters={**group_raters, "customer": len(customer_ids)},
        customer_rating_sum=sum(r.overall for r in ratings),
        customer_ratings=len(ratings),
        rules=rules,
        top_n=top_n,
    )
    assert from_tallies == score_employee(answers=answers, customer_ratings=ratings, rules=rules, top_n=top_n)


@PROPERTIES
@given(answer_rows, customer_rows, rules_strategy, st.integers(1, 7))
def test_scaling_every_weight_changes_nothing(rows, customer_ratings, rules, factor):
    answers, ratings = build_answers(rows), build_customers(customer_ratings)
    scaled = ScoringRules(
        weights={group: weight * factor for group, weight in rules.weights.items()},
        thresholds=rules.thresholds,
        blind_spot_gap=rules.blind_spot_gap,
    )
    assert score_employee(answers=answers, customer_ratings=ratings, rules=rules) == score_employee(
        answers=answers, customer_ratings=ratings, rules=scaled
    )


@PROPERTIES
@given(answer_rows, customer_rows, rules_strategy)
def test_the_overall_is_the_renormalised_weighted_mean_of_the_shown_groups(rows, customer_ratings, rules):
    result = score_employee(
        answers=build_answers(rows), customer_ratings=build_customers(customer_ratings), rules=rules
    )
    shown = {group: result.groups[group].overall for group in NON_SELF if result.groups[group].shown}
    weighted = {group: value for group, value in shown.items() if rules.weights[group] > 0}

    if not weighted:
        assert result.overall is None
    else:
        expected = sum(Fraction(rules.weights[group]) * Fraction(value) for group, value in weighted.items()) / sum(
            Fraction(rules.weights[group]) for group in weighted
        )
        assert result.overall == pytest.approx(float(expected), rel=1e-12)
        assert min(weighted.values()) - 1e-12 <= result.overall <= max(weighted.values()) + 1e-12


@PROPERTIES
@given(answer_rows, customer_rows, rules_strategy, st.integers(0, 6))
def test_flags_strengths_and_development_areas_follow_the_others_scores(rows, customer_ratings, rules, top_n):
    result = score_employee(
        answers=build_answers(rows), customer_ratings=build_customers(customer_ratings), rules=rules, top_n=top_n
    )
    scored = {code: c.others for code, c in result.competencies.items() if c.others is not None}
    for competency in result.competencies.values():
        if competency.gap is None:
            assert competency.flag is None
        else:
            assert competency.gap == pytest.approx(competency.self_score - competency.others)
            if competency.gap >= rules.blind_spot_gap + 1e-9:
                assert competency.flag == BLIND_SPOT
            elif competency.gap <= -rules.blind_spot_gap - 1e-9:
                assert competency.flag == HIDDEN_STRENGTH
            elif abs(competency.gap) <= rules.blind_spot_gap - 1e-9:
                assert competency.flag is None

    size = min(top_n, len(scored) // 2)
    assert len(result.strengths) == len(result.development_areas) == size
    assert not set(result.strengths) & set(result.development_areas)
    assert list(result.strengths) == sorted(scored, key=lambda code: (-scored[code], code))[:size]
    rest = [code for code in scored if code not in result.strengths]
    assert list(result.development_areas) == sorted(rest, key=lambda code: (scored[code], code))[:size]
    if result.strengths:
        assert scored[result.strengths[-1]] >= scored[result.development_areas[-1]]


# ---------------------------------------------------------------------------
# Worked examples: awards
# ---------------------------------------------------------------------------


def entry(key, ratings, rating_sum, evaluation=None, submitted=0, assigned=0, reached=0.0):
    return EntryStats(
        key=key,
        ratings=ratings,
        rating_sum=rating_sum,
        evaluation_overall=evaluation,
        submitted=submitted,
        assigned=assigned,
        first_reached_at=reached,
    )


def test_bayesian_rating_and_satisfaction():
    # v = 100 ratings averaging 5 against a cohort mean of 4 with m = 100: halfway.
    assert bayesian_rating(mean=5.0, count=100, cohort_mean=4.0, prior_weight=100) == 4.5
    assert bayesian_rating(mean=5.0, count=0, cohort_mean=4.0, prior_weight=30) == 4.0
    assert bayesian_rating(mean=2.0, count=10, cohort_mean=4.0, prior_weight=0) == 2.0
    assert satisfaction_percent(1.0) == 0.0
    assert satisfaction_percent(4.5) == 87.5
    assert satisfaction_percent(5.0) == 100.0


def test_worked_cohort():
    standings = rank_cohort(
        entries=[
            entry("beta", 100, 300, evaluation=None, submitted=1, assigned=2),
            entry("alpha", 100, 500, evaluation=4.0, submitted=9, assigned=10),
            entry("gamma", 50, 200, evaluation=5.0, submitted=5, assigned=5),
        ],
        prior_weight=100,
    )
    # C = 1000 / 250 = 4.
    assert standings == [
        Standing(
            key="alpha",
            rank=1,
            ranked=True,
            composite=84.0,  # (60 × 87.5 + 30 × 75 + 10 × 90) / 100
            stars=6,
            weighted_rating=4.5,  # (500 + 100 × 4) / 200
            ratings=100,
            components={"satisfaction": 87.5, "evaluation": 75.0, "participation": 90.0},
        ),
        Standing(
            key="beta",
            rank=None,
            ranked=False,  # the cohort uses 360° results and beta has none: not yet ranked
            composite=None,
            stars=None,
            weighted_rating=3.5,
            ratings=100,
            components={"satisfaction": 62.5, "evaluation": None, "participation": 50.0},
            missing=("evaluation",),
        ),
        Standing(
            key="gamma",
            rank=None,
            ranked=False,
            composite=None,
            stars=None,
            weighted_rating=4.0,
            ratings=50,
            components={"satisfaction": 75.0, "evaluation": 100.0, "participation": 100.0},
        ),
    ]


def test_a_component_nobody_has_is_left_out_for_everyone():
    entries = [entry("a", 40, 180, submitted=0, assigned=0), entry("b", 40, 140)]
    standings = rank_cohort(entries=entries, prior_weight=30)

    # Satisfaction alone: C = 4; a: (180 + 120) / 70 = 4.2857…, b: (140 + 120) / 70.
    assert [s.key for s in standings] == ["a", "b"]
    assert standings[0].composite == pytest.approx(satisfaction_percent(300 / 70), rel=1e-12)
    assert standings[0].components == {
        "satisfaction": standings[0].composite,
        "evaluation": None,
        "participation": None,
    }


def test_ties_go_to_more_ratings_then_whoever_reached_the_score_first_then_the_key():
    standings = rank_cohort(
        entries=[
            entry("late", 10, 40, reached=200.0),
            entry("early", 10, 40, reached=100.0),
            entry("many", 20, 80, reached=300.0),
            entry("also-early", 10, 40, reached=100.0),
        ],
        prior_weight=0,
    )
    assert [(s.key, s.rank) for s in standings] == [("many", 1), ("also-early", 2), ("early", 3), ("late", 4)]
    assert len({s.composite for s in standings}) == 1


def test_stars_bands():
    assert [stars(value) for value in (0, 39.99, 40, 54.9, 55, 69.9, 70, 79.9, 80, 89.9, 90, 100)] == [
        2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7,
    ]  # fmt: skip
    assert stars(60, cutoffs=(10, 20, 30, 40, 50)) == 7
    with pytest.raises(ValueError, match="must increase"):
        stars(50, cutoffs=(40, 40, 70, 80, 90))
    with pytest.raises(ValueError, match="expected 5 values"):
        stars(50, cutoffs=(40, 90))


def test_movement_improvement_and_wilson():
    assert movement(5, 2) == 3
    assert movement(2, 5) == -3
    assert movement(None, 1) is None
    assert improvement(60.0, 72.5) == 12.5
    assert improvement(None, 72.5) is None
    assert wilson_lower_bound(8, 10) == pytest.approx(0.4902, abs=1e-4)
    assert wilson_lower_bound(800, 1000) == pytest.approx(0.7741, abs=1e-4)
    assert wilson_lower_bound(0, 0) is None
    assert wilson_lower_bound(0, 5) == 0.0


def test_badge_criteria_helpers():
    assert in_top_share(1, 30) and in_top_share(3, 30) and not in_top_share(4, 30)
    assert in_top_share(1, 5) and not in_top_share(2, 5)
    assert not in_top_share(None, 30)
    good = score_employee(
        answers=answers_for("boss", "supervisor", {"care": (4, 5), "trust": (4, 4)}),
        customer_ratings=[],
        rules=ScoringRules.default(),
    )
    weak = score_employee(
        answers=answers_for("boss", "supervisor", {"care": (4, 5), "trust": (4, 3)}),
        customer_ratings=[],
        rules=ScoringRules.default(),
    )
    assert no_development_area_below(good) is True
    assert no_development_area_below(weak) is False


def test_database_decimals_rank_like_floats():
    as_floats = [entry("a", 40, 180.0, evaluation=4.25), entry("b", 40, 150.0, evaluation=3.5)]
    as_decimals = [
        entry("a", 40, Decimal("180"), evaluation=Decimal("4.25")),
        entry("b", 40, Decimal(150), Decimal("3.5")),
    ]
    decimal_weights = {"satisfaction": Decimal("60"), "evaluation": Decimal("30"), "participation": Decimal("10")}
    assert rank_cohort(entries=as_decimals, prior_weight=Decimal(30), weights=decimal_weights) == rank_cohort(
        entries=as_floats, prior_weight=30
    )
    assert bayesian_rating(mean=Decimal("4.5"), count=10, cohort_mean=4.0, prior_weight=Decimal(10)) == 4.25


def test_most_improved_ranks_the_change_of_composite():
    current = rank_cohort(
        entries=[
            entry("steady", 50, 225),  # 4.5
            entry("riser", 50, 200),  # 4.0
            entry("newcomer", 50, 250),  # 5.0, no previous season
            entry("small", 5, 25),  # not yet ranked
        ],
        prior_weight=10,
    )
    by_key = {standing.key: standing.composite for standing in current}
    previous = {"steady": by_key["steady"] - 1.0, "riser": by_key["riser"] - 10.0, "small": 10.0}

    improvements = rank_improvement(previous=previous, current=current)

    assert [(i.key, i.rank) for i in improvements] == [("riser", 1), ("steady", 2)]
    assert improvements[0].change == pytest.approx(10.0)
    assert improvements[0].previous == pytest.approx(by_key["riser"] - 10.0)


def test_size_bands():
    assert size_bands() == ("upto-50", "51-500", "over-500")
    assert [size_band(n) for n in (0, 50, 51, 500, 501, 10_000)] == [
        "upto-50", "upto-50", "51-500", "51-500", "over-500", "over-500",
    ]  # fmt: skip
    assert size_band(150, limits=(100, 200, 300)) == "101-200"
    with pytest.raises(ValueError, match="must increase"):
        size_bands((500, 50))


def test_invalid_cohorts_are_refused():
    with pytest.raises(ValueError, match="its own key"):
        rank_cohort(entries=[entry("a", 1, 5), entry("a", 1, 5)], prior_weight=0)
    with pytest.raises(ValueError, match="cannot be"):
        entry("a", 2, 11)
    with pytest.raises(ValueError, match="submitted"):
        entry("a", 0, 0, submitted=3, assigned=2)
    with pytest.raises(ValueError, match="unknown component"):
        rank_cohort(entries=[], prior_weight=0, weights={"speed": 1})


# ---------------------------------------------------------------------------
# Properties: awards
# ---------------------------------------------------------------------------


@st.composite
def entry_stats(draw, key: str) -> EntryStats:
    ratings = draw(st.lists(st.integers(SCALE_MIN, SCALE_MAX), max_size=60))
    assigned = draw(st.integers(0, 12))
    return EntryStats(
        key=key,
        ratings=len(ratings),
        rating_sum=float(sum(ratings)),
        evaluation_overall=draw(st.one_of(st.none(), st.floats(SCALE_MIN, SCALE_MAX))),
        submitted=draw(st.integers(0, assigned)),
        assigned=assigned,
        first_reached_at=draw(st.floats(0, 1e9)),
    )


@st.composite
def cohorts(draw) -> list[EntryStats]:
    size = draw(st.integers(0, 12))
    return [draw(entry_stats(f"e{n:02d}")) for n in range(size)]


composite_weights = st.fixed_dictionaries(
    {"satisfaction": st.integers(0, 100), "evaluation": st.integers(0, 100), "participation": st.integers(0, 100)}
).filter(lambda weights: any(weights.values()))
prior_weights = st.sampled_from([0, 1, 5, 10, 30])


@PROPERTIES
@given(cohorts(), prior_weights, composite_weights)
def test_standings_are_well_formed(entries, prior_weight, weights):
    standings = rank_cohort(entries=entries, prior_weight=prior_weight, weights=weights)
    ranked = [s for s in standings if s.ranked]

    assert sorted(s.key for s in standings) == sorted(e.key for e in entries)
    assert [s.rank for s in ranked] == list(range(1, len(ranked) + 1))
    assert standings[: len(ranked)] == ranked
    for standing in standings:
        assert standing.ranked == (standing.rank is not None) == (standing.composite is not None)
        if standing.ranked:
            assert standing.ratings >= prior_weight
            assert 0 <= standing.composite <= 100
            assert MIN_STARS <= standing.stars <= MAX_STARS
            assert standing.stars == stars(standing.composite)
        if standing.weighted_rating is not None:
            assert SCALE_MIN - 1e-9 <= standing.weighted_rating <= SCALE_MAX + 1e-9
    for higher, lower in itertools.pairwise(ranked):
        assert higher.composite >= lower.composite - 1e-9
        assert higher.stars >= lower.stars


@PROPERTIES
@given(cohorts(), prior_weights, st.randoms(use_true_random=False))
def test_the_order_of_entries_changes_nothing(entries, prior_weight, rng):
    shuffled = list(entries)
    rng.shuffle(shuffled)
    assert rank_cohort(entries=entries, prior_weight=prior_weight) == rank_cohort(
        entries=shuffled, prior_weight=prior_weight
    )


@PROPERTIES
@given(cohorts(), st.integers(1, 100))
def test_a_handful_of_ratings_never_ranks(entries, prior_weight):
    for standing in rank_cohort(entries=entries, prior_weight=prior_weight):
        if standing.ratings < prior_weight:
            assert standing.ranked is False and standing.rank is None and standing.stars is None


@PROPERTIES
@given(cohorts(), prior_weights, st.data())
def test_one_more_top_rating_never_lowers_the_weighted_rating(entries, prior_weight, data):
    assume(entries)
    index = data.draw(st.integers(0, len(entries) - 1))
    target = entries[index]
    boosted = list(entries)
    boosted[index] = dataclasses.replace(target, ratings=target.ratings + 1, rating_sum=target.rating_sum + SCALE_MAX)
    before = {s.key: s for s in rank_cohort(entries=entries, prior_weight=prior_weight)}[target.key]
    after = {s.key: s for s in rank_cohort(entries=boosted, prior_weight=prior_weight)}[target.key]

    assert after.weighted_rating >= (before.weighted_rating or SCALE_MIN) - 1e-12
    if before.ranked:
        assert after.ranked and after.composite >= before.composite - 1e-9


def without_data(entry: EntryStats, component: str) -> EntryStats:
    """``entry`` with no data of its own for ``component``."""
    if component == "satisfaction":
        return dataclasses.replace(entry, ratings=0, rating_sum=0.0)
    if component == "evaluation":
        return dataclasses.replace(entry, evaluation_overall=None)
    return dataclasses.replace(entry, submitted=0, assigned=0)


@PROPERTIES
@given(cohorts(), prior_weights, composite_weights, st.sampled_from(["satisfaction", "evaluation", "participation"]))
def test_a_component_with_data_for_nobody_never_changes_the_standings(entries, prior_weight, weights, component):
    nobody = [without_data(e, component) for e in entries]
    others = {**weights, component: 0}
    assume(any(others.values()))
    assert rank_cohort(entries=nobody, prior_weight=prior_weight, weights=weights) == rank_cohort(
        entries=nobody, prior_weight=prior_weight, weights=others
    )


@PROPERTIES
@given(
    cohorts(),
    prior_weights,
    composite_weights,
    st.sampled_from(["satisfaction", "evaluation", "participation"]),
    st.data(),
)
def test_an_entry_never_gains_a_place_by_lacking_data(entries, prior_weight, weights, component, data):
    assume(entries and weights[component] > 0)
    index = data.draw(st.integers(0, len(entries) - 1))
    target = entries[index]
    lacking = list(entries)
    lacking[index] = without_data(target, component)
    # The component stays in use for the cohort: someone else still has data for it.
    assume(cohort_components(lacking, weights) == cohort_components(entries, weights))
    assume(component in cohort_components(lacking, weights))
    before = {s.key: s for s in rank_cohort(entries=entries, prior_weight=prior_weight, weights=weights)}[target.key]
    after = {s.key: s for s in rank_cohort(entries=lacking, prior_weight=prior_weight, weights=weights)}[target.key]
    assert (after.rank is None and component in after.missing) or after.ratings < prior_weight
    assert after.rank is None or (before.rank is not None and after.rank >= before.rank)


@PROPERTIES
@given(cohorts(), prior_weights, composite_weights)
def test_every_ranked_entry_has_data_for_every_component_its_cohort_uses(entries, prior_weight, weights):
    used = cohort_components(entries, weights)
    stats = {e.key: e for e in entries}
    for standing in rank_cohort(entries=entries, prior_weight=prior_weight, weights=weights):
        assert standing.missing == tuple(
            name
            for name in used
            if (name == "satisfaction" and stats[standing.key].ratings == 0)
            or (name == "evaluation" and stats[standing.key].evaluation_overall is None)
            or (name == "participation" and stats[standing.key].assigned == 0)
        )
        if standing.ranked:
            assert not standing.missing


@PROPERTIES
@given(cohorts(), prior_weights, composite_weights)
def test_a_component_missing_from_the_whole_cohort_renormalises_the_others(entries, prior_weight, weights):
    no_evaluation = [dataclasses.replace(e, evaluation_overall=None) for e in entries]
    assume(weights["satisfaction"] or weights["participation"])
    without_weight = {**weights, "evaluation": 0}
    assert rank_cohort(entries=no_evaluation, prior_weight=prior_weight, weights=weights) == rank_cohort(
        entries=no_evaluation, prior_weight=prior_weight, weights=without_weight
    )


@PROPERTIES
@given(st.floats(-50, 150, allow_nan=False), st.floats(-50, 150, allow_nan=False))
def test_stars_are_two_to_seven_and_never_fall_as_the_composite_rises(low, high):
    low, high = min(low, high), max(low, high)
    assert MIN_STARS <= stars(low) <= stars(high) <= MAX_STARS


@PROPERTIES
@given(st.lists(st.tuples(answer_rows, customer_rows), min_size=1, max_size=6), answer_rows, rules_strategy)
def test_self_ratings_never_move_an_award(employees, self_rows, rules):
    def cohort(with_self: bool) -> list[EntryStats]:
        entries = []
        for n, (rows, customer_ratings) in enumerate(employees):
            rows = [row for row in rows if row[0] != "self"]
            if with_self:
                rows += [("self", rater, item, score) for _, rater, item, score in self_rows]
            result = score_employee(
                answers=build_answers(rows), customer_ratings=build_customers(customer_ratings), rules=rules
            )
            entries.append(
                entry(
                    f"e{n}",
                    len(customer_ratings),
                    float(sum(overall for _, overall in customer_ratings)),
                    evaluation=result.overall,
                )
            )
        return entries

    assert rank_cohort(entries=cohort(True), prior_weight=2) == rank_cohort(entries=cohort(False), prior_weight=2)


@PROPERTIES
@given(
    st.dictionaries(st.sampled_from(["satisfaction", "evaluation", "participation"]), st.floats(0, 100)),
    composite_weights,
)
def test_the_composite_lies_between_its_components(components, weights):
    value = composite_score(components, weights)
    weighted = [v for name, v in components.items() if weights[name] > 0]
    if not weighted:
        assert value is None
    else:
        assert min(weighted) - 1e-9 <= value <= max(weighted) + 1e-9


# ---------------------------------------------------------------------------
# Anti-gaming
# ---------------------------------------------------------------------------


def test_a_burst_from_one_device_is_discounted_whole():
    ratings = [
        ("amal", "device-1", 0.0),
        ("amal", "device-1", 60.0),
        ("amal", "device-1", 120.0),
        ("amal", "device-1", 590.0),  # the fourth within ten minutes
        ("amal", "device-2", 100.0),  # another device
        ("badr", "device-1", 130.0),  # another employee
        ("amal", None, 140.0),  # unknown source (an import)
        ("amal", "device-1", 5000.0),  # much later
    ]
    assert detect_bursts(ratings) == {0, 1, 2, 3}


def test_ratings_spread_out_or_within_the_limit_are_not_a_burst():
    assert detect_bursts([("amal", "10.0.0.1", t) for t in (0.0, 300.0, 600.0, 900.0, 1200.0)]) == set()
    assert detect_bursts([("amal", "10.0.0.1", t) for t in (0.0, 1.0, 2.0)]) == set()
    assert detect_bursts([("amal", "10.0.0.1", t) for t in (0.0, 1.0, 2.0)], max_per_source=2) == {0, 1, 2}


burst_rows = st.lists(
    st.tuples(
        st.sampled_from(["amal", "badr"]),
        st.one_of(st.none(), st.sampled_from(["d1", "d2"])),
        st.integers(0, 3000).map(float),
    ),
    max_size=40,
)


@PROPERTIES
@given(burst_rows, st.sampled_from([60, 300, 600]), st.integers(1, 4))
def test_bursts_match_the_definition(ratings, window, limit):
    """A rating is discounted exactly when some window of ``window`` seconds holds it and
    more than ``limit`` ratings of the same employee from the same source."""
    expected = set()
    for index, (employee, source, at) in enumerate(ratings):
        if source is None:
            continue
        same = [t for e, s, t in ratings if (e, s) == (employee, source)]
        if any(
            start <= at <= start + window and sum(start <= t <= start + window for t in same) > limit for start in same
        ):
            expected.add(index)
    assert detect_bursts(ratings, window_seconds=window, max_per_source=limit) == expected


def ring_scores(extra=()):
    ring = ("hala", "omar", "reem")
    others = ("dana", "fadi", "sami")
    scores = [(a, b, 5.0) for a in ring for b in ring if a != b]
    scores += [(a, b, 3.0) for a in others for b in ring]
    scores += [(a, b, 4.0) for a in others for b in others if a != b]
    scores += [(a, b, 4.0) for a in ring for b in others]
    return scores + list(extra)


def test_a_peer_ring_is_flagged_with_its_evidence():
    assert detect_peer_ring(ring_scores()) == [
        PeerRing(
            members=("hala", "omar", "reem"),
            evidence=tuple(
                RingMemberEvidence(member=m, inside_mean=5.0, inside_ratings=2, outside_mean=3.0, outside_ratings=3)
                for m in ("hala", "omar", "reem")
            ),
        )
    ]


def test_a_well_rated_colleague_does_not_hide_a_ring():
    # Everyone rates zaid 5 and zaid rates the ring 5: zaid is in the mutual top clique but not in the ring.
    extra = [(a, "zaid", 5.0) for a in ("hala", "omar", "reem", "dana", "fadi", "sami")]
    extra += [("zaid", b, 5.0) for b in ("hala", "omar", "reem")]
    rings = detect_peer_ring(ring_scores(extra))
    assert [ring.members for ring in rings] == [("hala", "omar", "reem")]
    # zaid's 5 now counts from outside: (3 + 3 + 3 + 5) / 4.
    assert rings[0].evidence[0].outside_mean == 3.5


def test_a_team_everyone_rates_highly_is_not_a_ring():
    people = ("hala", "omar", "reem", "dana", "fadi")
    assert detect_peer_ring([(a, b, 5.0) for a in people for b in people if a != b]) == []


def test_a_pair_or_a_ring_without_outside_ratings_is_not_flagged():
    pair = [("hala", "omar", 5.0), ("omar", "hala", 5.0), ("dana", "hala", 1.0), ("fadi", "hala", 1.0)]
    pair += [("dana", "omar", 1.0), ("fadi", "omar", 1.0)]
    assert detect_peer_ring(pair) == []
    closed = [(a, b, 5.0) for a in ("hala", "omar", "reem") for b in ("hala", "omar", "reem") if a != b]
    assert detect_peer_ring(closed) == []


ring_score_rows = st.lists(
    st.tuples(st.sampled_from("abcdefg"), st.sampled_from("abcdefg"), st.sampled_from([1.0, 3.0, 4.0, 5.0])),
    max_size=60,
)


@PROPERTIES
@given(ring_score_rows)
def test_every_flagged_ring_meets_the_documented_thresholds(scores):
    pair = {}
    for rater, ratee, score in scores:
        pair.setdefault((rater, ratee), []).append(score)
    rings = detect_peer_ring(scores)
    assert not any(set(a.members) < set(b.members) for a in rings for b in rings)
    for ring in rings:
        assert len(ring.members) >= 3
        for a in ring.members:
            for b in ring.members:
                if a != b:
                    assert sum(pair[(a, b)]) / len(pair[(a, b)]) >= 4.5
        for evidence in ring.evidence:
            assert evidence.outside_ratings >= 2
            assert evidence.inside_mean - evidence.outside_mean >= 1.0 - 1e-9


@PROPERTIES
@given(ring_score_rows, st.randoms(use_true_random=False))
def test_the_order_of_scores_changes_no_ring(scores, rng):
    shuffled = list(scores)
    rng.shuffle(shuffled)
    assert detect_peer_ring(shuffled) == detect_peer_ring(scores)


@PROPERTIES
@given(burst_rows, st.randoms(use_true_random=False))
def test_the_order_of_ratings_changes_no_burst(ratings, rng):
    order = list(range(len(ratings)))
    rng.shuffle(order)
    shuffled = [ratings[i] for i in order]
    assert {order[i] for i in detect_bursts(shuffled)} == detect_bursts(ratings)


def test_the_module_imports_only_the_standard_library():
    tree = ast.parse(Path(scoring.__file__).read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module.split(".")[0])
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}


def test_defaults_match_the_issue():
    assert DEFAULT_WEIGHTS == {"customer": 50, "supervisor": 25, "peer": 15, "subordinate": 10, "self": 0}
    assert DEFAULT_THRESHOLDS == {"peer": 3, "subordinate": 3, "customer": 5, "supervisor": 1, "self": 1}
    assert DEFAULT_COMPOSITE_WEIGHTS == {"satisfaction": 60, "evaluation": 30, "participation": 10}
    assert DEFAULT_STAR_CUTOFFS == (40, 55, 70, 80, 90)
    assert math.isclose(DEFAULT_BLIND_SPOT_GAP, 1.0)
