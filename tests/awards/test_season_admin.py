"""Seasons in the Wagtail admin go through the services: a new season's tallies are built
from the ratings already in its dates, moving its dates rebuilds them, every change is
audited, one season can be made current, and a bad scoring setting is refused with a clear
message instead of breaking every leaderboard."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from awards.models import Season, SeasonTally
from awards.services import SeasonError, freeze_season, update_season
from tests.awards.conftest import rate
from tests.factories import UserFactory

ADMIN = "/admin/snippets/awards/season/"


@pytest.fixture
def admin(client, db):
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


def _form(**overrides) -> dict:
    today = timezone.localdate()
    values = {
        "name_ar": "موسم الشتاء",
        "name_en": "Winter season",
        "slug": "winter",
        "starts_on": (today - datetime.timedelta(days=10)).isoformat(),
        "ends_on": (today + datetime.timedelta(days=10)).isoformat(),
        "cycle": "",
        "weights": json.dumps({"satisfaction": 60, "evaluation": 30, "participation": 10}),
        "star_cutoffs": json.dumps([40, 55, 70, 80, 90]),
        "size_bands": json.dumps([50, 500]),
        "prior_weights": json.dumps({}),
    }
    values.update(overrides)
    return values


def test_a_season_added_in_the_admin_counts_the_earlier_ratings_and_is_audited(client, admin, two_agencies):
    rate(two_agencies["alpha"][0], 4, count=2, when=timezone.now() - datetime.timedelta(days=3))
    assert not SeasonTally.objects.exists()  # no season yet: nothing counted
    response = client.post(f"{ADMIN}add/", _form())
    assert response.status_code == 302
    season = Season.objects.get(slug="winter")
    assert SeasonTally.objects.get(season=season, kind="agency", key="alpha").ratings == 2
    entry = ModelLogEntry.objects.get(action="awards.season_create", object_id=str(season.pk))
    assert entry.user == admin
    assert not ModelLogEntry.objects.filter(action="wagtail.create", object_id=str(season.pk)).exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("weights", {"satisfaction": -1, "evaluation": 30}),
        ("weights", {"satisfaction": 0, "evaluation": 0}),
        ("weights", {"loyalty": 50}),
        ("weights", {"satisfaction": "sixty"}),
        ("star_cutoffs", [40, 55, 70, 80]),
        ("star_cutoffs", [40, 70, 55, 80, 90]),
        ("star_cutoffs", [40, 55, 70, 80, 120]),
        ("size_bands", [500, 50]),
        ("size_bands", [0, 50]),
        ("size_bands", [12.5]),
        ("size_bands", {"small": 50}),
        ("prior_weights", {"best_agency": 0}),
        ("prior_weights", {"best_bakery": 10}),
        ("prior_weights", [10]),
    ],
)
def test_a_bad_scoring_setting_is_refused_with_a_message(client, admin, field, value):
    response = client.post(f"{ADMIN}add/", _form(**{field: json.dumps(value)}))
    assert response.status_code == 200
    assert not Season.objects.filter(slug="winter").exists()
    season = Season(
        **{"slug": "x", "name_ar": "س", "name_en": "X", "starts_on": timezone.localdate()}, ends_on=timezone.localdate()
    )
    setattr(season, field, value)
    with pytest.raises(ValidationError) as raised:
        season.full_clean()
    assert set(raised.value.message_dict) == {field}


def test_the_scoring_messages_are_in_the_readers_language(db):
    season = Season(slug="x", name_ar="س", name_en="X", starts_on=timezone.localdate(), ends_on=timezone.localdate())
    season.star_cutoffs = [90, 80]
    with translation.override("ar"), pytest.raises(ValidationError) as raised:
        season.full_clean()
    assert raised.value.message_dict["star_cutoffs"] == [
        "أدخل 5 حدود للنجوم بين 0 و100، كل حد أعلى من الذي قبله، مثل [40, 55, 70, 80, 90]."
    ]


def test_default_settings_are_valid(db):
    season = Season(slug="x", name_ar="س", name_en="X", starts_on=timezone.localdate(), ends_on=timezone.localdate())
    season.full_clean()


def test_moving_a_seasons_dates_in_the_admin_rebuilds_its_tallies(client, admin, season, two_agencies):
    rate(two_agencies["beta"][0], 5, count=3, when=timezone.now() - datetime.timedelta(days=40))
    assert not SeasonTally.objects.filter(season=season, key="beta").exists()
    earlier = (season.starts_on - datetime.timedelta(days=15)).isoformat()
    response = client.post(
        f"{ADMIN}edit/{season.pk}/",
        _form(
            slug="s1",
            name_ar=season.name_ar,
            name_en=season.name_en,
            starts_on=earlier,
            ends_on=season.ends_on.isoformat(),
        ),
    )
    assert response.status_code == 302
    season.refresh_from_db()
    assert season.starts_on.isoformat() == earlier
    assert SeasonTally.objects.get(season=season, kind="agency", key="beta").ratings == 3
    entry = ModelLogEntry.objects.get(action="awards.season_update", object_id=str(season.pk))
    assert (entry.user, entry.data["changed"]) == (admin, ["starts_on"])


def test_a_bad_setting_in_the_admin_edit_is_refused(client, admin, season):
    form = _form(
        slug="s1",
        starts_on=season.starts_on.isoformat(),
        ends_on=season.ends_on.isoformat(),
        weights=json.dumps({"satisfaction": -5}),
    )
    response = client.post(f"{ADMIN}edit/{season.pk}/", form)
    assert response.status_code == 200
    season.refresh_from_db()
    assert season.weights == {"satisfaction": 60, "evaluation": 30, "participation": 10}


def test_a_frozen_season_keeps_its_dates_and_settings(client, admin, season, two_agencies):
    season.is_current = False
    season.ends_on = timezone.localdate() - datetime.timedelta(days=1)
    season.save()
    freeze_season(season=season)
    with pytest.raises(SeasonError):
        update_season(season=season, changes={"star_cutoffs": [10, 20, 30, 40, 50]})
    form = _form(
        slug="s1",
        name_en="Renamed",
        starts_on=season.starts_on.isoformat(),
        ends_on=season.ends_on.isoformat(),
        prior_weights=json.dumps({"best_agency": 3}),
    )
    response = client.post(f"{ADMIN}edit/{season.pk}/", form)
    assert response.status_code == 200
    season.refresh_from_db()
    assert (season.name_en, season.prior_weights) == ("Season 1", {})
    update_season(season=season, changes={"name_en": "Spring"})
    season.refresh_from_db()
    assert season.name_en == "Spring"


def test_make_current_in_the_admin(client, admin, season):
    today = timezone.localdate()
    other = Season.objects.create(
        slug="next",
        name_ar="التالي",
        name_en="Next",
        starts_on=today + datetime.timedelta(days=40),
        ends_on=today + datetime.timedelta(days=60),
    )
    listing = client.get(ADMIN)
    assert listing.status_code == 200
    assert f"{ADMIN}make-current/{other.pk}/" in listing.content.decode()
    assert f"{ADMIN}make-current/{season.pk}/" not in listing.content.decode()  # already current
    assert client.get(f"{ADMIN}make-current/{other.pk}/").status_code == 200
    response = client.post(f"{ADMIN}make-current/{other.pk}/")
    assert response.status_code == 302
    other.refresh_from_db()
    season.refresh_from_db()
    assert (other.is_current, season.is_current) == (True, False)
    entry = ModelLogEntry.objects.get(action="awards.season_current", object_id=str(other.pk))
    assert (entry.user, entry.data["previous"]) == (admin, "s1")


def test_make_current_needs_the_change_permission(client, season):
    season.is_current = False
    season.save()
    editor = UserFactory(roles=["Editors"])
    client.force_login(editor)
    response = client.post(f"{ADMIN}make-current/{season.pk}/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")  # Wagtail's "no permission"
    season.refresh_from_db()
    assert not season.is_current
