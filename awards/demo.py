"""The demo's award seasons: a past season with frozen standings and a current season whose
leaderboard the demo's customer ratings fill, with weekly history (movement, sparklines).
Whatever exists is left alone."""

from __future__ import annotations

import datetime

from django.utils import timezone

from awards.models import Season
from awards.services import create_season, freeze_season, recompute_season, take_snapshots

PAST_SEASON = "demo-season-spring"
CURRENT_SEASON = "demo-season-autumn"
DEMO_STAFF_EMPLOYEE = "CSB-SER-02"


def _history(season: Season, days: list[datetime.date]) -> None:
    zone = timezone.get_current_timezone()
    for day in days:
        until = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
        recompute_season(season=season, until=until)
        take_snapshots(season=season, day=day)
    recompute_season(season=season)


def load_demo_awards(*, today: datetime.date | None = None) -> list[str]:
    from evaluations.demo import PAST_CYCLE
    from evaluations.models import Cycle

    today = today or timezone.localdate()
    cycle = Cycle.objects.filter(slug=PAST_CYCLE, status=Cycle.Status.RELEASED).first()
    done: list[str] = []
    if not Season.objects.filter(slug=PAST_SEASON).exists():
        done.extend(_demo_five_star_ratings(today))
        season = create_season(
            slug=PAST_SEASON,
            name_ar="موسم جائزة خدمة العملاء: الربيع",
            name_en="Customer-service award: spring season",
            starts_on=today - datetime.timedelta(days=120),
            ends_on=today - datetime.timedelta(days=36),
            cycle=cycle,
        )
        _history(season, [season.starts_on + datetime.timedelta(days=7 * week) for week in range(1, 12)])
        freeze_season(season=season)
        done.append(f"frozen season: {PAST_SEASON}")
        done.extend(_demo_winners(season))
    if not Season.objects.filter(slug=CURRENT_SEASON).exists():
        season = create_season(
            slug=CURRENT_SEASON,
            name_ar="موسم جائزة خدمة العملاء: الخريف",
            name_en="Customer-service award: autumn season",
            starts_on=today - datetime.timedelta(days=35),
            ends_on=today + datetime.timedelta(days=55),
            cycle=cycle,
            make_current=True,
        )
        _history(season, [today - datetime.timedelta(days=7 * week) for week in range(4, 0, -1)])
        done.append(f"current season: {CURRENT_SEASON}")
    past = Season.objects.filter(slug=PAST_SEASON, frozen_at__isnull=False).first()
    if past is not None:
        done.extend(_demo_badges(past))
    done.extend(load_demo_points())
    return done


