"""Standings: the leaderboards of a season, computed from the running tallies and the
season cycle's released 360° results with the pure functions of ``evaluations.scoring``.
Reads only (a selector module); no rating is read here, so the cost of a board does not
grow with the number of ratings."""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace

from django.core.cache import cache
from django.utils import timezone, translation

from awards.categories import (
    AGENCY,
    ALL_BAND,
    BEST_AGENCY,
    BEST_CHANNEL,
    BEST_UNIT,
    CATEGORIES,
    CHANNEL,
    DISTINGUISHED_EMPLOYEE,
    EMPLOYEE,
    MOST_IMPROVED_AGENCY,
    RISING_STAR,
    UNIT,
    size_band_key,
    size_band_keys,
)
from awards.models import Season, SeasonTally, StandingSnapshot
from evaluations import scoring
from evaluations.award_inputs import employee_facts, front_line_headcount_by_agency, participation, released_overalls
from evaluations.models import FeedbackChannel, Unit
from portal.models import Agency

SPARKLINE_POINTS = 12
MOVEMENT_DAYS = 7
AGENCY_CATEGORIES = (BEST_AGENCY, MOST_IMPROVED_AGENCY)

logger = logging.getLogger(__name__)


class UnknownBoard(ValueError):
    """No such category or band in this season."""


@dataclass(frozen=True)
class BoardEntry:
    key: str
    name_ar: str
    name_en: str
    rank: int | None
    ranked: bool
    composite: float | None
    stars: int | None
    ratings: int
    weighted_rating: float | None
    components: dict
    movement: int | None
    sparkline: tuple[float, ...]
    #: The components the cohort uses that this entry has no data for (why it is not ranked).
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class Board:
    season: Season
    category: str
    band: str | None
    prior_weight: float
    updated_at: datetime.datetime | None
    entries: tuple[BoardEntry, ...]

    @property
    def ranked(self) -> list[BoardEntry]:
        return [entry for entry in self.entries if entry.ranked]

    @property
    def not_yet_ranked(self) -> list[BoardEntry]:
        return [entry for entry in self.entries if not entry.ranked]


def current_season() -> Season | None:
    return Season.objects.filter(is_current=True).first()


def prior_weight(season: Season, category: str) -> float:
    configured = (season.prior_weights or {}).get(category)
    return float(configured if configured is not None else CATEGORIES[category].default_prior_weight)


def bands_of(season: Season, category: str) -> list[str | None]:
    """The bands a category has in a season (``[None]`` for an unbanded category); a frozen
    season keeps the bands it had when it froze."""
    banded_by = CATEGORIES[category].banded_by
    if season.is_frozen:
        return _frozen_bands(season, category)
    if banded_by == "size":
        return list(size_band_keys(season.size_bands))
    if banded_by == "agency":
        slugs = list(Agency.objects.filter(is_active=True).order_by("slug").values_list("slug", flat=True))
        return [ALL_BAND, *slugs] if category == DISTINGUISHED_EMPLOYEE else slugs
    return [None]


def _frozen_bands(season: Season, category: str) -> list[str | None]:
    stored = (season.frozen_bands or {}).get(category)
    if stored is not None:
        return list(stored)
    # Frozen before the bands were kept: the bands of its final standings.
    banded_by = CATEGORIES[category].banded_by
    if banded_by is None:
        return [None]
    if banded_by == "size":
        return list(size_band_keys(season.size_bands))
    bands = sorted(
        set(
            StandingSnapshot.objects.filter(season=season, category=category, final=True).values_list("band", flat=True)
        )
        - {ALL_BAND}
    )
    return [ALL_BAND, *bands] if category == DISTINGUISHED_EMPLOYEE else bands


