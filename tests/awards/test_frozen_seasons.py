"""When a season ends its standings freeze: a frozen season's boards come from its final
standings alone, whatever later happens to the people, units and agencies."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone, translation

from awards import standings
from awards.models import StandingSnapshot
from awards.services import freeze_season, recompute_season
from tests.awards.conftest import rate
from tests.evaluations.customer_factories import CustomerUnitFactory, FrontLineEmployeeFactory


def _end(season, *, days_ago: int = 1):
    season.ends_on = timezone.localdate() - datetime.timedelta(days=days_ago)
    season.starts_on = season.ends_on - datetime.timedelta(days=40)
    season.save()
    return season


@pytest.fixture
def ended_season(season, two_agencies):
    season.prior_weights = {"best_agency": 2, "best_unit": 2, "distinguished_employee": 2, "best_channel": 1}
    season.save()
    earlier = timezone.now() - datetime.timedelta(days=5)
    rate(two_agencies["alpha"][0], 5, count=3, when=earlier)
    rate(two_agencies["alpha"][1], 4, count=2, channel="phone", when=earlier)
    rate(two_agencies["beta"][0], 3, count=4, when=earlier)
    return _end(season)


def _boards(season) -> list:
    standings.standings_changed([season.pk])
    return [
        (board.category, board.band, board.prior_weight, board.entries) for board in standings.all_boards(season=season)
    ]


def _change_the_organisation(two_agencies) -> None:
    """Everything a recomputed board would read from today's organisation moves."""
    mover, leaver = two_agencies["alpha"][0], two_agencies["beta"][1]
    mover.unit = two_agencies["beta"][0].unit
    mover.name_en = "Someone else"
    mover.save()
    leaver.front_line = False
    leaver.save()
    alpha = two_agencies["alpha"][1].unit.agency
    alpha.name_en = "Renamed agency"
    alpha.save()
    # Sixty more front-line employees put alpha in the 51–500 size band.
    unit = CustomerUnitFactory(agency=alpha, slug="new-centre")
    FrontLineEmployeeFactory.create_batch(60, unit=unit)
    beta_unit = two_agencies["beta"][0].unit
    beta_unit.name_en = "Renamed centre"
    beta_unit.save()


def test_freezing_keeps_the_boards_exactly_as_they_stood(ended_season, two_agencies):
    before = _boards(ended_season)
    freeze_season(season=ended_season)
    assert _boards(ended_season) == before
    final = StandingSnapshot.objects.get(season=ended_season, final=True, category="best_agency", key="alpha")
    assert (final.name_en, final.rank, final.position, final.ratings) == ("Alpha", 1, 0, 5)


def test_a_frozen_board_never_follows_later_changes_to_people(ended_season, two_agencies):
    freeze_season(season=ended_season)
    frozen = _boards(ended_season)
    _change_the_organisation(two_agencies)
    assert _boards(ended_season) == frozen
    agency_board = standings.board(season=ended_season, category="best_agency", band="le-50")
    assert [(e.key, e.name_en, e.rank, e.ratings) for e in agency_board.entries] == [
        ("alpha", "Alpha", 1, 5),
        ("beta", "Beta", 2, 4),
    ]
    employees = standings.board(season=ended_season, category="distinguished_employee", band="all")
    assert "Someone else" not in {entry.name_en for entry in employees.entries}
    assert len(employees.entries) == 6


def test_a_live_board_does_follow_the_organisation(ended_season, two_agencies):
    """The other side of the coin: before freezing, the board reads today's organisation."""
    _change_the_organisation(two_agencies)
    standings.standings_changed([ended_season.pk])
    small = standings.board(season=ended_season, category="best_agency", band="le-50")
    assert [entry.key for entry in small.entries] == ["beta"]


def test_the_api_answers_a_frozen_season_from_its_final_standings(client, ended_season, two_agencies):
    freeze_season(season=ended_season)
    _change_the_organisation(two_agencies)
    standings.standings_changed([ended_season.pk])
    response = client.get("/api/leaderboard/", {"season": "s1", "category": "best_agency", "band": "le-50"})
    assert response.status_code == 200
    entries = response.json()["entries"]
    finals = StandingSnapshot.objects.filter(
        season=ended_season, final=True, category="best_agency", band="le-50"
    ).order_by("position")
    assert [(e["slug"], e["name_en"], e["rank"], e["stars"], e["ratings"]) for e in entries] == [
        (f.key, f.name_en, f.rank, f.stars, f.ratings) for f in finals
    ]
    assert [e["score"] for e in entries] == [round(f.composite, 1) for f in finals]
    assert response.json()["updated_at"] == ended_season.frozen_at.isoformat()
    # The band alpha moved to today does not exist in the frozen season's board.
    other = client.get("/api/leaderboard/", {"season": "s1", "category": "best_agency", "band": "51-500"})
    assert other.status_code == 200
    assert other.json()["entries"] == []


