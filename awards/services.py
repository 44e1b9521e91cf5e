"""Writes and workflows of the awards app: seasons, the standings' running tallies, their
recomputation, daily snapshots and freezing a season that has ended. Live events leave only
after the transaction commits."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, IntegrityError, transaction
from django.db.models import F, Max
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from awards import live
from awards.categories import AGENCY, CHANNEL, EMPLOYEE, UNIT
from awards.models import Season, SeasonTally, StandingSnapshot
from evaluations.award_inputs import employee_facts
from portal.db.compiled import CompiledSelect, CompiledUpdate, fields_in_model_order

SEASON_CREATE_ACTION = "awards.season_create"
SEASON_FREEZE_ACTION = "awards.season_freeze"
SEASON_CURRENT_ACTION = "awards.season_current"
SEASON_UPDATE_ACTION = "awards.season_update"
RECOMPUTE_ACTION = "awards.recompute"


class SeasonError(Exception):
    """A season change that cannot be made; the message is for the person who asked."""


@transaction.atomic
def create_season(
    *,
    slug: str,
    name_ar: str,
    name_en: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    cycle=None,
    make_current: bool = False,
    by=None,
    scoring_settings: Mapping[str, Any] | None = None,
) -> Season:
    """A new season, its tallies built at once from the ratings already in its dates,
    audited. ``scoring_settings``: any of weights, star_cutoffs, size_bands, prior_weights
    (the defaults otherwise)."""
    unknown = set(scoring_settings or {}) - set(SCORING_SETTINGS)
    if unknown:
        raise ValueError(f"unknown season settings: {sorted(unknown)}")
    season = Season(
        slug=slug,
        name_ar=name_ar,
        name_en=name_en,
        starts_on=starts_on,
        ends_on=ends_on,
        cycle=cycle,
        **(scoring_settings or {}),
    )
    if Season.objects.filter(slug=slug).exists():
        raise SeasonError(_("A season with the slug “%(slug)s” already exists.") % {"slug": slug})
    try:
        season.full_clean()
    except Exception as error:
        raise SeasonError("; ".join(getattr(error, "messages", [str(error)]))) from error
    season.save()
    if make_current:
        set_current_season(season=season, by=by)
    recompute_season(season=season, by=None)
    log(instance=season, action=SEASON_CREATE_ACTION, user=_actor(by), data={"slug": slug})
    return season


#: A season's scoring settings (JSON fields, validated by ``Season.clean``).
SCORING_SETTINGS = ("weights", "star_cutoffs", "size_bands", "prior_weights")
#: What can change once a season is frozen (its standings, dates and settings cannot).
FROZEN_EDITABLE = ("name_ar", "name_en")
EDITABLE = ("slug", "name_ar", "name_en", "starts_on", "ends_on", "cycle", *SCORING_SETTINGS)


@transaction.atomic
def update_season(*, season: Season, changes: Mapping[str, Any], by=None) -> Season:
    """Change a season's names, dates, cycle or scoring settings, audited. New dates or a
    new cycle rebuild its tallies from the ratings; any change refreshes its boards. A
    frozen season keeps everything but its names."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable season fields: {sorted(unknown)}")
    stored = Season.objects.select_for_update().get(pk=season.pk)
    changed = sorted(name for name, value in changes.items() if getattr(stored, name) != value)
    if not changed:
        return season
    if stored.is_frozen and set(changed) - set(FROZEN_EDITABLE):
        raise SeasonError(_("The season “%(season)s” is frozen: only its names can change.") % {"season": stored})
    for name in changed:
        setattr(stored, name, changes[name])
    try:
        stored.full_clean()
    except ValidationError as error:
        raise SeasonError("; ".join(error.messages)) from error
    stored.save()
    if {"starts_on", "ends_on", "cycle"} & set(changed) and not stored.is_frozen:
        recompute_season(season=stored, by=None)
    else:
        standings_moved([stored.pk])
    log(instance=stored, action=SEASON_UPDATE_ACTION, user=_actor(by), data={"changed": changed})
    return stored


