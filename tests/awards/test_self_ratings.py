"""Self-ratings never move any award: a customer rating sent from an address the rated
employee's own account signed in from (unless several accounts sign in from it: a shared
network) is discounted from every tally, standing and badge and flagged for HR, whether it
arrives after the sign-in or the sign-in comes later; HR clears it (then it counts) or
rejects it. The recomputed tallies agree with the running ones."""

from __future__ import annotations

import pytest
from django.contrib.auth.signals import user_logged_in
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from wagtail.models import ModelLogEntry

from awards.antigaming import clear_flag, reject_flag
from awards.models import IntegrityFlag, SeasonTally
from awards.services import recompute_season
from evaluations import scoring
from evaluations.customer_feedback import client_fingerprint_for, customer_feedback_token, submit_customer_rating
from evaluations.models import CustomerRating, Employee, Unit
from tests.factories import UserFactory

HOME = "198.51.100.23"


def sign_in(user, address: str) -> None:
    request = RequestFactory().get("/", REMOTE_ADDR=address)
    user_logged_in.send(sender=type(user), request=request, user=user)


def rate_from(employee, address: str, overall: int = 5, *, origin: str = "elsewhere") -> CustomerRating:
    link = customer_feedback_token(employee=employee, origin=origin)
    return submit_customer_rating(
        token=link.token, overall=overall, client_fingerprint=client_fingerprint_for(address), now=timezone.now()
    ).rating


def tallies(season, employee) -> dict[str, int]:
    keys = {"agency": employee.unit.agency.slug, "unit": None, "employee": employee.employee_id}
    found = {}
    for tally in SeasonTally.objects.filter(season=season):
        if tally.kind in keys and (keys[tally.kind] is None or tally.key == keys[tally.kind]):
            found[tally.kind] = found.get(tally.kind, 0) + tally.ratings
        if tally.kind == "channel" and tally.key.endswith(":centre"):
            found["channel"] = found.get("channel", 0) + tally.ratings
    return found


@pytest.fixture
def staff_member(two_agencies):
    employee = two_agencies["alpha"][0]
    employee.user = UserFactory(roles=["Staff"])
    employee.save(update_fields=["user"])
    return employee


@pytest.fixture
def hr_of_alpha(two_agencies):
    user = UserFactory(roles=["HR"])
    unit = Unit.objects.get(agency__slug="alpha")
    Employee.objects.create(employee_id="alpha-hr", unit=unit, name_ar="م", name_en="HR", user=user)
    return user


def test_a_rating_from_the_employees_own_address_counts_nowhere_and_is_flagged(season, staff_member):
    sign_in(staff_member.user, HOME)
    rate_from(staff_member, "192.0.2.1", overall=3)  # a real customer
    own = rate_from(staff_member, HOME)
    own.refresh_from_db()
    assert own.counted is False
    assert tallies(season, staff_member) == {"agency": 1, "unit": 1, "employee": 1, "channel": 1}
    flag = IntegrityFlag.objects.get()
    assert (flag.kind, flag.status, flag.subject, flag.rating_ids) == (
        "self_rating",
        "open",
        staff_member.employee_id,
        [own.pk],
    )
    assert set(flag.evidence) == {"fingerprint", "ratings", "last"}  # never the rating's answers
    rate_from(staff_member, HOME)
    flag.refresh_from_db()
    assert len(flag.rating_ids) == 2 and IntegrityFlag.objects.count() == 1  # the same open flag


def test_hr_clears_a_self_rating_flag_and_then_it_counts(season, staff_member, hr_of_alpha):
    sign_in(staff_member.user, HOME)
    rate_from(staff_member, HOME)
    flag = IntegrityFlag.objects.get()
    clear_flag(flag=flag, by=hr_of_alpha, reason="The customer is the employee's neighbour; checked.")
    assert tallies(season, staff_member)["employee"] == 1
    assert CustomerRating.objects.get().counted is True
    entry = ModelLogEntry.objects.get(action="awards.flag_clear")
    assert entry.user_id == hr_of_alpha.pk and entry.data["ratings"] == 1


def test_hr_rejects_and_it_stays_out(season, staff_member, hr_of_alpha):
    sign_in(staff_member.user, HOME)
    rate_from(staff_member, HOME)
    reject_flag(flag=IntegrityFlag.objects.get(), by=hr_of_alpha, reason="Rated themselves from home.")
    assert tallies(season, staff_member).get("employee", 0) == 0
    assert ModelLogEntry.objects.filter(action="awards.flag_reject", user_id=hr_of_alpha.pk).exists()