def test_a_frozen_season_keeps_the_agency_bands_it_froze_with(ended_season, two_agencies):
    freeze_season(season=ended_season)
    CustomerUnitFactory(agency__slug="gamma")
    assert standings.bands_of(ended_season, "distinguished_employee") == ["all", "alpha", "beta"]
    assert standings.bands_of(ended_season, "best_channel") == ["alpha", "beta"]


def test_the_leaderboard_page_of_a_frozen_season_shows_the_frozen_names(client, ended_season, two_agencies):
    freeze_season(season=ended_season)
    _change_the_organisation(two_agencies)
    standings.standings_changed([ended_season.pk])
    response = client.get("/en/awards/best_unit/", {"season": "s1"})
    assert response.status_code == 200
    assert "Renamed centre" not in response.content.decode()


def test_freezing_the_current_season_makes_todays_season_current(ended_season, admin_user):
    from wagtail.models import ModelLogEntry

    from awards.services import create_season

    assert ended_season.is_current
    today = timezone.localdate()
    following = create_season(
        slug="s2",
        name_ar="موسم ٢",
        name_en="Season 2",
        starts_on=ended_season.ends_on + datetime.timedelta(days=1),
        ends_on=today + datetime.timedelta(days=30),
    )
    freeze_season(season=ended_season, by=admin_user)
    ended_season.refresh_from_db()
    following.refresh_from_db()
    assert (ended_season.is_current, following.is_current) == (False, True)
    assert standings.current_season() == following
    entry = ModelLogEntry.objects.get(action="awards.season_current", object_id=str(following.pk))
    assert (entry.object_id, entry.user, entry.data["previous"]) == (str(following.pk), admin_user, "s1")


def test_freezing_leaves_the_current_season_when_none_covers_today(ended_season):
    freeze_season(season=ended_season)
    ended_season.refresh_from_db()
    assert ended_season.is_current
    assert standings.current_season() == ended_season


def test_a_frozen_season_cannot_be_made_current(ended_season):
    from awards.services import SeasonError, set_current_season

    ended_season.is_current = False
    ended_season.save()
    freeze_season(season=ended_season)
    with pytest.raises(SeasonError):
        set_current_season(season=ended_season)


def _finals(season) -> list:
    return list(
        StandingSnapshot.objects.filter(season=season, final=True)
        .order_by("category", "band", "position")
        .values_list("category", "band", "key", "rank", "composite", "stars", "ratings", "name_en")
    )


def test_recompute_refuses_a_frozen_season(ended_season):
    from django.core.management import CommandError, call_command

    from awards.models import SeasonTally

    freeze_season(season=ended_season)
    SeasonTally.objects.filter(season=ended_season, kind="agency", key="alpha").update(ratings=99)
    with translation.override("en"), pytest.raises(CommandError, match="is frozen: its tallies are not recomputed"):
        call_command("awards", "recompute", "--season", "s1")
    assert SeasonTally.objects.get(season=ended_season, kind="agency", key="alpha").ratings == 99


def test_forced_recompute_of_a_frozen_season_never_changes_its_final_standings(ended_season, two_agencies):
    import io

    from django.core.management import call_command

    from awards.models import SeasonTally

    freeze_season(season=ended_season)
    finals, boards = _finals(ended_season), _boards(ended_season)
    SeasonTally.objects.filter(season=ended_season, kind="agency", key="alpha").update(ratings=99)
    # Ratings arriving after the season ended, dated inside it, would change a recomputed board.
    rate(two_agencies["beta"][2], 5, count=5, when=timezone.now() - datetime.timedelta(days=4))
    out = io.StringIO()
    call_command("awards", "recompute", "--season", "s1", "--force", stdout=out)
    assert "agency alpha: 99 ratings" in out.getvalue()
    assert SeasonTally.objects.get(season=ended_season, kind="agency", key="alpha").ratings == 5
    assert SeasonTally.objects.get(season=ended_season, kind="agency", key="beta").ratings == 9
    assert _finals(ended_season) == finals
    assert _boards(ended_season) == boards


def test_recompute_reports_a_differing_last_rating(season, two_agencies):
    import io

    from django.core.management import call_command

    from awards.models import SeasonTally

    rate(two_agencies["alpha"][0], 4, count=2)
    assert recompute_season(season=season).differences == []
    right = SeasonTally.objects.get(season=season, kind="agency", key="alpha").last_rating_at
    SeasonTally.objects.filter(season=season, kind="agency", key="alpha").update(
        last_rating_at=right - datetime.timedelta(hours=5)
    )
    out = io.StringIO()
    call_command("awards", "recompute", "--season", "s1", stdout=out)
    assert "agency alpha: last rating" in out.getvalue()
    assert SeasonTally.objects.get(season=season, kind="agency", key="alpha").last_rating_at == right


def test_the_current_command_refuses_a_frozen_season(ended_season):
    from django.core.management import CommandError, call_command

    ended_season.is_current = False
    ended_season.save()
    freeze_season(season=ended_season)
    with translation.override("ar"), pytest.raises(CommandError, match="مثبّت: لا يمكن أن يصبح الموسم الحالي"):
        call_command("awards", "season", "current", "s1")
