"""Factories for the organisation and customers' ratings (customer-feedback tests)."""

from __future__ import annotations

import factory

from evaluations.customer_feedback import customer_feedback_token
from evaluations.models import CustomerFeedbackLink, Employee, Unit
from tests.factories import AgencyFactory


class CustomerUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    agency = factory.SubFactory(AgencyFactory)
    slug = factory.Sequence(lambda n: f"centre-{n}")
    name_ar = factory.Sequence(lambda n: f"مركز الخدمة {n}")
    name_en = factory.Sequence(lambda n: f"Service centre {n}")


class FrontLineEmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    employee_id = factory.Sequence(lambda n: f"E{n:05d}")
    unit = factory.SubFactory(CustomerUnitFactory)
    name_ar = factory.Sequence(lambda n: f"موظف {n}")
    name_en = factory.Sequence(lambda n: f"Employee {n}")
    front_line = True


def feedback_link(employee=None, **options) -> CustomerFeedbackLink:
    """A link issued by the real service (single-use unless ``kind`` says otherwise)."""
    return customer_feedback_token(employee=employee or FrontLineEmployeeFactory(), **options)
