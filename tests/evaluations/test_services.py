"""Cycle services: creation, the state machine, assignments, nominations, responses."""

from __future__ import annotations

from collections import Counter

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from evaluations import scoring, services
from evaluations.models import Assignment, Cycle, PeerNomination, Relationship, Response
from portal import roles
from tests.factories import AgencyFactory, UserFactory

from .factories import EmployeeFactory, UnitFactory, answer_all, item_codes, make_cycle, make_team

pytestmark = pytest.mark.django_db


def test_create_cycle_uses_the_documented_defaults_and_latest_framework():
    unit = UnitFactory()
    cycle = make_cycle(units=[unit])
    assert cycle.status == Cycle.Status.DRAFT
    assert cycle.weights == {"customer": 50, "supervisor": 25, "peer": 15, "subordinate": 10, "self": 0}
    assert cycle.thresholds == {"peer": 3, "subordinate": 3, "customer": 5, "supervisor": 1, "self": 1}
    assert float(cycle.blind_spot_gap) == 1.0
    assert cycle.framework.version == 1
    assert cycle.framework.competencies.count() == 10
    assert len(item_codes(cycle)) == 20


def test_create_cycle_needs_a_scope():
    with pytest.raises(ValidationError, match="at least one agency or unit"):
        make_cycle()


def test_create_cycle_refuses_bad_weights():
    with pytest.raises(ValidationError):
        make_cycle(units=[UnitFactory()], weights={"peer": -5})


def test_create_cycle_refuses_a_duplicate_slug():
    unit = UnitFactory()
    make_cycle(units=[unit], slug="spring")
    with pytest.raises(ValidationError, match="already exists"):
        make_cycle(units=[unit], slug="spring")


@pytest.mark.parametrize(
    ("setup", "transition", "message"),
    [
        ([], services.close_cycle, "is a draft, so you cannot close it"),
        ([], services.release_cycle, "is a draft, so you cannot release it"),
        ([services.open_cycle], services.open_cycle, "is open, so you cannot open it"),
        ([services.open_cycle], services.cancel_cycle, "is open, so you cannot cancel it"),
        ([services.open_cycle, services.close_cycle], services.close_cycle, "is closed, so you cannot close it"),
        ([services.cancel_cycle], services.open_cycle, "is cancelled, so you cannot open it"),
    ],
)
def test_illegal_transitions_are_refused_with_a_clear_message(setup, transition, message):
    boss, _team = make_team(size=3)
    cycle = make_cycle(units=[boss.unit])
    for step in setup:
        cycle = step(cycle=cycle)
    before = cycle.status
    with pytest.raises(ValidationError, match=message):
        transition(cycle=cycle)
    cycle.refresh_from_db()
    assert cycle.status == before


def test_the_whole_life_of_a_cycle_is_logged_in_wagtails_audit_log():
    boss, _team = make_team(size=3)
    hr_user = UserFactory(roles=[roles.HR])
    EmployeeFactory(unit=boss.unit, user=hr_user)
    cycle = make_cycle(units=[boss.unit])
    for transition in (services.open_cycle, services.close_cycle, services.release_cycle):
        cycle = transition(cycle=cycle, by=hr_user)
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(cycle.pk)).order_by("timestamp", "pk").values_list("action", "user")
    )
    assert actions == [
        ("evaluations.create", None),
        ("evaluations.open", hr_user.pk),
        ("evaluations.close", hr_user.pk),
        ("evaluations.release", hr_user.pk),
    ]


def test_hr_of_another_agency_cannot_manage_the_cycle():
    boss, _team = make_team(size=3)
    outsider = UserFactory(roles=[roles.HR])
    EmployeeFactory(unit=UnitFactory(agency=AgencyFactory()), user=outsider)
    cycle = make_cycle(units=[boss.unit])
    with pytest.raises(PermissionDenied):
        services.open_cycle(cycle=cycle, by=outsider)
    with pytest.raises(PermissionDenied):
        make_cycle(units=[boss.unit], by=outsider)


