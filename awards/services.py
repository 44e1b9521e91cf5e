"""Writes and workflows of the awards app: seasons, the standings' running tallies, their
recomputation, daily snapshots and freezing a season that has ended. Live events leave only
after the transaction commits."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from awards import live
from awards.categories import AGENCY, CHANNEL, EMPLOYEE, UNIT
from awards.models import Season, SeasonTally, StandingSnapshot
from evaluations.award_inputs import employee_facts

SEASON_CREATE_ACTION = "awards.season_create"
SEASON_FREEZE_ACTION = "awards.season_freeze"
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
) -> Season:
    season = Season(slug=slug, name_ar=name_ar, name_en=name_en, starts_on=starts_on, ends_on=ends_on, cycle=cycle)
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
    log(instance=season, action=SEASON_CREATE_ACTION, user=by, data={"slug": slug})
    return season


@transaction.atomic
def set_current_season(*, season: Season, by=None) -> Season:
    Season.objects.filter(is_current=True).exclude(pk=season.pk).update(is_current=False)
    Season.objects.filter(pk=season.pk).update(is_current=True)
    season.is_current = True
    return season


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


def _deltas(added: Iterable, removed: Iterable) -> dict[tuple[int, str, str], _Delta]:
    """Tally changes per (season, kind, key) for ratings that now count (``added``) and
    copies of ratings as they counted before (``removed``)."""
    added, removed = [r for r in added if r.counted], [r for r in removed if r.counted]
    if not added and not removed:
        return {}
    seasons = list(Season.objects.filter(frozen_at__isnull=True).only("pk", "starts_on", "ends_on"))
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
                    if sign > 0 and (delta.last_rating_at is None or rating.submitted_at > delta.last_rating_at):
                        delta.last_rating_at = rating.submitted_at
    return deltas


@transaction.atomic(savepoint=False)  # no savepoint: a failure here fails the caller's whole write
def apply_rating_changes(*, added: Iterable = (), removed: Iterable = ()) -> set[int]:
    """Move the running tallies by the ratings that now count and those that no longer do,
    in the caller's transaction; the live leaderboards hear of it after commit. Returns the
    seasons touched."""
    deltas = _deltas(added, removed)
    for (season_id, kind, key), delta in deltas.items():
        changes = {
            "ratings": F("ratings") + delta.ratings,
            "rating_sum": F("rating_sum") + delta.rating_sum,
            "five_star": F("five_star") + delta.five_star,
        }
        if delta.last_rating_at is not None:
            changes["last_rating_at"] = delta.last_rating_at
        tallies = SeasonTally.objects.filter(season_id=season_id, kind=kind, key=key)
        if tallies.update(**changes):
            continue
        try:
            with transaction.atomic():
                SeasonTally.objects.create(
                    season_id=season_id,
                    kind=kind,
                    key=key,
                    ratings=max(delta.ratings, 0),
                    rating_sum=max(delta.rating_sum, 0),
                    five_star=max(delta.five_star, 0),
                    last_rating_at=delta.last_rating_at,
                )
        except IntegrityError:  # created meanwhile by a concurrent rating: add to it
            tallies.update(**changes)
    seasons = {season_id for season_id, _kind, _key in deltas}
    if seasons:
        standings_moved(seasons)
    return seasons


def standings_moved(season_ids) -> None:
    """Drop the cached boards now (for this transaction's own reads) and again once the
    change commits (a board another request computed meanwhile from the data before the
    commit is dropped too); then tell the open leaderboards."""
    from awards.standings import standings_changed

    season_ids = set(season_ids)
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
def recompute_season(*, season: Season, by=None, until: datetime.datetime | None = None) -> RecomputeReport:
    """Rebuild a season's tallies from the ratings themselves and report every entry whose
    running tally differed (there should be none). ``until`` rebuilds them as they stood at
    that moment (the demo's history of weekly standings)."""
    from evaluations.models import CustomerRating

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
        if stored_values != (wanted.ratings, wanted.rating_sum, wanted.five_star):
            report.differences.append(
                f"{entry[0]} {entry[1]}: {stored_values[0]} ratings / {stored_values[1]} → "
                f"{wanted.ratings} ratings / {wanted.rating_sum}"
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


@transaction.atomic
def take_snapshots(*, season: Season, day: datetime.date | None = None, final: bool = False) -> int:
    """Store every category's standings of ``season`` for ``day`` (idempotent per day)."""
    from awards import standings

    day = day or timezone.localdate()
    rows = []
    for board in standings.all_boards(season=season):
        for entry in board.entries:
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
    take_snapshots(season=season, day=season.ends_on, final=True)
    Season.objects.filter(pk=season.pk).update(frozen_at=now)
    season.frozen_at = now
    standings_moved([season.pk])
    from awards.badges import grant_after_commit

    grant_after_commit(season=season)
    log(instance=season, action=SEASON_FREEZE_ACTION, user=by, data={"slug": season.slug})
    return season


def freeze_ended_seasons(*, now: datetime.datetime | None = None) -> list[Season]:
    """Freeze every season that has ended (safe to run from cron as often as you like)."""
    now = now or timezone.now()
    frozen = []
    for season in Season.objects.filter(frozen_at__isnull=True, ends_on__lt=timezone.localdate(now)):
        frozen.append(freeze_season(season=season, now=now))
    return frozen
