"""Season end: shortlists from the frozen standings; only Leadership approves a winner;
the announcement goes through the editorial workflow and is announced when published."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from awards.demo import _approve_in_workflow
from awards.models import AwardWinner
from awards.services import freeze_season
from awards.winners import approve_winner, hall_of_fame, shortlists
from portal import content_version
from tests.awards.conftest import rate
from tests.factories import UserFactory


@pytest.fixture
def frozen_season(season, two_agencies, site_tree):
    season.prior_weights = {"best_agency": 2, "best_unit": 2}
    season.save()
    rate(two_agencies["alpha"][0], 5, count=3)
    rate(two_agencies["beta"][0], 3, count=3)
    season.ends_on = timezone.localdate() - datetime.timedelta(days=1)
    season.starts_on = season.ends_on - datetime.timedelta(days=40)
    season.save()
    return freeze_season(season=season)


def test_shortlists_come_from_the_frozen_standings(frozen_season):
    agency = next(s for s in shortlists(season=frozen_season) if s.category == "best_agency")
    assert agency.band == "le-50"
    assert [(c.key, c.rank, c.ratings) for c in agency.candidates] == [("alpha", 1, 3), ("beta", 2, 3)]


def test_only_leadership_approves(frozen_season):
    hr = UserFactory(roles=["HR"])
    with pytest.raises(PermissionDenied):
        approve_winner(
            season=frozen_season,
            category="best_agency",
            band="le-50",
            key="alpha",
            citation_ar="أ",
            citation_en="A",
            by=hr,
        )


def test_a_winner_must_be_shortlisted_and_cited_in_both_languages(frozen_season):
    leader = UserFactory(roles=["Leadership"])
    with pytest.raises(ValidationError):
        approve_winner(
            season=frozen_season,
            category="best_agency",
            band="le-50",
            key="gamma",
            citation_ar="أ",
            citation_en="A",
            by=leader,
        )
    with pytest.raises(ValidationError):
        approve_winner(
            season=frozen_season,
            category="best_agency",
            band="le-50",
            key="alpha",
            citation_ar="أ",
            citation_en=" ",
            by=leader,
        )


def test_approval_drafts_the_announcement_and_publishing_announces_it(
    frozen_season, django_capture_on_commit_callbacks
):
    leader = UserFactory(roles=["Leadership"])
    reviewer = UserFactory(roles=["Reviewers"])
    winner = approve_winner(
        season=frozen_season,
        category="best_agency",
        band="le-50",
        key="alpha",
        citation_ar="لرضا المتعاملين",
        citation_en="For customer satisfaction",
        by=leader,
    )
    page = winner.announcement.specific
    assert page.live is False and page.workflow_in_progress
    english = page.get_translation(page.locale.__class__.objects.get(language_code="en"))
    assert "For customer satisfaction" in english.specific.get_latest_revision_as_object().body
    assert hall_of_fame() == []
    with django_capture_on_commit_callbacks(execute=True):
        _approve_in_workflow(page, reviewer)
    page.refresh_from_db()
    assert page.live is True
    assert AwardWinner.objects.get(pk=winner.pk).announced_at is not None
    assert [w.key for w in hall_of_fame()] == ["alpha"]
    with pytest.raises(ValidationError):
        approve_winner(
            season=frozen_season,
            category="best_agency",
            band="le-50",
            key="beta",
            citation_ar="ب",
            citation_en="B",
            by=leader,
        )


def test_winners_page_roles(client, frozen_season):
    url = f"/en/awards/seasons/{frozen_season.slug}/winners/"
    assert client.get(url).status_code == 302
    client.force_login(UserFactory(roles=["Staff"]))
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(roles=["HR"]))
    response = client.get(url)
    assert response.status_code == 200
    assert "Approve the winner" not in response.content.decode()
    client.force_login(UserFactory(roles=["Leadership"]))
    response = client.post(
        url, {"category": "best_agency", "band": "le-50", "key": "alpha", "citation_ar": "", "citation_en": ""}
    )
    assert response.status_code == 400
    response = client.post(
        url, {"category": "best_agency", "band": "le-50", "key": "alpha", "citation_ar": "أ", "citation_en": "A"}
    )
    assert response.status_code == 302
    assert AwardWinner.objects.filter(season=frozen_season, key="alpha").exists()
    assert client.get("/en/awards/hall-of-fame/").status_code == 200


def test_bands_are_shown_as_readers_say_them_on_the_winners_page_and_hall_of_fame(
    client, frozen_season, django_capture_on_commit_callbacks
):
    client.force_login(UserFactory(roles=["Leadership"]))
    url = f"/awards/seasons/{frozen_season.slug}/winners/"
    for prefix, expected in (("", "أفضل جهة · ≤ 50"), ("/en", "Best agency · ≤ 50")):
        body = client.get(prefix + url).content.decode()
        assert expected in body
        assert "· le-50" not in body
    winner = approve_winner(
        season=frozen_season,
        category="best_agency",
        band="le-50",
        key="alpha",
        citation_ar="لرضا المتعاملين",
        citation_en="For customer satisfaction",
        by=UserFactory(roles=["Leadership"]),
    )
    with django_capture_on_commit_callbacks(execute=True):
        _approve_in_workflow(winner.announcement.specific, UserFactory(roles=["Reviewers"]))
    for prefix, expected in (("", "أفضل جهة · ≤ 50"), ("/en", "Best agency · ≤ 50")):
        response = client.get(prefix + "/awards/hall-of-fame/")
        assert response.status_code == 200
        body = response.content.decode()
        assert expected in body
        assert "· le-50" not in body


def test_winners_announced_this_week_are_banners_on_the_leaderboard_and_screen_once_published(
    client, frozen_season, django_capture_on_commit_callbacks
):
    winner = approve_winner(
        season=frozen_season,
        category="best_agency",
        band="le-50",
        key="alpha",
        citation_ar="لرضا المتعاملين",
        citation_en="For customer satisfaction",
        by=UserFactory(roles=["Leadership"]),
    )
    page = winner.announcement.specific
    for url in ("/en/awards/", "/en/awards/screen/"):
        body = client.get(url).content.decode()
        assert "live-banner__link" not in body  # drafted, in review: not public yet
    english = page.get_translation(page.locale.__class__.objects.get(language_code="en"))
    reviewer = UserFactory(roles=["Reviewers"])
    with django_capture_on_commit_callbacks(execute=True):
        _approve_in_workflow(page, reviewer)
    # Only the Arabic page is published yet: English readers are sent to it.
    assert f'href="{page.get_url()}">{page.title}</a>' in client.get("/en/awards/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        _approve_in_workflow(english.specific, reviewer)
    english.refresh_from_db()
    for prefix, linked in (("", page), ("/en", english)):
        for path in ("/awards/", "/awards/screen/"):
            response = client.get(prefix + path)
            assert response.status_code == 200
            body = response.content.decode()
            assert f'<a class="live-banner__link" href="{linked.get_url()}">{linked.title}</a>' in body
            assert "data-banner-close" in body
    AwardWinner.objects.filter(pk=winner.pk).update(announced_at=timezone.now() - datetime.timedelta(days=8))
    # A week later the anonymous page cache's key (it holds the day) is another one.
    from django.core.cache import caches

    caches["pages"].clear()
    content_version.bump_now(content_version.LEADERBOARD)  # so is the week's announcements' key
    assert "live-banner__link" not in client.get("/en/awards/screen/").content.decode()