def test_open_generates_self_supervisor_subordinates_and_peers():
    boss, team = make_team(size=5)
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit], peers_per_employee=3))
    pairs = {(a.rater_id, a.ratee_id): a.relationship for a in cycle.assignments.all()}
    for member in team:
        assert pairs[(member.pk, member.pk)] == Relationship.SELF
        assert pairs[(boss.pk, member.pk)] == Relationship.SUPERVISOR
        assert pairs[(member.pk, boss.pk)] == Relationship.SUBORDINATE
        peers = [rater for (rater, ratee), rel in pairs.items() if ratee == member.pk and rel == Relationship.PEER]
        assert len(peers) == 3
        assert boss.pk not in peers
    assert pairs[(boss.pk, boss.pk)] == Relationship.SELF


def test_peer_assignment_respects_the_cap_and_is_balanced():
    unit = UnitFactory()
    members = [EmployeeFactory(unit=unit) for _ in range(12)]
    cycle = services.open_cycle(cycle=make_cycle(units=[unit], peers_per_employee=4, max_evaluations_per_rater=4))
    load = Counter(cycle.assignments.filter(relationship=Relationship.PEER).values_list("rater_id", flat=True))
    assert max(load.values()) <= 4
    # 12 × 4 peer evaluations spread over 12 raters with a cap of 4: everyone writes exactly 4.
    assert sorted(load[m.pk] for m in members) == [4] * 12
    received = Counter(cycle.assignments.filter(relationship=Relationship.PEER).values_list("ratee_id", flat=True))
    assert set(received.values()) == {4}


def test_a_tight_cap_limits_peers_instead_of_overloading_anyone():
    unit = UnitFactory()
    [EmployeeFactory(unit=unit) for _ in range(6)]
    cycle = services.open_cycle(cycle=make_cycle(units=[unit], peers_per_employee=5, max_evaluations_per_rater=2))
    load = Counter(cycle.assignments.filter(relationship=Relationship.PEER).values_list("rater_id", flat=True))
    assert max(load.values()) == 2
    assert sum(load.values()) == 12


def test_assignment_plan_is_deterministic_for_a_seed():
    unit = UnitFactory()
    members = [EmployeeFactory(unit=unit) for _ in range(10)]

    def plan(seed):
        return services.plan_assignments(
            employees=members, active_ids={m.pk for m in members}, peers_per_employee=3, max_per_rater=4, seed=seed
        )

    assert plan(1) == plan(1)
    assert plan(1) != plan(2)


def test_inactive_employees_are_not_assigned():
    boss, team = make_team(size=4)
    team[0].is_active = False
    team[0].save()
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit]))
    assert not cycle.assignments.filter(rater=team[0]).exists()
    assert not cycle.assignments.filter(ratee=team[0]).exists()


def test_nomination_approved_by_the_supervisor_creates_a_peer_assignment():
    boss, team = make_team(size=2)
    outsider = EmployeeFactory()
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit]))
    nomination = services.nominate_peer(cycle=cycle, employee=team[0], peer=outsider)
    with pytest.raises(PermissionDenied):
        services.approve_nomination(nomination=nomination, supervisor=team[1])
    services.approve_nomination(nomination=nomination, supervisor=boss)
    nomination.refresh_from_db()
    assert nomination.status == PeerNomination.Status.APPROVED
    assignment = cycle.assignments.get(rater=outsider, ratee=team[0])
    assert (assignment.relationship, assignment.source) == (Relationship.PEER, Assignment.Source.NOMINATED)
    with pytest.raises(ValidationError, match="already asked to rate you"):
        services.nominate_peer(cycle=cycle, employee=team[0], peer=outsider)


def test_nominating_the_same_peer_twice_is_refused():
    boss, team = make_team(size=1)
    cycle = make_cycle(units=[boss.unit])
    peer = EmployeeFactory()
    services.nominate_peer(cycle=cycle, employee=team[0], peer=peer)
    with pytest.raises(ValidationError, match="already nominated"):
        services.nominate_peer(cycle=cycle, employee=team[0], peer=peer)


