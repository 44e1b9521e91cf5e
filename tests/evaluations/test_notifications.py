"""The cycle's emails: invitations when it opens, reminders on its reminder days (once per
rater and day, whatever the number of cron runs), notices when reports are released; each
in the recipient's language, over Django's locmem outbox."""

from __future__ import annotations

import datetime
import io
import re
import smtplib

import pytest
from django.conf import settings
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.utils import timezone, translation

from evaluations.models import Assignment, Cycle, Employee, Notification
from evaluations.services import decline_assignment, open_cycle, release_cycle, send_release_notices
from tests.evaluations.view_fixtures import (
    answer_everything,
    build_organisation,
    closed_cycle_with_results,
    draft_cycle,
)

pytestmark = pytest.mark.django_db

BASE = settings.WAGTAILADMIN_BASE_URL.rstrip("/")


class BrokenBackend(BaseEmailBackend):
    """A mail server that refuses every message (Django's backend interface, not ours)."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("the mail server went away")


@pytest.fixture
def org():
    org = build_organisation()
    for employee in Employee.objects.all():
        employee.email = f"{employee.employee_id.lower()}@agency.example"
        employee.save(update_fields=["email"])
    Employee.objects.filter(pk=org.staff[0].pk).update(preferred_language="en")
    for employee in [org.supervisor, *org.staff]:
        employee.refresh_from_db()
    return org


def in_scope_raters(cycle: Cycle) -> dict[str, Employee]:
    """Address → rater, for every rater with an assignment in the cycle."""
    raters = Employee.objects.filter(assignments_to_write__cycle=cycle).distinct()
    return {rater.email: rater for rater in raters}


def by_recipient() -> dict[str, mail.EmailMessage]:
    recipients = [message.to[0] for message in mail.outbox]
    assert len(recipients) == len(set(recipients)), "someone got two emails"
    return {message.to[0]: message for message in mail.outbox}


def html_of(message) -> str:
    (html, mimetype) = message.alternatives[0]
    assert mimetype == "text/html"
    return html


def reminders(*args: str) -> str:
    out = io.StringIO()
    call_command("send_reminders", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def at(day: datetime.date) -> str:
    return f"--now={day.isoformat()}T09:00:00"


# --- invitations ---------------------------------------------------------------------------


def test_opening_emails_each_rater_one_invitation_in_their_language(org, django_capture_on_commit_callbacks):
    cycle = draft_cycle(org)
    with django_capture_on_commit_callbacks(execute=True):
        open_cycle(cycle=cycle)

    raters = in_scope_raters(cycle)
    messages = by_recipient()
    assert set(messages) == set(raters)
    assert len(raters) == 6  # the supervisor, four staff and the agency's HR employee

    english, arabic = org.staff[0], org.staff[1]
    english_mail = messages[english.email]
    assignments = Assignment.objects.filter(cycle=cycle, rater=english).select_related("ratee")
    assert english_mail.subject == "Your evaluations in “Spring cycle”"
    assert english_mail.body.startswith("Dear Fatima Zahrani,")
    assert f"You are asked to write {assignments.count()} evaluations:" in english_mail.body
    for assignment in assignments:
        expected = "Your self-evaluation" if assignment.rater_id == assignment.ratee_id else assignment.ratee.name_en
        assert expected in english_mail.body
    assert f"{BASE}/en/evaluations/" in english_mail.body
    assert '<html lang="en" dir="ltr">' in html_of(english_mail)

    arabic_mail = messages[arabic.email]
    assert arabic_mail.subject == "تقييماتك في «دورة الربيع»"
    assert arabic_mail.body.startswith("السيد/السيدة خالد العتيبي المحترم/ة")
    assert "فُتحت دورة التقييم الشامل «دورة الربيع»" in arabic_mail.body
    assert "تقييمك الذاتي" in arabic_mail.body
    for assignment in Assignment.objects.filter(cycle=cycle, rater=arabic).exclude(ratee=arabic):
        assert assignment.ratee.name_ar in arabic_mail.body
        assert assignment.ratee.name_en not in arabic_mail.body
    assert "Spring cycle" not in arabic_mail.body
    assert f"{BASE}/evaluations/" in arabic_mail.body and "/en/" not in arabic_mail.body
    html = html_of(arabic_mail)
    assert '<html lang="ar" dir="rtl">' in html and "direction:rtl" in html
    assert arabic_mail.extra_headers["Content-Language"] == "ar"

    assert set(Notification.objects.values_list("kind", "status")) == {("invitation", "sent")}
    assert Notification.objects.count() == 6
    assert translation.get_language() == "en"  # the recipients' languages did not leak


def test_a_broken_mail_server_does_not_stop_the_opening_and_failures_are_retried(
    org, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.evaluations.test_notifications.BrokenBackend"
    cycle = draft_cycle(org)
    with django_capture_on_commit_callbacks(execute=True):
        open_cycle(cycle=cycle)

    cycle.refresh_from_db()
    assert cycle.status == Cycle.Status.OPEN
    assert cycle.assignments.count() > 0
    rows = Notification.objects.filter(cycle=cycle, kind="invitation")
    assert rows.count() == 6
    assert set(rows.values_list("status", flat=True)) == {"failed"}
    assert "SMTPServerDisconnected" in rows.first().error
    assert mail.outbox == []

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    out = reminders()  # the hourly cron run retries them
    assert set(by_recipient()) == set(in_scope_raters(cycle))
    assert set(rows.values_list("status", "attempts")) == {("sent", 2)}
    assert "Cycle spring, invitation:" in out
    reminders()
    assert len(mail.outbox) == 6


def test_the_demo_and_scripts_can_open_without_invitations(org, django_capture_on_commit_callbacks):
    cycle = draft_cycle(org)
    with django_capture_on_commit_callbacks(execute=True):
        open_cycle(cycle=cycle, notify=False)
    assert mail.outbox == []
    assert not Notification.objects.exists()


# --- reminders -----------------------------------------------------------------------------


def test_reminders_go_once_per_reminder_day_whatever_the_number_of_runs(org):
    cycle = open_cycle(cycle=draft_cycle(org))
    assert cycle.reminder_days == [7, 3, 1]
    before = cycle.closes_on - datetime.timedelta(days=8)
    assert "No reminder is due." in reminders(at(before))
    assert mail.outbox == []

    seven_days = cycle.closes_on - datetime.timedelta(days=7)
    out = reminders(at(seven_days))
    messages = by_recipient()
    assert set(messages) == set(in_scope_raters(cycle))
    assert "Cycle spring, reminder 7 days:" in out and "sent: 6" in out
    english = messages[org.staff[0].email]
    date_en = "{d.day} {month} {d.year}".format(d=cycle.closes_on, month=cycle.closes_on.strftime("%B"))
    assert english.subject == f"Reminder: evaluations to submit in “Spring cycle” by {date_en}"
    assert f"The cycle closes on {date_en}, in 7 days." in english.body
    arabic = messages[org.staff[1].email]
    assert arabic.subject.startswith("تذكير: تقييمات بانتظار إرسالها في «دورة الربيع»")
    assert "أي بعد 7 أيام." in arabic.body

    out = reminders(at(seven_days))  # the next hourly run: nothing new
    out += reminders(f"--now={seven_days.isoformat()}T23:00:00")
    assert len(mail.outbox) == 6
    assert "already sent: 6" in out and "sent: 0" in out

    reminders(at(cycle.closes_on - datetime.timedelta(days=3)))
    assert len(mail.outbox) == 12
    assert set(Notification.objects.filter(kind="reminder").values_list("key", flat=True)) == {"7", "3"}


def test_several_missed_reminder_days_give_one_reminder_the_latest(org):
    cycle = open_cycle(cycle=draft_cycle(org))
    reminders(at(cycle.closes_on - datetime.timedelta(days=1)))  # cron was down for a week
    assert len(by_recipient()) == 6
    assert set(Notification.objects.filter(kind="reminder").values_list("key", flat=True)) == {"1"}
    assert "in 1 day." in by_recipient()[org.staff[0].email].body
    assert "أي بعد يوم واحد." in by_recipient()[org.staff[1].email].body

    reminders(at(cycle.closes_on))  # closing day: no reminder day 0 configured, nothing new
    assert len(mail.outbox) == 6
    reminders(at(cycle.closes_on + datetime.timedelta(days=1)))  # past the date, still open
    assert len(mail.outbox) == 6


def test_reminder_days_that_fell_before_the_opening_are_not_sent(org):
    today = timezone.localdate()
    cycle = open_cycle(cycle=_cycle_closing(org, today, days=5))
    reminders(at(today))  # 5 days left: day 7 fell before the opening; the invitation said it
    assert mail.outbox == []
    reminders(at(today + datetime.timedelta(days=2)))
    assert {message.to[0] for message in mail.outbox} == set(in_scope_raters(cycle))
    assert set(Notification.objects.filter(kind="reminder").values_list("key", flat=True)) == {"3"}


def _cycle_closing(org, today: datetime.date, *, days: int) -> Cycle:
    cycle = draft_cycle(org)
    Cycle.objects.filter(pk=cycle.pk).update(closes_on=today + datetime.timedelta(days=days))
    cycle.refresh_from_db()
    return cycle


def test_submitted_and_declined_evaluations_are_not_reminded(org):
    cycle = open_cycle(cycle=draft_cycle(org))
    done, declining, partly = org.staff[1], org.staff[2], org.staff[3]
    for assignment in Assignment.objects.filter(cycle=cycle, rater=done).select_related("cycle", "rater"):
        answer_everything(assignment)
    for assignment in Assignment.objects.filter(cycle=cycle, rater=declining).select_related("cycle", "rater"):
        if assignment.relationship == "self":
            answer_everything(assignment)
        else:
            decline_assignment(assignment=assignment, rater=declining, reason="I do not work with them.")
    partly_assignments = list(Assignment.objects.filter(cycle=cycle, rater=partly).select_related("ratee", "cycle"))
    submitted = next(a for a in partly_assignments if a.relationship != "self")
    answer_everything(submitted)

    reminders(at(cycle.closes_on - datetime.timedelta(days=7)))

    messages = by_recipient()
    assert done.email not in messages
    assert declining.email not in messages
    assert set(messages) == set(in_scope_raters(cycle)) - {done.email, declining.email}
    body = messages[partly.email].body
    assert body.count("\n- ") == len(partly_assignments) - 1  # the pending ones, listed
    assert submitted.ratee.name_ar not in body
    for assignment in partly_assignments:
        if assignment.pk != submitted.pk and assignment.relationship != "self":
            assert assignment.ratee.name_ar in body


def test_employees_without_an_email_or_inactive_are_skipped_and_reported(org):
    cycle = open_cycle(cycle=draft_cycle(org))
    addresses = set(in_scope_raters(cycle))
    no_email = org.staff[2]
    Employee.objects.filter(pk=no_email.pk).update(email="")
    no_email.user.email = ""
    no_email.user.save(update_fields=["email"])
    left = org.staff[3]
    Employee.objects.filter(pk=left.pk).update(is_active=False)
    uses_account = org.staff[1]
    Employee.objects.filter(pk=uses_account.pk).update(email="")

    out = reminders(at(cycle.closes_on - datetime.timedelta(days=7)))

    expected = addresses - {no_email.email, left.email, uses_account.email} | {uses_account.user.email}
    assert set(by_recipient()) == expected
    assert f"skipped, no email: 1: {no_email.employee_id}" in out
    assert f"skipped, inactive: 1: {left.employee_id}" in out
    assert not Notification.objects.filter(employee__in=[no_email, left]).exists()


def test_a_reminder_another_run_already_claimed_is_not_sent_again(org):
    """Two cron runs at once: the other run inserted the row first (it is sending), so this
    run's insert meets the unique constraint and sends nothing to that rater."""
    cycle = open_cycle(cycle=draft_cycle(org))
    claimed = org.staff[0]
    Notification.objects.create(kind="reminder", cycle=cycle, employee=claimed, key="7", email=claimed.email)

    out = reminders(at(cycle.closes_on - datetime.timedelta(days=7)))

    assert set(by_recipient()) == set(in_scope_raters(cycle)) - {claimed.email}
    assert "already sent: 1" in out
    assert Notification.objects.filter(kind="reminder", employee=claimed).get().status == "sending"


