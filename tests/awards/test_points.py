"""Raters' points: an append-only ledger. A complete submission earns its exact points (on
time or late), a double signal never earns twice (the database refuses it too), HR's
reopening appends a reversal and resubmitting earns again, a row cannot be changed or
deleted, points never move an agency's standing, each reader sees only their own points,
and the recompute command finds a difference it is shown."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from awards import points, standings
from awards.models import RaterPointsEntry
from awards.points import ADJUST_ACTION, adjust_points, recompute_points, settle_response_points
from awards.points_models import AppendOnlyError
from evaluations.models import Assignment, Cycle, Response
from evaluations.services import decline_assignment, reopen_response
from evaluations.signals import response_submitted
from tests.awards.conftest import rate
from tests.evaluations.view_fixtures import answer_everything, build_organisation, open_test_cycle, save_some

pytestmark = pytest.mark.django_db

ON_TIME, LATE, BONUS = 10, 5, 20


@pytest.fixture
def org():
    return build_organisation()


@pytest.fixture
def cycle(org):
    return open_test_cycle(org)


def assignments_of(cycle, rater) -> list[Assignment]:
    return list(cycle.assignments.filter(rater=rater).select_related("rater", "cycle").order_by("pk"))


def ledger(employee) -> list[tuple[str, int]]:
    return list(RaterPointsEntry.objects.filter(employee=employee).order_by("pk").values_list("kind", "points"))


def test_a_complete_submission_on_time_earns_its_exact_points(org, cycle):
    me = org.staff[0]
    first = assignments_of(cycle, me)[0]
    answer_everything(first)
    assert ledger(me) == [("on_time", ON_TIME)]
    entry = RaterPointsEntry.objects.get(employee=me)
    assert (entry.cycle_id, entry.response.assignment_id, entry.created_by) == (cycle.pk, first.pk, None)
    assert points.balance(employee=me, cycle=cycle) == ON_TIME


def test_finishing_every_evaluation_on_time_earns_the_bonus_once(org, cycle):
    me = org.staff[0]
    mine = assignments_of(cycle, me)
    assert len(mine) >= 3
    for assignment in mine:
        answer_everything(assignment)
    assert ledger(me) == [("on_time", ON_TIME)] * len(mine) + [("bonus", BONUS)]
    assert points.balance(employee=me) == ON_TIME * len(mine) + BONUS


def test_a_declined_evaluation_earns_nothing_and_does_not_block_the_bonus(org, cycle):
    me = org.staff[0]
    mine = assignments_of(cycle, me)
    declined = next(assignment for assignment in mine if assignment.relationship != "self")
    decline_assignment(assignment=declined, rater=me, reason="لا أعرف عمله")
    for assignment in mine:
        if assignment.pk != declined.pk:
            answer_everything(assignment)
    assert ledger(me) == [("on_time", ON_TIME)] * (len(mine) - 1) + [("bonus", BONUS)]


def test_a_submission_after_the_close_date_earns_the_late_points_and_no_bonus(org, cycle):
    Cycle.objects.filter(pk=cycle.pk).update(closes_on=timezone.localdate() - datetime.timedelta(days=1))
    me = org.staff[0]
    for assignment in assignments_of(cycle, me):
        answer_everything(assignment)
    assert set(ledger(me)) == {("late", LATE)}


def test_a_draft_earns_nothing(org, cycle):
    me = org.staff[0]
    save_some(assignments_of(cycle, me)[0])
    assert ledger(me) == []


def test_a_second_signal_for_the_same_response_earns_nothing_more(org, cycle):
    me = org.staff[0]
    answer_everything(assignments_of(cycle, me)[0])
    response = Response.objects.get(rater=me, status="submitted")
    response_submitted.send(sender=Response, response=response)
    settle_response_points(response=response)
    assert ledger(me) == [("on_time", ON_TIME)]


def test_the_database_refuses_a_second_earning_of_the_same_response_and_generation(org, cycle):
    me = org.staff[0]
    answer_everything(assignments_of(cycle, me)[0])
    response = Response.objects.get(rater=me, status="submitted")
    with pytest.raises(IntegrityError), transaction.atomic():
        RaterPointsEntry.objects.create(
            employee=me, cycle=cycle, response=response, kind="late", points=LATE, generation=0
        )
    assert ledger(me) == [("on_time", ON_TIME)]


def test_reopening_appends_a_reversal_and_resubmitting_earns_again(org, cycle):
    me = org.staff[0]
    mine = assignments_of(cycle, me)
    for assignment in mine:
        answer_everything(assignment)
    response = Response.objects.get(assignment=mine[0])
    earned = RaterPointsEntry.objects.get(response=response, kind="on_time")
    bonus = RaterPointsEntry.objects.get(employee=me, kind="bonus")

    reopen_response(response=response, reason="أجاب عن زميل آخر خطأً", by=org.hr)

    reversals = RaterPointsEntry.objects.filter(employee=me, kind="reversal").order_by("pk")
    assert [(entry.reverses_id, entry.points) for entry in reversals] == [(earned.pk, -ON_TIME), (bonus.pk, -BONUS)]
    assert all(entry.created_by == org.hr and "أجاب عن زميل آخر خطأً" in entry.reason for entry in reversals)
    assert RaterPointsEntry.objects.get(pk=earned.pk).points == ON_TIME  # the earning itself is untouched
    assert points.balance(employee=me) == ON_TIME * (len(mine) - 1)

    answer_everything(Assignment.objects.select_related("rater", "cycle").get(pk=mine[0].pk))
    again = RaterPointsEntry.objects.filter(response=response, kind="on_time").order_by("pk")
    assert [(entry.generation, entry.points) for entry in again] == [(0, ON_TIME), (1, ON_TIME)]
    assert RaterPointsEntry.objects.filter(employee=me, kind="bonus").count() == 2
    assert points.balance(employee=me) == ON_TIME * len(mine) + BONUS


def test_an_entry_is_reversed_at_most_once(org, cycle):
    me = org.staff[0]
    answer_everything(assignments_of(cycle, me)[0])
    earned = RaterPointsEntry.objects.get(employee=me)
    RaterPointsEntry.objects.create(
        employee=me, cycle=cycle, response=earned.response, kind="reversal", points=-ON_TIME, reverses=earned
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        RaterPointsEntry.objects.create(
            employee=me, cycle=cycle, response=earned.response, kind="reversal", points=-ON_TIME, reverses=earned
        )


def test_a_ledger_entry_cannot_be_changed_or_deleted(org, cycle):
    me = org.staff[0]
    answer_everything(assignments_of(cycle, me)[0])
    entry = RaterPointsEntry.objects.get(employee=me)
    entry.points = 1000
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        RaterPointsEntry.objects.filter(pk=entry.pk).update(points=1000)
    with pytest.raises(AppendOnlyError):
        RaterPointsEntry.objects.filter(pk=entry.pk).delete()
    # Below the ORM, the database's trigger refuses to change a row's substance.
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE awards_raterpointsentry SET points = 1000 WHERE id = %s", [entry.pk])
    assert ledger(me) == [("on_time", ON_TIME)]


def test_points_never_enter_an_agency_score(season, two_agencies):
    """The standings and their composites are the same with and without a ledger full of
    points for the agencies' employees."""
    from evaluations.services import create_cycle, open_cycle

    for employee in two_agencies["alpha"]:
        rate(employee, 5, count=4)
    for employee in two_agencies["beta"]:
        rate(employee, 3, count=4)
    today = timezone.localdate()
    cycle = open_cycle(
        cycle=create_cycle(
            slug="points-cycle",
            name_ar="دورة",
            name_en="Cycle",
            opens_on=today - datetime.timedelta(days=1),
            closes_on=today + datetime.timedelta(days=10),
            # Both agencies: an agency with no evaluation to write would not be ranked at all.
            agencies=[two_agencies["alpha"][0].unit.agency, two_agencies["beta"][0].unit.agency],
        )
    )

    season.cycle = cycle  # its participation counts in the composite
    season.prior_weights = {"best_agency": 2}  # a few ratings rank an agency
    season.save()
    answer_everything(assignments_of(cycle, two_agencies["beta"][0])[0])

    def boards():
        standings.standings_changed([season.pk])
        return [
            (board.category, board.band, board.entries)  # every entry's rank, composite, components …
            for board in standings.all_boards(season=season)
        ]

    before = boards()
    agency_entries = [entries for category, _band, entries in before if category == "best_agency" and entries]
    assert agency_entries and all(entry.composite is not None for entry in agency_entries[0])
    for employee in two_agencies["beta"]:
        RaterPointsEntry.objects.create(employee=employee, cycle=cycle, kind="adjustment", points=900, reason="x")
    assert RaterPointsEntry.objects.count() == 4
    assert boards() == before


