"""The scoring rules of the 360° evaluations and of the awards, as pure functions.

One home for the maths: the evaluations app (closing a cycle, reports, exports) and the
awards app (standings, stars, badges, anti-gaming flags) both call this module. It knows
nothing of Django or the database: frozen dataclasses in, frozen dataclasses out, so every
rule is testable on its own (``tests/evaluations/test_scoring.py``, property-tested with
hypothesis).

Evaluations (issue 8, "Scoring rules")
--------------------------------------
- The scale is 1–5; "not observed" is ``None`` and is never a score.
- A group's competency score is the mean of that group's answers to the competency's
  items. A group's overall is the mean of its competency scores; the customers' overall is
  the mean of their overall-satisfaction answers.
- Anonymity: a group is shown only when the number of distinct raters in it who gave at
  least one score reaches its threshold. A group below its threshold is left out of the
  report *and* of the overall; it is never folded into another group (folding would let a
  reader subtract and recover the small group).
- The same threshold applies to each competency inside a shown group: a group's score for
  a competency is shown only when at least ``threshold`` of its raters scored that
  competency. Otherwise three peers, two of whom answered "not observed" everywhere on a
  competency, would reveal the third peer's answers on it. A group's overall is the mean
  of its *shown* competency scores, so no hidden score can be recovered by subtraction. A
  group with no shown score is not shown.
- The weighted overall is Σ weight × group overall / Σ weight over the shown groups other
  than self (renormalised over the groups that are shown, so a missing group never drags
  the score down); ``None`` when no weighted group is shown. Per competency, "others" is
  the same weighted mean over the shown non-self groups that have a shown score for it.
- Self is reported beside the others, never counted in the overall or in "others".
- Blind spot: self − others ≥ gap; hidden strength: self − others ≤ −gap.
- Strengths and development areas: the competencies with an "others" score, highest first
  and lowest first (ties broken by competency code). Each list holds at most ``top_n``
  and the two never overlap: with fewer than ``2 × top_n`` competencies each list takes
  half of them (rounded down), and the development areas are chosen among the
  competencies that are not strengths, so equal scores never put one competency in both.
- Comments: only from shown groups, each group's sorted by text (:func:`comments_to_show`).
- Large cycles: :func:`score_tallies` applies the same rules to per-group, per-competency
  sums and counts that a database computed (:class:`CompetencyTally`), and
  :func:`score_employee` also takes plain tuples (``answer_rows``).

Sums of answers are exact integers and weights are normalised exactly, so results never
depend on the order of the answers and scaling every weight changes nothing; a
self-minus-others gap equal to the configured gap but for float rounding (3.5 − 3.2 vs
0.3) is flagged.

Awards (issue 9, "A score people can trust")
--------------------------------------------
- Customer satisfaction is Bayesian-shrunk: WR = v/(v+m)·R + m/(v+m)·C (R the entry's
  mean rating, v its number of ratings, C the pooled mean of every rating in the cohort, m
  the prior weight). Below m ratings an entry is "not yet ranked": listed with its count,
  never ranked.
- The composite (0–100) weighs satisfaction (WR − 1) / 4 × 100, the mean released 360°
  overall mapped the same way, and evaluation participation (submitted / assigned × 100).
  A component an entry has no data for is left out of its composite and the other weights
  renormalised; in particular a component with no data anywhere in the cohort (no released
  cycle yet) is left out for every entry.
- Stars 2–7 on the composite (absolute cut-offs, not a forced ranking).
- Ties: more ratings first, then whoever reached the score first, then the key.
- Most improved: :func:`rank_improvement` ranks the change of composite against the
  previous season; agencies are compared within size bands (:func:`size_band`: up to 50,
  51–500, over 500 front-line employees by default).
- Badges: :func:`in_top_share` (top 10 %), :func:`no_development_area_below`.
- Anti-gaming: :func:`detect_bursts` (many ratings of one employee from one device or
  address in a short time) and :func:`detect_peer_ring` (a closed group rating each other
  at the top of the scale while everyone else rates them clearly lower).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from itertools import chain, pairwise

# ---------------------------------------------------------------------------
# Evaluations
# ---------------------------------------------------------------------------

RATER_GROUPS: tuple[str, ...] = ("customer", "supervisor", "peer", "subordinate", "self")
SELF = "self"
CUSTOMER = "customer"
DEFAULT_WEIGHTS: dict[str, int] = {"customer": 50, "supervisor": 25, "peer": 15, "subordinate": 10, "self": 0}
DEFAULT_THRESHOLDS: dict[str, int] = {"peer": 3, "subordinate": 3, "customer": 5, "supervisor": 1, "self": 1}
DEFAULT_BLIND_SPOT_GAP = 1.0
SCALE_MIN, SCALE_MAX = 1, 5
DEFAULT_TOP_N = 5

BLIND_SPOT = "blind_spot"
HIDDEN_STRENGTH = "hidden_strength"

_GROUP_SET = frozenset(RATER_GROUPS)

Number = int | float | Decimal | Fraction


def _exact(value: Number) -> Fraction:
    """A number as an exact fraction; a float counts as the decimal it was written as
    (``0.8`` is 4/5, not the binary number closest to it)."""
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {value!r}")
        return Fraction(repr(value))
    return Fraction(value)


@dataclass(frozen=True, slots=True)
class Answer:
    """One rater's answer to one item. ``score`` is ``None`` for "not observed".

    Checked when scored (the group must be one of :data:`RATER_GROUPS`, the score a whole
    number from 1 to 5), so that building a million answers stays cheap."""

    rater_id: str
    group: str
    competency: str
    item: str
    score: int | None


# The same answer as a plain tuple, in the field order of :class:`Answer`
# (rater_id, group, competency, item, score): what a database query's ``values_list``
# gives, scored without building an object per answer.
AnswerRow = tuple[str, str, str, str, "int | None"]


@dataclass(frozen=True, slots=True)
class CustomerRating:
    """One customer's overall satisfaction (1–5) with the employee who served them."""

    rater_id: str
    overall: int


