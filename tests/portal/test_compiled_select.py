"""``portal.db.compiled.CompiledSelect``: the ORM's SQL written once per database, run with
each call's values, giving what the ORM gives (on SQLite, and on PostgreSQL in CI's second
run: datetimes are adapted differently by the two)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.db.models import QuerySet
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from evaluations.customer_feedback import usable_feedback_link
from evaluations.models import CustomerFeedbackLink, CustomerRating
from portal.db.compiled import CompiledSelect, CompiledUpdate
from tests.evaluations.customer_factories import FrontLineEmployeeFactory, feedback_link

pytestmark = pytest.mark.django_db


def ratings_of(employee_id, since, fingerprint) -> QuerySet:
    return (
        CustomerRating.objects.filter(employee_id=employee_id, submitted_at__gte=since, client_fingerprint=fingerprint)
        .order_by("submitted_at")
        .values_list("pk", "submitted_at", "overall", "counted")
    )


RATINGS = CompiledSelect(ratings_of, employee_id=int, since=datetime.datetime, fingerprint=str)


def test_rows_are_the_orms_for_every_value_of_every_type():
    employees = [FrontLineEmployeeFactory(), FrontLineEmployeeFactory()]
    now = timezone.now().replace(microsecond=123456)
    for number in range(6):
        CustomerRating.objects.create(
            employee=employees[number % 2],
            submitted_at=now - datetime.timedelta(hours=number),
            channel="centre",
            overall=1 + number % 5,
            client_fingerprint="a" if number < 4 else "b",
        )
    for employee in employees:
        for hours in (0, 2, 5, 10):
            for fingerprint in ("a", "b", "c"):
                since = now - datetime.timedelta(hours=hours)
                expected = list(ratings_of(employee.pk, since, fingerprint))
                assert RATINGS.rows(employee_id=employee.pk, since=since, fingerprint=fingerprint) == expected
    # Something was found, with datetimes as the ORM returns them (aware, to the microsecond).
    rows = RATINGS.rows(employee_id=employees[0].pk, since=now - datetime.timedelta(days=1), fingerprint="a")
    assert [row[1] for row in rows] == [now - datetime.timedelta(hours=2), now]
    assert all(row[1].tzinfo is not None for row in rows)


def test_constants_of_the_query_stay_in_it():
    links = CompiledSelect(
        lambda token: (
            CustomerFeedbackLink.objects.filter(token=token, kind=CustomerFeedbackLink.Kind.CARD)
            .order_by()
            .values_list("pk", flat=True)
        ),
        token=str,
    )
    single_use, card = feedback_link(), feedback_link(kind=CustomerFeedbackLink.Kind.CARD)
    assert links.rows(token=card.token) == [(card.pk,)]
    assert links.rows(token=single_use.token) == []


def test_the_link_is_read_in_one_query_with_what_its_page_needs():
    link = feedback_link()
    with CaptureQueriesContext(connection) as queries:
        read = usable_feedback_link(token=link.token)
        assert read.employee.name_en == link.employee.name_en
        assert read.employee.is_active is True
        assert (read.pk, read.token, read.channel, read.kind, read.origin) == (
            link.pk,
            link.token,
            link.channel,
            link.kind,
            link.origin,
        )
        assert read.expires_at == link.expires_at
        assert read.used_at is None
    assert len(queries) == 1
    # What it did not read of the employee is deferred, as ``only()`` leaves it.
    assert {"employee_id", "unit_id", "email"} <= read.employee.get_deferred_fields()


def test_a_placeholder_may_be_used_twice_but_must_reach_the_sql():
    twice = CompiledSelect(
        lambda token: CustomerFeedbackLink.objects.filter(token=token).exclude(channel=token).values_list("pk"),
        token=str,
    )
    link = feedback_link()
    assert twice.rows(token=link.token) == [(link.pk,)]
    unused = CompiledSelect(lambda token: CustomerFeedbackLink.objects.values_list("pk"), token=str)
    with pytest.raises(ValueError, match="an SQL parameter"):
        unused.rows(token="x")
    with pytest.raises(TypeError, match="unsupported"):
        CompiledSelect(lambda day: CustomerRating.objects.filter(submitted_at__date=day), day=datetime.date)
    with pytest.raises(TypeError, match="Expected the values"):
        RATINGS.rows(employee_id=1, since=timezone.now())


def test_a_compiled_update_changes_what_the_orms_update_would():
    """Expressions over the row's own values, a datetime used twice (the award tallies'
    update: ``awards.services``), and the number of rows changed."""
    from django.db.models import F
    from django.db.models.functions import Coalesce, Greatest

    from awards.models import Season, SeasonTally

    today = timezone.localdate()
    season = Season.objects.create(
        slug="compiled", name_ar="م", name_en="S", starts_on=today, ends_on=today + datetime.timedelta(days=9)
    )
    earlier = timezone.now().replace(microsecond=0) - datetime.timedelta(hours=1)
    SeasonTally.objects.create(season=season, kind="agency", key="a", ratings=2, rating_sum=7, five_star=1)
    SeasonTally.objects.create(season=season, kind="agency", key="b", ratings=1, rating_sum=5, last_rating_at=earlier)
    move = CompiledUpdate(
        lambda key, amount, total, at: (
            SeasonTally.objects.filter(season=season, kind="agency", key=key),
            {
                "ratings": F("ratings") + amount,
                "rating_sum": F("rating_sum") + total,
                "last_rating_at": Greatest(Coalesce("last_rating_at", at), at),
            },
        ),
        key=str,
        amount=int,
        total=int,
        at=datetime.datetime,
    )
    assert move.execute(key="a", amount=1, total=5, at=earlier) == 1
    assert move.execute(key="b", amount=-1, total=-5, at=earlier - datetime.timedelta(days=1)) == 1
    assert move.execute(key="nobody", amount=1, total=5, at=earlier) == 0
    tallies = {tally.key: tally for tally in SeasonTally.objects.filter(season=season)}
    assert (tallies["a"].ratings, tallies["a"].rating_sum, tallies["a"].last_rating_at) == (3, 12, earlier)
    # The later moment is kept: Greatest of the stored one and the earlier one given.
    assert (tallies["b"].ratings, tallies["b"].rating_sum, tallies["b"].last_rating_at) == (0, 0, earlier)
    assert not hasattr(move, "rows")  # an update gives no rows: execute() only
