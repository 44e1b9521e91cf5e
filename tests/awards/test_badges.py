"""Badges: the criteria (pure, property-tested), granting (idempotent, never re-granting a
revoked badge, on a cycle's release and a season's freeze, from the command), HR revoking
with a reason in the audit log, the profile's access matrix, the public verification page
and the Open Badges 3.0 credential."""

from __future__ import annotations

import datetime
import hashlib
import json
import uuid

import pytest
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.test import RequestFactory
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import ModelLogEntry

from awards import badge_criteria as criteria
from awards.antigaming import record_sign_in
from awards.badge_models import BadgeAward, SignInFingerprint
from awards.badges import REVOKE_ACTION, grant_badges, revoke_badge
from awards.services import create_season, freeze_season
from evaluations.customer_feedback import client_fingerprint_for, customer_feedback_token, submit_customer_rating
from evaluations.models import CustomerRating, Cycle
from evaluations.services import close_cycle, release_cycle
from tests.awards.conftest import rate
from tests.evaluations.view_fixtures import answer_everything, build_organisation, open_test_cycle

# --- Criteria (pure) ----------------------------------------------------------------------

PROPERTIES = settings(deadline=None, max_examples=100, database=None, suppress_health_check=[HealthCheck.too_slow])

rating_facts = st.builds(criteria.RatingFact, overall=st.integers(1, 5), counted=st.booleans())


@PROPERTIES
@given(st.lists(st.tuples(rating_facts, st.integers(0, 50)), max_size=12))
def test_five_star_count_counts_only_counted_five_stars(groups):
    expected = sum(n for fact, n in groups if fact.overall == 5 and fact.counted)
    assert criteria.five_star_count(groups) == expected
    assert criteria.five_star_count(groups) <= sum(n for _fact, n in groups)


@PROPERTIES
@given(st.integers(0, 300))
def test_a_hundred_five_stars_is_the_threshold(count):
    assert criteria.has_hundred_five_stars(count) is (count >= 100)


def test_discounted_ratings_never_reach_the_badge():
    five = criteria.RatingFact(overall=5, counted=True)
    assert criteria.five_star_count([(five, 99), (criteria.RatingFact(5, False), 50)]) == 99
    assert criteria.five_star_count([(five, 99), (criteria.RatingFact(4, True), 50)]) == 99


CLOSE = datetime.date(2026, 3, 31)
assignment_facts = st.builds(
    criteria.AssignmentFact,
    declined=st.booleans(),
    submitted_on=st.none() | st.dates(datetime.date(2026, 3, 1), datetime.date(2026, 4, 30)),
)


@PROPERTIES
@given(st.lists(assignment_facts, max_size=10))
def test_all_on_time_means_every_undeclined_evaluation_submitted_by_the_close_date(facts):
    due = [a for a in facts if not a.declined]
    expected = bool(due) and all(a.submitted_on is not None and a.submitted_on <= CLOSE for a in due)
    assert criteria.all_on_time(facts, CLOSE) is expected
    # Declined evaluations never change the outcome.
    assert criteria.all_on_time(due, CLOSE) is expected


def test_on_time_edges():
    on_close_day = criteria.AssignmentFact(declined=False, submitted_on=CLOSE)
    late = criteria.AssignmentFact(declined=False, submitted_on=CLOSE + datetime.timedelta(days=1))
    missing = criteria.AssignmentFact(declined=False, submitted_on=None)
    declined = criteria.AssignmentFact(declined=True, submitted_on=None)
    assert criteria.all_on_time([on_close_day, declined], CLOSE) is True
    assert criteria.all_on_time([on_close_day, late], CLOSE) is False
    assert criteria.all_on_time([on_close_day, missing], CLOSE) is False
    assert criteria.all_on_time([declined], CLOSE) is False  # nothing written: no badge
    assert criteria.all_on_time([], CLOSE) is False