def test_hr_adjusts_points_with_a_reason_in_the_audit_log(org, cycle):
    me = org.staff[1]
    entry = adjust_points(employee=me, cycle=cycle, points=-3, reason="تصحيح يدوي", by=org.hr)
    assert (entry.kind, entry.points, entry.created_by) == ("adjustment", -3, org.hr)
    log = ModelLogEntry.objects.get(action=ADJUST_ACTION)
    assert (log.user, log.data["points"], log.data["reason"]) == (org.hr, -3, "تصحيح يدوي")
    with translation.override("en"), pytest.raises(ValidationError, match="Please give a reason"):
        adjust_points(employee=me, cycle=cycle, points=5, reason=" ", by=org.hr)
    with translation.override("en"), pytest.raises(ValidationError, match="other than 0"):
        adjust_points(employee=me, cycle=cycle, points=0, reason="zero", by=org.hr)
    with pytest.raises(PermissionDenied):
        adjust_points(employee=me, cycle=cycle, points=5, reason="no", by=org.other_hr)
    assert ledger(me) == [("adjustment", -3)]


def test_a_staff_member_sees_only_their_own_points(client, org, cycle):
    me, colleague = org.staff[0], org.staff[1]
    answer_everything(assignments_of(cycle, me)[0])
    adjust_points(employee=colleague, cycle=cycle, points=777, reason="سبب خاص بزميل", by=org.hr)
    client.force_login(me.user)
    response = client.get("/en/awards/points/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your points in all: 10" in html
    assert "evaluation submitted on time" in html
    assert "777" not in html and "سبب خاص بزميل" not in html
    # The agency table is HR's: a staff member is refused it.
    url = f"/en/awards/points/{cycle.slug}/{org.agency.slug}/"
    assert client.get(url).status_code == 403


def test_the_todo_page_shows_the_raters_points(client, org, cycle):
    me = org.staff[0]
    answer_everything(assignments_of(cycle, me)[0])
    client.force_login(me.user)
    response = client.get("/en/evaluations/")
    assert response.status_code == 200
    assert "Your points in this cycle: 10 · in all: 10" in response.content.decode()


def test_a_reversal_is_shown_as_such_in_the_history(client, org, cycle):
    me = org.staff[0]
    answer_everything(assignments_of(cycle, me)[0])
    reopen_response(response=Response.objects.get(rater=me), reason="wrong colleague", by=org.hr)
    client.force_login(me.user)
    html = client.get("/en/awards/points/").content.decode()
    assert "Reversal of: evaluation submitted on time" in html
    assert "reversed" in html
    assert "Your points in all: 0" in html


def test_hr_sees_its_agency_table_and_another_agencys_hr_is_refused(client, org, cycle):
    me = org.staff[0]
    answer_everything(assignments_of(cycle, me)[0])
    url = f"/en/awards/points/{cycle.slug}/{org.agency.slug}/"
    assert client.get(url).status_code == 302  # anonymous: to sign in
    client.force_login(org.other_hr)
    assert client.get(url).status_code == 403
    assert client.post(url, {"employee_id": me.employee_id, "points": "5", "reason": "x"}).status_code == 403
    client.force_login(org.hr)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert me.employee_id in html and "Fatima Zahrani" in html
    response = client.post(url, {"employee_id": me.employee_id, "points": "5", "reason": "مساعدة الزملاء"})
    assert response.status_code == 302
    assert points.balance(employee=me) == ON_TIME + 5
    response = client.post(url, {"employee_id": me.employee_id, "points": "5", "reason": ""})
    assert response.status_code == 400
    assert client.get(f"/en/awards/points/{cycle.slug}/{org.other_agency.slug}/").status_code == 403


@translation.override("en")
def test_recompute_check_reports_a_difference_and_fix_settles_it(org, cycle):
    me = org.staff[0]
    mine = assignments_of(cycle, me)
    answer_everything(mine[0])
    answer_everything(mine[1])
    out = io.StringIO()
    call_command("awards", "points", "recompute", "--check", stdout=out)
    assert "differences: 0 ·" in out.getvalue()

    # A response submitted without its signal (as a bug would) holds no points.
    second = Response.objects.get(assignment=mine[1])
    missing = RaterPointsEntry.objects.get(response=second)
    RaterPointsEntry.objects.create(
        employee=me, cycle=cycle, response=second, kind="reversal", points=-ON_TIME, reverses=missing, reason="bug"
    )
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("awards", "points", "recompute", "--check", stdout=out)
    assert f"evaluation #{second.pk} holds 0 points, 10 due" in out.getvalue()
    assert "differences: 1 ·" in out.getvalue()
    assert points.balance(employee=me) == ON_TIME  # --check appends nothing

    out = io.StringIO()
    call_command("awards", "points", "recompute", "--fix", stdout=out)
    assert "entries appended: 1." in out.getvalue()
    assert points.balance(employee=me) == 2 * ON_TIME
    assert recompute_points().differences == []


def test_imported_paper_responses_earn_their_points_once_the_import_commits(
    org, cycle, django_capture_on_commit_callbacks
):
    from evaluations.services import import_responses
    from tests.evaluations.view_fixtures import item_codes

    me = org.staff[2]
    first = assignments_of(cycle, me)[0]
    rows = [
        (
            number + 2,
            {
                "rater_employee_id": me.employee_id,
                "ratee_employee_id": first.ratee.employee_id,
                "relationship": first.relationship,
                "item_code": code,
                "score": "" if number == 0 else "4",
            },
        )
        for number, code in enumerate(item_codes(cycle))
    ]
    with django_capture_on_commit_callbacks(execute=True):
        import_responses(cycle=cycle, rows=rows, by=org.hr)
    assert ledger(me) == [("on_time", ON_TIME)]
    assert recompute_points(cycle=cycle).differences == []


def test_a_reopened_evaluation_can_change_hands_and_the_ledger_keeps_its_history(
    org, cycle, django_capture_on_commit_callbacks
):
    from evaluations.services import reassign_assignment

    me = org.staff[0]
    # A peer evaluation of mine, and a colleague who does not already rate that peer (which
    # peers the cycle drew depends on the database's ids, so the pair is looked for).
    peer, other = next(
        (assignment, colleague)
        for assignment in assignments_of(cycle, me)
        if assignment.relationship == "peer"
        for colleague in org.staff[1:]
        if colleague.pk != assignment.ratee_id
        and not cycle.assignments.filter(rater=colleague, ratee=assignment.ratee_id).exists()
    )
    answer_everything(peer)
    response = Response.objects.get(assignment=peer)
    reopen_response(response=response, reason="wrong rater", by=org.hr)
    with django_capture_on_commit_callbacks(execute=True):
        reassign_assignment(assignment=peer, new_rater=other, by=org.hr)
    assert not Response.objects.filter(pk=response.pk).exists()
    assert ledger(me) == [("on_time", ON_TIME), ("reversal", -ON_TIME)]
    assert recompute_points(cycle=cycle).differences == []


def test_declining_the_last_pending_evaluation_makes_the_bonus_due(org, cycle, django_capture_on_commit_callbacks):
    me = org.staff[0]
    mine = assignments_of(cycle, me)
    last = next(assignment for assignment in mine if assignment.relationship != "self")
    for assignment in mine:
        if assignment.pk != last.pk:
            answer_everything(assignment)
    assert ("bonus", BONUS) not in ledger(me)
    with django_capture_on_commit_callbacks(execute=True):
        decline_assignment(assignment=last, rater=me, reason="لم أعمل معه")
    assert ledger(me)[-1] == ("bonus", BONUS)
    assert recompute_points(cycle=cycle).differences == []


def test_the_django_admin_shows_the_ledger_read_only(client, org, cycle):
    from tests.factories import UserFactory

    me = org.staff[0]
    answer_everything(assignments_of(cycle, me)[0])
    entry = RaterPointsEntry.objects.get(employee=me)
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    assert client.get("/django-admin/awards/raterpointsentry/").status_code == 200
    assert client.get(f"/django-admin/awards/raterpointsentry/{entry.pk}/change/").status_code == 200
    assert client.get("/django-admin/awards/raterpointsentry/add/").status_code == 403
    assert client.post(f"/django-admin/awards/raterpointsentry/{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.post(f"/django-admin/awards/raterpointsentry/{entry.pk}/change/", {"points": "99"}).status_code == 403
    assert ledger(me) == [("on_time", ON_TIME)]


def test_an_unknown_cycle_or_agency_is_not_found_for_hr(client, org, cycle):
    client.force_login(org.hr)
    assert client.get(f"/en/awards/points/no-such-cycle/{org.agency.slug}/").status_code == 404
    assert client.get(f"/en/awards/points/{cycle.slug}/no-such-agency/").status_code == 404
    assert client.get("/en/awards/points/").status_code == 200
