"""Emails about a cycle, each in its recipient's language: the invitation when a cycle
opens, the notice of an evaluation given to a rater after it opened (HR added it or gave
it to them, or a nomination of them was approved), reminders to raters with evaluations
still to submit on the cycle's reminder days, and the notice that reports are released.

Sending is never part of the action's own transaction: ``open_cycle``, ``release_cycle``
and the assignment services schedule it with ``transaction.on_commit``, so a mail server
that is down never stops a cycle from opening or an assignment from being made; the
failure is logged and recorded (``Notification.Status.FAILED``) and
``manage.py send_reminders`` retries it on its next run.

Nobody gets the same email twice: every email first inserts its
:class:`~evaluations.models.Notification` row (unique per kind, cycle, employee and key,
the key being the reminder day) and sends only if that insert succeeded. Two cron runs
racing each other meet the database's constraint; the loser sends nothing. A row left
``sending`` by a crash mid-send is never retried (the email may have gone out).

Every message is plain text with an HTML alternative: ``lang`` and ``dir`` set for the
language (right to left for Arabic), dates and counts in the portal's one digit
convention, absolute links (``WAGTAILADMIN_BASE_URL``, or the default Site's root URL)
to the rater's to-do list or the report."""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from evaluations.models import Assignment, Cycle, Employee, EmployeeResult, Notification, Relationship, Response
from frontend.formatting import format_date, format_number

logger = logging.getLogger(__name__)

Kind = Notification.Kind
Status = Notification.Status

#: How many times a failed email is tried in all before it is left for HR to look at.
MAX_ATTEMPTS = 5


# --- what a message says ----------------------------------------------------------------


@dataclass
class Link:
    text: str
    url: str = ""


@dataclass
class Block:
    """A paragraph, optionally followed by a list."""

    text: str
    items: list[Link] = field(default_factory=list)


@dataclass
class EmailContent:
    subject: str
    greeting: str
    blocks: list[Block]
    action_label: str
    action_url: str

    def as_text(self, footer: str) -> str:
        lines = [self.greeting, ""]
        for block in self.blocks:
            lines.append(block.text)
            for item in block.items:
                lines.append(f"- {item.text}" + (f": {item.url}" if item.url else ""))
            lines.append("")
        lines += [f"{self.action_label}: {self.action_url}", "", "-- ", footer, ""]
        return "\n".join(lines)


@dataclass
class DeliveryReport:
    """What one sending run did, by employee ID."""

    kind: str
    cycle: str
    key: str = ""
    sent: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    already_sent: list[str] = field(default_factory=list)
    would_send: list[str] = field(default_factory=list)
    no_email: list[str] = field(default_factory=list)
    inactive: list[str] = field(default_factory=list)


def recipient_language(employee: Employee) -> str:
    """The employee's preferred language, else the portal's default language."""
    codes = {code for code, _name in settings.LANGUAGES}
    for candidate in (employee.preferred_language, settings.LANGUAGE_CODE):
        if candidate and candidate[:2] in codes:
            return candidate[:2]
    return "ar"


def recipient_address(employee: Employee) -> str:
    """The employee's email, else their portal account's."""
    if employee.email:
        return employee.email
    user = employee.user if employee.user_id else None
    return user.email if user is not None and user.is_active else ""


def absolute_url(path: str) -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    if not base:
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
        base = site.root_url if site is not None else ""
    return base.rstrip("/") + path


def _todo_url() -> str:
    return absolute_url(reverse("evaluations:todo"))


def _report_url(cycle: Cycle, employee_id: str) -> str:
    return absolute_url(reverse("evaluations:report", kwargs={"cycle_slug": cycle.slug, "employee_id": employee_id}))


def _footer() -> str:
    return _("This message was sent by Tamayuz, the customer-service excellence portal. Please do not reply to it.")