def test_hr_add_remove_and_reassign_are_logged():
    boss, team = make_team(size=3)
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit]))
    extra, other = EmployeeFactory(), EmployeeFactory()
    assignment = services.add_assignment(cycle=cycle, rater=extra, ratee=team[0], relationship=Relationship.PEER)
    services.reassign_assignment(assignment=assignment, new_rater=other)
    assert cycle.assignments.filter(rater=other, ratee=team[0]).exists()
    services.remove_assignment(assignment=assignment)
    assert not cycle.assignments.filter(rater=other, ratee=team[0]).exists()
    actions = list(ModelLogEntry.objects.filter(object_id=str(cycle.pk)).values_list("action", flat=True))
    assert {"evaluations.add_assignment", "evaluations.reassign", "evaluations.remove_assignment"} <= set(actions)


def test_a_submitted_assignment_cannot_be_reassigned_or_removed():
    boss, team = make_team(size=3)
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit]))
    assignment = cycle.assignments.get(rater=boss, ratee=team[0])
    answer_all(assignment, 4)
    with pytest.raises(ValidationError, match="already submitted"):
        services.reassign_assignment(assignment=assignment, new_rater=team[1])
    with pytest.raises(ValidationError, match="already submitted"):
        services.remove_assignment(assignment=assignment)


def test_decline_needs_a_reason_and_the_rater():
    boss, team = make_team(size=3)
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit]))
    assignment = cycle.assignments.get(rater=boss, ratee=team[0])
    with pytest.raises(PermissionDenied):
        services.decline_assignment(assignment=assignment, rater=team[1], reason="busy")
    with pytest.raises(ValidationError, match="reason"):
        services.decline_assignment(assignment=assignment, rater=boss, reason="  ")
    services.decline_assignment(assignment=assignment, rater=boss, reason="I joined this unit last week.")
    assignment.refresh_from_db()
    assert assignment.is_declined
    with pytest.raises(ValidationError, match="declined"):
        answer_all(assignment, 3)


def test_draft_then_submit_once():
    boss, team = make_team(size=3)
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit]))
    assignment = cycle.assignments.get(rater=boss, ratee=team[0])
    codes = item_codes(cycle)
    services.save_draft_response(assignment=assignment, rater=boss, answers={codes[0]: 5, codes[1]: None})
    response = Response.objects.get(assignment=assignment)
    assert response.status == Response.Status.DRAFT
    with pytest.raises(ValidationError, match="missing"):
        services.submit_response(assignment=assignment, rater=boss)
    services.submit_response(assignment=assignment, rater=boss, answers=dict.fromkeys(codes[2:], 4), comment="Kind.")
    response.refresh_from_db()
    assert response.status == Response.Status.SUBMITTED
    assert response.answers.count() == 20
    assert response.answers.get(item__code=codes[1]).score is None
    with pytest.raises(ValidationError, match="already submitted"):
        services.submit_response(assignment=assignment, rater=boss, answers=dict.fromkeys(codes, 1))
    with pytest.raises(ValidationError, match="already submitted"):
        services.save_draft_response(assignment=assignment, rater=boss, answers={codes[0]: 1})
    assert Response.objects.filter(cycle=cycle, rater=boss, ratee=team[0]).count() == 1
    assert response.answers.get(item__code=codes[0]).score == 5


def test_the_database_allows_one_response_per_rater_ratee_and_cycle():
    from django.db import IntegrityError, transaction

    boss, team = make_team(size=3)
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit]))
    assignment = cycle.assignments.get(rater=boss, ratee=team[0])
    answer_all(assignment, 4)
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(cycle=cycle, rater=boss, ratee=team[0], relationship="supervisor")