@dataclass(frozen=True)
class ScoringRules:
    """A cycle's weights, anonymity thresholds and blind-spot gap.

    A group missing from ``weights`` weighs 0 (it is reported but never counted); a group
    missing from ``thresholds`` gets its default threshold, so leaving one out never
    weakens anonymity. Thresholds are at least 1, weights at least 0, the gap above 0."""

    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    thresholds: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))
    blind_spot_gap: float = DEFAULT_BLIND_SPOT_GAP

    def __post_init__(self) -> None:
        for name, mapping in (("weights", self.weights), ("thresholds", self.thresholds)):
            unknown = sorted(set(mapping) - _GROUP_SET)
            if unknown:
                raise ValueError(f"{name}: unknown rater group(s) {', '.join(unknown)}")
        weights = {group: self.weights.get(group, 0) for group in RATER_GROUPS}
        for group, weight in weights.items():
            if _exact(weight) < 0:
                raise ValueError(f"weights: the weight of {group} must not be negative, not {weight!r}")
        thresholds = {group: self.thresholds.get(group, DEFAULT_THRESHOLDS[group]) for group in RATER_GROUPS}
        for group, threshold in thresholds.items():
            if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 1:
                raise ValueError(f"thresholds: the threshold of {group} must be a whole number ≥ 1, not {threshold!r}")
        if _exact(self.blind_spot_gap) <= 0:
            raise ValueError(f"blind_spot_gap must be above 0, not {self.blind_spot_gap!r}")
        object.__setattr__(self, "weights", weights)
        object.__setattr__(self, "thresholds", thresholds)
        object.__setattr__(self, "_normalised", {})

    def normalised_weights(self, groups: frozenset[str]) -> dict[str, float]:
        """The weights of the given non-self groups with a positive weight, divided exactly
        by their total (so they sum to 1 and scaling every weight changes nothing); empty
        when none of them weighs anything. Cached per set of groups."""
        cache: dict[frozenset[str], dict[str, float]] = self._normalised  # type: ignore[attr-defined]
        found = cache.get(groups)
        if found is None:
            exact = {group: _exact(self.weights[group]) for group in RATER_GROUPS if group in groups and group != SELF}
            exact = {group: weight for group, weight in exact.items() if weight > 0}
            total = sum(exact.values(), Fraction(0))
            found = {group: float(weight / total) for group, weight in exact.items()}
            cache[groups] = found
        return found

    @classmethod
    def default(cls) -> ScoringRules:
        return cls(
            weights=dict(DEFAULT_WEIGHTS), thresholds=dict(DEFAULT_THRESHOLDS), blind_spot_gap=DEFAULT_BLIND_SPOT_GAP
        )


@dataclass(frozen=True)
class GroupResult:
    """One rater group's result. ``raters`` counts the distinct raters who gave at least
    one score; ``overall`` and ``competencies`` are filled only when the group is shown."""

    group: str
    raters: int
    shown: bool
    overall: float | None
    competencies: Mapping[str, float]


@dataclass(frozen=True)
class CompetencyResult:
    """One competency across groups. ``by_group`` has every rater group, ``None`` where a
    group is hidden or gave no score; ``others`` is the weighted non-self score."""

    competency: str
    by_group: Mapping[str, float | None]
    others: float | None
    self_score: float | None
    gap: float | None
    flag: str | None  # BLIND_SPOT | HIDDEN_STRENGTH | None


@dataclass(frozen=True)
class EmployeeResult:
    groups: Mapping[str, GroupResult]
    overall: float | None
    competencies: Mapping[str, CompetencyResult]
    strengths: tuple[str, ...]
    development_areas: tuple[str, ...]


# Results are floats. Sums of answers are exact integers, weights are normalised exactly,
# and the remaining float steps are correctly rounded (math.fsum), so a result never
# depends on the order of the answers. Comparisons against a configured gap allow for the
# last bits of a float: a gap within this distance of the threshold counts as reaching it.
_TOLERANCE = 1e-9


def _bounded(value: float, values: Iterable[float]) -> float:
    """``value`` kept within the range of the values it was computed from (float rounding
    could otherwise put a mean of fives a hair above 5)."""
    values = list(values)
    return min(max(value, min(values)), max(values))


def _mean(values: Sequence[float]) -> float:
    return _bounded(math.fsum(values) / len(values), values)


def _weighted(values: Mapping[str, float], rules: ScoringRules) -> float | None:
    """The weighted mean of the non-self groups' values under ``rules``, renormalised over
    the groups present; ``None`` when none of them weighs anything."""
    weights = rules.normalised_weights(frozenset(values))
    if not weights:
        return None
    weighted = math.fsum(weight * values[group] for group, weight in weights.items())
    return _bounded(weighted, [values[group] for group in weights])


def _weighted_mean_exact(values: Mapping[str, Fraction | None], weights: Mapping[str, Fraction]) -> Fraction | None:
    total_weight = Fraction(0)
    total = Fraction(0)
    for key, value in values.items():
        weight = weights.get(key, Fraction(0))
        if value is None or weight <= 0:
            continue
        total_weight += weight
        total += weight * value
    if total_weight == 0:
        return None
    return total / total_weight


def mean_or_none(values: Iterable[Number | None]) -> float | None:
    """The mean of the values that are not ``None``; ``None`` when there are none.
    Exact until the final rounding, so it does not depend on the order of the values."""
    total = Fraction(0)
    count = 0
    for value in values:
        if value is None:
            continue
        total += _exact(value)
        count += 1
    return None if count == 0 else float(total / count)


def weighted_mean(values: Mapping[str, Number | None], weights: Mapping[str, Number]) -> float | None:
    """Σ weight × value / Σ weight over the keys with a value and a positive weight
    (renormalised over what is present); ``None`` when nothing is weighted. A key missing
    from ``weights`` weighs 0. Exact until the final rounding."""
    exact_values = {key: None if value is None else _exact(value) for key, value in values.items()}
    exact_weights = {key: _exact(weight) for key, weight in weights.items()}
    result = _weighted_mean_exact(exact_values, exact_weights)
    return None if result is None else float(result)


def trend(previous: Number | None, current: Number | None) -> float | None:
    """The change of a score against an earlier cycle (current − previous); ``None`` when
    either is missing."""
    if previous is None or current is None:
        return None
    return float(_exact(current) - _exact(previous))


def completion_rate(submitted: int, assigned: int) -> float | None:
    """Submitted / assigned as a share from 0 to 1; ``None`` when nothing is assigned."""
    if submitted < 0 or assigned < 0:
        raise ValueError(f"counts must not be negative (submitted={submitted}, assigned={assigned})")
    if submitted > assigned:
        raise ValueError(f"more submitted ({submitted}) than assigned ({assigned})")
    if assigned == 0:
        return None
    return submitted / assigned