@transaction.atomic
def set_current_season(*, season: Season, by=None) -> Season:
    """Make ``season`` the one current season (the one /awards/ shows), audited. A frozen
    season cannot become current."""
    if season.is_frozen:
        raise SeasonError(
            _("The season “%(season)s” is frozen: it cannot become the current season.") % {"season": season}
        )
    if Season.objects.filter(pk=season.pk, is_current=True).exists():
        season.is_current = True
        return season
    previous = Season.objects.filter(is_current=True).exclude(pk=season.pk).first()
    Season.objects.filter(is_current=True).exclude(pk=season.pk).update(is_current=False)
    Season.objects.filter(pk=season.pk).update(is_current=True)
    season.is_current = True
    log(
        instance=season,
        action=SEASON_CURRENT_ACTION,
        user=_actor(by),
        data={"slug": season.slug, "previous": previous.slug if previous else None},
    )
    standings_moved([season.pk] + ([previous.pk] if previous else []))
    return season


def _actor(by):
    return by if by is not None and getattr(by, "is_authenticated", False) else None


def _entry_keys(facts, channel: str) -> list[tuple[str, str]]:
    return [
        (AGENCY, facts.agency_slug),
        (UNIT, facts.unit_key),
        (EMPLOYEE, facts.employee_id),
        (CHANNEL, f"{facts.agency_slug}:{channel}"),
    ]


@dataclass
class _Delta:
    ratings: int = 0
    rating_sum: int = 0
    five_star: int = 0
    last_rating_at: datetime.datetime | None = None
    removed: bool = False


#: What ``_deltas`` reads of the seasons whose tallies still move (for every rating that
#: arrives, so its SQL is written once: ``portal.db.compiled``), in the model's field order.
_OPEN_SEASON_FIELDS = fields_in_model_order(Season, ("id", "slug", "starts_on", "ends_on"))
_OPEN_SEASONS = CompiledSelect(lambda: Season.objects.filter(frozen_at__isnull=True).values_list(*_OPEN_SEASON_FIELDS))


def _deltas(added: Iterable, removed: Iterable, seasons: list[Season]) -> dict[tuple[int, str, str], _Delta]:
    """Tally changes per (season, kind, key) of the open ``seasons`` for ratings that now
    count (``added``) and copies of ratings as they counted before (``removed``)."""
    added, removed = [r for r in added if r.counted], [r for r in removed if r.counted]
    if not seasons:
        return {}
    facts = employee_facts({rating.employee_id for rating in (*added, *removed)})
    deltas: dict[tuple[int, str, str], _Delta] = defaultdict(_Delta)
    for sign, ratings in ((1, added), (-1, removed)):
        for rating in ratings:
            employee = facts.get(rating.employee_id)
            if employee is None:
                continue
            day = timezone.localdate(rating.submitted_at)
            for season in seasons:
                if not season.starts_on <= day <= season.ends_on:
                    continue
                for kind, key in _entry_keys(employee, rating.channel):
                    delta = deltas[(season.pk, kind, key)]
                    delta.ratings += sign
                    delta.rating_sum += sign * rating.overall
                    delta.five_star += sign * (rating.overall == 5)
                    delta.removed |= sign < 0
                    if sign > 0 and (delta.last_rating_at is None or rating.submitted_at > delta.last_rating_at):
                        delta.last_rating_at = rating.submitted_at
    return deltas


def _moved_tally(season_id, kind, key, ratings, rating_sum, five_star, last_rating_at=None):
    """A tally moved by the amounts given: the update ``apply_rating_changes`` runs for
    every rating that arrives (its SQL written once: ``portal.db.compiled``)."""
    changes = {
        "ratings": F("ratings") + ratings,
        "rating_sum": F("rating_sum") + rating_sum,
        "five_star": F("five_star") + five_star,
    }
    if last_rating_at is not None:
        # A rating counted again later (a flag cleared) never moves the moment back.
        changes["last_rating_at"] = Greatest(Coalesce("last_rating_at", last_rating_at), last_rating_at)
    return SeasonTally.objects.filter(season_id=season_id, kind=kind, key=key), changes