def test_a_racing_draft_reuses_the_row_the_constraint_kept():
    """A second request that missed the first one's row meets the unique constraint and
    continues on the existing response instead of failing with a 500."""
    from evaluations.services.responses import _response_for

    boss, team = make_team(size=3)
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit]))
    assignment = cycle.assignments.get(rater=boss, ratee=team[0])
    existing = Response.objects.create(
        cycle=cycle, rater=boss, ratee=team[0], assignment=None, relationship=assignment.relationship
    )
    assert _response_for(assignment=assignment).pk == existing.pk


def test_answers_outside_the_scale_are_refused():
    boss, team = make_team(size=3)
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit]))
    assignment = cycle.assignments.get(rater=boss, ratee=team[0])
    with pytest.raises(ValidationError, match="from 1 to 5"):
        services.save_draft_response(assignment=assignment, rater=boss, answers={item_codes(cycle)[0]: 6})
    with pytest.raises(ValidationError, match="not a statement"):
        services.save_draft_response(assignment=assignment, rater=boss, answers={"nope": 3})


def test_reopen_is_logged_and_lets_the_rater_change_answers():
    boss, team = make_team(size=3)
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit]))
    assignment = cycle.assignments.get(rater=boss, ratee=team[0])
    answer_all(assignment, 2)
    response = Response.objects.get(assignment=assignment)
    with pytest.raises(ValidationError, match="reason"):
        services.reopen_response(response=response, reason="")
    services.reopen_response(response=response, reason="Rated the wrong person by mistake.")
    services.submit_response(assignment=assignment, rater=boss, answers=dict.fromkeys(item_codes(cycle), 5))
    assert set(response.answers.values_list("score", flat=True)) == {5}
    entry = ModelLogEntry.objects.get(object_id=str(cycle.pk), action="evaluations.reopen")
    assert entry.data["reason"] == "Rated the wrong person by mistake."


def test_responses_are_refused_once_the_cycle_is_closed():
    boss, team = make_team(size=3)
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit]))
    assignment = cycle.assignments.get(rater=boss, ratee=team[0])
    services.close_cycle(cycle=cycle)
    with pytest.raises(ValidationError, match="is closed"):
        answer_all(assignment, 3)


def test_scoring_defaults_are_the_cycle_defaults():
    cycle = make_cycle(units=[UnitFactory()])
    assert cycle.scoring_rules() == scoring.ScoringRules.default()


def test_a_draft_cycles_settings_can_change_until_it_opens():
    boss, _team = make_team(size=3)
    cycle = make_cycle(units=[boss.unit])
    services.update_cycle_settings(cycle=cycle, weights={**cycle.weights, "customer": 65}, peers_per_employee=2)
    cycle.refresh_from_db()
    assert (cycle.weights["customer"], cycle.peers_per_employee) == (65, 2)
    services.open_cycle(cycle=cycle)
    with pytest.raises(ValidationError, match="is open, so you cannot change it"):
        services.update_cycle_settings(cycle=cycle, peers_per_employee=3)
    assert ModelLogEntry.objects.filter(object_id=str(cycle.pk), action="evaluations.update").count() == 1


def test_approving_a_nomination_respects_the_peer_cap():
    boss, team = make_team(size=2)
    busy = EmployeeFactory()
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit], max_evaluations_per_rater=1))
    services.add_assignment(cycle=cycle, rater=busy, ratee=boss, relationship=Relationship.PEER)
    nomination = services.nominate_peer(cycle=cycle, employee=team[0], peer=busy)
    with pytest.raises(ValidationError, match="most peer evaluations"):
        services.approve_nomination(nomination=nomination, supervisor=boss)
    services.approve_nomination(nomination=nomination, supervisor=boss, approve=False)
    nomination.refresh_from_db()
    assert nomination.status == PeerNomination.Status.REJECTED


def test_every_audit_action_is_registered_with_wagtail():
    from wagtail.log_actions import registry

    from evaluations import audit

    for action, label in audit.ACTION_LABELS.items():
        assert registry.action_exists(action)
        assert registry.get_action_label(action) == label


