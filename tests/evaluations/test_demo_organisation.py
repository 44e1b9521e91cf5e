"""The demo organisation loads through the organisation import, links the demo accounts,
and a second load changes nothing."""

from __future__ import annotations

import pytest

from evaluations.demo import DEMO_ACCOUNT_EMPLOYEES, UNITS, load_demo_organisation
from evaluations.models import Employee, Unit
from evaluations.permissions import can_manage_organisation, managed_agencies
from tests.factories import AgencyFactory, UserFactory


@pytest.fixture
def demo_agencies(db):
    return [AgencyFactory(slug=slug) for slug in UNITS]


def test_demo_organisation_loads_once_and_links_the_demo_accounts(demo_agencies):
    hr = UserFactory(username="hr", roles=["HR"])
    staff = UserFactory(username="staff", roles=["Staff"])
    report = load_demo_organisation()
    expected = sum(1 + sum(unit[4] for unit in units) for units in UNITS.values())
    assert Employee.objects.count() == expected == 163
    assert Unit.objects.count() == sum(len(units) for units in UNITS.values())
    assert sorted(report.linked_accounts) == ["hr", "staff"]
    assert hr.employee.employee_id == DEMO_ACCOUNT_EMPLOYEES["hr"]
    assert staff.employee.front_line is True
    assert staff.employee.supervisor.supervisor.employee_id == "CSB-DIR"
    assert list(managed_agencies(hr).values_list("slug", flat=True)) == ["civil-service-bureau"]
    assert can_manage_organisation(hr) and not can_manage_organisation(staff)

    again = load_demo_organisation()
    assert again.changed is False
    assert len(again.plan.unchanged) == expected