_TALLY_ENTRY = {"season_id": int, "kind": str, "key": str, "ratings": int, "rating_sum": int, "five_star": int}
_MOVE_TALLY = CompiledUpdate(_moved_tally, **_TALLY_ENTRY)
_MOVE_TALLY_AND_LAST_RATING = CompiledUpdate(_moved_tally, **_TALLY_ENTRY, last_rating_at=datetime.datetime)
#: The order tallies are written in (``apply_rating_changes``).
_KIND_ORDER = {EMPLOYEE: 0, UNIT: 1, CHANNEL: 2, AGENCY: 3}


def _move_tally(entry: dict[str, Any], delta: _Delta) -> int:
    """Move the existing tally ``entry`` by ``delta``; the number of rows moved (0: none yet)."""
    changes = {"ratings": delta.ratings, "rating_sum": delta.rating_sum, "five_star": delta.five_star}
    if delta.last_rating_at is None:
        return _MOVE_TALLY.execute(**entry, **changes)
    return _MOVE_TALLY_AND_LAST_RATING.execute(**entry, **changes, last_rating_at=delta.last_rating_at)


def _tally_order(item) -> tuple:
    (season_id, kind, key), _delta = item
    return (season_id, _KIND_ORDER.get(kind, len(_KIND_ORDER)), kind, key)


@transaction.atomic(savepoint=False)  # no savepoint: a failure here fails the caller's whole write
def apply_rating_changes(*, added: Iterable = (), removed: Iterable = ()) -> set[int]:
    """Move the running tallies by the ratings that now count and those that no longer do,
    in the caller's transaction; the live leaderboards hear of it after commit. Returns the
    seasons touched."""
    added, removed = list(added), list(removed)
    if not any(rating.counted for rating in (*added, *removed)):
        return set()
    open_seasons = [Season.from_db(DEFAULT_DB_ALIAS, _OPEN_SEASON_FIELDS, row) for row in _OPEN_SEASONS.rows()]
    deltas = _deltas(added, removed, open_seasons)
    seasons = {season_id for season_id, _kind, _key in deltas}
    if seasons:
        # Before the writes below: its cache round trips are then not made while this
        # transaction holds the tallies' rows, which every other rating waits for.
        standings_moved(seasons, slugs=[season.slug for season in open_seasons if season.pk in seasons])
    # One order for every writer (a rating, an import, a flag cleared), so two never wait on
    # each other's rows; the most shared rows (the agency's, its channels') last, so they
    # are held for the least time before the commit.
    for (season_id, kind, key), delta in sorted(deltas.items(), key=_tally_order):
        entry = {"season_id": season_id, "kind": kind, "key": key}
        if _move_tally(entry, delta):
            continue
        try:
            with transaction.atomic():
                SeasonTally.objects.create(
                    **entry,
                    ratings=max(delta.ratings, 0),
                    rating_sum=max(delta.rating_sum, 0),
                    five_star=max(delta.five_star, 0),
                    last_rating_at=delta.last_rating_at,
                )
        except IntegrityError:  # created meanwhile by a concurrent rating: add to it
            _move_tally(entry, delta)
    _settle_last_rating_at([entry for entry, delta in deltas.items() if delta.removed])
    return seasons


