"""The rater's pages: the to-do list, the form (draft, submit once, read-only after),
declining, nominating a peer and the supervisor's decision. Only the assigned rater may
open an evaluation."""

from __future__ import annotations

import pytest
from django.utils.html import escape

from evaluations.models import Answer, Assignment, PeerNomination, Response
from tests.evaluations.view_fixtures import answer_everything, build_organisation, item_codes, open_test_cycle

pytestmark = pytest.mark.django_db


@pytest.fixture
def org():
    return build_organisation()


@pytest.fixture
def cycle(org):
    return open_test_cycle(org)


def assignment_of(cycle, rater, relationship: str) -> Assignment:
    return cycle.assignments.filter(rater=rater, relationship=relationship).select_related("ratee", "cycle").first()


def form_url(assignment: Assignment, prefix: str = "") -> str:
    return f"{prefix}/evaluations/{assignment.cycle.slug}/{assignment.pk}/"


def every_answer(cycle, value: str = "4") -> dict[str, str]:
    return {f"item-{code}": value for code in item_codes(cycle)}


def test_anonymous_is_sent_to_sign_in(client, org, cycle):
    assignment = assignment_of(cycle, org.staff[0], "self")
    for url in ("/evaluations/", form_url(assignment)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_the_todo_list_shows_pending_evaluations_with_relationship_and_due_date(client, org, cycle):
    me = org.staff[0]
    client.force_login(me.user)
    response = client.get("/en/evaluations/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your self-evaluation" in html
    assert "Salem Supervisor" in html  # my supervisor: I rate them as a subordinate
    assert "Your supervisor" in html
    assert "Due by" in html
    for assignment in cycle.assignments.filter(rater=me):
        assert form_url(assignment, "/en") in html


def test_an_account_without_an_employee_record_gets_an_explanation(client, org, cycle):
    client.force_login(org.outsider)
    response = client.get("/en/evaluations/")
    assert response.status_code == 200
    assert "not linked to an employee record" in response.content.decode()


def test_the_form_words_statements_for_the_relationship_in_the_readers_language(client, org, cycle):
    me = org.staff[0]
    client.force_login(me.user)
    own = assignment_of(cycle, me, "self")
    about_supervisor = assignment_of(cycle, me, "subordinate")
    item = own.cycle.framework.competencies.first().items.first()

    english_self = client.get(form_url(own, "/en")).content.decode()
    english_other = client.get(form_url(about_supervisor, "/en")).content.decode()
    arabic_self = client.get(form_url(own)).content.decode()
    assert escape(item.self_en) in english_self and escape(item.others_en) not in english_self
    assert escape(item.others_en) in english_other and escape(item.self_en) not in english_other
    assert escape(item.self_ar) in arabic_self
    assert english_self.count('type="radio"') == 6 * len(item_codes(cycle))
    assert "<legend" in english_self and "Not observed" in english_self


def test_only_the_assigned_rater_may_open_an_evaluation(client, org, cycle):
    assignment = assignment_of(cycle, org.staff[0], "self")
    for user in (org.staff[1].user, org.hr, org.supervisor.user, org.outsider):
        client.force_login(user)
        assert client.get(form_url(assignment)).status_code == 404
        assert client.post(form_url(assignment), every_answer(cycle) | {"action": "submit"}).status_code == 404
    assert not Response.objects.filter(assignment=assignment).exists()


def test_a_draft_is_saved_and_shown_again(client, org, cycle):
    me = org.staff[0]
    assignment = assignment_of(cycle, me, "self")
    first, second = item_codes(cycle)[:2]
    client.force_login(me.user)
    response = client.post(
        form_url(assignment, "/en"),
        {f"item-{first}": "5", f"item-{second}": "na", "comment": "draft note", "action": "draft"},
    )
    assert response.status_code == 302
    saved = Response.objects.get(assignment=assignment)
    assert saved.status == Response.Status.DRAFT
    assert dict(Answer.objects.filter(response=saved).values_list("item__code", "score")) == {first: 5, second: None}
    html = client.get(form_url(assignment, "/en")).content.decode()
    assert f'id="item-{first}-5" name="item-{first}" value="5" checked' in html
    assert f'id="item-{second}-na" name="item-{second}" value="na" checked' in html
    assert "draft note" in html


def test_submitting_with_missing_answers_lists_them_and_saves_nothing_submitted(client, org, cycle):
    me = org.staff[0]
    assignment = assignment_of(cycle, me, "self")
    answers = every_answer(cycle)
    missing = item_codes(cycle)[0]
    del answers[f"item-{missing}"]
    client.force_login(me.user)
    response = client.post(form_url(assignment, "/en"), answers | {"action": "submit"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html and f'href="#item-{missing}-1"' in html
    assert not Response.objects.filter(assignment=assignment, status=Response.Status.SUBMITTED).exists()


def test_a_bad_value_is_refused_with_a_message(client, org, cycle):
    me = org.staff[0]
    assignment = assignment_of(cycle, me, "self")
    code = item_codes(cycle)[0]
    client.force_login(me.user)
    response = client.post(form_url(assignment, "/en"), {f"item-{code}": "9", "action": "draft"})
    assert response.status_code == 400
    assert "must be from 1 to 5" in response.content.decode()


def test_submit_once_then_read_only_and_a_second_submit_gets_a_message(client, org, cycle):
    me = org.staff[0]
    assignment = assignment_of(cycle, me, "peer") or assignment_of(cycle, me, "subordinate")
    client.force_login(me.user)
    response = client.post(
        form_url(assignment, "/en"), every_answer(cycle, "4") | {"action": "submit", "comment": "ok"}
    )
    assert response.status_code == 302 and response["Location"] == "/en/evaluations/"
    submitted = Response.objects.get(assignment=assignment)
    assert submitted.status == Response.Status.SUBMITTED

    again = client.post(form_url(assignment, "/en"), every_answer(cycle, "1") | {"action": "submit"})
    assert again.status_code == 409
    assert "already submitted and can no longer be changed" in again.content.decode()
    assert set(Answer.objects.filter(response=submitted).values_list("score", flat=True)) == {4}

    page = client.get(form_url(assignment, "/en"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "You submitted this evaluation" in html
    assert 'value="submit"' not in html and "disabled" in html


def test_declining_needs_a_reason_and_is_shown(client, org, cycle):
    me = org.staff[0]
    assignment = assignment_of(cycle, me, "subordinate")
    client.force_login(me.user)
    url = f"/en/evaluations/{cycle.slug}/{assignment.pk}/decline/"
    response = client.post(url, {"reason": "  "}, follow=True)
    assert response.status_code == 200 and "Please give a reason for declining." in response.content.decode()
    assignment.refresh_from_db()
    assert assignment.declined_at is None

    response = client.post(url, {"reason": "I joined this week"}, follow=True)
    assert response.status_code == 200
    assignment.refresh_from_db()
    assert assignment.decline_reason == "I joined this week"
    assert "Declined" in response.content.decode()
    assert client.get(url).status_code == 405


def test_nominating_a_peer_and_the_supervisor_approving_it(client, org, cycle):
    me, peer = org.staff[0], org.staff[3]
    cycle.assignments.filter(rater=peer, ratee=me).delete()
    client.force_login(me.user)
    response = client.post(f"/en/evaluations/{cycle.slug}/nominate/", {"peer": peer.employee_id}, follow=True)
    assert response.status_code == 200
    nomination = PeerNomination.objects.get(cycle=cycle, employee=me, peer=peer)
    assert "Your supervisor will approve" in response.content.decode()

    client.force_login(org.staff[1].user)
    assert (
        client.post(f"/en/evaluations/nominations/{nomination.pk}/decide/", {"decision": "approve"}).status_code == 404
    )

    client.force_login(org.supervisor.user)
    team = client.get("/en/evaluations/team/")
    assert team.status_code == 200 and "Fatima Zahrani asks Omar Harbi" in team.content.decode()
    response = client.post(f"/en/evaluations/nominations/{nomination.pk}/decide/", {"decision": "approve"})
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.status == PeerNomination.Status.APPROVED
    assert cycle.assignments.filter(rater=peer, ratee=me, relationship="peer").exists()


def test_hr_cannot_read_a_raters_answers(client, org, cycle):
    assignment = assignment_of(cycle, org.staff[0], "subordinate")
    answer_everything(assignment, score=2, comment="very private remark")
    client.force_login(org.hr)
    assert client.get(form_url(assignment)).status_code == 404
    dashboard = client.get(f"/en/evaluations/cycles/{cycle.slug}/")
    assert dashboard.status_code == 200
    assert "very private remark" not in dashboard.content.decode()