def test_a_refusal_reads_in_arabic_for_an_arabic_reader():
    from django.utils import translation

    cycle = make_cycle(units=[UnitFactory()], slug="ar-cycle")
    with translation.override("ar"), pytest.raises(ValidationError) as error:
        services.close_cycle(cycle=cycle)
    assert error.value.messages == ["الدورة «دورة التقييم» مسودة، لذا لا يمكن إغلاقها."]


# --- HR's changes on the web and in commands ---------------------------------------------------


def _hr_of(unit) -> object:
    user = UserFactory(roles=[roles.HR])
    EmployeeFactory(unit=unit, user=user)
    return user


def test_a_cycle_without_a_slug_gets_one_from_its_name_and_new_is_reserved():
    import datetime

    unit = UnitFactory()

    def create(name_en: str) -> Cycle:
        return services.create_cycle(
            name_ar="دورة",
            name_en=name_en,
            opens_on=datetime.date(2026, 3, 1),
            closes_on=datetime.date(2026, 3, 31),
            units=[unit],
        )

    assert create("Spring review").slug == "spring-review"
    assert create("Spring review").slug == "spring-review-2"
    assert create("٢٠٢٦").slug == "cycle"  # nothing Latin to make it from
    assert services.cycles.free_cycle_slug("تقييم") == "cycle-2"
    assert services.cycles.free_cycle_slug("New") == "new-2"
    with pytest.raises(ValidationError, match="reserved"):
        make_cycle(units=[unit], slug="new")


def test_a_drafts_scope_changes_within_the_agency_hr_manages_only():
    boss, _team = make_team(size=2)
    hr_user = _hr_of(boss.unit)
    other_unit = UnitFactory(agency=boss.unit.agency)
    foreign_unit = UnitFactory(agency=AgencyFactory())
    cycle = make_cycle(units=[boss.unit])
    services.update_cycle_settings(cycle=cycle, units=[other_unit], by=hr_user)
    assert list(cycle.units.all()) == [other_unit]
    with pytest.raises(PermissionDenied, match="only your own agency"):
        services.update_cycle_settings(cycle=cycle, units=[other_unit, foreign_unit], by=hr_user)
    with pytest.raises(ValidationError, match="at least one agency or unit"):
        services.update_cycle_settings(cycle=cycle, units=[], by=hr_user)
    assert list(cycle.units.all()) == [other_unit]
    services.update_cycle_settings(cycle=cycle, units=[other_unit], name_ar=cycle.name_ar, by=hr_user)  # no change
    entries = ModelLogEntry.objects.filter(object_id=str(cycle.pk), action="evaluations.update")
    assert [entry.data["changed"] for entry in entries] == [["units"]]


def test_assignments_stay_within_the_cycles_scope_and_hrs_agency():
    boss, team = make_team(size=3)
    hr_user = _hr_of(boss.unit)
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit]))
    outside = EmployeeFactory(unit=UnitFactory(agency=boss.unit.agency))
    foreign = EmployeeFactory()
    with pytest.raises(ValidationError, match="is not in the scope of the cycle"):
        services.add_assignment(cycle=cycle, rater=team[0], ratee=outside, relationship=Relationship.PEER, by=hr_user)
    with pytest.raises(PermissionDenied, match="is not in an agency you manage"):
        services.add_assignment(cycle=cycle, rater=foreign, ratee=team[0], relationship=Relationship.PEER, by=hr_user)
    assignment = services.add_assignment(
        cycle=cycle, rater=outside, ratee=team[0], relationship=Relationship.PEER, by=hr_user
    )  # a rater from elsewhere in the agency may rate someone in scope
    with pytest.raises(PermissionDenied, match="is not in an agency you manage"):
        services.reassign_assignment(assignment=assignment, new_rater=foreign, by=hr_user)
    with pytest.raises(ValidationError, match="is already the rater of this evaluation"):
        services.reassign_assignment(assignment=assignment, new_rater=outside, by=hr_user)
    services.remove_assignment(assignment=assignment, by=hr_user)
    with pytest.raises(ValidationError, match="no longer exists"):
        services.remove_assignment(assignment=assignment, by=hr_user)
