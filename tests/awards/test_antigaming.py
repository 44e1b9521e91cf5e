"""A burst of ratings from one device is discounted (out of every standing) and flagged;
HR clears it (the ratings count again) or rejects it, with a reason, in the audit log."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from awards.antigaming import clear_flag, reject_flag
from awards.models import IntegrityFlag, SeasonTally
from evaluations.customer_feedback import customer_feedback_token, submit_customer_rating
from evaluations.models import CustomerFeedbackLink, CustomerRating, Employee, Unit
from tests.factories import UserFactory


def burst(employee, count: int, fingerprint: str = "same-device") -> None:
    for _ in range(count):
        link = customer_feedback_token(employee=employee)
        submit_customer_rating(token=link.token, overall=5, client_fingerprint=fingerprint, now=timezone.now())


def agency_tally(season, slug):
    return SeasonTally.objects.get(season=season, kind="agency", key=slug)


@pytest.fixture
def hr_of_alpha(two_agencies):
    unit = Unit.objects.get(agency__slug="alpha")
    user = UserFactory(roles=["HR"])
    Employee.objects.create(employee_id="alpha-hr", unit=unit, name_ar="م", name_en="HR", user=user)
    return user


def test_a_burst_is_discounted_and_flagged(season, two_agencies):
    employee = two_agencies["alpha"][0]
    burst(employee, 3)
    assert agency_tally(season, "alpha").ratings == 3
    burst(employee, 2)
    flag = IntegrityFlag.objects.get(kind="burst")
    assert (flag.subject, flag.status, len(flag.rating_ids)) == (employee.employee_id, "open", 5)
    assert CustomerRating.objects.filter(counted=True).count() == 0
    assert agency_tally(season, "alpha").ratings == 0


def test_ratings_from_different_devices_are_no_burst(season, two_agencies):
    for index in range(6):
        burst(two_agencies["alpha"][0], 1, fingerprint=f"device-{index}")
    assert not IntegrityFlag.objects.exists()
    assert agency_tally(season, "alpha").ratings == 6


def test_hr_clears_a_flag_and_the_ratings_count_again(season, two_agencies, hr_of_alpha):
    burst(two_agencies["alpha"][0], 4)
    flag = IntegrityFlag.objects.get()
    with pytest.raises(ValidationError):
        clear_flag(flag=flag, by=hr_of_alpha, reason=" ")
    clear_flag(flag=flag, by=hr_of_alpha, reason="A family of four served together.")
    assert agency_tally(season, "alpha").ratings == 4
    entry = ModelLogEntry.objects.get(action="awards.flag_clear")
    assert (entry.user_id, entry.data["reason"]) == (hr_of_alpha.pk, "A family of four served together.")


def test_rejecting_keeps_them_discounted_and_only_the_agency_hr_decides(season, two_agencies, hr_of_alpha):
    burst(two_agencies["beta"][0], 4)
    flag = IntegrityFlag.objects.get()
    with pytest.raises(PermissionDenied):
        reject_flag(flag=flag, by=hr_of_alpha, reason="gaming")
    burst(two_agencies["alpha"][1], 4)
    alpha_flag = IntegrityFlag.objects.get(subject=two_agencies["alpha"][1].employee_id)
    reject_flag(flag=alpha_flag, by=hr_of_alpha, reason="Same device, same minute.")
    assert agency_tally(season, "alpha").ratings == 0
    with pytest.raises(ValidationError):
        clear_flag(flag=alpha_flag, by=hr_of_alpha, reason="changed my mind")


def test_flags_page(client, season, two_agencies, hr_of_alpha):
    burst(two_agencies["alpha"][0], 4)
    flag = IntegrityFlag.objects.get()
    assert client.get("/en/awards/integrity/").status_code == 302
    client.force_login(UserFactory(roles=["Staff"]))
    assert client.get("/en/awards/integrity/").status_code == 403
    client.force_login(hr_of_alpha)
    assert client.get("/en/awards/integrity/").status_code == 200
    assert client.post("/en/awards/integrity/", {"flag": flag.pk, "decision": "clear", "reason": ""}).status_code == 400
    response = client.post("/en/awards/integrity/", {"flag": flag.pk, "decision": "clear", "reason": "checked"})
    assert response.status_code == 302
    assert IntegrityFlag.objects.get().status == "cleared"


def counter_visits(employee, count: int, fingerprint: str = "centre-wifi") -> None:
    """Customers served one after another at the counter, each rating through the single-use
    link the "next customer" screen issued for them, all over the centre's Wi-Fi."""
    for _ in range(count):
        link = customer_feedback_token(employee=employee, origin="counter")
        submit_customer_rating(token=link.token, overall=5, client_fingerprint=fingerprint, now=timezone.now())


def test_counter_visits_sharing_an_address_are_no_burst(season, two_agencies):
    counter_visits(two_agencies["alpha"][0], 6)
    assert not IntegrityFlag.objects.exists()
    assert agency_tally(season, "alpha").ratings == 6


def test_the_next_customer_screen_issues_counter_links(client, season, two_agencies):
    employee = two_agencies["alpha"][0]
    employee.user = UserFactory(roles=["Staff"])
    employee.save(update_fields=["user"])
    client.force_login(employee.user)
    for _ in range(4):
        assert client.post("/en/customer-feedback/next/issue/").status_code == 303
        link = CustomerFeedbackLink.objects.filter(employee=employee).latest("created_at", "pk")
        assert link.origin == "counter"
        submit_customer_rating(token=link.token, overall=5, client_fingerprint="counter-tablet", now=timezone.now())
    assert not IntegrityFlag.objects.exists()
    assert CustomerRating.objects.filter(counted=True).count() == 4


def test_links_issued_elsewhere_and_cards_still_burst_from_one_address(season, two_agencies):
    employee = two_agencies["alpha"][0]
    counter_visits(employee, 3, fingerprint="one-phone")  # visits: not part of the burst
    card = customer_feedback_token(employee=employee, kind="card")
    submit_customer_rating(token=card.token, overall=5, client_fingerprint="one-phone", now=timezone.now())
    burst(employee, 2, fingerprint="one-phone")
    assert not IntegrityFlag.objects.exists()  # 3 non-counter ratings: within the limit
    burst(employee, 1, fingerprint="one-phone")
    flag = IntegrityFlag.objects.get(kind="burst")
    assert len(flag.rating_ids) == 4  # the card's and the three sent links', not the visits
    assert CustomerRating.objects.filter(counted=True, link__origin="counter").count() == 3
    assert agency_tally(season, "alpha").ratings == 3


def test_burst_sources():
    from evaluations.scoring import burst_source

    assert burst_source(address_fingerprint="abc", counter_visit=False) == "abc"
    assert burst_source(address_fingerprint="abc", counter_visit=True) is None
    assert burst_source(address_fingerprint="", counter_visit=False) is None