def band_label(category: str, band: str | None, *, season: Season | None = None) -> str:
    """A band as a reader says it: "≤ 50", "51–500", "> 500", an agency's name, or "all"
    (for a frozen ``season``, the agency's name as the season's final standings hold it)."""
    from django.utils.translation import get_language, gettext

    if not band:
        return ""
    if band == ALL_BAND:
        return gettext("All agencies")
    if CATEGORIES[category].banded_by == "size":
        if band.startswith("le-"):
            return f"≤ {band[3:]}"
        if band.startswith("gt-"):
            return f"> {band[3:]}"
        return band.replace("-", "–")
    if season is not None and season.is_frozen:
        names = (
            StandingSnapshot.objects.filter(season=season, key=band, final=True, category__in=AGENCY_CATEGORIES)
            .values_list("name_ar", "name_en")
            .first()
        )
        if names:
            name_ar, name_en = names
            return (name_en if (get_language() or "ar")[:2] == "en" and name_en else name_ar) or band
    agency = Agency.objects.filter(slug=band).first()
    return agency.localized_name() if agency else band


@dataclass
class _Inputs:
    """Everything a season's boards are computed from, read once."""

    tallies: dict[str, dict[str, SeasonTally]]
    facts: dict
    overalls: dict[str, float]
    participation: dict[str, tuple[int, int]]
    headcount: dict[str, int]


def _inputs(season: Season) -> _Inputs:
    tallies: dict[str, dict[str, SeasonTally]] = defaultdict(dict)
    for tally in SeasonTally.objects.filter(season=season):
        tallies[tally.kind][tally.key] = tally
    cycle = season.cycle
    return _Inputs(
        tallies=tallies,
        facts=employee_facts(),
        overalls=released_overalls(cycle),
        participation=participation(cycle),
        headcount=front_line_headcount_by_agency(),
    )


def _stats(key: str, tally: SeasonTally | None, members: list, inputs: _Inputs) -> scoring.EntryStats:
    overalls = [inputs.overalls[m.employee_id] for m in members if m.employee_id in inputs.overalls]
    submitted = sum(inputs.participation.get(m.employee_id, (0, 0))[0] for m in members)
    assigned = sum(inputs.participation.get(m.employee_id, (0, 0))[1] for m in members)
    reached = tally.last_rating_at.timestamp() if tally and tally.last_rating_at else 0.0
    return scoring.EntryStats(
        key=key,
        ratings=tally.ratings if tally else 0,
        rating_sum=float(tally.rating_sum) if tally else 0.0,
        evaluation_overall=scoring.mean_or_none(overalls),
        submitted=submitted,
        assigned=assigned,
        first_reached_at=reached,
    )


def _names(kind: str, keys: list[str], inputs: _Inputs) -> dict[str, tuple[str, str]]:
    if kind == AGENCY:
        return {a.slug: (a.name_ar, a.name_en) for a in Agency.objects.filter(slug__in=keys)}
    if kind == UNIT:
        units = Unit.objects.select_related("agency")
        return {f"{u.agency.slug}/{u.slug}": (u.name_ar, u.name_en) for u in units}
    if kind == EMPLOYEE:
        return {f.employee_id: (f.name_ar, f.name_en) for f in inputs.facts.values()}
    labels = {}
    for key in keys:
        channel = key.split(":", 1)[1]
        label = FeedbackChannel(channel).label if channel in FeedbackChannel.values else channel
        with translation.override("ar"):
            name_ar = str(label)
        with translation.override("en"):
            name_en = str(label)
        labels[key] = (name_ar, name_en)
    return labels