def build_message(*, content: EmailContent, language: str, to: str, connection=None) -> EmailMultiAlternatives:
    """The email, rendered in the active language (the caller's ``translation.override``)."""
    direction = "rtl" if translation.get_language_info(language)["bidi"] else "ltr"
    footer = _footer()
    html = render_to_string(
        "evaluations/email/message.html",
        {"content": content, "language": language, "direction": direction, "footer": footer},
    )
    message = EmailMultiAlternatives(
        subject=content.subject,
        body=content.as_text(footer),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        connection=connection,
        headers={"Content-Language": language, "Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(html, "text/html")
    return message


def _greeting(employee: Employee, language: str) -> str:
    return _("Dear %(name)s,") % {"name": employee.localized_name(language)}


def _whom(assignment: Assignment, language: str) -> str:
    """The person to evaluate, named in the rater's language, with how they relate."""
    if assignment.relationship == Relationship.SELF:
        return _("Your self-evaluation")
    role = {
        Relationship.SUPERVISOR: _("a member of your team"),
        Relationship.SUBORDINATE: _("your supervisor"),
        Relationship.PEER: _("a colleague"),
    }.get(assignment.relationship, "")
    return _("%(name)s (%(role)s)") % {"name": assignment.ratee.localized_name(language), "role": role}


def _sorted_whom(assignments: Iterable[Assignment], language: str) -> list[Link]:
    ordered = sorted(
        assignments,
        key=lambda a: (a.relationship != Relationship.SELF, a.ratee.localized_name(language)),
    )
    return [Link(_whom(assignment, language)) for assignment in ordered]


def invitation_content(*, cycle: Cycle, rater: Employee, assignments: list[Assignment], language: str) -> EmailContent:
    name = cycle.localized_name(language)
    count = len(assignments)
    due = format_date(cycle.closes_on, language=language)
    return EmailContent(
        subject=_("Your evaluations in “%(cycle)s”") % {"cycle": name},
        greeting=_greeting(rater, language),
        blocks=[
            Block(
                ngettext(
                    "The 360° evaluation cycle “%(cycle)s” has opened. You are asked to write %(count)s evaluation:",
                    "The 360° evaluation cycle “%(cycle)s” has opened. You are asked to write %(count)s evaluations:",
                    count,
                )
                % {"cycle": name, "count": format_number(count, language)},
                _sorted_whom(assignments, language),
            ),
            Block(
                _(
                    "Please submit them by %(date)s. You can save a draft and come back to it "
                    "at any time before that date."
                )
                % {"date": due}
            ),
            Block(
                _(
                    "Your answers about colleagues are never shown one by one: they count only in "
                    "groups large enough to keep you anonymous."
                )
            ),
        ],
        action_label=_("Open my evaluations"),
        action_url=_todo_url(),
    )


def assignment_content(*, cycle: Cycle, rater: Employee, assignment: Assignment, language: str) -> EmailContent:
    """The notice of one evaluation given to ``rater`` after the cycle opened."""
    name = cycle.localized_name(language)
    due = format_date(cycle.closes_on, language=language)
    return EmailContent(
        subject=_("A new evaluation for you in “%(cycle)s”") % {"cycle": name},
        greeting=_greeting(rater, language),
        blocks=[
            Block(
                _("You are now asked to write one more evaluation in the 360° evaluation cycle “%(cycle)s”:")
                % {"cycle": name},
                [Link(_whom(assignment, language))],
            ),
            Block(
                _(
                    "Please submit it by %(date)s. You can save a draft and come back to it "
                    "at any time before that date."
                )
                % {"date": due}
            ),
            Block(
                _(
                    "Your answers about colleagues are never shown one by one: they count only in "
                    "groups large enough to keep you anonymous."
                )
            ),
        ],
        action_label=_("Open my evaluations"),
        action_url=_todo_url(),
    )


def reminder_content(
    *, cycle: Cycle, rater: Employee, assignments: list[Assignment], language: str, today
) -> EmailContent:
    name = cycle.localized_name(language)
    count = len(assignments)
    due = format_date(cycle.closes_on, language=language)
    days_left = (cycle.closes_on - today).days
    if days_left <= 0:
        closing = _("The cycle closes today, %(date)s.") % {"date": due}
    else:
        closing = ngettext(
            "The cycle closes on %(date)s, in %(count)s day.",
            "The cycle closes on %(date)s, in %(count)s days.",
            days_left,
        ) % {"date": due, "count": format_number(days_left, language)}
    return EmailContent(
        subject=_("Reminder: evaluations to submit in “%(cycle)s” by %(date)s") % {"cycle": name, "date": due},
        greeting=_greeting(rater, language),
        blocks=[
            Block(
                ngettext(
                    "You still have %(count)s evaluation to submit in “%(cycle)s”:",
                    "You still have %(count)s evaluations to submit in “%(cycle)s”:",
                    count,
                )
                % {"cycle": name, "count": format_number(count, language)},
                _sorted_whom(assignments, language),
            ),
            Block(closing),
            Block(_("Drafts you saved are kept. Once submitted, an evaluation can no longer be changed.")),
        ],
        action_label=_("Open my evaluations"),
        action_url=_todo_url(),
    )


def release_content(
    *, cycle: Cycle, employee: Employee, own: EmployeeResult | None, team: list[EmployeeResult], language: str
) -> EmailContent:
    name = cycle.localized_name(language)
    blocks: list[Block] = []
    if own is not None:
        subject = _("Your 360° evaluation report for “%(cycle)s” is available") % {"cycle": name}
        blocks.append(
            Block(
                _(
                    "The reports of the cycle “%(cycle)s” have been released. Your report shows your results "
                    "by competency and by rater group, and what to read next."
                )
                % {"cycle": name}
            )
        )
        action_label, action_url = _("Read my report"), _report_url(cycle, employee.employee_id)
    else:
        subject = _("Your team's reports for “%(cycle)s” are available") % {"cycle": name}
        action_label, action_url = _("Open my team's page"), absolute_url(reverse("evaluations:team"))
    if team:
        ordered = sorted(team, key=lambda result: result.localized_name(language))
        blocks.append(
            Block(
                ngettext(
                    "The report of %(count)s of your direct reports is now available to you:",
                    "The reports of %(count)s of your direct reports are now available to you:",
                    len(ordered),
                )
                % {"count": format_number(len(ordered), language)},
                [
                    Link(result.localized_name(language), _report_url(cycle, result.employee.employee_id))
                    for result in ordered
                ],
            )
        )
        blocks.append(
            Block(
                _(
                    "Please discuss each report with its owner. Comments are anonymised and no rater's "
                    "individual answers are ever shown."
                )
            )
        )
    return EmailContent(
        subject=subject,
        greeting=_greeting(employee, language),
        blocks=blocks,
        action_label=action_label,
        action_url=action_url,
    )


# --- sending once ---------------------------------------------------------------------------


def _claim(*, kind: str, cycle: Cycle, employee: Employee, key: str, email: str, language: str) -> bool:
    """Insert the notification's row first (or take back a failed one): True when this run
    owns the sending, False when another run has sent it, is sending it or gave up."""
    try:
        with transaction.atomic():
            Notification.objects.create(
                kind=kind, cycle=cycle, employee=employee, key=key, email=email, language=language
            )
        return True
    except IntegrityError:
        pass
    retaken = Notification.objects.filter(
        kind=kind, cycle=cycle, employee=employee, key=key, status=Status.FAILED, attempts__lt=MAX_ATTEMPTS
    ).update(status=Status.SENDING, attempts=F("attempts") + 1, error="", email=email, language=language)
    return retaken == 1


def _was_sent(*, kind: str, cycle: Cycle, employee: Employee, key: str) -> bool:
    return (
        Notification.objects.filter(kind=kind, cycle=cycle, employee=employee, key=key)
        .exclude(status=Status.FAILED, attempts__lt=MAX_ATTEMPTS)
        .exists()
    )


class _Sender:
    """Sends a run's emails over one connection and records each outcome."""

    def __init__(self, report: DeliveryReport, *, dry_run: bool = False):
        self.report = report
        self.dry_run = dry_run
        self.connection = None

    def __enter__(self) -> _Sender:
        if not self.dry_run:
            self.connection = get_connection()
            try:
                self.connection.open()
            except Exception:  # each message tries again and is recorded as failed
                logger.exception("Could not connect to the mail server")
        return self

    def __exit__(self, *exc_info) -> None:
        if self.connection is not None:
            try:
                self.connection.close()
            except Exception:
                logger.exception("Could not close the mail connection")

    def recipient(self, employee: Employee) -> str | None:
        if not employee.is_active:
            self.report.inactive.append(employee.employee_id)
            return None
        address = recipient_address(employee)
        if not address:
            self.report.no_email.append(employee.employee_id)
            return None
        return address

    def send(self, *, cycle: Cycle, employee: Employee, compose: Callable[..., EmailContent]) -> None:
        address = self.recipient(employee)
        if address is None:
            return
        kind, key = self.report.kind, self.report.key
        language = recipient_language(employee)
        if self.dry_run:
            if _was_sent(kind=kind, cycle=cycle, employee=employee, key=key):
                self.report.already_sent.append(employee.employee_id)
            else:
                self.report.would_send.append(employee.employee_id)
            return
        if not _claim(kind=kind, cycle=cycle, employee=employee, key=key, email=address, language=language):
            self.report.already_sent.append(employee.employee_id)
            return
        rows = Notification.objects.filter(kind=kind, cycle=cycle, employee=employee, key=key)
        try:
            with translation.override(language):
                message = build_message(
                    content=compose(language=language), language=language, to=address, connection=self.connection
                )
            message.send()
        except Exception as error:
            logger.exception("Could not email %s (%s %s) about cycle %s", employee.employee_id, kind, key, cycle.slug)
            rows.update(status=Status.FAILED, error=f"{type(error).__name__}: {error}"[:2000])
            self.report.failed.append(employee.employee_id)
        else:
            rows.update(status=Status.SENT, sent_at=timezone.now())
            self.report.sent.append(employee.employee_id)


def _by_rater(assignments: Iterable[Assignment]) -> dict[int, list[Assignment]]:
    grouped: dict[int, list[Assignment]] = defaultdict(list)
    for assignment in assignments:
        grouped[assignment.rater_id].append(assignment)
    return grouped


def _assignments(cycle: Cycle):
    return (
        Assignment.objects.filter(cycle=cycle, declined_at__isnull=True)
        .select_related("rater__user", "ratee")
        .order_by("rater__employee_id", "pk")
    )


def send_invitations(*, cycle: Cycle, employee_ids: Iterable[int] | None = None) -> DeliveryReport:
    """One invitation per rater of an open cycle (how many evaluations, whom, by when)."""
    report = DeliveryReport(kind=Kind.INVITATION, cycle=cycle.slug)
    if cycle.status != Cycle.Status.OPEN:
        return report
    assignments = _assignments(cycle)
    if employee_ids is not None:
        assignments = assignments.filter(rater_id__in=list(employee_ids))
    with _Sender(report) as sender:
        for rows in _by_rater(assignments).values():
            rater = rows[0].rater
            sender.send(
                cycle=cycle,
                employee=rater,
                compose=partial(invitation_content, cycle=cycle, rater=rater, assignments=rows),
            )
    return report


def _still_to_write(assignment: Assignment) -> bool:
    """The assignment is in an open cycle, neither declined nor submitted."""
    if assignment.cycle.status != Cycle.Status.OPEN or assignment.is_declined:
        return False
    return not Response.objects.filter(assignment=assignment, status=Response.Status.SUBMITTED).exists()


def send_assignment_notice(*, assignment_id: int) -> DeliveryReport:
    """Tell the rater of an assignment made after its cycle opened whom to evaluate and by
    when: once per rater and assignment (the key is the assignment's id), and only while it
    is still theirs to write (removed, given to someone else, declined or submitted
    meanwhile: nothing is sent)."""
    report = DeliveryReport(kind=Kind.ASSIGNMENT, cycle="", key=str(assignment_id))
    assignment = Assignment.objects.select_related("cycle", "rater__user", "ratee").filter(pk=assignment_id).first()
    if assignment is None:
        return report
    cycle = assignment.cycle
    report.cycle = cycle.slug
    if not _still_to_write(assignment):
        return report
    with _Sender(report) as sender:
        sender.send(
            cycle=cycle,
            employee=assignment.rater,
            compose=partial(assignment_content, cycle=cycle, rater=assignment.rater, assignment=assignment),
        )
    return report


def _retry_assignment_notices() -> list[DeliveryReport]:
    """Send again the failed notices of new assignments still to write; a failed notice
    whose assignment was removed, changed hands, was declined or submitted meanwhile has
    nothing left to say and is dropped (it was never delivered)."""
    reports = []
    rows = Notification.objects.filter(status=Status.FAILED, attempts__lt=MAX_ATTEMPTS, kind=Kind.ASSIGNMENT)
    for pk, employee_id, key in rows.order_by("pk").values_list("pk", "employee_id", "key"):
        assignment = Assignment.objects.select_related("cycle").filter(pk=int(key)).first() if key.isdigit() else None
        if assignment is None or assignment.rater_id != employee_id or not _still_to_write(assignment):
            Notification.objects.filter(pk=pk, status=Status.FAILED).delete()
            continue
        reports.append(send_assignment_notice(assignment_id=assignment.pk))
    return reports


def reminder_day_due(cycle: Cycle, today: datetime.date) -> int | None:
    """The latest of the cycle's reminder days reached on ``today`` (days before the close
    date), or None. Reminder days that fell before the cycle opened are not reminders (the
    invitation said it all); several days missed give only the latest one."""
    days_left = (cycle.closes_on - today).days
    if days_left < 0:
        return None
    opened = timezone.localdate(cycle.opened_at) if cycle.opened_at else None
    reached = [
        day
        for day in set(cycle.reminder_days or [])
        if days_left <= day and (opened is None or cycle.closes_on - datetime.timedelta(days=day) > opened)
    ]
    return min(reached) if reached else None


def pending_assignments(cycle: Cycle):
    """Assignments of the cycle neither declined nor submitted."""
    return _assignments(cycle).exclude(response__status=Response.Status.SUBMITTED)


def send_reminders(*, now: datetime.datetime | None = None, dry_run: bool = False) -> list[DeliveryReport]:
    """For every open cycle on one of its reminder days, remind each rater with pending
    evaluations, once per (cycle, rater, reminder day)."""
    now = now or timezone.now()
    today = timezone.localdate(now) if timezone.is_aware(now) else now.date()
    reports: list[DeliveryReport] = []
    for cycle in Cycle.objects.filter(status=Cycle.Status.OPEN).order_by("closes_on", "slug"):
        day = reminder_day_due(cycle, today)
        if day is None:
            continue
        report = DeliveryReport(kind=Kind.REMINDER, cycle=cycle.slug, key=str(day))
        with _Sender(report, dry_run=dry_run) as sender:
            for rows in _by_rater(pending_assignments(cycle)).values():
                rater = rows[0].rater
                sender.send(
                    cycle=cycle,
                    employee=rater,
                    compose=partial(reminder_content, cycle=cycle, rater=rater, assignments=rows, today=today),
                )
        reports.append(report)
    return reports


def send_release_notices(*, cycle: Cycle, employee_ids: Iterable[int] | None = None) -> DeliveryReport:
    """Every employee with a report of a released cycle is told it is there; supervisors are
    also told their direct reports' reports are (one email each)."""
    report = DeliveryReport(kind=Kind.RELEASE, cycle=cycle.slug)
    if cycle.status != Cycle.Status.RELEASED:
        return report
    results = list(
        EmployeeResult.objects.filter(cycle=cycle).select_related("employee__user", "employee__supervisor__user")
    )
    own = {result.employee_id: result for result in results}
    team: dict[int, list[EmployeeResult]] = defaultdict(list)
    people: dict[int, Employee] = {}
    for result in results:
        people[result.employee_id] = result.employee
        supervisor = result.employee.supervisor
        if supervisor is not None:
            team[supervisor.pk].append(result)
            people.setdefault(supervisor.pk, supervisor)
    wanted = set(employee_ids) if employee_ids is not None else None
    with _Sender(report) as sender:
        for pk, employee in sorted(people.items(), key=lambda entry: entry[1].employee_id):
            if wanted is not None and pk not in wanted:
                continue
            sender.send(
                cycle=cycle,
                employee=employee,
                compose=partial(
                    release_content, cycle=cycle, employee=employee, own=own.get(pk), team=team.get(pk, [])
                ),
            )
    return report


def retry_failed() -> list[DeliveryReport]:
    """Send again the invitations, release notices and notices of new assignments that
    failed (a reminder that failed is retried by :func:`send_reminders` while its day is
    still the current one)."""
    failed: dict[tuple[str, int], set[int]] = defaultdict(set)
    rows = Notification.objects.filter(
        status=Status.FAILED, attempts__lt=MAX_ATTEMPTS, kind__in=[Kind.INVITATION, Kind.RELEASE]
    ).values_list("kind", "cycle_id", "employee_id")
    for kind, cycle_id, employee_id in rows:
        failed[(kind, cycle_id)].add(employee_id)
    reports = []
    for (kind, cycle_id), employee_ids in sorted(failed.items()):
        cycle = Cycle.objects.get(pk=cycle_id)
        if kind == Kind.INVITATION:
            reports.append(send_invitations(cycle=cycle, employee_ids=employee_ids))
        else:
            reports.append(send_release_notices(cycle=cycle, employee_ids=employee_ids))
    return reports + _retry_assignment_notices()


# --- after a cycle's transaction commits ----------------------------------------------------


def _run_safely(send: Callable[..., DeliveryReport], cycle_id: int) -> None:
    try:
        cycle = Cycle.objects.get(pk=cycle_id)
        report = send(cycle=cycle)
    except Exception:  # the cycle has committed; a mail problem must never surface as its failure
        logger.exception("Could not send the emails of cycle %s", cycle_id)
        return
    if report.failed:
        logger.warning(
            "%s emails of cycle %s failed for %s; send_reminders retries them",
            report.kind,
            report.cycle,
            ", ".join(report.failed),
        )


def invite_after_commit(cycle: Cycle) -> None:
    transaction.on_commit(partial(_run_safely, send_invitations, cycle.pk), robust=True)


def notify_release_after_commit(cycle: Cycle) -> None:
    transaction.on_commit(partial(_run_safely, send_release_notices, cycle.pk), robust=True)


def _notice_safely(assignment_id: int) -> None:
    try:
        report = send_assignment_notice(assignment_id=assignment_id)
    except Exception:  # the assignment has committed; a mail problem must never surface as its failure
        logger.exception("Could not send the notice of assignment %s", assignment_id)
        return
    if report.failed:
        logger.warning(
            "The notice of assignment %s (cycle %s) failed for %s; send_reminders retries it",
            assignment_id,
            report.cycle,
            ", ".join(report.failed),
        )


def notify_assignment_after_commit(assignment: Assignment) -> None:
    """Once the transaction that made ``assignment`` commits, email its rater about it."""
    transaction.on_commit(partial(_notice_safely, assignment.pk), robust=True)
