"""The demo's award seasons: a past season with frozen standings and a current season whose
leaderboard the demo's customer ratings fill, with weekly history (movement, sparklines).
Whatever exists is left alone."""

from __future__ import annotations

import datetime

from django.utils import timezone

from awards.models import Season
from awards.services import create_season, freeze_season, recompute_season, take_snapshots

PAST_SEASON = "demo-season-spring"
CURRENT_SEASON = "demo-season-autumn"


def _history(season: Season, days: list[datetime.date]) -> None:
    zone = timezone.get_current_timezone()
    for day in days:
        until = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
        recompute_season(season=season, until=until)
        take_snapshots(season=season, day=day)
    recompute_season(season=season)


def load_demo_awards(*, today: datetime.date | None = None) -> list[str]:
    from evaluations.demo import PAST_CYCLE
    from evaluations.models import Cycle

    today = today or timezone.localdate()
    cycle = Cycle.objects.filter(slug=PAST_CYCLE, status=Cycle.Status.RELEASED).first()
    done: list[str] = []
    if not Season.objects.filter(slug=PAST_SEASON).exists():
        season = create_season(
            slug=PAST_SEASON,
            name_ar="موسم جائزة خدمة العملاء: الربيع",
            name_en="Customer-service award: spring season",
            starts_on=today - datetime.timedelta(days=120),
            ends_on=today - datetime.timedelta(days=36),
            cycle=cycle,
        )
        _history(season, [season.starts_on + datetime.timedelta(days=7 * week) for week in range(1, 12)])
        freeze_season(season=season)
        done.append(f"frozen season: {PAST_SEASON}")
    if not Season.objects.filter(slug=CURRENT_SEASON).exists():
        season = create_season(
            slug=CURRENT_SEASON,
            name_ar="موسم جائزة خدمة العملاء: الخريف",
            name_en="Customer-service award: autumn season",
            starts_on=today - datetime.timedelta(days=35),
            ends_on=today + datetime.timedelta(days=55),
            cycle=cycle,
            make_current=True,
        )
        _history(season, [today - datetime.timedelta(days=7 * week) for week in range(4, 0, -1)])
        done.append(f"current season: {CURRENT_SEASON}")
    return done
