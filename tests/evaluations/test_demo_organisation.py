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


def test_the_demo_hr_account_has_a_draft_cycle_of_its_agency_to_set_up(demo_agencies, client):
    import datetime

    from evaluations.demo import DRAFT_CYCLE, load_demo_draft_cycle
    from evaluations.models import Cycle

    hr = UserFactory(username="hr", roles=["HR"])
    load_demo_organisation()
    today = datetime.date(2026, 6, 1)
    assert load_demo_draft_cycle(today=today) == DRAFT_CYCLE
    assert load_demo_draft_cycle(today=today) is None  # a second load leaves it alone
    cycle = Cycle.objects.get(slug=DRAFT_CYCLE)
    assert cycle.status == Cycle.Status.DRAFT and cycle.opens_on > today
    assert list(cycle.agencies.values_list("slug", flat=True)) == ["civil-service-bureau"]

    hr.refresh_from_db()
    client.force_login(hr)
    listing = client.get("/en/evaluations/cycles/").content.decode()
    assert f"/en/evaluations/cycles/{DRAFT_CYCLE}/" in listing
    assert client.get(f"/en/evaluations/cycles/{DRAFT_CYCLE}/settings/").status_code == 200
    assert client.get(f"/en/evaluations/cycles/{DRAFT_CYCLE}/assignments/").status_code == 200
