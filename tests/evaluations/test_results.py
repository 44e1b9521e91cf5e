"""Closing a cycle: results computed by the scoring module, stored as aggregates and
frozen; anonymity thresholds; comments; trend; reports' permissions."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from evaluations import scoring, selectors, services
from evaluations.models import (
    OTHERS,
    OVERALL,
    Answer,
    EmployeeResult,
    Item,
    Relationship,
    Response,
    ResultScore,
)
from portal import roles
from tests.factories import UserFactory

from .factories import CustomerRatingFactory, EmployeeFactory, answer_all, make_cycle, make_team

pytestmark = pytest.mark.django_db


def _closed_team_cycle(*, peer_scores=(4, 4, 2), with_customers: int = 5, comments: bool = True):
    """A supervisor with four reports; the first report (the subject) is rated by their
    supervisor (5), three peers (``peer_scores``), themselves (5) and customers."""
    boss, team = make_team(size=4)
    subject = team[0]
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit], peers_per_employee=3, max_evaluations_per_rater=3))
    about = cycle.assignments.filter(ratee=subject)
    answer_all(
        about.get(relationship=Relationship.SUPERVISOR), 5, comment="Reliable under pressure." if comments else ""
    )
    answer_all(about.get(relationship=Relationship.SELF), 5, comment="My own note.")
    peers = list(about.filter(relationship=Relationship.PEER).order_by("rater__employee_id"))
    for assignment, score in zip(peers, peer_scores, strict=False):
        answer_all(assignment, score, comment=f"Peer comment {score}" if comments else "")
    for index in range(with_customers):
        CustomerRatingFactory(employee=subject, overall=4 if index else 2, comment="Very polite." if index == 0 else "")
    # Outside the cycle's dates, and a discounted one: never counted.
    CustomerRatingFactory(employee=subject, overall=1, submitted_at=datetime.datetime(2026, 4, 2, tzinfo=datetime.UTC))
    CustomerRatingFactory(employee=subject, overall=1, counted=False)
    cycle = services.close_cycle(cycle=cycle)
    return cycle, subject, boss


def _score(result, competency, group):
    return result.scores.get(competency=competency, rater_group=group)


def test_close_stores_what_the_scoring_module_computes():
    cycle, subject, _boss = _closed_team_cycle()
    result = EmployeeResult.objects.get(cycle=cycle, employee=subject)
    statements = list(
        Item.objects.filter(competency__framework=cycle.framework).values_list("competency__code", "code")
    )
    raters = (("b", "supervisor", 5), ("s", "self", 5), ("p1", "peer", 4), ("p2", "peer", 4), ("p3", "peer", 2))
    expected = scoring.score_employee(
        answers=[
            scoring.Answer(rater, group, competency, item, score)
            for rater, group, score in raters
            for competency, item in statements
        ],
        customer_ratings=[scoring.CustomerRating(f"c{i}", 4 if i else 2) for i in range(5)],
        rules=cycle.scoring_rules(),
    )
    assert result.overall == pytest.approx(expected.overall)
    assert _score(result, OVERALL, "customer").score == pytest.approx(3.6)
    assert _score(result, OVERALL, "customer").raters == 5
    assert _score(result, OVERALL, "peer").score == pytest.approx(10 / 3)
    assert _score(result, "empathy", "supervisor").score == 5
    assert _score(result, "empathy", OTHERS).score == pytest.approx(expected.competencies["empathy"].others)
    assert result.self_overall == 5
    assert result.strengths == list(expected.strengths)
    assert result.development_areas == list(expected.development_areas)
    # Self 5 against others (5×25 + 3.33×15)/40 = 4.375: a gap of 0.625, below 1.0.
    assert result.blind_spots == []


def test_every_employee_gets_a_full_grid_of_rows():
    cycle, subject, _boss = _closed_team_cycle()
    assert EmployeeResult.objects.filter(cycle=cycle).count() == 5
    result = EmployeeResult.objects.get(cycle=cycle, employee=subject)
    # (10 competencies + overall) × (5 groups + others)
    assert result.scores.count() == 11 * 6
    assert result.agency_slug == subject.unit.agency.slug
    assert result.unit_slug == subject.unit.slug


def test_a_group_below_its_threshold_is_hidden_and_left_out_of_the_overall():
    cycle, subject, _boss = _closed_team_cycle(peer_scores=(1, 1), with_customers=4)
    result = EmployeeResult.objects.get(cycle=cycle, employee=subject)
    peer = _score(result, OVERALL, "peer")
    assert (peer.score, peer.raters, peer.shown) == (None, 2, False)
    customers = _score(result, OVERALL, "customer")
    assert (customers.score, customers.raters, customers.shown) == (None, 4, False)
    assert not result.scores.filter(rater_group="peer", score__isnull=False).exists()
    # Only the supervisor is shown among the weighted groups: the overall is theirs.
    assert result.overall == 5


def test_comments_come_only_from_shown_groups_in_an_order_that_reveals_nobody():
    cycle, subject, _boss = _closed_team_cycle()
    result = EmployeeResult.objects.get(cycle=cycle, employee=subject)
    assert list(result.comments.values_list("rater_group", "text")) == [
        ("customer", "Very polite."),
        ("supervisor", "Reliable under pressure."),
        ("peer", "Peer comment 2"),
        ("peer", "Peer comment 4"),
        ("peer", "Peer comment 4"),
    ]
    hidden_cycle, hidden_subject, _boss = _closed_team_cycle(peer_scores=(3, 3), with_customers=2)
    hidden = EmployeeResult.objects.get(cycle=hidden_cycle, employee=hidden_subject)
    assert list(hidden.comments.values_list("rater_group", flat=True)) == ["supervisor"]


def test_results_hold_aggregates_only_never_a_single_rater_answer():
    cycle, subject, _boss = _closed_team_cycle(peer_scores=(5, 1, 3))
    result = EmployeeResult.objects.get(cycle=cycle, employee=subject)
    peer_scores = set(result.scores.filter(rater_group="peer", shown=True).values_list("score", flat=True))
    assert peer_scores == {3.0}  # the mean of 5, 1 and 3: no single peer's answer is stored
    stored_fields = {field.name for field in ResultScore._meta.get_fields()}
    assert not {"rater", "rater_id", "response", "answer"} & stored_fields


def test_a_closed_cycle_is_frozen_against_later_edits():
    cycle, subject, _boss = _closed_team_cycle()
    before = list(
        ResultScore.objects.filter(result__cycle=cycle)
        .order_by("result__employee_code", "competency", "rater_group")
        .values_list("result__employee_code", "competency", "rater_group", "score", "raters", "shown")
    )
    # Edit people, the framework and the answers after closing.
    subject.unit.slug = "renamed-unit"
    subject.unit.save()
    subject.name_en = "Someone Else"
    subject.save()
    competency = cycle.framework.competencies.get(code="empathy")
    competency.name_en = "Changed"
    competency.save()
    Answer.objects.filter(response__cycle=cycle).update(score=1)
    CustomerRatingFactory(employee=subject, overall=1)
    after = list(
        ResultScore.objects.filter(result__cycle=cycle)
        .order_by("result__employee_code", "competency", "rater_group")
        .values_list("result__employee_code", "competency", "rater_group", "score", "raters", "shown")
    )
    assert after == before
    result = EmployeeResult.objects.get(cycle=cycle, employee=subject)
    assert result.unit_slug != "renamed-unit"
    assert result.name_en != "Someone Else"
    assert cycle.result_competencies.get(code="empathy").name_en == "Empathy"


def test_trend_against_the_previous_cycle():
    boss, team = make_team(size=3)
    first = services.open_cycle(cycle=make_cycle(units=[boss.unit], slug="first"))
    answer_all(first.assignments.get(rater=boss, ratee=team[0]), 3)
    services.close_cycle(cycle=first)
    second = make_cycle(units=[boss.unit], slug="second")
    second.opens_on, second.closes_on = datetime.date(2026, 9, 1), datetime.date(2026, 9, 30)
    second.save()
    second = services.open_cycle(cycle=second)
    answer_all(second.assignments.get(rater=boss, ratee=team[0]), 5)
    services.close_cycle(cycle=second)
    result = EmployeeResult.objects.get(cycle=second, employee=team[0])
    assert (result.previous_cycle_id, result.previous_overall, result.trend) == (first.pk, 3.0, 2.0)


def test_a_closed_cycle_keeps_its_framework_version_when_the_framework_is_edited():
    cycle, _subject, _boss = _closed_team_cycle()
    new = services.framework_for_editing(framework=cycle.framework)
    assert new.version == cycle.framework.version + 1
    cycle.refresh_from_db()
    assert cycle.framework.version == 1


def test_report_permissions():
    cycle, subject, boss = _closed_team_cycle()
    own_user = UserFactory()
    subject.user = own_user
    subject.save()
    boss_user = UserFactory()
    boss.user = boss_user
    boss.save()
    hr = UserFactory(roles=[roles.HR])
    EmployeeFactory(unit=subject.unit, user=hr)
    leadership = UserFactory(roles=[roles.LEADERSHIP])
    peer_user = UserFactory()
    peer = cycle.assignments.filter(ratee=subject, relationship="peer").first().rater
    peer.user = peer_user
    peer.save()

    assert selectors.frozen_report(reader=boss_user, employee=subject, cycle=cycle).result.employee_id == subject.pk
    assert selectors.frozen_report(reader=hr, employee=subject, cycle=cycle).overall["customer"].score == 3.6
    for reader in (own_user, leadership, peer_user):  # the employee waits for release
        with pytest.raises(PermissionDenied):
            selectors.frozen_report(reader=reader, employee=subject, cycle=cycle)
    cycle = services.release_cycle(cycle=cycle)
    assert selectors.frozen_report(reader=own_user, employee=subject, cycle=cycle).result.employee_id == subject.pk
    for reader in (leadership, peer_user):
        with pytest.raises(PermissionDenied):
            selectors.frozen_report(reader=reader, employee=subject, cycle=cycle)


def test_completion_and_todo_selectors():
    boss, team = make_team(size=3)
    cycle = services.open_cycle(cycle=make_cycle(units=[boss.unit]))
    answer_all(cycle.assignments.get(rater=boss, ratee=team[0]), 4)
    services.decline_assignment(
        assignment=cycle.assignments.get(rater=boss, ratee=team[1]), rater=boss, reason="On leave."
    )
    todos = selectors.todo_for_rater(rater=boss)
    assert todos[0].assignment.relationship == "self"
    statuses = {todo.assignment.ratee_id: todo.status for todo in todos}
    assert statuses[team[0].pk] == "submitted"
    assert statuses[team[1].pk] == "declined"
    assert statuses[team[2].pk] == "pending"
    completion = selectors.cycle_completion(cycle=cycle)
    assert completion.total.assigned == cycle.assignments.count()
    assert completion.total.submitted == 1
    assert completion.by_group["supervisor"].assigned == 3
    assert completion.by_group["supervisor"].submitted == 1
    assert completion.by_group["supervisor"].declined == 1
    assert completion.by_agency[boss.unit.agency.slug].submitted == 1


def test_no_admin_registers_responses_or_answers():
    from django.contrib import admin
    from wagtail.admin.viewsets import viewsets
    from wagtail.snippets.models import get_snippet_models

    private = {Response, Answer}
    assert not private & set(admin.site._registry)
    assert not private & set(get_snippet_models())
    viewset_models = {getattr(viewset, "model", None) for viewset in viewsets.viewsets}
    assert not private & viewset_models
