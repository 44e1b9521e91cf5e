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
        subject, agency_id = Employee.objects.filter(pk=employee_id).values_list("employee_id", "unit__agency_id").get()
        set_customer_ratings_counted(rating_ids=ids, counted=False)
        flag = IntegrityFlag.objects.filter(
            kind=IntegrityFlag.Kind.BURST,
            status=IntegrityFlag.Status.OPEN,
            subject=subject,
            evidence__fingerprint=fingerprint[:12],
        ).first()
        if flag is None:
            flag = IntegrityFlag(
                kind=IntegrityFlag.Kind.BURST,
                agency_id=agency_id,
                subject=subject,
                evidence={"fingerprint": fingerprint[:12], "window_seconds": int(window.total_seconds())},
            )
        flag.rating_ids = sorted(set(flag.rating_ids) | set(ids))
        flag.evidence = {**flag.evidence, "ratings": len(flag.rating_ids), "last": latest.isoformat()}
        # A burst that goes on adds to its open flag: only these two fields change.
        flag.save(update_fields=None if flag._state.adding else ["rating_ids", "evidence"])
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
    """Look for rating rings among a cycle's submitted peer evaluations and flag each (with
    the evidence: each member's mean from inside and from outside the ring)."""
    from evaluations.models import Answer

    rows = (
        Answer.objects.filter(
            response__cycle=cycle, response__status="submitted", response__relationship="peer", score__isnull=False
        )
        .values_list("response__rater__employee_id", "response__ratee__employee_id")
        .annotate(mean=Avg("score"))
    )
    rings = scoring.detect_peer_ring([(rater, ratee, float(mean)) for rater, ratee, mean in rows])
    flags = []
    for ring in rings:
        members = ",".join(ring.members)
        if IntegrityFlag.objects.filter(kind=IntegrityFlag.Kind.PEER_RING, subject=members).exists():
            continue
        agency_id = Employee.objects.filter(employee_id=ring.members[0]).values_list("unit__agency_id", flat=True)[0]
        flags.append(
            IntegrityFlag.objects.create(
                kind=IntegrityFlag.Kind.PEER_RING,
                agency_id=agency_id,
                subject=members,
                evidence={
                    "cycle": cycle.slug,
                    "members": [
                        {
                            "employee": item.member,
                            "inside_mean": round(item.inside_mean, 2),
                            "inside": item.inside_ratings,
                            "outside_mean": round(item.outside_mean, 2),
                            "outside": item.outside_ratings,
                        }
                        for item in ring.evidence
                    ],
                },
            )
        )
        log(instance=flags[-1], action=RING_ACTION, user=None, data={"members": members})
    return flags
