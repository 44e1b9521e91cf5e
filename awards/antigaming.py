"""Anti-gaming: bursts of customer ratings and probable self-ratings are discounted and
flagged; peer rings are flagged with their evidence; HR clears or rejects every flag, with a
reason, in the audit log. The detection rules are the pure functions of
``evaluations.scoring`` (``burst_source``, ``detect_bursts``, ``is_probable_self_rating``,
``detect_peer_ring``, ``summarise_ring``); this module applies them to the data.

Thresholds (documented in README): a burst is more than 3 ratings of one employee from one
device or address within 10 minutes (every rating of the window is discounted), where a
single-use link the counter's "next customer" screen issued is one visit and never grouped
by address; a probable self-rating comes from an address the rated employee's own account
signed in from, unless 3 or more accounts signed in from it (a shared network); a ring is 3
or more colleagues who all gave one another at least 4.5 while their other raters' mean is
at least 1 point lower (at least 2 outside scores each).

A discounted rating counts nowhere (tallies, standings, badges: they all read only counted
ratings) until HR clears its flag; a rating is held by at most one flag."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Avg, Max
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from awards import permissions
from awards.badge_models import SignInFingerprint
from awards.models import IntegrityFlag, Season
from evaluations import scoring
from evaluations.customer_counting import set_customer_ratings_counted
from evaluations.models import CustomerFeedbackLink, CustomerRating, Employee
from portal.db.compiled import CompiledSelect

CLEAR_ACTION = "awards.flag_clear"
REJECT_ACTION = "awards.flag_reject"
RING_ACTION = "awards.flag_ring"

#: The kinds of flag that hold discounted ratings (clearing one counts them again).
DISCOUNTING_KINDS = (IntegrityFlag.Kind.BURST, IntegrityFlag.Kind.SELF_RATING)


def check_new_ratings(ratings: Iterable[CustomerRating]) -> list[IntegrityFlag]:
    """Anti-gaming for ratings that just started counting (in the rating's transaction):
    probable self-ratings first, then bursts among the rest, so a rating is held by at
    most one flag."""
    fresh = [rating for rating in ratings if rating.counted and rating.client_fingerprint]
    if not fresh:
        return []
    flags = check_self_ratings(fresh)
    held = {pk for flag in flags for pk in flag.rating_ids}
    return flags + check_bursts([rating for rating in fresh if rating.pk not in held])


def _is_counter_visit(rating: CustomerRating) -> bool:
    if rating.link_id is None:
        return False
    if CustomerRating.link.is_cached(rating):  # the submission's own link: no query
        return rating.link.is_counter_visit
    return CustomerFeedbackLink.objects.filter(pk=rating.link_id, origin=CustomerFeedbackLink.Origin.COUNTER).exists()


def _ratings_in_burst_window(*, employee_id, fingerprint, since, until):
    """(pk, submitted_at, counted) of the employee's ratings from ``fingerprint`` in the
    window. Ratings already discounted stay in: a burst goes on being one. Counter visits
    are left out, as ``scoring.burst_source`` says."""
    return (
        CustomerRating.objects.filter(
            employee_id=employee_id, client_fingerprint=fingerprint, submitted_at__gte=since, submitted_at__lte=until
        )
        .exclude(link__origin=CustomerFeedbackLink.Origin.COUNTER)
        .order_by()
        .values_list("pk", "submitted_at", "counted")
    )


#: Run for every rating that arrives, so written once (``portal.db.compiled``).
_RATINGS_IN_BURST_WINDOW = CompiledSelect(
    _ratings_in_burst_window, employee_id=int, fingerprint=str, since=datetime.datetime, until=datetime.datetime
)


def check_bursts(ratings) -> list[IntegrityFlag]:
    """Look for bursts around newly counted ratings, by their burst source
    (``scoring.burst_source``); discount and flag what a burst holds (in the caller's
    transaction)."""
    flags = []
    window = datetime.timedelta(seconds=scoring.DEFAULT_BURST_WINDOW_SECONDS)
    latest_by_pair: dict[tuple[int, str], datetime.datetime] = {}
    for rating in ratings:
        if not rating.counted:
            continue
        source = scoring.burst_source(
            address_fingerprint=rating.client_fingerprint,
            counter_visit=bool(rating.client_fingerprint) and _is_counter_visit(rating),
        )
        if source is None:
            continue
        pair = (rating.employee_id, source)
        latest_by_pair[pair] = max(rating.submitted_at, latest_by_pair.get(pair, rating.submitted_at))
    for (employee_id, fingerprint), latest in latest_by_pair.items():
        recent = _RATINGS_IN_BURST_WINDOW.rows(
            employee_id=employee_id, fingerprint=fingerprint, since=latest - window, until=latest
        )
        if len(recent) <= scoring.DEFAULT_BURST_MAX_PER_SOURCE:
            continue
        indexes = scoring.detect_bursts([(employee_id, fingerprint, row[1].timestamp()) for row in recent])
        ids = sorted(recent[index][0] for index in indexes if recent[index][2])
        if not ids:
            continue
        flags.append(
            _discount_and_flag(
                kind=IntegrityFlag.Kind.BURST,
                employee_id=employee_id,
                fingerprint=fingerprint,
                rating_ids=ids,
                latest=latest,
                evidence={"window_seconds": int(window.total_seconds())},
            )
        )
    return flags


def _discount_and_flag(
    *, kind: str, employee_id: int, fingerprint: str, rating_ids: list[int], latest, evidence: dict
) -> IntegrityFlag:
    """Discount ``rating_ids`` and hold them in the open flag of this kind, employee and
    address (a new one if none is open). Evidence: a prefix of the address's keyed hash,
    the number of ratings held and the latest one's time; never a rating's answers."""
    employee = Employee.objects.select_related("unit").get(pk=employee_id)
    set_customer_ratings_counted(rating_ids=rating_ids, counted=False)
    flag = IntegrityFlag.objects.filter(
        kind=kind,
        status=IntegrityFlag.Status.OPEN,
        subject=employee.employee_id,
        evidence__fingerprint=fingerprint[:12],
    ).first()
    if flag is None:
        flag = IntegrityFlag(
            kind=kind,
            agency_id=employee.unit.agency_id,
            subject=employee.employee_id,
            evidence={"fingerprint": fingerprint[:12], **evidence},
        )
    flag.rating_ids = sorted(set(flag.rating_ids) | set(rating_ids))
    last = max(latest, datetime.datetime.fromisoformat(flag.evidence["last"])) if "last" in flag.evidence else latest
    flag.evidence = {**flag.evidence, "ratings": len(flag.rating_ids), "last": last.isoformat()}
    flag.save()
    return flag


# --- Self-ratings ------------------------------------------------------------------------


def record_sign_in(*, user, address: str) -> None:
    """Keep the keyed hash of the address ``user`` signed in from (never the address). An
    address new for this user may reveal earlier self-ratings: those of the open seasons
    are checked now."""
    from evaluations.customer_feedback import client_fingerprint_for

    if not address or not getattr(user, "pk", None):
        return
    fingerprint = client_fingerprint_for(address)
    _sign_in, created = SignInFingerprint.objects.update_or_create(
        user=user, fingerprint=fingerprint, defaults={"last_seen": timezone.now()}
    )
    if created:
        check_self_ratings(
            _open_season_ratings().filter(employee__user=user, client_fingerprint=fingerprint, counted=True)
        )


def _open_season_ratings():
    """Ratings a frozen season's standings do not hold (those never change)."""
    frozen_until = Season.objects.filter(frozen_at__isnull=False).aggregate(last=Max("ends_on"))["last"]
    ratings = CustomerRating.objects.all()
    if frozen_until is not None:
        ratings = ratings.filter(submitted_at__date__gt=frozen_until)
    return ratings


_ACCOUNTS_SIGNED_IN_FROM = CompiledSelect(
    lambda fingerprint: (
        SignInFingerprint.objects.filter(fingerprint=fingerprint).order_by().values_list("fingerprint", "user_id")
    ),
    fingerprint=str,
)


def probable_self_rating_ids(ratings: Iterable[CustomerRating]) -> list[int]:
    """The counted ratings among ``ratings`` that ``scoring.is_probable_self_rating``
    calls self-ratings: the one rule, used when a rating arrives, when a staff member signs
    in from a new address and by ``manage.py awards flags``. One query when no rating came
    from an address staff signed in from (the usual case), two otherwise."""
    candidates = [rating for rating in ratings if rating.counted and rating.client_fingerprint]
    if not candidates:
        return []
    accounts: dict[str, set[int]] = defaultdict(set)
    fingerprints = {rating.client_fingerprint for rating in candidates}
    if len(fingerprints) == 1:  # a customer's submission: the usual case, its SQL written once
        rows = _ACCOUNTS_SIGNED_IN_FROM.rows(fingerprint=next(iter(fingerprints)))
    else:
        rows = SignInFingerprint.objects.filter(fingerprint__in=fingerprints).values_list("fingerprint", "user_id")
    for fingerprint, user_id in rows:
        accounts[fingerprint].add(user_id)
    candidates = [rating for rating in candidates if rating.client_fingerprint in accounts]
    if not candidates:
        return []
    owners = dict(
        Employee.objects.filter(pk__in={rating.employee_id for rating in candidates}).values_list("pk", "user_id")
    )
    return sorted(
        rating.pk
        for rating in candidates
        if scoring.is_probable_self_rating(
            employee_account=owners.get(rating.employee_id),
            accounts_signed_in_from_address=accounts[rating.client_fingerprint],
        )
    )


def check_self_ratings(ratings: Iterable[CustomerRating]) -> list[IntegrityFlag]:
    """Discount the probable self-ratings among ``ratings`` and flag them for HR, one open
    flag per employee and address (in the caller's transaction)."""
    ratings = list(ratings)
    ids = set(probable_self_rating_ids(ratings))
    groups: dict[tuple[int, str], list[CustomerRating]] = defaultdict(list)
    for rating in ratings:
        if rating.pk in ids:
            groups[(rating.employee_id, rating.client_fingerprint)].append(rating)
    return [
        _discount_and_flag(
            kind=IntegrityFlag.Kind.SELF_RATING,
            employee_id=employee_id,
            fingerprint=fingerprint,
            rating_ids=sorted(rating.pk for rating in group),
            latest=max(rating.submitted_at for rating in group),
            evidence={},
        )
        for (employee_id, fingerprint), group in sorted(groups.items())
    ]


@transaction.atomic
def sweep_self_ratings() -> list[IntegrityFlag]:
    """Apply the self-rating rule to every counted rating of the open seasons (ratings
    taken before the rule, or before a sign-in was recorded)."""
    ratings = (
        _open_season_ratings()
        .filter(counted=True)
        .exclude(client_fingerprint="")
        .filter(client_fingerprint__in=SignInFingerprint.objects.values("fingerprint"))
        .only("pk", "employee_id", "client_fingerprint", "submitted_at", "counted")
    )
    return check_self_ratings(ratings)


def _decide(*, flag: IntegrityFlag, by, reason: str, status: str, action: str) -> IntegrityFlag:
    if not permissions.can_review_flag(by, flag):
        raise PermissionDenied(_("Only HR of the agency concerned reviews this flag."))
    if flag.status != IntegrityFlag.Status.OPEN:
        raise ValidationError(_("This flag was already decided."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for your decision."))
    flag.status, flag.decided_by, flag.decided_at, flag.reason = status, by, timezone.now(), reason.strip()
    flag.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    log(instance=flag, action=action, user=by, data={"reason": flag.reason, "ratings": len(flag.rating_ids)})
    return flag


@transaction.atomic
def clear_flag(*, flag: IntegrityFlag, by, reason: str) -> IntegrityFlag:
    """HR found nothing wrong: the discounted ratings count again."""
    flag = _decide(flag=flag, by=by, reason=reason, status=IntegrityFlag.Status.CLEARED, action=CLEAR_ACTION)
    if flag.kind in DISCOUNTING_KINDS:
        set_customer_ratings_counted(rating_ids=flag.rating_ids, counted=True)
    return flag


@transaction.atomic
def reject_flag(*, flag: IntegrityFlag, by, reason: str) -> IntegrityFlag:
    """HR confirms the gaming: the ratings stay discounted."""
    return _decide(flag=flag, by=by, reason=reason, status=IntegrityFlag.Status.REJECTED, action=REJECT_ACTION)


@transaction.atomic
def flag_peer_rings(*, cycle) -> list[IntegrityFlag]:
    """Look for rating rings among a closed cycle's submitted peer evaluations and flag each
    new one for HR of the agency of its members (of its first member, should a ring span
    agencies), once per ring and cycle. Runs after a cycle's close commits (``awards.apps``)
    and from ``manage.py awards flags``.

    Privacy. Nobody, HR included, may see one peer's answers, so the evidence is aggregate
    (``scoring.summarise_ring``): who is in the ring, how many evaluations and raters lie
    inside and outside it, and the ring's pooled means inside and outside, each only when it
    pools at least the cycle's peer anonymity threshold of raters. No pair's score and no
    member's own means are stored or shown. What the flag cannot avoid saying is the rule it
    found met (every member gave every other member at least 4.5; everyone else's mean for
    each of them is at least 1 point lower): that is the finding the issue asks HR to review."""
    from evaluations.models import Answer

    rows = (
        Answer.objects.filter(
            response__cycle=cycle, response__status="submitted", response__relationship="peer", score__isnull=False
        )
        .values_list("response__rater__employee_id", "response__ratee__employee_id")
        .annotate(mean=Avg("score"))
        .order_by()
    )
    scores = [(rater, ratee, float(mean)) for rater, ratee, mean in rows]
    min_raters = int((cycle.thresholds or {}).get("peer", scoring.DEFAULT_THRESHOLDS["peer"]))
    flags = []
    for ring in scoring.detect_peer_ring(scores):
        members = ",".join(ring.members)
        already = IntegrityFlag.objects.filter(
            kind=IntegrityFlag.Kind.PEER_RING, subject=members, evidence__cycle=cycle.slug
        ).exists()
        if already:
            continue
        summary = scoring.summarise_ring(ring, scores, min_raters=min_raters)
        people = {
            employee.employee_id: employee
            for employee in Employee.objects.filter(employee_id__in=ring.members).select_related("unit")
        }
        flag = IntegrityFlag.objects.create(
            kind=IntegrityFlag.Kind.PEER_RING,
            agency_id=people[ring.members[0]].unit.agency_id,
            subject=members,
            evidence={
                "cycle": cycle.slug,
                "members": [
                    {"employee": key, "name_ar": people[key].name_ar, "name_en": people[key].name_en}
                    for key in ring.members
                ],
                "inside": {
                    "evaluations": summary.inside_evaluations,
                    "raters": summary.inside_raters,
                    "mean": _rounded(summary.inside_mean),
                    "at_least": scoring.DEFAULT_RING_TOP_SCORE,
                },
                "outside": {
                    "evaluations": summary.outside_evaluations,
                    "raters": summary.outside_raters,
                    "mean": _rounded(summary.outside_mean),
                    "lower_by_at_least": scoring.DEFAULT_RING_MIN_GAP,
                },
                "min_raters": summary.min_raters,
            },
        )
        log(instance=flag, action=RING_ACTION, user=None, data={"members": members, "cycle": cycle.slug})
        flags.append(flag)
    return flags


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def flag_peer_rings_after_commit(*, cycle) -> None:
    """Look for rings once the transaction that closed ``cycle`` has committed (a failure
    here never undoes the close)."""
    transaction.on_commit(lambda: flag_peer_rings(cycle=cycle))
