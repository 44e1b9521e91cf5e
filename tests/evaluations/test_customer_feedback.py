"""The customer-feedback services: issuing links, one rating per link, expiry, limits."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import override_settings
from django.utils import timezone, translation

from evaluations.customer_feedback import (
    CustomerFeedbackRejected,
    client_fingerprint_for,
    customer_feedback_token,
    customer_feedback_url,
    submit_customer_rating,
)
from evaluations.models import CustomerFeedbackLink, CustomerRating
from tests.evaluations.customer_factories import FrontLineEmployeeFactory, feedback_link

pytestmark = pytest.mark.django_db

FINGERPRINT = client_fingerprint_for("192.0.2.10")


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_a_single_use_link_has_a_long_random_token_and_expires_after_seven_days():
    employee = FrontLineEmployeeFactory()
    link = customer_feedback_token(employee=employee, channel="phone")
    other = customer_feedback_token(employee=employee, channel="phone")
    assert link.kind == CustomerFeedbackLink.Kind.SINGLE_USE
    assert len(link.token) >= 22 and link.token != other.token
    assert link.expires_at - link.created_at == timedelta(days=7)
    assert link.channel == "phone"


@override_settings(CUSTOMER_FEEDBACK_LINK_DAYS=2)
def test_the_expiry_follows_the_setting():
    link = feedback_link()
    assert link.expires_at - link.created_at == timedelta(days=2)


def test_the_printed_card_link_is_stable_per_employee():
    employee = FrontLineEmployeeFactory()
    card = customer_feedback_token(employee=employee, kind="card")
    assert customer_feedback_token(employee=employee, kind="card") == card
    assert card.expires_at is None
    assert CustomerFeedbackLink.objects.cards().filter(employee=employee).count() == 1


def test_an_inactive_employee_gets_no_link():
    employee = FrontLineEmployeeFactory(is_active=False)
    with pytest.raises(ValidationError):
        customer_feedback_token(employee=employee)


def test_an_unknown_channel_is_refused():
    with pytest.raises(ValidationError):
        customer_feedback_token(employee=FrontLineEmployeeFactory(), channel="fax")


def test_the_link_url_is_absolute_in_the_requested_language():
    link = feedback_link()
    assert customer_feedback_url(link, base_url="https://portal.example.gov/") == (
        f"https://portal.example.gov/feedback/{link.token}/"
    )
    assert customer_feedback_url(link, base_url="https://portal.example.gov", language="en") == (
        f"https://portal.example.gov/en/feedback/{link.token}/"
    )


def test_a_submission_saves_one_rating_with_the_links_employee_and_channel():
    link = feedback_link(channel="chat")
    outcome = submit_customer_rating(
        token=link.token, overall=4, respect=5, clarity=3, comment="  شكرا  ", client_fingerprint=FINGERPRINT
    )
    rating = outcome.rating
    assert not outcome.already_received
    assert (rating.employee, rating.channel, rating.overall, rating.respect, rating.time) == (
        link.employee,
        "chat",
        4,
        5,
        None,
    )
    assert rating.comment == "شكرا"
    assert rating.link == link and rating.counted is True
    link.refresh_from_db()
    assert link.used_at is not None


def test_the_address_is_stored_only_as_a_keyed_hash():
    fingerprint = client_fingerprint_for("203.0.113.7")
    assert "203.0.113.7" not in fingerprint and len(fingerprint) == 32
    assert fingerprint == client_fingerprint_for("203.0.113.7") != client_fingerprint_for("203.0.113.8")


def test_a_second_submission_through_the_same_link_saves_nothing():
    link = feedback_link()
    submit_customer_rating(token=link.token, overall=5, client_fingerprint=FINGERPRINT)
    replay = submit_customer_rating(token=link.token, overall=1, client_fingerprint=FINGERPRINT)
    assert replay.already_received
    assert CustomerRating.objects.filter(employee=link.employee).count() == 1
    assert CustomerRating.objects.get().overall == 5


def test_the_database_refuses_a_second_rating_for_a_single_use_link():
    link = feedback_link()
    submit_customer_rating(token=link.token, overall=5, client_fingerprint=FINGERPRINT)
    with pytest.raises(IntegrityError), transaction.atomic():
        CustomerRating.objects.create(employee=link.employee, channel="centre", overall=3, link=link)


@pytest.mark.parametrize("field, value", [("overall", 0), ("overall", 6), ("respect", 9), ("solved", 0)])
def test_the_database_refuses_scores_outside_one_to_five(field, value):
    employee = FrontLineEmployeeFactory()
    answers = {"overall": 3, field: value}
    with pytest.raises(IntegrityError), transaction.atomic():
        CustomerRating.objects.create(employee=employee, channel="centre", **answers)


def test_a_score_outside_one_to_five_is_refused_and_leaves_the_link_unused():
    link = feedback_link()
    with pytest.raises(ValidationError):
        submit_customer_rating(token=link.token, overall=7, client_fingerprint=FINGERPRINT)
    link.refresh_from_db()
    assert link.used_at is None and not CustomerRating.objects.exists()


def test_an_unknown_token_is_refused_politely_in_the_customers_language():
    with pytest.raises(CustomerFeedbackRejected) as rejected:
        submit_customer_rating(token="no-such-token", overall=3, client_fingerprint=FINGERPRINT)
    assert rejected.value.reason == CustomerFeedbackRejected.UNKNOWN
    with translation.override("en"):
        assert rejected.value.message.startswith("We could not find this feedback link")
    with translation.override("ar"):
        assert rejected.value.message.startswith("لم نعثر على رابط التقييم")


def test_an_expired_link_is_refused():
    link = feedback_link()
    later = link.expires_at + timedelta(seconds=1)
    with pytest.raises(CustomerFeedbackRejected) as rejected:
        submit_customer_rating(token=link.token, overall=3, client_fingerprint=FINGERPRINT, now=later)
    assert rejected.value.reason == CustomerFeedbackRejected.EXPIRED
    assert not CustomerRating.objects.exists()


@override_settings(
    CUSTOMER_FEEDBACK_LIMITS={
        "link_attempts_per_hour": 10,
        "employee_per_hour": 2,
        "address_per_hour": 100,
        "card_address_per_employee_per_day": 1,
        "card_per_employee_per_day": 100,
    }
)
def test_the_limit_per_employee_refuses_the_next_rating():
    employee = FrontLineEmployeeFactory()
    links = [feedback_link(employee) for _ in range(3)]
    for number, link in enumerate(links[:2]):
        submit_customer_rating(
            token=link.token, overall=5, client_fingerprint=client_fingerprint_for(f"10.0.0.{number}")
        )
    with pytest.raises(CustomerFeedbackRejected) as rejected:
        submit_customer_rating(token=links[2].token, overall=5, client_fingerprint=FINGERPRINT)
    assert rejected.value.reason == CustomerFeedbackRejected.RATE_LIMITED
    assert CustomerRating.objects.count() == 2


@override_settings(
    CUSTOMER_FEEDBACK_LIMITS={
        "link_attempts_per_hour": 10,
        "employee_per_hour": 100,
        "address_per_hour": 2,
        "card_address_per_employee_per_day": 1,
        "card_per_employee_per_day": 100,
    }
)
def test_the_limit_per_address_refuses_the_next_rating_from_that_address_only():
    links = [feedback_link() for _ in range(4)]
    submit_customer_rating(token=links[0].token, overall=5, client_fingerprint=FINGERPRINT)
    submit_customer_rating(token=links[1].token, overall=5, client_fingerprint=FINGERPRINT)
    with pytest.raises(CustomerFeedbackRejected):
        submit_customer_rating(token=links[2].token, overall=5, client_fingerprint=FINGERPRINT)
    submit_customer_rating(token=links[3].token, overall=5, client_fingerprint=client_fingerprint_for("10.9.9.9"))
    assert CustomerRating.objects.count() == 3


def test_a_printed_card_takes_one_rating_per_address_per_day():
    employee = FrontLineEmployeeFactory()
    card = customer_feedback_token(employee=employee, kind="card")
    first = submit_customer_rating(token=card.token, overall=4, client_fingerprint=FINGERPRINT)
    assert first.rating.card == card and first.rating.link is None
    with pytest.raises(CustomerFeedbackRejected) as rejected:
        submit_customer_rating(token=card.token, overall=4, client_fingerprint=FINGERPRINT)
    assert rejected.value.reason == CustomerFeedbackRejected.RATE_LIMITED
    submit_customer_rating(token=card.token, overall=2, client_fingerprint=client_fingerprint_for("10.1.1.1"))
    assert CustomerRating.objects.filter(card=card).count() == 2
    card.refresh_from_db()
    assert card.used_at is None


def test_the_limit_per_link_stops_hammering_one_link():
    link = feedback_link()
    for _ in range(10):
        with pytest.raises(ValidationError):
            submit_customer_rating(token=link.token, overall=9, client_fingerprint=FINGERPRINT)
    with pytest.raises(CustomerFeedbackRejected):
        submit_customer_rating(token=link.token, overall=4, client_fingerprint=FINGERPRINT)


def test_ratings_are_kept_with_their_submission_time_and_no_cycle():
    link = feedback_link()
    moment = timezone.now() - timedelta(days=1)
    rating = submit_customer_rating(token=link.token, overall=3, client_fingerprint=FINGERPRINT, now=moment).rating
    assert (
        CustomerRating.objects.submitted_between(moment - timedelta(hours=1), moment + timedelta(hours=1)).get()
        == rating
    )


def test_the_unique_link_catches_a_rating_the_claim_did_not_see():
    """Should a rating for the link exist while the link still looks unused (another
    transaction's insert), the database constraint turns the second one away."""
    link = feedback_link()
    CustomerRating.objects.create(employee=link.employee, channel="centre", overall=2, link=link)
    outcome = submit_customer_rating(token=link.token, overall=5, client_fingerprint=FINGERPRINT)
    assert outcome.already_received
    assert CustomerRating.objects.get(link=link).overall == 2