def _cohort(season: Season, category: str, band: str | None, inputs: _Inputs) -> tuple[str, list[scoring.EntryStats]]:
    """The entry kind and the entries' statistics of one (category, band) cohort."""
    members_by_agency: dict[str, list] = defaultdict(list)
    members_by_unit: dict[str, list] = defaultdict(list)
    front_line = [f for f in inputs.facts.values() if f.front_line and f.is_active]
    for facts in front_line:
        members_by_agency[facts.agency_slug].append(facts)
        members_by_unit[facts.unit_key].append(facts)
    if category in (BEST_AGENCY, MOST_IMPROVED_AGENCY):
        agencies = sorted(members_by_agency)
        if category == BEST_AGENCY:
            agencies = [a for a in agencies if size_band_key(inputs.headcount.get(a, 0), season.size_bands) == band]
        return AGENCY, [_stats(a, inputs.tallies[AGENCY].get(a), members_by_agency[a], inputs) for a in agencies]
    if category == BEST_UNIT:
        return UNIT, [
            _stats(u, inputs.tallies[UNIT].get(u), members_by_unit[u], inputs) for u in sorted(members_by_unit)
        ]
    if category in (DISTINGUISHED_EMPLOYEE, RISING_STAR):
        people = [f for f in front_line if band in (None, ALL_BAND) or f.agency_slug == band]
        return EMPLOYEE, [
            _stats(f.employee_id, inputs.tallies[EMPLOYEE].get(f.employee_id), [f], inputs)
            for f in sorted(people, key=lambda f: f.employee_id)
        ]
    if category == BEST_CHANNEL:
        keys = sorted(key for key in inputs.tallies[CHANNEL] if key.split(":", 1)[0] == band)
        return CHANNEL, [_stats(key, inputs.tallies[CHANNEL][key], [], inputs) for key in keys]
    raise UnknownBoard(category)


def _history(season: Season, category: str, band: str | None) -> tuple[dict[str, int | None], dict[str, list]]:
    """Each entry's rank a week ago and its composites over the season (sparkline)."""
    snapshots = StandingSnapshot.objects.filter(season=season, category=category, band=band or "", final=False)
    week_ago = timezone.localdate() - datetime.timedelta(days=MOVEMENT_DAYS)
    reference_day = snapshots.filter(taken_on__lte=week_ago).order_by("-taken_on").values_list("taken_on", flat=True)
    previous_ranks: dict[str, int | None] = {}
    if reference_day:
        previous_ranks = dict(snapshots.filter(taken_on=reference_day[0]).values_list("key", "rank"))
    series: dict[str, list] = defaultdict(list)
    for key, composite in snapshots.order_by("taken_on").values_list("key", "composite"):
        if composite is not None:
            series[key].append(round(composite, 1))
    return previous_ranks, series


def _board(season: Season, category: str, band: str | None, inputs: _Inputs) -> Board:
    definition = CATEGORIES.get(category)
    if definition is None:
        raise UnknownBoard(category)
    if band not in bands_of(season, category):
        raise UnknownBoard(band)
    weight = prior_weight(season, category)
    if definition.by_improvement:
        return _improvement_board(season, category, weight, inputs)
    kind, entries = _cohort(season, category, band, inputs)
    standings = scoring.rank_cohort(
        entries=entries, prior_weight=weight, weights=season.weights, star_cutoffs=season.star_cutoffs
    )
    names = _names(kind, [s.key for s in standings], inputs)
    previous_ranks, series = _history(season, category, band)
    updated = max((t.last_rating_at for t in inputs.tallies[kind].values() if t.last_rating_at), default=None)
    return Board(
        season=season,
        category=category,
        band=band,
        prior_weight=weight,
        updated_at=updated,
        entries=tuple(
            BoardEntry(
                key=s.key,
                name_ar=names.get(s.key, (s.key, s.key))[0],
                name_en=names.get(s.key, (s.key, s.key))[1],
                rank=s.rank,
                ranked=s.ranked,
                composite=s.composite,
                stars=s.stars,
                ratings=s.ratings,
                weighted_rating=s.weighted_rating,
                components=dict(s.components),
                movement=scoring.movement(previous_ranks.get(s.key), s.rank),
                sparkline=tuple(series.get(s.key, [])[-SPARKLINE_POINTS:]),
                missing=s.missing,
            )
            for s in standings
        ),
    )