def _demo_five_star_ratings(today: datetime.date) -> list[str]:
    """A hundred more five-star ratings of the demo staff account's employee over the past
    season (before its standings are computed), so its profile shows a badge earned by the
    criterion itself. Only when the past season is being made; never twice."""
    import csv
    import io

    from evaluations.customer_imports import import_customer_feedback
    from evaluations.demo import CUSTOMER_COLUMNS
    from evaluations.models import CustomerRating, Employee

    if CustomerRating.objects.filter(source_ref__startswith="badge-demo-").exists():
        return []
    if not Employee.objects.filter(employee_id=DEMO_STAFF_EMPLOYEE, is_active=True).exists():
        return []
    zone = timezone.get_current_timezone()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CUSTOMER_COLUMNS)
    for index in range(110):
        day = today - datetime.timedelta(days=118 - (index * 80) // 110)
        moment = datetime.datetime.combine(day, datetime.time(9 + index % 7, (index * 7) % 60), tzinfo=zone)
        writer.writerow(
            [f"badge-demo-{DEMO_STAFF_EMPLOYEE}-{index}", DEMO_STAFF_EMPLOYEE, moment.isoformat(), "centre"]
            + [5, 5, 5, 5, 5, ""]
        )
    report = import_customer_feedback(text=buffer.getvalue())
    return [f"five-star ratings for {DEMO_STAFF_EMPLOYEE}: {report.created}"]


#: What the demo HR account writes when it revokes a badge (HR writes in Arabic).
DEMO_REVOKE_REASON = "مُنحت عن طريق الخطأ: أُعيد توزيع تقييمات الموظف بعد إغلاق الدورة."


def _demo_badges(season: Season) -> list[str]:
    """The past season's badges (and its cycle's), granted by their criteria; HR revokes
    one of them with a reason. Idempotent: granting is, and one revocation is enough."""
    from django.contrib.auth import get_user_model

    from awards.badge_models import BadgeAward
    from awards.badges import grant_badges, revoke_badge

    report = grant_badges(season=season, cycle=season.cycle)
    done = [f"badges granted: {report.total}"] if report.total else []
    hr = get_user_model().objects.filter(username="hr").first()
    if hr is not None and not BadgeAward.objects.filter(revoked_at__isnull=False).exists():
        from evaluations.permissions import managed_agencies

        candidate = (
            BadgeAward.objects.filter(employee__unit__agency__in=managed_agencies(hr), revoked_at__isnull=True)
            .exclude(employee__employee_id=DEMO_STAFF_EMPLOYEE)
            .order_by("employee__employee_id", "badge")
            .first()
        )
        if candidate is not None:
            revoke_badge(award=candidate, by=hr, reason=DEMO_REVOKE_REASON)
            done.append(f"badge revoked: {candidate.badge} of {candidate.employee.employee_id}")
    return done


def load_demo_points() -> list[str]:
    """The demo cycles' submitted evaluations hold their raters' points: imported responses
    are settled after their import commits, and this settles whatever is still missing (the
    same entries), so a re-run appends nothing."""
    from awards.points import settle_cycle_points
    from evaluations.demo import OPEN_CYCLE, PAST_CYCLE
    from evaluations.models import Cycle

    done = []
    for cycle in Cycle.objects.filter(slug__in=[PAST_CYCLE, OPEN_CYCLE]):
        appended = settle_cycle_points(cycle_id=cycle.pk)
        if appended:
            done.append(f"rater points: {cycle.slug} +{appended} entries")
    return done


DEMO_CITATIONS = {
    "ar": "تقديرًا لرضا المتعاملين المرتفع والثابت طوال الموسم، ولالتزام الفريق بمعايير ميثاق خدمة العملاء.",
    "en": "For high and steady customer satisfaction all season, and the team's commitment to the charter's standards.",
}


#: The award whose announcement the demo leaves waiting for the reviewer (the others are
#: approved and published); Leadership still has the spring employee and channel awards to
#: approve.
DEMO_AWAITING_REVIEW = "best_unit"


def _demo_winners(season: Season) -> list[str]:
    """Leadership's demo account approves the spring winners of the agency and service-centre
    awards; the demo reviewer approves the agency announcements, which publishes them, and
    leaves the service centre's waiting in the editorial workflow."""
    from django.contrib.auth import get_user_model

    from awards.winners import approve_winner, shortlists

    users = get_user_model().objects
    leader, reviewer = users.filter(username="leadership").first(), users.filter(username="reviewer").first()
    if leader is None or reviewer is None:
        return []
    approved = []
    for shortlist in shortlists(season=season):
        if shortlist.category not in ("best_agency", "best_unit") or shortlist.winner is not None:
            continue
        winner = approve_winner(
            season=season,
            category=shortlist.category,
            band=shortlist.band,
            key=shortlist.candidates[0].key,
            citation_ar=DEMO_CITATIONS["ar"],
            citation_en=DEMO_CITATIONS["en"],
            by=leader,
        )
        if shortlist.category != DEMO_AWAITING_REVIEW:
            for page in (winner.announcement, *winner.announcement.get_translations()):
                _approve_in_workflow(page, reviewer)
        approved.append(f"winner: {shortlist.category} {shortlist.band}")
    return approved


def _approve_in_workflow(page, reviewer) -> None:
    """What a Reviewer's "Approve" does: the last task's approval publishes the page."""
    state = page.current_workflow_state
    while state is not None and state.current_task_state is not None:
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, reviewer, "approve")
        state.refresh_from_db()
        if state.status != state.STATUS_IN_PROGRESS:
            break
