"""Anti-gaming: bursts of customer ratings are discounted and flagged; peer rings are
flagged with their evidence; HR clears or rejects every flag, with a reason, in the audit
log. The detection rules are the pure functions of ``evaluations.scoring``.

Thresholds (documented in README): a burst is more than 3 ratings of one employee from one
device or address within 10 minutes (every rating of the window is discounted); a ring is
3 or more colleagues who all gave one another at least 4.5 while their other raters' mean
is at least 1 point lower (at least 2 outside scores each)."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Avg
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from awards import permissions
from awards.models import IntegrityFlag
from evaluations import scoring
from evaluations.customer_counting import set_customer_ratings_counted
from evaluations.models import CustomerRating, Employee

CLEAR_ACTION = "awards.flag_clear"
REJECT_ACTION = "awards.flag_reject"
RING_ACTION = "awards.flag_ring"


def check_bursts(ratings) -> list[IntegrityFlag]:
    """Look for bursts around newly counted ratings that carry a device/address fingerprint;
    discount and flag what a burst holds (in the caller's transaction)."""
    flags = []
    window = datetime.timedelta(seconds=scoring.DEFAULT_BURST_WINDOW_SECONDS)
    pairs = {(r.employee_id, r.client_fingerprint) for r in ratings if r.counted and r.client_fingerprint}
    for employee_id, fingerprint in pairs:
        latest = max(
            r.submitted_at for r in ratings if (r.employee_id, r.client_fingerprint) == (employee_id, fingerprint)
        )
        # Ratings already discounted stay in the window: a burst goes on being one.
        recent = list(
            CustomerRating.objects.filter(
                employee_id=employee_id,
                client_fingerprint=fingerprint,
                submitted_at__gte=latest - window,
                submitted_at__lte=latest,
            ).values_list("pk", "submitted_at", "counted")
        )
        if len(recent) <= scoring.DEFAULT_BURST_MAX_PER_SOURCE:
            continue
        indexes = scoring.detect_bursts([(employee_id, fingerprint, row[1].timestamp()) for row in recent])
        ids = sorted(recent[index][0] for index in indexes if recent[index][2])
        if not ids:
            continue
        employee = Employee.objects.select_related("unit").get(pk=employee_id)
        set_customer_ratings_counted(rating_ids=ids, counted=False)
        flag = IntegrityFlag.objects.filter(
            kind=IntegrityFlag.Kind.BURST,
            status=IntegrityFlag.Status.OPEN,
            subject=employee.employee_id,
            evidence__fingerprint=fingerprint[:12],
        ).first()
        if flag is None:
            flag = IntegrityFlag(
                kind=IntegrityFlag.Kind.BURST,
                agency_id=employee.unit.agency_id,
                subject=employee.employee_id,
                evidence={"fingerprint": fingerprint[:12], "window_seconds": int(window.total_seconds())},
            )
        flag.rating_ids = sorted(set(flag.rating_ids) | set(ids))
        flag.evidence = {**flag.evidence, "ratings": len(flag.rating_ids), "last": latest.isoformat()}
        flag.save()
        flags.append(flag)
    return flags


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
    if flag.kind == IntegrityFlag.Kind.BURST:
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