def test_dry_run_reports_and_sends_nothing(org):
    cycle = open_cycle(cycle=draft_cycle(org))
    out = reminders(at(cycle.closes_on - datetime.timedelta(days=3)), "--dry-run")
    assert mail.outbox == []
    assert not Notification.objects.exists()
    assert "Cycle spring, reminder 3 days:" in out and "would send: 6:" in out


def test_arabic_indic_digits_in_the_text_never_in_the_links(org):
    from tests.factories import choose_arabic_digits

    choose_arabic_digits("arabic-indic")
    cycle = open_cycle(cycle=draft_cycle(org))
    reminders(at(cycle.closes_on - datetime.timedelta(days=7)))
    body = by_recipient()[org.staff[1].email].body
    assert "أي بعد ٧ أيام." in body
    assert str(cycle.closes_on.year) not in body.split("http")[0]
    assert f"{BASE}/evaluations/" in body
    english = by_recipient()[org.staff[0].email].body
    assert "in 7 days." in english


def test_cycle_create_takes_the_reminder_days(org):
    out = io.StringIO()
    call_command(
        "cycle",
        "create",
        "autumn",
        "--name-ar=الخريف",
        "--name-en=Autumn",
        "--opens=2026-10-01",
        "--closes=2026-10-31",
        "--agency=civil-affairs",
        "--reminder-days=2,10",
        stdout=out,
    )
    assert Cycle.objects.get(slug="autumn").reminder_days == [10, 2]