def _settle_last_rating_at(entries: list[tuple[int, str, str]]) -> None:
    """After ratings stopped counting, each touched entry's moment of its last rating is
    that of its latest rating still counted (the tie-break reads it; a discounted rating
    must not keep an entry ahead). Rare (discounts, corrections), so read directly."""
    if not entries:
        return
    from evaluations.models import CustomerRating

    facts = employee_facts()
    seasons = {season.pk: season for season in Season.objects.filter(pk__in={entry[0] for entry in entries})}
    for season_id, kind, key in entries:
        if kind == CHANNEL:
            agency_slug, _sep, channel = key.rpartition(":")
            employees = [pk for pk, employee in facts.items() if employee.agency_slug == agency_slug]
            ratings = CustomerRating.objects.counted().filter(employee_id__in=employees, channel=channel)
        else:
            employees = [pk for pk, employee in facts.items() if (kind, key) in _entry_keys(employee, "")]
            ratings = CustomerRating.objects.counted().filter(employee_id__in=employees)
        start, end = seasons[season_id].period()
        latest = ratings.submitted_between(start, end).aggregate(latest=Max("submitted_at"))["latest"]
        SeasonTally.objects.filter(season_id=season_id, kind=kind, key=key).update(last_rating_at=latest)


def standings_moved(season_ids, *, slugs: list[str] | None = None) -> None:
    """Drop the cached boards now (for this transaction's own reads) and again once the
    change commits (a board another request computed meanwhile from the data before the
    commit is dropped too); then tell the open leaderboards."""
    from awards.standings import standings_changed

    season_ids = set(season_ids)
    if slugs is None:
        slugs = list(Season.objects.filter(pk__in=season_ids).values_list("slug", flat=True))
    standings_changed(season_ids)

    def announce() -> None:
        standings_changed(season_ids)
        live.announce_standings_changed(slugs)

    transaction.on_commit(announce)


@dataclass
class RecomputeReport:
    season: Season
    differences: list[str] = field(default_factory=list)
    tallies: int = 0


@transaction.atomic
def recompute_season(
    *, season: Season, by=None, until: datetime.datetime | None = None, force: bool = False
) -> RecomputeReport:
    """Rebuild a season's tallies from the ratings themselves and report every entry whose
    running tally differed (there should be none), counts and the moment of its last
    rating alike (ties go to whoever reached the score first). ``until`` rebuilds them as
    they stood at that moment (the demo's history of weekly standings).

    A frozen season is refused unless ``force``; even then only its tallies are rebuilt:
    its final standings, which its boards, shortlists and winners read, never change."""
    from evaluations.models import CustomerRating

    if season.is_frozen and not force:
        raise SeasonError(
            _("The season “%(season)s” is frozen: its tallies are not recomputed (use --force to rebuild them anyway).")
            % {"season": season}
        )
    start, end = season.period()
    if until is not None:
        end = min(end, until)
    ratings = (
        CustomerRating.objects.counted()
        .submitted_between(start, end)
        .only("employee_id", "channel", "overall", "submitted_at", "counted")
    )
    expected: dict[tuple[str, str], _Delta] = defaultdict(_Delta)
    facts = employee_facts()
    for rating in ratings.iterator(chunk_size=5000):
        employee = facts.get(rating.employee_id)
        if employee is None:
            continue
        for kind, key in _entry_keys(employee, rating.channel):
            delta = expected[(kind, key)]
            delta.ratings += 1
            delta.rating_sum += rating.overall
            delta.five_star += rating.overall == 5
            if delta.last_rating_at is None or rating.submitted_at > delta.last_rating_at:
                delta.last_rating_at = rating.submitted_at
    current = {(tally.kind, tally.key): tally for tally in SeasonTally.objects.filter(season=season)}
    report = RecomputeReport(season=season, tallies=len(expected))
    for entry in sorted(set(current) | set(expected)):
        stored, wanted = current.get(entry), expected.get(entry, _Delta())
        stored_values = (stored.ratings, stored.rating_sum, stored.five_star) if stored else (0, 0, 0)
        stored_last = stored.last_rating_at if stored else None
        if stored_values != (wanted.ratings, wanted.rating_sum, wanted.five_star):
            report.differences.append(
                f"{entry[0]} {entry[1]}: {stored_values[0]} ratings / {stored_values[1]} → "
                f"{wanted.ratings} ratings / {wanted.rating_sum}"
            )
        elif stored_last != wanted.last_rating_at:
            report.differences.append(
                f"{entry[0]} {entry[1]}: last rating {_moment(stored_last)} → {_moment(wanted.last_rating_at)}"
            )
    SeasonTally.objects.filter(season=season).delete()
    SeasonTally.objects.bulk_create(
        [
            SeasonTally(
                season=season,
                kind=kind,
                key=key,
                ratings=delta.ratings,
                rating_sum=delta.rating_sum,
                five_star=delta.five_star,
                last_rating_at=delta.last_rating_at,
            )
            for (kind, key), delta in expected.items()
        ],
        batch_size=1000,
    )
    if by is not None or report.differences:
        log(instance=season, action=RECOMPUTE_ACTION, user=by, data={"differences": len(report.differences)})
    standings_moved([season.pk])
    return report


