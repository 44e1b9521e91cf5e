"""Factories for the evaluations app: units, employees, cycles, and helpers that answer
evaluations through the real services."""

from __future__ import annotations

import datetime

import factory

from evaluations import services
from evaluations.models import Assignment, CustomerRating, Cycle, Employee, Framework, Unit
from tests.factories import AgencyFactory


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    agency = factory.SubFactory(AgencyFactory)
    slug = factory.Sequence(lambda n: f"unit-{n}")
    name_ar = factory.Sequence(lambda n: f"الوحدة {n}")
    name_en = factory.Sequence(lambda n: f"Unit {n}")


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    employee_id = factory.Sequence(lambda n: f"E{n:05d}")
    unit = factory.SubFactory(UnitFactory)
    name_ar = factory.Sequence(lambda n: f"موظف {n}")
    name_en = factory.Sequence(lambda n: f"Employee {n}")
    job_title = "Customer service officer"
    front_line = True


class CustomerRatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CustomerRating

    employee = factory.SubFactory(EmployeeFactory)
    submitted_at = factory.LazyFunction(lambda: datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC))
    channel = CustomerRating.Channel.CENTRE
    overall = 4


def framework() -> Framework:
    return Framework.objects.latest_version()


def item_codes(cycle: Cycle | None = None) -> list[str]:
    fw = cycle.framework if cycle else framework()
    return list(
        fw.competencies.order_by("sort_order")
        .values_list("items__code", flat=True)
        .order_by("sort_order", "items__sort_order")
    )


def make_team(*, unit: Unit | None = None, size: int = 6) -> tuple[Employee, list[Employee]]:
    """A supervisor and ``size`` direct reports in one unit."""
    unit = unit or UnitFactory()
    boss = EmployeeFactory(unit=unit)
    return boss, [EmployeeFactory(unit=unit, supervisor=boss) for _ in range(size)]


def make_cycle(*, agencies=(), units=(), slug: str | None = None, **settings) -> Cycle:
    settings.setdefault("assignment_seed", 7)
    return services.create_cycle(
        slug=slug or f"cycle-{Cycle.objects.count() + 1}",
        name_ar="دورة التقييم",
        name_en="Evaluation cycle",
        opens_on=datetime.date(2026, 3, 1),
        closes_on=datetime.date(2026, 3, 31),
        agencies=agencies,
        units=units,
        **settings,
    )


def answer_all(assignment: Assignment, score: int | None, comment: str = "") -> None:
    """Submit ``assignment`` with the same score (or "not observed") on every statement."""
    answers = dict.fromkeys(item_codes(assignment.cycle), score)
    services.submit_response(assignment=assignment, rater=assignment.rater, answers=answers, comment=comment)
