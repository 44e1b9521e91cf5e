"""HR's assignments page of a cycle: who may see and change it (exact statuses), finding
assignments, each action through its service with its audit entry and message, read-only
once the cycle is closed, pages that cost the same few queries whatever the cycle's size,
and never an answer or a score on the page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from evaluations.models import Assignment, Cycle, Response
from evaluations.services import close_cycle, decline_assignment
from tests.evaluations.customer_factories import FrontLineEmployeeFactory
from tests.evaluations.view_fixtures import (
    answer_everything,
    build_organisation,
    draft_cycle,
    open_test_cycle,
    save_some,
)

pytestmark = pytest.mark.django_db


def page_url(cycle: Cycle, prefix: str = "/en") -> str:
    return f"{prefix}/evaluations/cycles/{cycle.slug}/assignments/"


def action_url(cycle: Cycle, assignment: Assignment, action: str) -> str:
    return f"{page_url(cycle)}{assignment.pk}/{action}/"


@pytest.fixture
def org():
    return build_organisation()


@pytest.fixture
def cycle(org):
    return open_test_cycle(org)


def peer_of(cycle: Cycle, rater) -> Assignment:
    return cycle.assignments.select_related("rater", "ratee", "cycle").filter(rater=rater, relationship="peer").first()


def logged(cycle: Cycle, action: str) -> list[ModelLogEntry]:
    return list(ModelLogEntry.objects.filter(object_id=str(cycle.pk), action=action))


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]] if response.context else []


# --- who may ---------------------------------------------------------------------------------


def test_status_codes_per_role(client, org, cycle):
    assignment = peer_of(cycle, org.staff[0])
    response = client.get(page_url(cycle, ""))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    expected = {org.hr: 200, org.other_hr: 403, org.leadership: 403, org.staff[0].user: 404, org.outsider: 404}
    for user, status in expected.items():
        client.force_login(user)
        assert client.get(page_url(cycle)).status_code == status, user
        if user != org.hr:
            for action, data in (
                ("remove", {}),
                ("reassign", {"new_rater": org.staff[1].employee_id}),
                ("reopen", {"reason": "x"}),
            ):
                assert client.post(action_url(cycle, assignment, action), data).status_code == status, (user, action)
            add = {"add-rater": org.staff[1].employee_id, "add-ratee": org.supervisor.employee_id}
            assert client.post(f"{page_url(cycle)}add/", {**add, "add-relationship": "peer"}).status_code == status
    assert Assignment.objects.filter(pk=assignment.pk, rater=org.staff[0]).exists()
    assert not logged(cycle, "evaluations.add_assignment")


def test_actions_answer_post_only(client, org, cycle):
    assignment = peer_of(cycle, org.staff[0])
    client.force_login(org.hr)
    for action in ("remove", "reassign", "reopen"):
        assert client.get(action_url(cycle, assignment, action)).status_code == 405
    assert client.get(f"{page_url(cycle)}add/").status_code == 405
    assert client.post(page_url(cycle)).status_code == 405
    other = open_test_cycle(org, slug="other")
    foreign = other.assignments.first()
    assert client.post(action_url(cycle, foreign, "remove")).status_code == 404  # not this cycle's


def test_the_actions_need_the_csrf_token(org, cycle):
    from tests.factories import SignedInThroughAllauthClient

    strict = SignedInThroughAllauthClient(enforce_csrf_checks=True)
    strict.force_login(org.hr)
    assignment = peer_of(cycle, org.staff[0])
    assert strict.post(action_url(cycle, assignment, "remove")).status_code == 403
    assert Assignment.objects.filter(pk=assignment.pk).exists()


# --- what the page shows ---------------------------------------------------------------------


def test_statuses_and_a_declined_evaluations_reason_but_never_an_answer(client, org, cycle):
    submitted = peer_of(cycle, org.staff[0])
    answer_everything(submitted, score=2, comment="SECRET-COMMENT-ABOUT-A-COLLEAGUE")
    drafted = peer_of(cycle, org.staff[1])
    save_some(drafted, score=5)
    declined = peer_of(cycle, org.staff[2])
    decline_assignment(assignment=declined, rater=org.staff[2], reason="I joined the unit last week.")
    client.force_login(org.hr)

    def statuses(**query) -> str:
        response = client.get(page_url(cycle), query)
        assert response.status_code == 200
        return response.content.decode()

    html = statuses(status="submitted")
    assert "1 assignment matches." in html and submitted.ratee.name_en in html and "Reopen" in html
    assert "SECRET-COMMENT" not in html
    html = statuses(status="draft")
    assert "1 assignment matches." in html and "Draft saved" in html
    html = statuses(status="declined")
    assert "1 assignment matches." in html and "Reason: I joined the unit last week." in html
    pending = cycle.assignments.count() - 3
    assert f"{pending} assignments match." in statuses(status="pending")
    everything = statuses()
    assert f"{cycle.assignments.count()} assignments in all." in everything
    assert "SECRET-COMMENT" not in everything
    for code in Response.objects.get(assignment=submitted).answers.values_list("item__code", flat=True):
        assert code not in everything


def test_finding_by_rater_or_person_rated_by_id_or_name_and_by_group(client, org, cycle):
    client.force_login(org.hr)
    fatima = org.staff[0]

    def count(**query) -> int:
        html = client.get(page_url(cycle), query).content.decode()
        return int(html.split('class="listing-count" role="status">')[1].split(" ")[0])

    assert count(rater=fatima.employee_id) == cycle.assignments.filter(rater=fatima).count()
    assert count(rater=fatima.employee_id.lower()) == cycle.assignments.filter(rater=fatima).count()
    assert count(ratee="zahrani") == cycle.assignments.filter(ratee=fatima).count()
    assert count(ratee="الزهراني") == cycle.assignments.filter(ratee=fatima).count()
    assert count(ratee=fatima.employee_id, relationship="self") == 1
    assert count(relationship="supervisor") == cycle.assignments.filter(relationship="supervisor").count()
    html = client.get(page_url(cycle), {"ratee": "nobody-at-all"}).content.decode()
    assert "No assignment matches." in html


def test_pages_keep_the_filters_and_cost_the_same_queries_whatever_the_size(client, org):
    small = open_test_cycle(org, slug="small")
    for number in range(70):
        FrontLineEmployeeFactory(unit=org.staff[0].unit, supervisor=org.supervisor, employee_id=f"X{number:03d}")
    large = open_test_cycle(org, slug="large")
    assert large.assignments.count() > 2 * 50
    client.force_login(org.hr)
    client.get(page_url(small))  # the session, the site and the framework settings are cached

    def queries(cycle: Cycle, **query) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page_url(cycle), query)
        assert response.status_code == 200
        return len(captured)

    # the session and user, the cycle, who the reader is and what they manage (twice: the
    # view and the selector each ask), one count, the page's ids and their plain values,
    # the menus
    assert queries(small) == queries(large) == queries(large, page="2") <= 17
    with CaptureQueriesContext(connection) as captured:
        client.get(page_url(large), {"page": "2"})
    (count,) = [query["sql"] for query in captured if "COUNT(*)" in query["sql"]]
    assert "evaluations_employee" not in count and "evaluations_response" not in count
    html = client.get(page_url(large), {"relationship": "peer", "page": "2"}).content.decode()
    assert 'aria-current="page"' in html
    assert f'href="{page_url(large)}?relationship=peer&amp;page=3"' in html
    assert f'href="{page_url(large)}?relationship=peer&amp;page=1"' in html
    assert "Page 2 of" in html
    assert client.get(page_url(large), {"page": "999"}).status_code == 200  # the last page


# --- the actions -----------------------------------------------------------------------------


def test_hr_adds_an_assignment(client, org, cycle):
    newcomer = FrontLineEmployeeFactory(unit=org.staff[0].unit)
    client.force_login(org.hr)
    data = {"add-rater": newcomer.employee_id, "add-ratee": org.staff[0].employee_id, "add-relationship": "peer"}
    response = client.post(f"{page_url(cycle)}add/", {**data, "back": "status=pending&page=1&evil=1"})
    assert response.status_code == 302
    assert response["Location"] == f"{page_url(cycle)}?status=pending&page=1"
    added = cycle.assignments.get(rater=newcomer, ratee=org.staff[0])
    assert (added.relationship, added.source) == ("peer", Assignment.Source.HR)
    (entry,) = logged(cycle, "evaluations.add_assignment")
    assert entry.user == org.hr and entry.data["rater"] == newcomer.employee_id
    follow = client.get(response["Location"])
    assert any("is now asked to rate Fatima Zahrani" in message for message in messages_of(follow))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"add-rater": "NOPE", "add-relationship": "peer"}, "No employee has the ID NOPE."),
        ({"add-relationship": "peer", "add-ratee": ""}, "This field is required."),
        ({"add-relationship": "boss"}, "Select a valid choice. boss is not one of the available choices."),
        ({"add-relationship": "peer", "same": True}, "is already asked to rate"),
        ({"add-relationship": "self"}, "Only a self-evaluation has the same rater and ratee."),
    ],
)
def test_a_refused_addition_is_explained_on_the_form(client, org, cycle, data, message):
    rater, ratee = org.staff[1], org.staff[0]
    if data.pop("same", False):
        rater = cycle.assignments.filter(ratee=ratee, relationship="peer").first().rater
    posted = {"add-rater": rater.employee_id, "add-ratee": ratee.employee_id, **data}
    client.force_login(org.hr)
    before = cycle.assignments.count()
    response = client.post(f"{page_url(cycle)}add/", posted)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and 'id="error-summary"' in html and '<details class="assignment-add" open>' in html
    assert cycle.assignments.count() == before
    assert not logged(cycle, "evaluations.add_assignment")


def test_hr_cannot_assign_people_of_another_agency(client, org, cycle):
    stranger = org.other_hr.employee
    client.force_login(org.hr)
    data = {"add-rater": stranger.employee_id, "add-ratee": org.staff[0].employee_id, "add-relationship": "peer"}
    response = client.post(f"{page_url(cycle)}add/", data)
    assert response.status_code == 400
    assert f"{stranger.employee_id} is not in an agency you manage." in response.content.decode()
    assert not cycle.assignments.filter(rater=stranger).exists()


def test_hr_removes_an_assignment_not_yet_submitted(client, org, cycle):
    drafted = peer_of(cycle, org.staff[0])
    save_some(drafted)
    client.force_login(org.hr)
    response = client.post(action_url(cycle, drafted, "remove"), {"back": "rater=E1"}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == f"{page_url(cycle)}?rater=E1"
    assert not Assignment.objects.filter(pk=drafted.pk).exists()
    assert not Response.objects.filter(assignment_id=drafted.pk).exists()
    (entry,) = logged(cycle, "evaluations.remove_assignment")
    assert entry.user == org.hr
    assert any("is no longer asked to rate" in message for message in messages_of(response))


def test_a_submitted_assignment_is_neither_removed_nor_reassigned(client, org, cycle):
    done = peer_of(cycle, org.staff[0])
    answer_everything(done)
    newcomer = FrontLineEmployeeFactory(unit=org.staff[0].unit)
    client.force_login(org.hr)
    for action, data in (("remove", {}), ("reassign", {"new_rater": newcomer.employee_id})):
        response = client.post(action_url(cycle, done, action), data, follow=True)
        assert response.status_code == 200
        assert any("already submitted" in message for message in messages_of(response))
    done.refresh_from_db()
    assert done.rater == org.staff[0]
    assert not logged(cycle, "evaluations.remove_assignment") and not logged(cycle, "evaluations.reassign")


def test_hr_reassigns_an_evaluation_to_another_rater(client, org, cycle):
    assignment = peer_of(cycle, org.staff[0])
    newcomer = FrontLineEmployeeFactory(unit=org.staff[0].unit)
    client.force_login(org.hr)
    response = client.post(action_url(cycle, assignment, "reassign"), {"new_rater": newcomer.employee_id}, follow=True)
    assert response.status_code == 200
    assignment.refresh_from_db()
    assert assignment.rater == newcomer and assignment.source == Assignment.Source.HR
    (entry,) = logged(cycle, "evaluations.reassign")
    assert entry.user == org.hr
    assert entry.data["before"]["rater"] == org.staff[0].employee_id
    assert entry.data["after"]["rater"] == newcomer.employee_id
    assert any("now writes the evaluation of" in message for message in messages_of(response))

    response = client.post(action_url(cycle, assignment, "reassign"), {"new_rater": "NOPE"}, follow=True)
    assert any("No employee has the ID NOPE." in message for message in messages_of(response))
    response = client.post(action_url(cycle, assignment, "reassign"), {"new_rater": newcomer.employee_id}, follow=True)
    assert any("is already the rater of this evaluation" in message for message in messages_of(response))
    assert len(logged(cycle, "evaluations.reassign")) == 1


def test_hr_reopens_a_submitted_evaluation_with_a_reason(client, org, cycle):
    done = peer_of(cycle, org.staff[0])
    answer_everything(done)
    client.force_login(org.hr)
    response = client.post(action_url(cycle, done, "reopen"), {"reason": ""}, follow=True)
    assert any("Please give a reason for reopening." in message for message in messages_of(response))
    assert Response.objects.get(assignment=done).status == Response.Status.SUBMITTED

    response = client.post(action_url(cycle, done, "reopen"), {"reason": "Rated the wrong colleague."}, follow=True)
    assert response.status_code == 200
    assert Response.objects.get(assignment=done).status == Response.Status.DRAFT
    (entry,) = logged(cycle, "evaluations.reopen")
    assert entry.user == org.hr and entry.data["reason"] == "Rated the wrong colleague."
    assert any("was reopened" in message for message in messages_of(response))

    pending = peer_of(cycle, org.staff[1])
    response = client.post(action_url(cycle, pending, "reopen"), {"reason": "why not"}, follow=True)
    assert any("Only a submitted evaluation can be reopened." in message for message in messages_of(response))
    assert len(logged(cycle, "evaluations.reopen")) == 1


def test_a_draft_cycle_takes_additions_and_a_closed_one_is_read_only(client, org):
    draft = draft_cycle(org, slug="next")
    client.force_login(org.hr)
    html = client.get(page_url(draft)).content.decode()
    assert "Who rates whom is worked out when the cycle opens" in html and "Add the assignment" in html
    data = {"add-rater": org.staff[1].employee_id, "add-ratee": org.staff[0].employee_id, "add-relationship": "peer"}
    response = client.post(f"{page_url(draft)}add/", data, follow=True)
    assert any("will be asked to rate" in message for message in messages_of(response))
    assert draft.assignments.count() == 1

    cycle = open_test_cycle(org)
    done = peer_of(cycle, org.staff[0])
    answer_everything(done)
    close_cycle(cycle=cycle)
    html = client.get(page_url(cycle)).content.decode()
    assert "can no longer change" in html
    assert "Add the assignment" not in html and "/remove/" not in html and "/reopen/" not in html
    response = client.post(action_url(cycle, peer_of(cycle, org.staff[1]), "remove"), follow=True)
    assert any("is closed, so you cannot change it" in message for message in messages_of(response))
    response = client.post(action_url(cycle, done, "reopen"), {"reason": "late"}, follow=True)
    assert any("is closed, so you cannot reopen evaluations in it" in message for message in messages_of(response))
    before = cycle.assignments.count()
    newcomer = FrontLineEmployeeFactory(unit=org.staff[0].unit)
    data = {"add-rater": newcomer.employee_id, "add-ratee": org.staff[0].employee_id, "add-relationship": "peer"}
    response = client.post(f"{page_url(cycle)}add/", data, follow=True)
    assert any("so you cannot add assignments to it" in message for message in messages_of(response))
    assert cycle.assignments.count() == before


def test_the_arabic_page(client, org, cycle):
    client.force_login(org.hr)
    response = client.get(page_url(cycle, ""))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="ar" dir="rtl"' in html
    assert org.staff[0].name_ar in html and org.staff[0].name_en not in html
