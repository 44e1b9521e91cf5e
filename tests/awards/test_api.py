"""GET /api/leaderboard/: the documented JSON, 400 with a clear message for an unknown
season, category or band, staff-only boards refused to anonymous readers."""

from __future__ import annotations

from tests.awards.conftest import rate
from tests.factories import UserFactory


def test_leaderboard_json(client, season, two_agencies):
    season.prior_weights = {"best_agency": 2}
    season.save()
    rate(two_agencies["alpha"][0], 5, count=2)
    response = client.get("/api/leaderboard/", {"season": "s1", "category": "best_agency", "band": "le-50"})
    assert response.status_code == 200
    data = response.json()
    assert set(data) >= {"season", "category", "band", "updated_at", "entries"}
    assert (data["season"], data["category"], data["band"]) == ("s1", "best_agency", "le-50")
    first = data["entries"][0]
    assert set(first) >= {"rank", "slug", "name_ar", "name_en", "score", "stars", "ratings", "movement", "ranked"}
    assert (first["slug"], first["rank"], first["ratings"], first["ranked"]) == ("alpha", 1, 2, True)
    assert data["entries"][1] == {**data["entries"][1], "slug": "beta", "ranked": False, "rank": None, "ratings": 0}
    assert response["Cache-Control"] == "public, max-age=5"


def test_unknown_season_category_and_band_are_400(client, season):
    assert client.get("/api/leaderboard/", {"season": "nope", "category": "best_agency"}).status_code == 400
    response = client.get("/api/leaderboard/", {"season": "s1", "category": "nope"})
    assert response.status_code == 400
    assert response.json()["error"].startswith("الفئة «nope» غير معروفة.")
    assert client.get("/api/leaderboard/", {"category": "best_agency", "band": "huge"}).status_code == 400


def test_employee_boards_are_for_signed_in_staff(client, season, two_agencies):
    params = {"season": "s1", "category": "distinguished_employee"}
    assert client.get("/api/leaderboard/", params).status_code == 403
    client.force_login(UserFactory(roles=["Staff"]))
    response = client.get("/api/leaderboard/", params)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_leaderboard_page_without_javascript(client, season, two_agencies):
    season.prior_weights = {"best_agency": 1}
    season.save()
    rate(two_agencies["beta"][0], 4)
    response = client.get("/en/awards/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Beta" in body and "Not yet ranked" in body
    assert client.get("/en/awards/distinguished_employee/").status_code == 302
    assert client.get("/en/awards/nope/").status_code == 404
    assert client.get("/en/awards/screen/").status_code == 200


def test_a_missing_category_is_400_naming_the_parameter(client, season):
    response = client.get("/api/leaderboard/", {"season": "s1"})
    assert response.status_code == 400
    assert response.json()["error"].startswith("المعامل «category» مطلوب.")
    response = client.get("/api/leaderboard/", {"season": "s1"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json()["error"].startswith("The parameter “category” is required.")


def test_a_missing_season_without_a_current_one_is_400_naming_the_parameter(client, db):
    response = client.get("/api/leaderboard/", {"category": "best_agency"})
    assert response.status_code == 400
    assert "المعامل «season» مطلوب" in response.json()["error"]


def test_the_display_screen_names_bands_as_readers_say_them(client, season, two_agencies):
    season.prior_weights = {"best_agency": 1, "best_channel": 1}
    season.save()
    rate(two_agencies["alpha"][0], 5)
    for prefix, agency_band, channel_band in (
        ("", "أفضل جهة · ≤ 50", "أفضل قناة · جهة alpha"),
        ("/en", "Best agency · ≤ 50", "Best channel · Alpha"),
    ):
        response = client.get(prefix + "/awards/screen/")
        assert response.status_code == 200
        body = response.content.decode()
        assert agency_band in body and channel_band in body
        assert "· le-50" not in body and "· alpha<" not in body
