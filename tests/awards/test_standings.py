"""Customer ratings move the season's running tallies in their own transaction; the
standings are ranked with the shrunk score; a handful of ratings never ranks; recompute
finds no difference; a frozen season no longer moves."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from awards import standings
from awards.models import SeasonTally, StandingSnapshot
from awards.services import freeze_season, recompute_season, take_snapshots
from evaluations.customer_imports import import_customer_feedback
from tests.awards.conftest import rate


def tally(season, kind, key):
    return SeasonTally.objects.get(season=season, kind=kind, key=key)


def test_a_rating_moves_every_tally_it_belongs_to(season, two_agencies):
    employee = two_agencies["alpha"][0]
    rate(employee, 5, channel="phone")
    rate(employee, 3)
    assert (tally(season, "agency", "alpha").ratings, tally(season, "agency", "alpha").rating_sum) == (2, 8)
    assert tally(season, "unit", "alpha/centre").ratings == 2
    assert tally(season, "employee", employee.employee_id).five_star == 1
    assert tally(season, "channel", "alpha:phone").rating_sum == 5
    assert tally(season, "channel", "alpha:centre").rating_sum == 3


def test_an_imported_correction_moves_the_tally_by_the_difference(season, two_agencies):
    when = timezone.now().isoformat()
    header = "source_ref,employee_id,submitted_at,channel,overall,respect,time,clarity,solved,comment\n"
    import_customer_feedback(text=header + f"k-1,alpha-0,{when},centre,2,,,,,\n")
    import_customer_feedback(text=header + f"k-1,alpha-0,{when},centre,5,,,,,\n")
    agency = tally(season, "agency", "alpha")
    assert (agency.ratings, agency.rating_sum) == (1, 5)


def test_a_handful_of_ratings_is_listed_but_never_ranked(season, two_agencies):
    season.prior_weights = {"best_agency": 10}
    season.save()
    rate(two_agencies["alpha"][0], 5, count=3)
    rate(two_agencies["beta"][0], 4, count=12)
    board = standings.board(season=season, category="best_agency", band="le-50")
    assert [(e.key, e.ranked, e.rank, e.ratings) for e in board.entries] == [
        ("beta", True, 1, 12),
        ("alpha", False, None, 3),
    ]


def test_shrinkage_pulls_a_small_perfect_score_below_a_large_good_one(season, two_agencies):
    season.prior_weights = {"best_agency": 10}
    season.save()
    rate(two_agencies["alpha"][0], 5, count=10)
    rate(two_agencies["beta"][0], 5, count=40)
    rate(two_agencies["beta"][1], 4, count=10)
    board = standings.board(season=season, category="best_agency", band="le-50")
    alpha, beta = sorted(board.ranked, key=lambda e: e.key)
    # C = (50 + 200 + 40) / 60; alpha: (50 + 10C) / 20; beta: (240 + 10C) / 60
    pooled = 290 / 60
    assert alpha.weighted_rating == pytest.approx((50 + 10 * pooled) / 20)
    assert beta.weighted_rating == pytest.approx((240 + 10 * pooled) / 60)
    assert alpha.composite == pytest.approx((alpha.weighted_rating - 1) / 4 * 100)
    assert [e.key for e in board.ranked] == ["alpha", "beta"]
    assert alpha.stars == 7


def test_recompute_rebuilds_the_same_tallies(season, two_agencies):
    rate(two_agencies["alpha"][0], 4, count=3)
    rate(two_agencies["beta"][2], 2, channel="chat")
    report = recompute_season(season=season)
    assert report.differences == []
    SeasonTally.objects.filter(season=season, kind="agency", key="alpha").update(ratings=99)
    out = io.StringIO()
    call_command("awards", "recompute", "--season", "s1", stdout=out)
    assert "agency alpha: 99 ratings" in out.getvalue()
    assert tally(season, "agency", "alpha").ratings == 3


def test_a_frozen_season_no_longer_moves(season, two_agencies):
    rate(two_agencies["alpha"][0], 4, count=2)
    season.ends_on = timezone.localdate() - datetime.timedelta(days=1)
    season.starts_on = season.ends_on - datetime.timedelta(days=30)
    season.save()
    freeze_season(season=season)
    assert StandingSnapshot.objects.filter(season=season, final=True, category="best_agency").exists()
    rate(two_agencies["alpha"][0], 1)
    assert tally(season, "agency", "alpha").ratings == 2


def test_movement_compares_with_the_standing_a_week_ago(season, two_agencies):
    season.prior_weights = {"best_agency": 1}
    season.save()
    rate(two_agencies["alpha"][0], 4, count=3)
    rate(two_agencies["beta"][0], 3, count=3)
    take_snapshots(season=season, day=timezone.localdate() - datetime.timedelta(days=8))
    rate(two_agencies["beta"][0], 5, count=30)
    board = standings.board(season=season, category="best_agency", band="le-50")
    assert {(e.key, e.rank, e.movement) for e in board.ranked} == {("beta", 1, 1), ("alpha", 2, -1)}


def test_season_create_command_refuses_overlapping_dates(season):
    from django.core.management import CommandError

    today = timezone.localdate().isoformat()
    with pytest.raises(CommandError):
        call_command(
            "awards", "season", "create", "s2", "--name-ar", "ب", "--name-en", "B", "--starts", today, "--ends", today
        )