def _flag(gap: float | None, threshold: float) -> str | None:
    if gap is None:
        return None
    if gap >= threshold - _TOLERANCE:
        return BLIND_SPOT
    if gap <= -threshold + _TOLERANCE:
        return HIDDEN_STRENGTH
    return None


def _strengths_and_development_areas(
    others: Mapping[str, float], top_n: int
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    size = min(top_n, len(others) // 2)
    if size <= 0:
        return (), ()
    # Scores equal but for float rounding are ties, broken by the competency code.
    rounded = {code: round(value, 9) for code, value in others.items()}
    strengths = sorted(rounded, key=lambda code: (-rounded[code], code))[:size]
    rest = [code for code in rounded if code not in strengths]
    development_areas = sorted(rest, key=lambda code: (rounded[code], code))[:size]
    return tuple(strengths), tuple(development_areas)


def _bad_answer(rater_id: object, group: object, item: object, score: object) -> ValueError:
    if group not in _GROUP_SET:
        return ValueError(
            f"answer of {rater_id!r} to {item!r}: unknown rater group {group!r}; "
            f"expected one of {', '.join(RATER_GROUPS)}"
        )
    return ValueError(
        f"answer of {rater_id!r} to {item!r}: a score must be a whole number from {SCALE_MIN} to {SCALE_MAX} "
        f"or empty (not observed), not {score!r}"
    )


@dataclass(frozen=True, slots=True)
class CompetencyTally:
    """What one rater group gave one competency: the sum and number of its scores (not
    observed left out) and the number of distinct raters who gave at least one. A
    database can compute these (``SUM``, ``COUNT``, ``COUNT(DISTINCT rater)``) so that a
    large cycle is scored without reading every answer into Python."""

    group: str
    competency: str
    score_sum: int
    scores: int
    raters: int


def _tally(
    answers: Iterable[Answer], answer_rows: Iterable[AnswerRow]
) -> tuple[dict[tuple[str, str], tuple[int, int, int]], dict[str, set]]:
    """Per (group, competency): (sum of scores, number of scores, distinct raters who gave
    one); and per group the raters who gave at least one score."""
    # Working lists: [sum of scores, number of scores, set of raters who gave one]. The two
    # loops differ only in reading fields or unpacking a tuple; a generator adapting one to
    # the other would cost a resume per answer, and closing a cycle scores a million.
    tallies: dict[tuple[str, str], list] = {}
    for answer in answers:
        key = (answer.group, answer.competency)
        tally = tallies.get(key)
        if tally is None:
            tally = _new_tally(tallies, key, answer.rater_id, answer.item, answer.score)
        score = answer.score
        if score is None:
            continue
        if score.__class__ is not int or not SCALE_MIN <= score <= SCALE_MAX:
            raise _bad_answer(answer.rater_id, answer.group, answer.item, score)
        tally[0] += score
        tally[1] += 1
        tally[2].add(answer.rater_id)
    for rater_id, group, competency, item, score in answer_rows:
        key = (group, competency)
        tally = tallies.get(key)
        if tally is None:
            tally = _new_tally(tallies, key, rater_id, item, score)
        if score is None:
            continue
        if score.__class__ is not int or not SCALE_MIN <= score <= SCALE_MAX:
            raise _bad_answer(rater_id, group, item, score)
        tally[0] += score
        tally[1] += 1
        tally[2].add(rater_id)

    group_raters: dict[str, set] = {group: set() for group in RATER_GROUPS}
    found: dict[tuple[str, str], tuple[int, int, int]] = {}
    for key, (score_sum, scores, raters) in tallies.items():
        group_raters[key[0]] |= raters
        found[key] = (score_sum, scores, len(raters))
    return found, group_raters


def _new_tally(tallies: dict[tuple[str, str], list], key: tuple[str, str], rater_id: str, item: str, score) -> list:
    if key[0] not in _GROUP_SET:
        raise _bad_answer(rater_id, key[0], item, score)
    tally = tallies[key] = [0, 0, set()]
    return tally


def tally_answers(
    answers: Iterable[Answer] = (), answer_rows: Iterable[AnswerRow] = ()
) -> tuple[list[CompetencyTally], dict[str, int]]:
    """The tallies of some answers, and per group the number of distinct raters who gave
    at least one score. A bad group or score raises :class:`ValueError` naming the rater
    and the item."""
    tallies, group_raters = _tally(answers, answer_rows)
    found = [CompetencyTally(group, code, *numbers) for (group, code), numbers in tallies.items()]
    return found, {group: len(raters) for group, raters in group_raters.items()}


def score_employee(
    *,
    answers: Iterable[Answer],
    customer_ratings: Iterable[CustomerRating],
    rules: ScoringRules,
    top_n: int = DEFAULT_TOP_N,
    competency_codes: Iterable[str] = (),
    answer_rows: Iterable[AnswerRow] = (),
    customer_rating_rows: Iterable[tuple[str, int]] = (),
) -> EmployeeResult:
    """One employee's result in a cycle, from every answer about them and the customers'
    ratings of them.

    ``answer_rows`` and ``customer_rating_rows`` take the same data as plain tuples
    (``(rater_id, group, competency, item, score)`` and ``(rater_id, overall)``), added to
    ``answers`` and ``customer_ratings``: closing a large cycle need not build an object
    per answer (or see :func:`score_tallies`). ``competency_codes`` lists competencies to
    report even if nobody answered them (the framework's); competencies met in the
    answers are added. A bad group or score raises :class:`ValueError` naming the rater
    and the item."""
    tallies, group_raters = _tally(answers, answer_rows)

    customer_sum = 0
    customer_count = 0
    ratings = chain(((r.rater_id, r.overall) for r in customer_ratings), customer_rating_rows)
    for rater_id, overall in ratings:
        if overall.__class__ is not int or not SCALE_MIN <= overall <= SCALE_MAX:
            raise ValueError(
                f"customer rating {rater_id!r}: a score must be a whole number from {SCALE_MIN} to {SCALE_MAX}, "
                f"not {overall!r}"
            )
        customer_sum += overall
        customer_count += 1
        group_raters[CUSTOMER].add(rater_id)
    return _score(
        tallies=tallies,
        group_raters={group: len(raters) for group, raters in group_raters.items()},
        customer_rating_sum=customer_sum,
        customer_ratings=customer_count,
        rules=rules,
        top_n=top_n,
        codes={*competency_codes, *(code for _, code in tallies)},
    )


def score_tallies(
    *,
    tallies: Iterable[CompetencyTally],
    group_raters: Mapping[str, int],
    customer_rating_sum: int = 0,
    customer_ratings: int = 0,
    rules: ScoringRules,
    top_n: int = DEFAULT_TOP_N,
    competency_codes: Iterable[str] = (),
) -> EmployeeResult:
    """One employee's result from tallies (see :class:`CompetencyTally`): the same rules
    as :func:`score_employee`, for callers that aggregate answers in the database.

    ``group_raters`` gives, per group, the distinct raters who gave at least one score
    (for customers: who rated or answered); a missing group has none.
    ``customer_rating_sum`` and ``customer_ratings`` are the sum and number of the
    customers' overall-satisfaction ratings."""
    unknown = sorted(set(group_raters) - _GROUP_SET)
    if unknown:
        raise ValueError(f"group_raters: unknown rater group(s) {', '.join(unknown)}")
    if customer_ratings < 0 or not SCALE_MIN * customer_ratings <= customer_rating_sum <= SCALE_MAX * customer_ratings:
        raise ValueError(f"a sum of {customer_ratings} customer ratings cannot be {customer_rating_sum}")

    by_key: dict[tuple[str, str], tuple[int, int, int]] = {}
    codes: set[str] = set(competency_codes)
    for tally in tallies:
        if tally.group not in _GROUP_SET:
            raise ValueError(f"tally of {tally.competency!r}: unknown rater group {tally.group!r}")
        if tally.scores and not SCALE_MIN * tally.scores <= tally.score_sum <= SCALE_MAX * tally.scores:
            raise ValueError(
                f"tally of {tally.group} on {tally.competency!r}: a sum of {tally.scores} scores "
                f"cannot be {tally.score_sum}"
            )
        key = (tally.group, tally.competency)
        if key in by_key:
            raise ValueError(f"two tallies of {tally.group} on {tally.competency!r}")
        by_key[key] = (tally.score_sum, tally.scores, tally.raters)
        codes.add(tally.competency)
    return _score(
        tallies=by_key,
        group_raters=group_raters,
        customer_rating_sum=customer_rating_sum,
        customer_ratings=customer_ratings,
        rules=rules,
        top_n=top_n,
        codes=codes,
    )


def _score(
    *,
    tallies: Mapping[tuple[str, str], tuple[int, int, int]],
    group_raters: Mapping[str, int],
    customer_rating_sum: int,
    customer_ratings: int,
    rules: ScoringRules,
    top_n: int,
    codes: set[str],
) -> EmployeeResult:
    """The rules themselves, on checked tallies: (group, competency) → (sum of scores,
    number of scores, distinct raters)."""
    if top_n < 0:
        raise ValueError(f"top_n must not be negative, not {top_n}")
    thresholds = rules.thresholds
    ordered_codes = sorted(codes)
    group_scores: dict[str, dict[str, float]] = {}
    shown_overalls: dict[str, float] = {}
    groups: dict[str, GroupResult] = {}
    for group in RATER_GROUPS:
        threshold = thresholds[group]
        raters = group_raters.get(group, 0)
        scores: dict[str, float] = {}
        overall: float | None = None
        if raters >= threshold:
            for code in ordered_codes:
                tally = tallies.get((group, code))
                if tally is not None and tally[1] and tally[2] >= threshold:
                    scores[code] = tally[0] / tally[1]
            if group == CUSTOMER and customer_ratings:
                overall = customer_rating_sum / customer_ratings
            elif scores:
                overall = _mean(list(scores.values()))
        group_scores[group] = scores
        if overall is not None and group != SELF:
            shown_overalls[group] = overall
        groups[group] = GroupResult(
            group=group, raters=raters, shown=overall is not None, overall=overall, competencies=scores
        )

    gap_threshold = float(_exact(rules.blind_spot_gap))
    competencies: dict[str, CompetencyResult] = {}
    others_by_code: dict[str, float] = {}
    self_scores = group_scores[SELF]
    for code in ordered_codes:
        by_group = {group: group_scores[group].get(code) for group in RATER_GROUPS}
        answered = {group: value for group, value in by_group.items() if value is not None and group != SELF}
        others = _weighted(answered, rules) if answered else None
        self_score = self_scores.get(code)
        gap = None if others is None or self_score is None else self_score - others
        if others is not None:
            others_by_code[code] = others
        competencies[code] = CompetencyResult(
            competency=code,
            by_group=by_group,
            others=others,
            self_score=self_score,
            gap=gap,
            flag=_flag(gap, gap_threshold),
        )

    strengths, development_areas = _strengths_and_development_areas(others_by_code, top_n)
    return EmployeeResult(
        groups=groups,
        overall=_weighted(shown_overalls, rules) if shown_overalls else None,
        competencies=competencies,
        strengths=strengths,
        development_areas=development_areas,
    )


def comments_to_show(comments: Iterable[tuple[str, str]], result: EmployeeResult) -> dict[str, tuple[str, ...]]:
    """The comments a report may show, per rater group: only groups that are shown (met
    their threshold), blank comments left out, and each group's comments sorted by their
    text, so their order reveals neither who wrote which nor when. ``comments`` holds
    ``(group, text)`` pairs in any order."""
    shown: dict[str, list[str]] = {group: [] for group in RATER_GROUPS if result.groups[group].shown}
    for group, text in comments:
        if group not in _GROUP_SET:
            raise ValueError(f"comment: unknown rater group {group!r}")
        text = text.strip()
        if text and group in shown:
            shown[group].append(text)
    return {group: tuple(sorted(texts, key=lambda text: (text.casefold(), text))) for group, texts in shown.items()}


# ---------------------------------------------------------------------------
# Awards
# ---------------------------------------------------------------------------

SATISFACTION = "satisfaction"
EVALUATION = "evaluation"
PARTICIPATION = "participation"
COMPONENTS: tuple[str, ...] = (SATISFACTION, EVALUATION, PARTICIPATION)
DEFAULT_COMPOSITE_WEIGHTS: dict[str, int] = {SATISFACTION: 60, EVALUATION: 30, PARTICIPATION: 10}
DEFAULT_STAR_CUTOFFS: tuple[float, ...] = (40, 55, 70, 80, 90)
MIN_STARS, MAX_STARS = 2, 7
DEFAULT_PRIOR_WEIGHT_ORGANISATION = 100  # agencies and units
DEFAULT_PRIOR_WEIGHT_EMPLOYEE = 30
WILSON_Z_95 = 1.959963984540054

# Ties in the composite are decided on this many decimals (a float computed two ways may
# differ in its last bit; such entries are tied and the tie-breaks decide).
_COMPOSITE_TIE_DECIMALS = 9


def bayesian_rating(*, mean: float, count: int, cohort_mean: float, prior_weight: float) -> float:
    """WR = v/(v+m)·R + m/(v+m)·C: the entry's mean R over v ratings, shrunk towards the
    cohort's pooled mean C with the weight of m ratings. With no ratings and no prior
    weight there is nothing to shrink from: the cohort mean is returned."""
    if count < 0:
        raise ValueError(f"count must not be negative, not {count}")
    if prior_weight < 0:
        raise ValueError(f"prior_weight must not be negative, not {prior_weight}")
    mean, cohort_mean, prior_weight = float(mean), float(cohort_mean), float(prior_weight)
    if count + prior_weight == 0:
        return cohort_mean
    return (count * mean + prior_weight * cohort_mean) / (count + prior_weight)


def satisfaction_percent(weighted_rating: float) -> float:
    """A rating on the 1–5 scale as 0–100: (WR − 1) / 4 × 100."""
    return (weighted_rating - SCALE_MIN) / (SCALE_MAX - SCALE_MIN) * 100


def stars(composite: float, cutoffs: Sequence[float] = DEFAULT_STAR_CUTOFFS) -> int:
    """Star band 2–7 of a 0–100 composite: 2 plus the number of cut-offs reached
    (defaults: ≥ 90 → 7, ≥ 80 → 6, ≥ 70 → 5, ≥ 55 → 4, ≥ 40 → 3, else 2)."""
    _check_cutoffs(cutoffs)
    return _stars(composite, cutoffs)


def _stars(composite: float, cutoffs: Sequence[float]) -> int:
    value = round(composite, _COMPOSITE_TIE_DECIMALS)
    return MIN_STARS + sum(1 for cutoff in cutoffs if value >= cutoff)


def _check_cutoffs(cutoffs: Sequence[float]) -> None:
    if len(cutoffs) != MAX_STARS - MIN_STARS:
        raise ValueError(f"star cut-offs: expected {MAX_STARS - MIN_STARS} values, got {len(cutoffs)}")
    if any(later <= earlier for earlier, later in pairwise(cutoffs)):
        raise ValueError(f"star cut-offs must increase: {tuple(cutoffs)!r}")


@dataclass(frozen=True, slots=True)
class EntryStats:
    """What the standings know of one entry (agency, unit, employee, channel) in a season:
    its customer ratings (count and sum, discounted ones left out), its mean released 360°
    overall (1–5, ``None`` if none), its evaluations submitted and assigned, and when it
    reached its current score (a timestamp, for tie-breaks)."""

    key: str
    ratings: int
    rating_sum: float
    evaluation_overall: float | None
    submitted: int
    assigned: int
    first_reached_at: float

    def __post_init__(self) -> None:
        # Database aggregates may be Decimal: the maths here is in floats.
        object.__setattr__(self, "rating_sum", float(self.rating_sum))
        if self.evaluation_overall is not None:
            object.__setattr__(self, "evaluation_overall", float(self.evaluation_overall))
        if self.ratings < 0:
            raise ValueError(f"{self.key}: ratings must not be negative, not {self.ratings}")
        if self.ratings and not SCALE_MIN * self.ratings <= self.rating_sum <= SCALE_MAX * self.ratings:
            raise ValueError(f"{self.key}: a sum of {self.ratings} ratings cannot be {self.rating_sum}")
        if self.ratings == 0 and self.rating_sum != 0:
            raise ValueError(f"{self.key}: no ratings but a rating sum of {self.rating_sum}")
        if self.evaluation_overall is not None and not SCALE_MIN <= self.evaluation_overall <= SCALE_MAX:
            raise ValueError(f"{self.key}: an evaluation overall must be from 1 to 5, not {self.evaluation_overall}")
        if not 0 <= self.submitted <= self.assigned:
            raise ValueError(f"{self.key}: submitted ({self.submitted}) must be from 0 to assigned ({self.assigned})")


@dataclass(frozen=True)
class Standing:
    """One entry's place. An entry with fewer ratings than the prior weight, or without
    data for a component its cohort uses (``missing``), or in a cohort with no data for any
    weighted component, is listed "not yet ranked": ``ranked`` False, no rank, composite or
    stars, but its count, weighted rating and components. Components are 0–100, ``None``
    where the entry has no data."""

    key: str
    rank: int | None
    ranked: bool
    composite: float | None
    stars: int | None
    weighted_rating: float | None
    ratings: int
    components: Mapping[str, float | None]
    missing: tuple[str, ...] = ()


def _has_component_data(entry: EntryStats, component: str) -> bool:
    """Whether ``entry`` has data of its own for ``component``: customer ratings, a
    released 360° overall, evaluations assigned to write."""
    if component == SATISFACTION:
        return entry.ratings > 0
    if component == EVALUATION:
        return entry.evaluation_overall is not None
    return entry.assigned > 0


def cohort_components(entries: Sequence[EntryStats], weights: Mapping[str, float]) -> tuple[str, ...]:
    """The components a cohort's composite uses: those with a weight above 0 that at least
    one entry of the cohort has data for. A component nobody has data for (no released
    cycle yet, say) is left out for every entry and the other weights renormalised."""
    return tuple(
        name
        for name in COMPONENTS
        if weights.get(name, 0) > 0 and any(_has_component_data(entry, name) for entry in entries)
    )


def _check_composite_weights(weights: Mapping[str, float]) -> None:
    unknown = sorted(set(weights) - set(COMPONENTS))
    if unknown:
        raise ValueError(f"composite weights: unknown component(s) {', '.join(unknown)}")
    if any(weight < 0 for weight in weights.values()):
        raise ValueError("composite weights must not be negative")
    if not any(weight > 0 for weight in weights.values()):
        raise ValueError("composite weights: at least one must be above 0")


def composite_score(components: Mapping[str, float | None], weights: Mapping[str, float]) -> float | None:
    """Σ weight × component / Σ weight over the components present (renormalised);
    ``None`` when no weighted component is present."""
    present = [(weights.get(name, 0), value) for name, value in components.items() if value is not None]
    total_weight = math.fsum(weight for weight, _ in present if weight > 0)
    if total_weight == 0:
        return None
    return math.fsum(weight * value for weight, value in present if weight > 0) / total_weight


def rank_cohort(
    *,
    entries: Sequence[EntryStats],
    prior_weight: float,
    weights: Mapping[str, float] = DEFAULT_COMPOSITE_WEIGHTS,
    star_cutoffs: Sequence[float] = DEFAULT_STAR_CUTOFFS,
) -> list[Standing]:
    """Standings of one cohort (same season, category and band): the ranked entries in rank
    order (1, 2, 3 … without gaps), then the entries not yet ranked (most ratings first).

    C is the pooled mean of every rating in the cohort, ranked or not. Components (0–100):
    satisfaction (WR − 1) / 4 × 100, evaluation (overall − 1) / 4 × 100, participation
    submitted / assigned × 100. Which components count is decided for the whole cohort
    (:func:`cohort_components`): one nobody in the cohort has data for is left out for
    every entry, the other weights renormalised. An entry without data of its own for a
    component the cohort uses (no released 360° overall, no evaluation to write, no
    rating) is not yet ranked, its ``missing`` components listed: no number is fair to put
    in its place (0 would punish it for how the cycle was scoped; the cohort's mean, or
    renormalising its own weights, would let an entry below average gain by lacking data),
    so an entry never gains a place by lacking data. Ties: more ratings, then the earlier
    ``first_reached_at``, then the key."""
    if prior_weight < 0:
        raise ValueError(f"prior_weight must not be negative, not {prior_weight}")
    _check_composite_weights(weights)
    _check_cutoffs(star_cutoffs)
    prior_weight = float(prior_weight)
    weights = {name: float(weight) for name, weight in weights.items()}
    star_cutoffs = tuple(float(cutoff) for cutoff in star_cutoffs)
    keys = [entry.key for entry in entries]
    if len(set(keys)) != len(keys):
        raise ValueError("rank_cohort: every entry needs its own key")

    total_ratings = sum(entry.ratings for entry in entries)
    cohort_mean = math.fsum(entry.rating_sum for entry in entries) / total_ratings if total_ratings else None

    used = cohort_components(entries, weights)
    ranked: list[tuple[tuple, EntryStats, float, float | None, dict[str, float | None]]] = []
    unranked: list[Standing] = []
    for entry in entries:
        weighted: float | None = None
        if cohort_mean is not None:
            if entry.ratings + prior_weight == 0:
                weighted = cohort_mean
            else:
                weighted = (entry.rating_sum + prior_weight * cohort_mean) / (entry.ratings + prior_weight)
        components: dict[str, float | None] = {
            SATISFACTION: None if weighted is None else satisfaction_percent(weighted),
            EVALUATION: None if entry.evaluation_overall is None else satisfaction_percent(entry.evaluation_overall),
            PARTICIPATION: None if entry.assigned == 0 else entry.submitted / entry.assigned * 100,
        }
        missing = tuple(name for name in used if not _has_component_data(entry, name))
        composite = None if missing else composite_score({name: components[name] for name in used}, weights)
        if entry.ratings >= prior_weight and composite is not None:
            sort_key = (-round(composite, _COMPOSITE_TIE_DECIMALS), -entry.ratings, entry.first_reached_at, entry.key)
            ranked.append((sort_key, entry, composite, weighted, components))
        else:
            unranked.append(
                Standing(
                    key=entry.key,
                    rank=None,
                    ranked=False,
                    composite=None,
                    stars=None,
                    weighted_rating=weighted,
                    ratings=entry.ratings,
                    components=components,
                    missing=missing,
                )
            )

    ranked.sort(key=lambda row: row[0])
    standings = [
        Standing(
            key=entry.key,
            rank=position,
            ranked=True,
            composite=composite,
            stars=_stars(composite, star_cutoffs),
            weighted_rating=weighted,
            ratings=entry.ratings,
            components=components,
        )
        for position, (_, entry, composite, weighted, components) in enumerate(ranked, start=1)
    ]
    unranked.sort(key=lambda standing: (-standing.ratings, standing.key))
    return standings + unranked


def movement(previous_rank: int | None, current_rank: int | None) -> int | None:
    """Places gained since an earlier standing (positive: moved up); ``None`` when the
    entry was not ranked then or is not ranked now."""
    if previous_rank is None or current_rank is None:
        return None
    return previous_rank - current_rank


def improvement(previous_composite: float | None, current_composite: float | None) -> float | None:
    """The change of composite against the previous season (the "most improved" awards);
    ``None`` when either is missing."""
    if previous_composite is None or current_composite is None:
        return None
    return current_composite - previous_composite


def wilson_lower_bound(positive: int, total: int, *, z: float = WILSON_Z_95) -> float | None:
    """The lower bound of the Wilson score interval for a yes/no share (z = 1.96: 95 %),
    from 0 to 1; ``None`` with no answers. Ranks "8 of 10 satisfied" below "800 of 1000"."""
    if total < 0 or not 0 <= positive <= total:
        raise ValueError(f"need 0 ≤ positive ≤ total, got positive={positive}, total={total}")
    if total == 0:
        return None
    share = positive / total
    z2 = z * z
    centre = share + z2 / (2 * total)
    margin = z * math.sqrt(share * (1 - share) / total + z2 / (4 * total * total))
    return max(0.0, (centre - margin) / (1 + z2 / total))


@dataclass(frozen=True)
class Improvement:
    """One entry's change of composite against the previous season."""

    key: str
    rank: int
    previous: float
    current: float
    change: float
    ratings: int


def rank_improvement(*, previous: Mapping[str, float | None], current: Sequence[Standing]) -> list[Improvement]:
    """The "most improved" standings (most improved agency, rising star): the entries
    ranked now that had a composite in the previous season (``previous``: key →
    composite), by change of composite, largest first; ties: more ratings now, then the
    key. Ranks run 1, 2, 3 … without gaps. An entry new this season is not listed: it
    has nothing to improve on."""
    rows = []
    for standing in current:
        before = previous.get(standing.key)
        if not standing.ranked or before is None or standing.composite is None:
            continue
        change = standing.composite - float(before)
        rows.append(((-round(change, _COMPOSITE_TIE_DECIMALS), -standing.ratings, standing.key), standing, change))
    rows.sort(key=lambda row: row[0])
    return [
        Improvement(
            key=standing.key,
            rank=position,
            previous=float(previous[standing.key]),
            current=standing.composite,
            change=change,
            ratings=standing.ratings,
        )
        for position, (_, standing, change) in enumerate(rows, start=1)
    ]


DEFAULT_SIZE_BAND_LIMITS: tuple[int, ...] = (50, 500)


def size_bands(limits: Sequence[int] = DEFAULT_SIZE_BAND_LIMITS) -> tuple[str, ...]:
    """The keys of the size bands cut at ``limits`` (largest size of each band but the
    last): by default ``upto-50``, ``51-500``, ``over-500``."""
    if not limits or any(limit < 0 for limit in limits):
        raise ValueError(f"size band limits must be whole numbers ≥ 0, not {tuple(limits)!r}")
    if any(later <= earlier for earlier, later in pairwise(limits)):
        raise ValueError(f"size band limits must increase: {tuple(limits)!r}")
    keys = [f"upto-{limits[0]}"]
    keys += [f"{earlier + 1}-{later}" for earlier, later in pairwise(limits)]
    keys.append(f"over-{limits[-1]}")
    return tuple(keys)


def size_band(front_line_employees: int, limits: Sequence[int] = DEFAULT_SIZE_BAND_LIMITS) -> str:
    """The size band of an agency by its number of front-line employees (the best-agency
    award compares agencies of similar size): ``upto-50``, ``51-500`` or ``over-500`` by
    default."""
    if front_line_employees < 0:
        raise ValueError(f"a number of employees cannot be negative: {front_line_employees}")
    keys = size_bands(limits)
    for limit, key in zip(limits, keys, strict=False):
        if front_line_employees <= limit:
            return key
    return keys[-1]


# Badges --------------------------------------------------------------------


def in_top_share(rank: int | None, ranked_count: int, share: float = 0.10) -> bool:
    """Whether a rank is within the top ``share`` of the ranked entries (top 10 % by
    default; at least the first place when anyone is ranked)."""
    if rank is None or ranked_count <= 0:
        return False
    return rank <= max(1, math.floor(ranked_count * share + 1e-9))


def no_development_area_below(result: EmployeeResult, floor: float = 4.0) -> bool:
    """Whether a report has an "others" score on some competency and none below ``floor``
    (the "no development area below 4" badge)."""
    scores = [competency.others for competency in result.competencies.values() if competency.others is not None]
    return bool(scores) and min(scores) >= floor


# Anti-gaming ---------------------------------------------------------------

DEFAULT_BURST_WINDOW_SECONDS = 600
DEFAULT_BURST_MAX_PER_SOURCE = 3
DEFAULT_RING_TOP_SCORE = 4.5
DEFAULT_RING_MIN_GAP = 1.0
DEFAULT_RING_MIN_SIZE = 3
DEFAULT_RING_MIN_OUTSIDE_RATINGS = 2


def burst_source(*, address_fingerprint: str, counter_visit: bool) -> str | None:
    """What a customer rating's burst is counted against (``None``: never grouped).

    A rating through a single-use link the counter's "next customer" screen issued is one
    customer's visit by construction (one link per customer served, one rating per link):
    customers on a centre's shared Wi-Fi or at a counter tablet share an address without
    being one device, so such ratings are never grouped by address. Every other rating that
    carries an address (a printed card, a stable per-employee link; a single-use link
    issued elsewhere, by a command, a queue system or a message) is grouped by that address.
    Imported ratings carry none."""
    if not address_fingerprint or counter_visit:
        return None
    return address_fingerprint


DEFAULT_SELF_RATING_SHARED_ACCOUNTS = 3


def is_probable_self_rating(
    *,
    employee_account: Hashable | None,
    accounts_signed_in_from_address: Collection[Hashable],
    shared_accounts: int = DEFAULT_SELF_RATING_SHARED_ACCOUNTS,
) -> bool:
    """Whether a customer rating is probably the rated employee rating themselves: it was
    sent from an address (a keyed hash of it) that the employee's own account signed in
    from, and that fewer than ``shared_accounts`` (3) different accounts signed in from.
    An address several colleagues sign in from is a shared network (a centre's or a
    ministry's): a match there says nothing about who sent the rating, and the per-address
    limits and the burst rule still apply to it. Such a rating counts in no standing, tally
    or badge until HR clears it."""
    if shared_accounts < 1:
        raise ValueError(f"shared_accounts must be at least 1, not {shared_accounts}")
    if employee_account is None or employee_account not in accounts_signed_in_from_address:
        return False
    return len(set(accounts_signed_in_from_address)) < shared_accounts


def detect_bursts(
    ratings: Sequence[tuple[Hashable, Hashable | None, float]],
    window_seconds: float = DEFAULT_BURST_WINDOW_SECONDS,
    max_per_source: int = DEFAULT_BURST_MAX_PER_SOURCE,
) -> set[int]:
    """Indexes of the ratings to discount as a burst.

    ``ratings`` holds ``(employee_key, source_key, timestamp in seconds)``; the source is
    the customer's device or network address (``None`` when unknown, e.g. imported
    ratings: never grouped). A burst is more than ``max_per_source`` ratings of one
    employee from one source within ``window_seconds`` (defaults: more than 3 within 10
    minutes); *every* rating in such a window is discounted, not only those past the
    limit, since nothing tells the honest first ones apart. HR clears or rejects the flag."""
    if window_seconds < 0:
        raise ValueError(f"window_seconds must not be negative, not {window_seconds}")
    if max_per_source < 1:
        raise ValueError(f"max_per_source must be at least 1, not {max_per_source}")
    by_pair: dict[tuple[Hashable, Hashable], list[tuple[float, int]]] = defaultdict(list)
    for index, (employee_key, source_key, timestamp) in enumerate(ratings):
        if source_key is None:
            continue
        by_pair[(employee_key, source_key)].append((timestamp, index))

    discounted: set[int] = set()
    for events in by_pair.values():
        if len(events) <= max_per_source:
            continue
        events.sort()
        end = 0  # the last event within the window that starts at ``start``
        marked = -1  # the events up to this one are already discounted
        for start in range(len(events)):
            end = max(end, start)
            while end + 1 < len(events) and events[end + 1][0] - events[start][0] <= window_seconds:
                end += 1
            if end - start + 1 > max_per_source:
                discounted.update(index for _, index in events[max(start, marked + 1) : end + 1])
                marked = end
    return discounted


@dataclass(frozen=True)
class RingMemberEvidence:
    """What one ring member received: the mean and number of scores from the other members
    and from everyone else."""

    member: str
    inside_mean: float
    inside_ratings: int
    outside_mean: float
    outside_ratings: int


@dataclass(frozen=True)
class PeerRing:
    members: tuple[str, ...]
    evidence: tuple[RingMemberEvidence, ...]


def _maximal_cliques(neighbours: Mapping[str, set[str]]) -> list[set[str]]:
    """Maximal cliques of an undirected graph (Bron–Kerbosch with pivoting)."""
    cliques: list[set[str]] = []
    stack: list[tuple[set[str], set[str], set[str]]] = [(set(), set(neighbours), set())]
    while stack:
        clique, candidates, excluded = stack.pop()
        if not candidates and not excluded:
            cliques.append(clique)
            continue
        pivot = max(candidates | excluded, key=lambda node: len(neighbours[node] & candidates))
        for node in sorted(candidates - neighbours[pivot]):
            stack.append((clique | {node}, candidates & neighbours[node], excluded & neighbours[node]))
            candidates = candidates - {node}
            excluded = excluded | {node}
    return cliques


def detect_peer_ring(
    scores: Sequence[tuple[str, str, float]],
    *,
    top_score: float = DEFAULT_RING_TOP_SCORE,
    min_gap: float = DEFAULT_RING_MIN_GAP,
    min_size: int = DEFAULT_RING_MIN_SIZE,
    min_outside_ratings: int = DEFAULT_RING_MIN_OUTSIDE_RATINGS,
) -> list[PeerRing]:
    """Closed groups rating each other at the top of the scale while everyone else rates
    them clearly lower, with the evidence, for HR to clear or reject.

    ``scores`` holds ``(rater, ratee, score)``, one per evaluation (a rater's mean answer
    on the 1–5 scale); several scores of one pair are averaged, self-ratings ignored.
    A ring is a set of at least ``min_size`` (3) people in which every member gave every
    other member at least ``top_score`` (4.5), and in which every member received at least
    ``min_outside_ratings`` (2) scores from outside the set whose mean is at least
    ``min_gap`` (1.0 point) below the mean of the scores from inside it. Members who
    do not meet the outside condition are dropped (they become outsiders) and the rest
    re-checked, so a genuinely well-rated colleague does not hide a ring around them.
    A ring inside a larger one is reported once, as the larger one."""
    if min_size < 2:
        raise ValueError(f"min_size must be at least 2, not {min_size}")
    pair_scores: dict[tuple[str, str], list[float]] = defaultdict(list)
    for rater, ratee, score in scores:
        if rater != ratee:
            pair_scores[(rater, ratee)].append(score)
    pair_mean = {pair: math.fsum(values) / len(values) for pair, values in pair_scores.items()}
    received: dict[str, dict[str, float]] = defaultdict(dict)
    for (rater, ratee), score in pair_mean.items():
        received[ratee][rater] = score

    neighbours: dict[str, set[str]] = defaultdict(set)
    for (rater, ratee), score in pair_mean.items():
        if score >= top_score and pair_mean.get((ratee, rater), -math.inf) >= top_score:
            neighbours[rater].add(ratee)
            neighbours[ratee].add(rater)

    def evidence_for(members: frozenset[str]) -> dict[str, RingMemberEvidence]:
        found = {}
        for member in members:
            inside = [score for rater, score in received[member].items() if rater in members]
            outside = [score for rater, score in received[member].items() if rater not in members]
            found[member] = RingMemberEvidence(
                member=member,
                inside_mean=math.fsum(inside) / len(inside),
                inside_ratings=len(inside),
                outside_mean=math.fsum(outside) / len(outside) if outside else math.nan,
                outside_ratings=len(outside),
            )
        return found

    def is_clearly_lower(evidence: RingMemberEvidence) -> bool:
        return (
            evidence.outside_ratings >= min_outside_ratings
            and evidence.inside_mean - evidence.outside_mean >= min_gap - 1e-9
        )

    rings: dict[frozenset[str], PeerRing] = {}
    for clique in _maximal_cliques(dict(neighbours)):
        members = frozenset(clique)
        while len(members) >= min_size:
            evidence = evidence_for(members)
            failing = {member for member, item in evidence.items() if not is_clearly_lower(item)}
            if not failing:
                ordered = tuple(sorted(members))
                rings[members] = PeerRing(members=ordered, evidence=tuple(evidence[m] for m in ordered))
                break
            members = members - failing
    # A ring inside a larger ring is the same ring seen from a smaller clique.
    largest = [ring for members, ring in rings.items() if not any(members < other for other in rings)]
    return sorted(largest, key=lambda ring: ring.members)


@dataclass(frozen=True)
class RingSummary:
    """What HR is shown of a peer ring: aggregates only.

    The flag itself says what makes a ring: every member gave every other member at least
    the top score, and every member's scores from outside the ring are clearly lower. Beyond
    that, nothing is shown that could be one rater's answer: no score of one pair, no
    member's own means (a member may have only two raters outside the ring, and HR knows who
    was assigned to rate whom). The ring's pooled means, over all its members, are given only
    when they come from at least ``min_raters`` different raters (the cycle's anonymity
    threshold for peers); otherwise ``None`` ("withheld")."""

    members: tuple[str, ...]
    inside_evaluations: int
    inside_raters: int
    inside_mean: float | None
    outside_evaluations: int
    outside_raters: int
    outside_mean: float | None
    min_raters: int


def summarise_ring(ring: PeerRing, scores: Sequence[tuple[str, str, float]], *, min_raters: int) -> RingSummary:
    """The aggregate evidence of ``ring`` from the same ``(rater, ratee, score)`` rows
    :func:`detect_peer_ring` read (several scores of one pair averaged, as there)."""
    if min_raters < 1:
        raise ValueError(f"min_raters must be at least 1, not {min_raters}")
    members = set(ring.members)
    pair_scores: dict[tuple[str, str], list[float]] = defaultdict(list)
    for rater, ratee, score in scores:
        if rater != ratee and ratee in members:
            pair_scores[(rater, ratee)].append(score)
    inside = {pair: math.fsum(values) / len(values) for pair, values in pair_scores.items() if pair[0] in members}
    outside = {pair: math.fsum(values) / len(values) for pair, values in pair_scores.items() if pair[0] not in members}
    inside_raters = len({rater for rater, _ratee in inside})
    outside_raters = len({rater for rater, _ratee in outside})

    def pooled(values: Mapping, raters: int) -> float | None:
        if not values or raters < min_raters:
            return None
        return math.fsum(values.values()) / len(values)

    return RingSummary(
        members=tuple(sorted(members)),
        inside_evaluations=len(inside),
        inside_raters=inside_raters,
        inside_mean=pooled(inside, inside_raters),
        outside_evaluations=len(outside),
        outside_raters=outside_raters,
        outside_mean=pooled(outside, outside_raters),
        min_raters=min_raters,
    )