# --- release ---------------------------------------------------------------------------------


def test_release_tells_each_employee_and_their_supervisor_in_their_language(org, django_capture_on_commit_callbacks):
    cycle = closed_cycle_with_results(org)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        release_cycle(cycle=cycle)

    messages = by_recipient()
    with_reports = set(cycle.results.values_list("employee__email", flat=True))
    assert set(messages) == with_reports | {org.supervisor.email}

    english = messages[org.staff[0].email]
    assert english.subject == "Your 360° evaluation report for “Spring cycle” is available"
    assert f"{BASE}/en/evaluations/spring/reports/{org.staff[0].employee_id}/" in english.body
    arabic = messages[org.staff[1].email]
    assert arabic.subject == "تقريرك في التقييم الشامل لدورة «دورة الربيع» متاح الآن"
    assert f"{BASE}/evaluations/spring/reports/{org.staff[1].employee_id}/" in arabic.body
    assert "direct reports" not in english.body and "مرؤوسيك" not in arabic.body

    supervisor_mail = messages[org.supervisor.email].body
    assert "أصبحت تقارير 4 من مرؤوسيك المباشرين متاحة لك:" in supervisor_mail
    for employee in org.staff:
        assert f"- {employee.name_ar}: {BASE}/evaluations/spring/reports/{employee.employee_id}/" in supervisor_mail
    assert re.search(r"<a href=\"[^\"]+/evaluations/spring/reports/", html_of(messages[org.supervisor.email]))

    send_release_notices(cycle=Cycle.objects.get(pk=cycle.pk))  # again: nothing new
    assert len(mail.outbox) == len(messages)