def _improvement_board(season: Season, category: str, weight: float, inputs: _Inputs) -> Board:
    """Most improved: this season's composite against the previous season's frozen one."""
    base_category = BEST_AGENCY if category == MOST_IMPROVED_AGENCY else DISTINGUISHED_EMPLOYEE
    current: dict[str, BoardEntry] = {}
    for band in bands_of(season, base_category) if base_category == BEST_AGENCY else [ALL_BAND]:
        for entry in _board(season, base_category, band, inputs).entries:
            current[entry.key] = entry
    previous_season = (
        Season.objects.filter(ends_on__lt=season.starts_on, frozen_at__isnull=False).order_by("-ends_on").first()
    )
    previous: dict[str, float | None] = {}
    if previous_season is not None:
        previous = dict(
            StandingSnapshot.objects.filter(season=previous_season, category=base_category, final=True).values_list(
                "key", "composite"
            )
        )
    rising = []
    for key, entry in current.items():
        change = scoring.improvement(previous.get(key), entry.composite if entry.ranked else None)
        rising.append((change, entry))
    ranked = sorted(
        [(change, entry) for change, entry in rising if change is not None],
        key=lambda item: (-round(item[0], 9), -item[1].ratings, item[1].key),
    )
    unranked = sorted([entry for change, entry in rising if change is None], key=lambda e: (-e.ratings, e.key))
    entries = [
        replace(
            entry,
            rank=position,
            ranked=True,
            composite=change,
            components={**entry.components, "composite": entry.composite},
            movement=None,
        )
        for position, (change, entry) in enumerate(ranked, start=1)
    ] + [replace(entry, rank=None, ranked=False, composite=None, stars=None, movement=None) for entry in unranked]
    updated = max(
        (t.last_rating_at for kind in inputs.tallies.values() for t in kind.values() if t.last_rating_at), default=None
    )
    return Board(
        season=season, category=category, band=None, prior_weight=weight, updated_at=updated, entries=tuple(entries)
    )


def _frozen_board(season: Season, category: str, band: str | None) -> Board:
    """A frozen season's board, exactly as its final standings stored it."""
    if band not in bands_of(season, category):
        raise UnknownBoard(band)
    rows = StandingSnapshot.objects.filter(season=season, category=category, band=band or "", final=True).order_by(
        "position", "rank", "key"
    )
    return Board(
        season=season,
        category=category,
        band=band,
        prior_weight=prior_weight(season, category),
        updated_at=season.frozen_at,
        entries=tuple(
            BoardEntry(
                key=row.key,
                name_ar=row.name_ar or row.key,
                name_en=row.name_en or row.name_ar or row.key,
                rank=row.rank,
                ranked=row.rank is not None,
                composite=row.composite,
                stars=row.stars,
                ratings=row.ratings,
                weighted_rating=row.weighted_rating,
                components=dict(row.components or {}),
                movement=row.movement,
                sparkline=tuple(row.sparkline or ()),
            )
            for row in rows
        ),
    )


#: Seconds a computed board is kept at most; any standings change replaces it at once.
BOARD_CACHE_SECONDS = 60


def _version_key(season_id: int) -> str:
    return f"awards:standings-version:{season_id}"


def standings_changed(season_ids) -> None:
    """Forget the cached boards of these seasons (called after the change commits), and the
    cached leaderboard pages (``portal.content_version``)."""
    from portal import content_version

    content_version.bump_now(content_version.LEADERBOARD)
    for season_id in season_ids:
        try:
            cache.incr(_version_key(season_id))
        except ValueError:
            cache.set(_version_key(season_id), 1, None)
        except Exception:
            # The shared cache is unreachable: boards are keyed by the leaderboard's content
            # version too, which is replaced once the cache is back (portal.content_version).
            logger.exception("Could not replace the standings version of season %s", season_id)