def test_signing_in_later_from_the_address_discounts_the_earlier_ratings(season, staff_member):
    earlier = [rate_from(staff_member, HOME) for _ in range(2)]
    assert tallies(season, staff_member)["employee"] == 2
    sign_in(staff_member.user, HOME)
    assert tallies(season, staff_member).get("employee", 0) == 0
    flag = IntegrityFlag.objects.get(kind="self_rating")
    assert flag.rating_ids == sorted(rating.pk for rating in earlier)
    sign_in(staff_member.user, HOME)  # a known address: nothing more
    assert IntegrityFlag.objects.count() == 1


def test_an_address_many_colleagues_sign_in_from_is_shared_not_a_self_rating(season, staff_member, two_agencies):
    centre_wifi = "203.0.113.50"
    sign_in(staff_member.user, centre_wifi)
    for _ in range(scoring.DEFAULT_SELF_RATING_SHARED_ACCOUNTS - 1):
        sign_in(UserFactory(roles=["Staff"]), centre_wifi)
    rate_from(staff_member, centre_wifi, origin="counter")
    assert not IntegrityFlag.objects.exists()
    assert tallies(season, staff_member)["employee"] == 1


def test_the_command_applies_the_rule_to_ratings_taken_before_it(season, staff_member):
    sign_in(staff_member.user, HOME)
    # Ratings stored without the signal (as before the rule): counted, from the employee's address.
    CustomerRating.objects.bulk_create(
        CustomerRating(
            employee=staff_member,
            submitted_at=timezone.now(),
            channel="centre",
            overall=5,
            client_fingerprint=client_fingerprint_for(HOME),
        )
        for _ in range(3)
    )
    recompute_season(season=season)
    assert tallies(season, staff_member)["employee"] == 3
    call_command("awards", "flags")
    assert tallies(season, staff_member).get("employee", 0) == 0
    assert len(IntegrityFlag.objects.get(kind="self_rating").rating_ids) == 3
    call_command("awards", "flags")  # nothing left to discount
    assert IntegrityFlag.objects.count() == 1


def counts() -> dict:
    """Every non-empty tally (a tally moved to zero and back is the same as none)."""
    return {(t.kind, t.key): (t.ratings, t.rating_sum, t.five_star) for t in SeasonTally.objects.all() if t.ratings}


def test_recompute_agrees_with_the_running_tallies(season, staff_member, two_agencies, hr_of_alpha):
    colleague = two_agencies["alpha"][1]
    sign_in(staff_member.user, HOME)
    rate_from(staff_member, HOME)  # self: discounted
    rate_from(staff_member, HOME, overall=4)  # self: the same flag
    for _ in range(4):  # a burst through links issued elsewhere
        rate_from(colleague, "192.0.2.200", overall=5)
    for _ in range(4):  # counter visits on a shared Wi-Fi: all count
        rate_from(colleague, "192.0.2.201", overall=4, origin="counter")
    rate_from(two_agencies["beta"][0], "192.0.2.9", overall=2)
    clear_flag(flag=IntegrityFlag.objects.get(kind="burst"), by=hr_of_alpha, reason="A family served together.")
    before = counts()
    report = recompute_season(season=season)
    assert report.differences == []
    assert counts() == before
    assert before[("employee", colleague.employee_id)] == (8, 36, 4)
    assert ("employee", staff_member.employee_id) not in before


@settings(deadline=None, max_examples=200, database=None)
@given(
    st.none() | st.integers(0, 5),
    st.sets(st.integers(0, 5), max_size=6),
    st.integers(1, 6),
)
def test_the_self_rating_rule(account, signed_in, shared):
    verdict = scoring.is_probable_self_rating(
        employee_account=account, accounts_signed_in_from_address=signed_in, shared_accounts=shared
    )
    assert verdict is (account is not None and account in signed_in and len(signed_in) < shared)
    # Another colleague signing in from the address can only make it less probable.
    widened = scoring.is_probable_self_rating(
        employee_account=account, accounts_signed_in_from_address=signed_in | {99}, shared_accounts=shared
    )
    assert widened <= verdict