# --- HR sets the reminder days of a draft cycle ----------------------------------------------


def test_hr_sets_a_draft_cycles_reminder_days_on_its_dashboard(client, org):
    cycle = draft_cycle(org)
    url = f"/en/evaluations/cycles/{cycle.slug}/"
    client.force_login(org.hr)
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="reminder_days"' in page.content.decode() and 'value="7, 3, 1"' in page.content.decode()

    response = client.post(f"{url}reminders/", {"reminder_days": "10, ٥,5"})
    assert response.status_code == 302 and response["Location"] == url
    cycle.refresh_from_db()
    assert cycle.reminder_days == [10, 5]

    response = client.post(f"{url}reminders/", {"reminder_days": "7, soon"}, follow=True)
    assert response.status_code == 200
    assert "Write whole numbers of days separated by commas" in response.content.decode()
    cycle.refresh_from_db()
    assert cycle.reminder_days == [10, 5]

    client.post(f"{url}reminders/", {"reminder_days": ""})
    cycle.refresh_from_db()
    assert cycle.reminder_days == []


def test_only_the_cycles_managers_set_reminder_days_and_only_on_a_draft(client, org):
    cycle = draft_cycle(org)
    url = f"/en/evaluations/cycles/{cycle.slug}/reminders/"
    client.force_login(org.other_hr)
    assert client.post(url, {"reminder_days": "2"}).status_code == 403
    client.force_login(org.staff[0].user)
    assert client.post(url, {"reminder_days": "2"}).status_code == 403
    client.force_login(org.hr)
    assert client.get(url).status_code == 405

    open_cycle(cycle=cycle)
    page = client.get(f"/en/evaluations/cycles/{cycle.slug}/")
    assert page.status_code == 200 and 'name="reminder_days"' not in page.content.decode()
    response = client.post(url, {"reminder_days": "2"}, follow=True)
    assert response.status_code == 200
    assert "so you cannot change it" in response.content.decode()
    cycle.refresh_from_db()
    assert cycle.reminder_days == [7, 3, 1]


def test_failed_release_notices_are_retried_until_the_attempts_run_out(
    org, settings, django_capture_on_commit_callbacks
):
    cycle = closed_cycle_with_results(org)
    mail.outbox.clear()
    settings.EMAIL_BACKEND = "tests.evaluations.test_notifications.BrokenBackend"
    with django_capture_on_commit_callbacks(execute=True):
        release_cycle(cycle=cycle)
    cycle.refresh_from_db()
    assert cycle.status == Cycle.Status.RELEASED
    rows = Notification.objects.filter(cycle=cycle, kind="release")
    assert rows.count() == 6 and set(rows.values_list("status", flat=True)) == {"failed"}

    given_up = rows.get(employee=org.staff[1])
    given_up.attempts = 5  # MAX_ATTEMPTS: left for HR, never retried again
    given_up.save(update_fields=["attempts"])
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    reminders()

    assert set(by_recipient()) == set(cycle.results.values_list("employee__email", flat=True)) - {org.staff[1].email}
    assert rows.filter(status="sent").count() == 5
    assert rows.get(employee=org.staff[1]).status == "failed"
    reminders()
    assert len(mail.outbox) == 5