def _moment(value: datetime.datetime | None) -> str:
    return timezone.localtime(value).isoformat() if value else "—"


@transaction.atomic
def take_snapshots(*, season: Season, day: datetime.date | None = None, final: bool = False) -> int:
    """Store every category's standings of ``season`` for ``day`` (idempotent per day),
    each row with everything its line on the board shows. A frozen season's standings are
    never taken again."""
    from awards import standings

    if season.is_frozen:
        raise SeasonError(_("The season “%(season)s” is frozen: its standings no longer change.") % {"season": season})
    day = day or timezone.localdate()
    rows = []
    for board in standings.all_boards(season=season):
        for position, entry in enumerate(board.entries):
            rows.append(
                StandingSnapshot(
                    season=season,
                    category=board.category,
                    band=board.band or "",
                    key=entry.key,
                    taken_on=day,
                    rank=entry.rank,
                    composite=entry.composite,
                    stars=entry.stars,
                    ratings=entry.ratings,
                    final=final,
                    position=position,
                    name_ar=entry.name_ar,
                    name_en=entry.name_en,
                    weighted_rating=entry.weighted_rating,
                    components=entry.components,
                    movement=entry.movement,
                    sparkline=list(entry.sparkline),
                    missing=list(entry.missing),
                )
            )
    StandingSnapshot.objects.filter(season=season, taken_on=day, final=final).delete()
    StandingSnapshot.objects.bulk_create(rows, batch_size=1000)
    standings_moved([season.pk])
    return len(rows)


@transaction.atomic
def freeze_season(*, season: Season, by=None, now: datetime.datetime | None = None) -> Season:
    """Freeze an ended season's standings: its final snapshot is what the awards, the hall
    of fame and the next season's "most improved" read; later ratings no longer move it."""
    now = now or timezone.now()
    if season.is_frozen:
        raise SeasonError(_("The season “%(season)s” is already frozen.") % {"season": season})
    if timezone.localdate(now) <= season.ends_on:
        raise SeasonError(_("The season “%(season)s” has not ended yet.") % {"season": season})
    from awards import standings
    from awards.categories import CATEGORIES

    take_snapshots(season=season, day=season.ends_on, final=True)
    bands = {category: standings.bands_of(season, category) for category in CATEGORIES}
    Season.objects.filter(pk=season.pk).update(frozen_at=now, frozen_bands=bands)
    season.frozen_at, season.frozen_bands = now, bands
    standings_moved([season.pk])
    from awards.badges import grant_after_commit

    grant_after_commit(season=season)
    log(instance=season, action=SEASON_FREEZE_ACTION, user=by, data={"slug": season.slug})
    if Season.objects.filter(pk=season.pk, is_current=True).exists():
        # /awards/ moves on to the season running today, if there is one.
        successor = Season.objects.containing(now).filter(frozen_at__isnull=True).exclude(pk=season.pk).first()
        if successor is not None:
            set_current_season(season=successor, by=by)
            season.is_current = False
    return season


def freeze_ended_seasons(*, now: datetime.datetime | None = None) -> list[Season]:
    """Freeze every season that has ended (safe to run from cron as often as you like)."""
    now = now or timezone.now()
    frozen = []
    for season in Season.objects.filter(frozen_at__isnull=True, ends_on__lt=timezone.localdate(now)):
        frozen.append(freeze_season(season=season, now=now))
    return frozen
