"""Peer rings: found when a cycle closes (after the close commits) and by `manage.py awards
flags`, flagged for HR of the agency with aggregate evidence only (never one colleague's
answers), cleared or rejected by HR with a reason in the audit log."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from awards.antigaming import RING_ACTION, flag_peer_rings
from awards.models import IntegrityFlag
from evaluations import scoring
from evaluations.models import Cycle, Employee
from evaluations.services import close_cycle, create_cycle, import_responses, open_cycle
from tests.evaluations.customer_factories import CustomerUnitFactory, FrontLineEmployeeFactory
from tests.evaluations.view_fixtures import ensure_framework, item_codes
from tests.factories import AgencyFactory, UserFactory

RING = ("ring-a", "ring-b", "ring-c")
OUTSIDERS = ("other-d", "other-e", "other-f")


@pytest.fixture
def unit(db):
    agency = AgencyFactory(slug="alpha", name_ar="جهة ألفا", name_en="Alpha")
    unit = CustomerUnitFactory(agency=agency, slug="centre")
    for code in RING + OUTSIDERS:
        FrontLineEmployeeFactory(unit=unit, employee_id=code, name_ar=f"اسم {code}", name_en=f"Name {code}")
    return unit


@pytest.fixture
def hr(unit):
    user = UserFactory(roles=["Staff", "HR"])
    Employee.objects.create(employee_id="alpha-hr", unit=unit, name_ar="الموارد", name_en="HR", user=user)
    return user


def open_ring_cycle(unit, slug: str = "ring-cycle") -> Cycle:
    ensure_framework()
    today = timezone.localdate()
    cycle = create_cycle(
        slug=slug,
        name_ar="دورة",
        name_en="Cycle",
        opens_on=today - datetime.timedelta(days=5),
        closes_on=today + datetime.timedelta(days=5),
        agencies=[unit.agency],
        peers_per_employee=0,
    )
    return open_cycle(cycle=cycle, notify=False)


def peer_rows(cycle: Cycle, scores: dict[tuple[str, str], int]) -> list[tuple[int, dict]]:
    rows = []
    for (rater, ratee), score in scores.items():
        for code in item_codes(cycle):
            rows.append(
                (
                    len(rows) + 2,
                    {
                        "rater_employee_id": rater,
                        "ratee_employee_id": ratee,
                        "relationship": "peer",
                        "item_code": code,
                        "score": str(score),
                    },
                )
            )
    return rows


def ring_scores(outsiders=OUTSIDERS) -> dict[tuple[str, str], int]:
    """The ring rates one another 5 on everything; everyone else rates them 3."""
    scores = {(rater, ratee): 5 for rater in RING for ratee in RING if rater != ratee}
    scores |= {(rater, ratee): 3 for rater in outsiders for ratee in RING}
    scores |= {(rater, ratee): 4 for rater in OUTSIDERS for ratee in OUTSIDERS if rater != ratee}
    return scores


def closed_ring_cycle(unit, django_capture_on_commit_callbacks, *, outsiders=OUTSIDERS) -> Cycle:
    cycle = open_ring_cycle(unit)
    import_responses(cycle=cycle, rows=peer_rows(cycle, ring_scores(outsiders)))
    with django_capture_on_commit_callbacks(execute=True):
        close_cycle(cycle=cycle)
    return cycle


def test_closing_a_cycle_flags_the_ring_with_aggregate_evidence_only(unit, django_capture_on_commit_callbacks):
    cycle = open_ring_cycle(unit)
    import_responses(cycle=cycle, rows=peer_rows(cycle, ring_scores()))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        close_cycle(cycle=cycle)
    assert not IntegrityFlag.objects.exists()  # nothing before the close commits
    for callback in callbacks:
        callback()
    flag = IntegrityFlag.objects.get()
    assert (flag.kind, flag.status, flag.subject, flag.agency) == ("peer_ring", "open", ",".join(RING), unit.agency)
    assert flag.evidence == {
        "cycle": "ring-cycle",
        "members": [{"employee": code, "name_ar": f"اسم {code}", "name_en": f"Name {code}"} for code in RING],
        "inside": {"evaluations": 6, "raters": 3, "mean": 5.0, "at_least": 4.5},
        "outside": {"evaluations": 9, "raters": 3, "mean": 3.0, "lower_by_at_least": 1.0},
        "min_raters": 3,
    }
    entry = ModelLogEntry.objects.get(action=RING_ACTION)
    assert entry.data["members"] == ",".join(RING) and entry.user_id is None


def test_the_outside_mean_is_withheld_below_the_peer_threshold(unit, django_capture_on_commit_callbacks):
    closed_ring_cycle(unit, django_capture_on_commit_callbacks, outsiders=OUTSIDERS[:2])
    evidence = IntegrityFlag.objects.get().evidence
    # Two colleagues outside the ring: their pooled mean could be narrowed to one of them.
    assert evidence["outside"] == {"evaluations": 6, "raters": 2, "mean": None, "lower_by_at_least": 1.0}
    assert evidence["inside"]["mean"] == 5.0


def test_honest_high_scores_are_no_ring(unit, django_capture_on_commit_callbacks):
    cycle = open_ring_cycle(unit)
    scores = {(rater, ratee): 5 for rater in RING + OUTSIDERS for ratee in RING if rater != ratee}
    import_responses(cycle=cycle, rows=peer_rows(cycle, scores))
    with django_capture_on_commit_callbacks(execute=True):
        close_cycle(cycle=cycle)
    assert not IntegrityFlag.objects.exists()


def test_the_command_flags_a_ring_once_and_refuses_an_open_cycle(unit, django_capture_on_commit_callbacks):
    cycle = closed_ring_cycle(unit, django_capture_on_commit_callbacks)
    IntegrityFlag.objects.all().delete()
    call_command("awards", "flags", "--cycle", cycle.slug)
    assert IntegrityFlag.objects.filter(kind="peer_ring").count() == 1
    call_command("awards", "flags")  # every closed cycle; the ring is already flagged
    assert flag_peer_rings(cycle=cycle) == []
    assert IntegrityFlag.objects.count() == 1
    other = open_ring_cycle(unit, slug="still-open")
    with pytest.raises(CommandError, match="still-open"):
        call_command("awards", "flags", "--cycle", other.slug)
    with pytest.raises(CommandError, match="no-such-cycle"):
        call_command("awards", "flags", "--cycle", "no-such-cycle")


def test_hr_sees_the_ring_on_the_flags_page_and_rejects_it(client, unit, hr, django_capture_on_commit_callbacks):
    closed_ring_cycle(unit, django_capture_on_commit_callbacks, outsiders=OUTSIDERS[:2])
    flag = IntegrityFlag.objects.get()
    client.force_login(hr)
    page = client.get("/en/awards/integrity/")
    assert page.status_code == 200
    html = page.content.decode()
    for code in RING:
        assert f"Name {code}" in html
    assert "6 evaluations from 3 members, every one at least 4.5" in html
    assert "6 evaluations from 2 colleagues, for each member at least 1.0 point lower" in html
    assert "mean 5.0" in html and "mean 3" not in html  # withheld below 3 raters
    assert "Reject: the ring is confirmed" in html
    response = client.post("/en/awards/integrity/", {"flag": flag.pk, "decision": "reject", "reason": "Confirmed."})
    assert response.status_code == 302
    flag.refresh_from_db()
    assert (flag.status, flag.decided_by, flag.reason) == ("rejected", hr, "Confirmed.")
    entry = ModelLogEntry.objects.get(action="awards.flag_reject")
    assert (entry.user_id, entry.data["reason"]) == (hr.pk, "Confirmed.")


def test_hr_of_another_agency_does_not_see_the_ring(client, unit, django_capture_on_commit_callbacks):
    closed_ring_cycle(unit, django_capture_on_commit_callbacks)
    other_unit = CustomerUnitFactory(agency=AgencyFactory(slug="beta"), slug="centre")
    other_hr = UserFactory(roles=["Staff", "HR"])
    Employee.objects.create(employee_id="beta-hr", unit=other_unit, name_ar="م", name_en="HR", user=other_hr)
    client.force_login(other_hr)
    page = client.get("/en/awards/integrity/")
    assert page.status_code == 200 and "Name ring-a" not in page.content.decode()


def test_summarise_ring_pools_over_members_only():
    scores = [(a, b, 5.0) for a in RING for b in RING if a != b] + [("x", m, 2.0) for m in RING]
    scores += [("y", m, 3.0) for m in RING] + [("z", m, 4.0) for m in RING]
    (ring,) = scoring.detect_peer_ring(scores)
    summary = scoring.summarise_ring(ring, scores, min_raters=3)
    assert (summary.inside_mean, summary.outside_mean, summary.outside_raters) == (5.0, 3.0, 3)
    assert scoring.summarise_ring(ring, scores, min_raters=4).outside_mean is None