@PROPERTIES
@given(st.integers(1, 1000), st.data())
def test_top_ten_percent_is_about_a_tenth_and_at_least_the_first(ranked, data):
    winners = [rank for rank in range(1, ranked + 1) if criteria.in_top_ten_percent(rank, ranked)]
    assert winners == list(range(1, len(winners) + 1))  # the best places, without gaps
    assert len(winners) == max(1, ranked // 10)
    assert not criteria.in_top_ten_percent(None, ranked)
    rank = data.draw(st.integers(1, ranked))
    assert criteria.in_top_ten_percent(rank, ranked) is (rank <= max(1, ranked // 10))


@PROPERTIES
@given(st.dictionaries(st.text(min_size=1, max_size=5), st.none() | st.floats(1, 5), max_size=8))
def test_no_competency_below_four_over_shown_scores_only(scores):
    shown = [s for s in scores.values() if s is not None]
    assert criteria.no_competency_below(scores) is (bool(shown) and min(shown) >= 4 - 1e-9)


def test_the_registry_has_the_four_badges_with_both_languages_and_images():
    assert set(criteria.BADGES) == {"five_star_100", "on_time", "top_ten_percent", "strong_360"}
    for badge in criteria.BADGES.values():
        for field in ("name", "description", "criteria"):
            assert getattr(badge, f"{field}_ar") and getattr(badge, f"{field}_en")
        assert badge.image.startswith("awards/badges/") and badge.image.endswith(".svg")
        assert badge.context in (criteria.SEASON, criteria.CYCLE)


# --- Granting: five-star ratings ----------------------------------------------------------


def five_stars(employee, count: int, *, fingerprint: str = "", counted: bool = True) -> None:
    moment = timezone.now() - datetime.timedelta(days=1)
    CustomerRating.objects.bulk_create(
        CustomerRating(
            employee=employee,
            submitted_at=moment,
            channel="centre",
            overall=5,
            counted=counted,
            client_fingerprint=fingerprint,
        )
        for _ in range(count)
    )


@pytest.fixture
def org(db):
    return build_organisation()


def test_a_hundred_five_stars_earn_the_badge_once(season, org):
    me, other = org.staff[0], org.staff[1]
    five_stars(me, 100)
    five_stars(other, 99)
    five_stars(other, 30, counted=False)  # discounted by anti-gaming: never counted
    report = grant_badges(season=season)
    assert report.granted == {"five_star_100": 1}
    award = BadgeAward.objects.get()
    assert (award.employee, award.badge, award.context, award.season) == (
        me,
        "five_star_100",
        f"season:{season.pk}",
        season,
    )
    assert award.evidence["five_star_ratings"] == 100 and award.evidence["season"] == "s1"
    assert grant_badges(season=season).total == 0  # idempotent
    assert BadgeAward.objects.count() == 1


def test_the_same_badge_for_the_same_context_cannot_be_stored_twice(season, org):
    five_stars(org.staff[0], 100)
    grant_badges(season=season)
    award = BadgeAward.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        BadgeAward.objects.create(employee=award.employee, badge=award.badge, context=award.context, season=season)


def test_self_ratings_are_left_out_of_the_five_star_count_until_hr_clears_them(season, org):
    from awards.antigaming import clear_flag
    from awards.models import IntegrityFlag

    me = org.staff[0]
    request = RequestFactory().get("/", REMOTE_ADDR="10.1.2.3")
    user_logged_in.send(sender=type(me.user), request=request, user=me.user)
    assert SignInFingerprint.objects.filter(user=me.user, fingerprint=client_fingerprint_for("10.1.2.3")).exists()
    five_stars(me, 95)
    for _ in range(10):  # sent from where I sign in: discounted and flagged as they arrive
        link = customer_feedback_token(employee=me)
        submit_customer_rating(token=link.token, overall=5, client_fingerprint=client_fingerprint_for("10.1.2.3"))
    assert grant_badges(season=season).total == 0
    five_stars(me, 5, fingerprint=client_fingerprint_for("192.0.2.77"))  # real customers
    grant_badges(season=season)
    award = BadgeAward.objects.get(employee=me)
    assert award.evidence["five_star_ratings"] == 100
    assert award.evidence["excluded_self_or_discounted"] == 10
    flag = IntegrityFlag.objects.get(kind="self_rating")
    assert (flag.subject, len(flag.rating_ids)) == (me.employee_id, 10)
    clear_flag(flag=flag, by=org.hr, reason="A shared family tablet; checked with the customers.")
    assert CustomerRating.objects.filter(employee=me, counted=False).count() == 0


def test_a_burst_counts_only_once_hr_clears_it(season, org):
    from awards.antigaming import clear_flag
    from awards.models import IntegrityFlag

    me = org.staff[0]
    five_stars(me, 97)
    for _ in range(4):  # one device, within minutes: discounted and flagged
        link = customer_feedback_token(employee=me)
        submit_customer_rating(token=link.token, overall=5, client_fingerprint="one-device", now=timezone.now())
    assert grant_badges(season=season).total == 0
    clear_flag(flag=IntegrityFlag.objects.get(), by=org.hr, reason="Four relatives served together.")
    assert grant_badges(season=season).granted == {"five_star_100": 1}


# --- Revoking -----------------------------------------------------------------------------


@pytest.fixture
def award(season, org):
    org.staff[0].email = "fatima@civil-affairs.example.gov"
    org.staff[0].save()
    five_stars(org.staff[0], 100)
    grant_badges(season=season)
    return BadgeAward.objects.get()


def test_hr_revokes_with_a_reason_in_the_audit_log(award, org):
    with pytest.raises(ValidationError):
        revoke_badge(award=award, by=org.hr, reason="  ")
    revoke_badge(award=award, by=org.hr, reason="The ratings came from a relative.")
    award.refresh_from_db()
    assert (
        award.is_revoked and award.revoked_by == org.hr and award.revoke_reason == "The ratings came from a relative."
    )
    entry = ModelLogEntry.objects.get(action=REVOKE_ACTION)
    assert entry.user == org.hr and entry.data["reason"] == "The ratings came from a relative."
    assert entry.object_id == str(award.pk)
    with pytest.raises(ValidationError):
        revoke_badge(award=award, by=org.hr, reason="again")


def test_hr_of_another_agency_and_staff_cannot_revoke(award, org):
    for user in (org.other_hr, org.supervisor.user, org.leadership, org.staff[0].user):
        with pytest.raises(PermissionDenied):
            revoke_badge(award=award, by=user, reason="No.")
    assert not BadgeAward.objects.filter(revoked_at__isnull=False).exists()


def test_a_revoked_badge_is_not_granted_again(award, org, season):
    revoke_badge(award=award, by=org.hr, reason="Gaming.")
    assert grant_badges(season=season).total == 0
    assert grant_badges().total == 0
    assert BadgeAward.objects.get().is_revoked


def test_revoking_through_the_profile_page(client, award, org):
    url = f"/awards/badges/{award.uid}/revoke/"
    client.force_login(org.other_hr)
    assert client.post(url, {"reason": "No."}).status_code == 403
    client.force_login(org.hr)
    response = client.post(url, {"reason": ""})
    assert response.status_code == 302
    award.refresh_from_db()
    assert not award.is_revoked
    response = client.post(url, {"reason": "Granted on gamed ratings."})
    assert response.status_code == 302 and response["Location"] == f"/awards/people/{award.employee.employee_id}/"
    award.refresh_from_db()
    assert award.revoke_reason == "Granted on gamed ratings."
    assert ModelLogEntry.objects.filter(action=REVOKE_ACTION, user=org.hr).count() == 1


# --- Profile ------------------------------------------------------------------------------


def test_profile_access_matrix(client, award, org):
    url = f"/awards/people/{award.employee.employee_id}/"
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")
    expected = {
        award.employee.user: 200,
        org.supervisor.user: 200,
        org.hr: 200,
        org.leadership: 200,
        org.staff[1].user: 403,
        org.other_hr: 403,
        org.outsider: 403,
    }
    for user, status in expected.items():
        client.force_login(user)
        assert client.get(url).status_code == status, user
    assert client.get("/awards/people/NOBODY/").status_code == 404


def test_the_profile_shows_the_badges_and_revocations_to_the_right_people(client, award, org):
    url = f"/en/awards/people/{award.employee.employee_id}/"
    client.force_login(award.employee.user)
    html = client.get(url).content.decode()
    assert "A hundred five-star ratings" in html and f"/awards/badges/{award.uid}/credential.json" in html
    revoke_badge(award=award, by=org.hr, reason="A relative rated.")
    html = client.get(url).content.decode()
    assert "Revoked on" in html and "A relative rated." in html
    client.force_login(org.supervisor.user)
    html = client.get(url).content.decode()
    assert "A hundred five-star ratings" not in html and "A relative rated." not in html


# --- Verification page and credential ------------------------------------------------------


def test_the_verification_page_is_public(client, award):
    response = client.get(f"/en/awards/badges/{award.uid}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert award.employee.name_en in html and "Civil Affairs" in html and "A hundred five-star ratings" in html
    assert "fatima@" not in html and award.employee.employee_id not in html
    assert client.get(f"/awards/badges/{award.uid}/").status_code == 200
    assert client.get(f"/awards/badges/{uuid.uuid4()}/").status_code == 404


def test_a_revoked_badge_says_so_publicly_without_the_reason(client, award, org):
    revoke_badge(award=award, by=org.hr, reason="A secret reason.")
    response = client.get(f"/en/awards/badges/{award.uid}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "This badge was revoked on" in html and "A secret reason." not in html


def test_the_credential_is_an_open_badge_credential(client, award, org):
    client.force_login(award.employee.user)
    response = client.get(f"/en/awards/badges/{award.uid}/credential.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    credential = json.loads(response.content)
    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["id"] == f"http://testserver/awards/badges/{award.uid}/"
    assert credential["issuer"]["type"] == ["Profile"] and credential["issuer"]["name"] == "Civil Affairs"
    assert credential["issuer"]["id"] == "http://testserver/awards/badges/issuers/civil-affairs.json"
    assert isinstance(credential["issuer"]["url"], str)
    assert datetime.datetime.fromisoformat(credential["validFrom"]).tzinfo is not None
    assert credential["name"] == "A hundred five-star ratings"
    subject = credential["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    (identity,) = subject["identifier"]
    assert identity["type"] == "IdentityObject" and identity["hashed"] is True
    assert identity["identityType"] == "emailAddress"
    digest = hashlib.sha256(("fatima@civil-affairs.example.gov" + identity["salt"]).encode()).hexdigest()
    assert identity["identityHash"] == f"sha256${digest}"
    assert "fatima@" not in response.content.decode()
    achievement = subject["achievement"]
    assert achievement["type"] == ["Achievement"] and achievement["id"] == "urn:tamayuz:badge:five_star_100"
    assert achievement["criteria"]["narrative"].startswith("At least 100 customer ratings")
    assert achievement["image"] == {
        "id": "http://testserver/static/awards/badges/five_star_100.svg",
        "type": "Image",
    }
    # The same credential at every download (the salt comes from the badge).
    assert json.loads(client.get(f"/en/awards/badges/{award.uid}/credential.json").content) == credential
    issuer = client.get("/awards/badges/issuers/civil-affairs.json")
    assert issuer.status_code == 200 and json.loads(issuer.content)["id"] == credential["issuer"]["id"]


def test_who_may_download_the_credential(client, award, org):
    url = f"/awards/badges/{award.uid}/credential.json"
    assert client.get(url).status_code == 403
    expected = {
        award.employee.user: 200,
        org.hr: 200,
        org.supervisor.user: 403,
        org.leadership: 403,
        org.other_hr: 403,
        org.staff[1].user: 403,
    }
    for user, status in expected.items():
        client.force_login(user)
        assert client.get(url).status_code == status, user
    missing = client.get(f"/awards/badges/{uuid.uuid4()}/credential.json")
    assert missing.status_code == 404 and "error" in json.loads(missing.content)


def test_a_revoked_badges_credential_is_gone(client, award, org):
    revoke_badge(award=award, by=org.hr, reason="Gaming.")
    client.force_login(award.employee.user)
    response = client.get(f"/awards/badges/{award.uid}/credential.json")
    assert response.status_code == 410 and response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body["revoked"] is True and body["revokedAt"].endswith("Z") and "Gaming." not in response.content.decode()


# --- Cycle badges, the release hook, the freeze hook and the command ------------------------


def _released_cycle(org, *, skip_rater=None, score=5):
    cycle = open_test_cycle(org)
    for assignment in cycle.assignments.select_related("rater", "cycle"):
        if assignment.rater == skip_rater:
            continue
        answer_everything(assignment, score=score)
    cycle = close_cycle(cycle=Cycle.objects.get(pk=cycle.pk))
    return cycle


def test_releasing_a_cycle_grants_its_badges_after_commit(org, django_capture_on_commit_callbacks):
    late = org.staff[3]
    cycle = _released_cycle(org, skip_rater=late)
    assert not BadgeAward.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        release_cycle(cycle=cycle)
    on_time = set(BadgeAward.objects.filter(badge="on_time").values_list("employee__employee_id", flat=True))
    raters = set(cycle.assignments.values_list("rater__employee_id", flat=True))
    assert on_time == raters - {late.employee_id}
    strong = BadgeAward.objects.filter(badge="strong_360")
    assert strong.exists()
    assert all(award.evidence["lowest"] == 5.0 and award.context == f"cycle:{cycle.pk}" for award in strong)


def test_a_report_with_a_competency_below_four_earns_no_360_badge(org, django_capture_on_commit_callbacks):
    cycle = _released_cycle(org, score=3)
    with django_capture_on_commit_callbacks(execute=True):
        release_cycle(cycle=cycle)
    assert not BadgeAward.objects.filter(badge="strong_360").exists()
    assert BadgeAward.objects.filter(badge="on_time").exists()


def test_freezing_a_season_grants_the_top_ten_percent(two_agencies, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    past = create_season(
        slug="past",
        name_ar="موسم سابق",
        name_en="Past season",
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today - datetime.timedelta(days=31),
    )
    past.prior_weights = {"distinguished_employee": 1}
    past.save()
    when = timezone.now() - datetime.timedelta(days=40)
    for index, employee in enumerate(two_agencies["alpha"] + two_agencies["beta"]):
        rate(employee, 5 if index == 0 else 3, count=3, when=when)
    with django_capture_on_commit_callbacks(execute=True):
        freeze_season(season=past)
    (award,) = BadgeAward.objects.filter(badge="top_ten_percent")
    assert award.employee == two_agencies["alpha"][0]
    assert award.evidence["rank"] == 1 and award.evidence["ranked"] == 6 and award.season == past


def test_the_command_grants_idempotently(season, org, capsys):
    five_stars(org.staff[0], 100)
    call_command("awards", "badges", "grant", "--season", season.slug)
    assert BadgeAward.objects.count() == 1
    call_command("awards", "badges", "grant")
    assert BadgeAward.objects.count() == 1
    out = capsys.readouterr().out
    assert "five_star_100" in out


def test_record_sign_in_ignores_a_missing_address(org):
    record_sign_in(user=org.hr, address="")
    assert not SignInFingerprint.objects.exists()


# --- Demo ---------------------------------------------------------------------------------


def test_the_demo_grants_badges_revokes_one_and_a_second_run_changes_nothing(site_tree):
    from io import StringIO

    from awards.demo import DEMO_REVOKE_REASON, DEMO_STAFF_EMPLOYEE, PAST_SEASON

    call_command("load_demo", stdout=StringIO())
    past = BadgeAward.objects.filter(season__slug=PAST_SEASON)
    assert past.filter(badge="top_ten_percent").exists()
    staff_badges = BadgeAward.objects.filter(employee__employee_id=DEMO_STAFF_EMPLOYEE, revoked_at__isnull=True)
    assert staff_badges.filter(badge="five_star_100", season__slug=PAST_SEASON).exists()
    (revoked,) = BadgeAward.objects.filter(revoked_at__isnull=False)
    assert revoked.revoke_reason == DEMO_REVOKE_REASON and revoked.revoked_by.username == "hr"
    assert ModelLogEntry.objects.filter(action=REVOKE_ACTION).count() == 1
    rows = sorted(BadgeAward.objects.values_list("pk", "revoked_at"))
    call_command("load_demo", stdout=StringIO())
    assert sorted(BadgeAward.objects.values_list("pk", "revoked_at")) == rows
