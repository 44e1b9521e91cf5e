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
    done.extend(_demo_integrity_flags(today))
    done.extend(load_demo_points())
    return done


# --- Anti-gaming: something real on HR's integrity page ---------------------------------

#: A bureau employee whose customers' links (sent by SMS after calls) were all rated from
#: one phone within minutes: a burst.
DEMO_BURST_EMPLOYEE = "CSB-SER-03"
#: A closed pilot cycle of the bureau's call centre in which three colleagues rated one
#: another at the top of the scale while their other colleagues rated them lower: a ring.
DEMO_RING_CYCLE = "demo-cycle-call-centre-pilot"
DEMO_RING_MEMBERS = ("CSB-CAL-02", "CSB-CAL-03", "CSB-CAL-04")
DEMO_RING_OUTSIDERS = ("CSB-CAL-05", "CSB-CAL-06", "CSB-CAL-07")


def _demo_integrity_flags(today: datetime.date) -> list[str]:
    """A burst and a peer ring, each made by the real services from demo data (customer
    ratings through feedback links; a cycle's imported evaluations, then its close), so the
    demo HR account's /awards/integrity/ page has two flags to decide. Each only once."""
    from awards.models import IntegrityFlag

    done = []
    if not IntegrityFlag.objects.filter(kind=IntegrityFlag.Kind.BURST).exists():
        done.extend(_demo_burst())
    done.extend(_demo_peer_ring(today))
    return done


def _demo_burst() -> list[str]:
    from evaluations.customer_feedback import client_fingerprint_for, customer_feedback_token, submit_customer_rating
    from evaluations.models import Employee, FeedbackChannel

    employee = Employee.objects.filter(employee_id=DEMO_BURST_EMPLOYEE, is_active=True).first()
    if employee is None:
        return []
    phone = client_fingerprint_for("demo:one-phone")  # a keyed hash, as for a real address
    start = timezone.now() - datetime.timedelta(hours=2)
    for minute in range(5):  # five links sent after five calls, all rated within five minutes
        link = customer_feedback_token(employee=employee, channel=FeedbackChannel.PHONE, now=start)
        submit_customer_rating(
            token=link.token, overall=5, client_fingerprint=phone, now=start + datetime.timedelta(minutes=minute)
        )
    return [f"burst of ratings flagged: {DEMO_BURST_EMPLOYEE}"]


def _demo_peer_ring(today: datetime.date) -> list[str]:
    from awards.antigaming import flag_peer_rings
    from evaluations.demo import _quality
    from evaluations.models import Cycle, Employee, Item, Unit
    from evaluations.services import close_cycle, create_cycle, import_responses, open_cycle

    done = []
    cycle = Cycle.objects.filter(slug=DEMO_RING_CYCLE).first()
    if cycle is None:
        unit = Unit.objects.filter(agency__slug="civil-service-bureau", slug="call-centre").first()
        people = set(
            Employee.objects.filter(employee_id__in=DEMO_RING_MEMBERS + DEMO_RING_OUTSIDERS).values_list(
                "employee_id", flat=True
            )
        )
        if unit is None or len(people) < len(DEMO_RING_MEMBERS + DEMO_RING_OUTSIDERS):
            return []
        cycle = create_cycle(
            slug=DEMO_RING_CYCLE,
            name_ar="تقييم الزملاء التجريبي: مركز الاتصال",
            name_en="Peer review pilot: call centre",
            opens_on=today - datetime.timedelta(days=60),
            closes_on=today - datetime.timedelta(days=45),
            units=[unit],
            peers_per_employee=0,
            assignment_seed=9,
        )
        open_cycle(cycle=cycle, notify=False)  # demo data: no invitation storm
        codes = list(Item.objects.filter(competency__framework=cycle.framework).values_list("code", flat=True))
        scores: dict[tuple[str, str], int] = {}
        for rater in DEMO_RING_MEMBERS:  # the ring: the top of the scale for one another
            scores |= {(rater, ratee): 5 for ratee in DEMO_RING_MEMBERS if ratee != rater}
        for rater in DEMO_RING_OUTSIDERS:  # everyone else: about what customers think
            scores |= {(rater, ratee): 3 for ratee in DEMO_RING_MEMBERS}
            scores |= {(rater, ratee): round(_quality(None, ratee)) for ratee in DEMO_RING_OUTSIDERS if ratee != rater}
        rows = [
            (
                number,
                {
                    "rater_employee_id": rater,
                    "ratee_employee_id": ratee,
                    "relationship": "peer",
                    "item_code": code,
                    "score": str(score),
                },
            )
            for number, ((rater, ratee), score, code) in enumerate(
                ((pair, score, code) for pair, score in scores.items() for code in codes), start=2
            )
        ]
        import_responses(cycle=cycle, rows=rows)
        cycle = close_cycle(cycle=cycle)  # the ring is flagged once the close commits
        done.append(f"closed cycle: {DEMO_RING_CYCLE}")
    if cycle.status not in (Cycle.Status.CLOSED, Cycle.Status.RELEASED):
        return []
    # Inside an outer transaction (a test) the close's after-commit check waits; the flag is
    # raised once per ring and cycle whichever runs first.
    return done + [f"peer ring flagged: {flag.subject}" for flag in flag_peer_rings(cycle=cycle)]


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
