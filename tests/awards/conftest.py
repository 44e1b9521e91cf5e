from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from awards.services import create_season
from evaluations.customer_feedback import customer_feedback_token, submit_customer_rating
from tests.evaluations.customer_factories import CustomerUnitFactory, FrontLineEmployeeFactory
from tests.factories import AgencyFactory


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def season(db):
    today = timezone.localdate()
    return create_season(
        slug="s1",
        name_ar="موسم ١",
        name_en="Season 1",
        starts_on=today - datetime.timedelta(days=30),
        ends_on=today + datetime.timedelta(days=30),
        make_current=True,
    )


@pytest.fixture
def two_agencies(db):
    """Two small agencies, one unit and three front-line employees each."""
    result = {}
    for slug in ("alpha", "beta"):
        agency = AgencyFactory(slug=slug, name_ar=f"جهة {slug}", name_en=slug.title())
        unit = CustomerUnitFactory(agency=agency, slug="centre")
        result[slug] = [FrontLineEmployeeFactory(unit=unit, employee_id=f"{slug}-{n}") for n in range(3)]
    return result


def rate(employee, overall: int, *, channel: str = "centre", count: int = 1, when=None) -> None:
    """Customers rate ``employee`` through the real single-use-link service."""
    for index in range(count):
        link = customer_feedback_token(employee=employee, channel=channel, now=when)
        submit_customer_rating(
            token=link.token, overall=overall, client_fingerprint=f"fp-{employee.pk}-{index}-{overall}", now=when
        )