def board(*, season: Season, category: str, band: str | None = None) -> Board:
    """One leaderboard; raises :class:`UnknownBoard` for a category or band the season lacks.

    Boards are cached (Redis when ``REDIS_URL`` is set) under the season's standings
    version, which every change bumps after it commits: a reader never gets a board older
    than the last committed rating, and the cost of a board does not depend on traffic."""
    if category not in CATEGORIES:
        raise UnknownBoard(category)
    if band is None:
        bands = bands_of(season, category)
        band = bands[0] if bands else None
    from portal import content_version

    def compute() -> Board:
        if season.is_frozen:
            return _frozen_board(season, category, band)
        return _board(season, category, band, _inputs(season))

    try:
        version = cache.get(_version_key(season.pk), 0)
        key = content_version.key(
            "awards:board",
            season.pk,
            version,
            category,
            band,
            timezone.localdate().isoformat(),
            scopes=(content_version.LEADERBOARD,),
        )
        cached = cache.get(key)
    except Exception:  # the shared cache is unreachable: compute, keep nothing
        return compute()
    if cached is not None:
        return cached
    result = compute()
    try:
        cache.set(key, result, BOARD_CACHE_SECONDS)
    except Exception:
        logger.exception("Could not store the board %s %s", category, band)
    return result


def all_boards(*, season: Season) -> Iterator[Board]:
    if season.is_frozen:
        for category in CATEGORIES:
            for band in bands_of(season, category):
                yield _frozen_board(season, category, band)
        return
    inputs = _inputs(season)
    for category in CATEGORIES:
        for band in bands_of(season, category):
            yield _board(season, category, band, inputs)


@dataclass(frozen=True)
class AgencyDetail:
    """One agency's standing explained for staff: its composite's components with their
    sample sizes, its trend, and its units' and channels' standings. Aggregates only: no
    rating, comment or person appears, and a 360° report counts only once released (which
    already leaves out groups below their anonymity thresholds)."""

    season: Season
    key: str
    name_ar: str
    name_en: str
    band: str
    prior_weight: float
    entry: BoardEntry
    evaluation_mean: float | None
    reports_counted: int
    front_line: int
    submitted: int
    assigned: int
    units: tuple[BoardEntry, ...]
    unit_prior_weight: float
    channels: tuple[BoardEntry, ...]
    channel_prior_weight: float

    @property
    def participation(self) -> float | None:
        return None if not self.assigned else self.submitted / self.assigned * 100


def agency_detail(*, season: Season, slug: str) -> AgencyDetail | None:
    """The detail of the agency ``slug`` in ``season`` (``None``: no such agency with
    front-line employees). A fixed number of queries, whatever the agency's size."""
    inputs = _inputs(season)
    members = [f for f in inputs.facts.values() if f.front_line and f.is_active and f.agency_slug == slug]
    if not members:
        return None
    band = size_band_key(inputs.headcount.get(slug, 0), season.size_bands)
    agency_board = _board(season, BEST_AGENCY, band, inputs)
    entry = next((item for item in agency_board.entries if item.key == slug), None)
    if entry is None:
        return None
    overalls = [inputs.overalls[m.employee_id] for m in members if m.employee_id in inputs.overalls]
    units = tuple(item for item in _board(season, BEST_UNIT, None, inputs).entries if item.key.startswith(f"{slug}/"))
    channel_bands = bands_of(season, BEST_CHANNEL)
    channels = _board(season, BEST_CHANNEL, slug, inputs).entries if slug in channel_bands else ()
    return AgencyDetail(
        season=season,
        key=slug,
        name_ar=entry.name_ar,
        name_en=entry.name_en,
        band=band,
        prior_weight=agency_board.prior_weight,
        entry=entry,
        evaluation_mean=scoring.mean_or_none(overalls),
        reports_counted=len(overalls),
        front_line=len(members),
        submitted=sum(inputs.participation.get(m.employee_id, (0, 0))[0] for m in members),
        assigned=sum(inputs.participation.get(m.employee_id, (0, 0))[1] for m in members),
        units=units,
        unit_prior_weight=prior_weight(season, BEST_UNIT),
        channels=tuple(channels),
        channel_prior_weight=prior_weight(season, BEST_CHANNEL),
    )
