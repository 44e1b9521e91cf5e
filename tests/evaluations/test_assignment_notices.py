"""The email a rater gets when an evaluation is given to them after the cycle opened (HR
added it or reassigned it to them, or a nomination of them was approved): one email, in
their language, after the change commits, never twice, none for a change that failed;
a mail failure never undoes the change and the hourly run retries it."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command

from evaluations.models import Employee, Notification
from evaluations.services import (
    add_assignment,
    approve_nomination,
    decline_assignment,
    nominate_peer,
    reassign_assignment,
    remove_assignment,
)
from evaluations.services.notifications import send_assignment_notice
from tests.evaluations.customer_factories import FrontLineEmployeeFactory
from tests.evaluations.test_notifications import BrokenBackend  # noqa: F401  (the backend named below)
from tests.evaluations.view_fixtures import answer_everything, build_organisation, draft_cycle, open_test_cycle

pytestmark = pytest.mark.django_db

BASE = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
BROKEN = "tests.evaluations.test_notifications.BrokenBackend"


@pytest.fixture
def org():
    org = build_organisation()
    for employee in Employee.objects.all():
        employee.email = f"{employee.employee_id.lower()}@agency.example"
        employee.save(update_fields=["email"])
    return org


@pytest.fixture
def cycle(org):
    cycle = open_test_cycle(org)
    mail.outbox.clear()  # the invitations (sent only in tests that run on-commit callbacks)
    return cycle


def newcomer(org, *, language: str = "ar", tag: str = "1") -> Employee:
    return FrontLineEmployeeFactory(
        unit=org.staff[0].unit,
        name_ar="ليلى الجديدة",
        name_en="Layla Newcomer",
        email=f"newcomer-{tag}@agency.example",
        preferred_language=language,
    )


def notices() -> list[Notification]:
    return list(Notification.objects.filter(kind=Notification.Kind.ASSIGNMENT))


def test_hr_adding_an_evaluation_emails_the_rater_once_in_their_language(
    client, org, cycle, django_capture_on_commit_callbacks
):
    rater = newcomer(org, language="en")
    client.force_login(org.hr)
    data = {"add-rater": rater.employee_id, "add-ratee": org.staff[0].employee_id, "add-relationship": "peer"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/evaluations/cycles/{cycle.slug}/assignments/add/", data)
    assert response.status_code == 302
    assignment = cycle.assignments.get(rater=rater)
    (message,) = mail.outbox
    assert message.to == [rater.email]
    assert message.subject == "A new evaluation for you in “Spring cycle”"
    assert message.body.startswith("Dear Layla Newcomer,")
    assert "Fatima Zahrani (a colleague)" in message.body
    assert "Please submit it by" in message.body
    assert f"{BASE}/en/evaluations/" in message.body
    assert message.extra_headers["Content-Language"] == "en"
    (row,) = notices()
    assert (row.employee, row.key, row.status, row.cycle) == (rater, str(assignment.pk), "sent", cycle)

    report = send_assignment_notice(assignment_id=assignment.pk)  # a second run: nothing new
    assert report.already_sent == [rater.employee_id] and len(mail.outbox) == 1


def test_an_arabic_speaking_rater_gets_it_in_arabic(org, cycle, django_capture_on_commit_callbacks):
    rater = newcomer(org, language="ar")
    with django_capture_on_commit_callbacks(execute=True):
        add_assignment(cycle=cycle, rater=rater, ratee=org.staff[1], relationship="peer")
    (message,) = mail.outbox
    assert message.subject == "تقييم جديد مطلوب منك في «دورة الربيع»"
    assert org.staff[1].name_ar in message.body and org.staff[1].name_en not in message.body
    assert "Spring cycle" not in message.body
    assert f"{BASE}/evaluations/" in message.body and "/en/" not in message.body
    assert '<html lang="ar" dir="rtl">' in message.alternatives[0][0]


def test_the_new_rater_of_a_reassigned_evaluation_is_told(org, cycle, django_capture_on_commit_callbacks):
    assignment = cycle.assignments.filter(rater=org.staff[0], relationship="peer").first()
    rater = newcomer(org)
    with django_capture_on_commit_callbacks(execute=True):
        reassign_assignment(assignment=assignment, new_rater=rater, by=org.hr)
    (message,) = mail.outbox
    assert message.to == [rater.email] and assignment.ratee.name_ar in message.body
    assert notices()[0].key == str(assignment.pk)


def test_an_approved_nomination_tells_the_peer(org, cycle, django_capture_on_commit_callbacks):
    rater = newcomer(org)
    nomination = nominate_peer(cycle=cycle, employee=org.staff[0], peer=rater)
    with django_capture_on_commit_callbacks(execute=True):
        approve_nomination(nomination=nomination, supervisor=org.supervisor)
    (message,) = mail.outbox
    assert message.to == [rater.email] and org.staff[0].name_ar in message.body


def test_no_email_before_the_cycle_opens_when_asked_not_to_or_when_the_change_failed(
    org, cycle, django_capture_on_commit_callbacks
):
    draft = draft_cycle(org, slug="next")
    rater = newcomer(org)
    with django_capture_on_commit_callbacks(execute=True):
        add_assignment(cycle=draft, rater=rater, ratee=org.staff[0], relationship="peer")  # the invitation will say
        add_assignment(cycle=cycle, rater=rater, ratee=org.staff[0], relationship="peer", notify=False)
    assert mail.outbox == [] and notices() == []

    taken = cycle.assignments.filter(ratee=org.staff[1], relationship="peer").first()
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(Exception, match="already"):
        add_assignment(cycle=cycle, rater=taken.rater, ratee=org.staff[1], relationship="peer")
    assert callbacks == [] and mail.outbox == [] and notices() == []


def test_a_broken_mail_server_never_undoes_the_change_and_the_hourly_run_retries(
    org, cycle, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = BROKEN
    rater = newcomer(org)
    with django_capture_on_commit_callbacks(execute=True):
        assignment = add_assignment(cycle=cycle, rater=rater, ratee=org.staff[0], relationship="peer", by=org.hr)
    assert cycle.assignments.filter(pk=assignment.pk).exists()
    (row,) = notices()
    assert (row.status, row.attempts) == ("failed", 1) and "SMTPServerDisconnected" in row.error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    out = io.StringIO()
    call_command("send_reminders", stdout=out, stderr=io.StringIO())
    (message,) = mail.outbox
    assert message.to == [rater.email]
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("sent", 2)
    assert f"Cycle {cycle.slug}, new assignment {assignment.pk}:\n  sent: 1: {rater.employee_id}" in out.getvalue()
    call_command("send_reminders", stdout=io.StringIO(), stderr=io.StringIO())
    assert len(mail.outbox) == 1


def test_a_failed_notice_with_nothing_left_to_say_is_dropped(org, cycle, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = BROKEN
    removed_rater, declined_rater, submitted_rater = (newcomer(org, tag=tag) for tag in "123")
    with django_capture_on_commit_callbacks(execute=True):
        removed = add_assignment(cycle=cycle, rater=removed_rater, ratee=org.staff[0], relationship="peer")
        declined = add_assignment(cycle=cycle, rater=declined_rater, ratee=org.staff[0], relationship="peer")
        submitted = add_assignment(cycle=cycle, rater=submitted_rater, ratee=org.staff[0], relationship="peer")
    assert [row.status for row in notices()] == ["failed"] * 3
    remove_assignment(assignment=removed)
    decline_assignment(assignment=declined, rater=declined_rater, reason="On leave until the cycle closes.")
    answer_everything(submitted)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_reminders", stdout=io.StringIO(), stderr=io.StringIO())
    assert mail.outbox == [] and notices() == []
