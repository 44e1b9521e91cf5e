"""Badges: granting them by their criteria (``awards.badge_criteria``), HR revoking one with
a reason, the reads behind the profile and verification pages, and the Open Badges 3.0
credential of a badge.

Granting reads each criterion's figures in one grouped query per badge (no query per
employee) and inserts only what is missing: a badge is granted once per season or cycle
(the ``one_badge_per_context`` constraint), and a revoked badge stays in the table, so it
is never granted again automatically."""

from __future__ import annotations

import datetime
import hashlib
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from awards import badge_criteria as criteria
from awards import permissions, status_list
from awards.badge_models import BadgeAward
from awards.categories import ALL_BAND, DISTINGUISHED_EMPLOYEE
from awards.models import Season, StandingSnapshot

GRANT_ACTION = "awards.badges_grant"
REVOKE_ACTION = "awards.badge_revoke"

OB_CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]


def season_context(season: Season) -> str:
    return f"season:{season.pk}"


def cycle_context(cycle) -> str:
    return f"cycle:{cycle.pk}"


# --- Figures per criterion (one grouped query each) ---------------------------------------
# The self-rating rule and the sign-in fingerprints live in ``awards.antigaming``: a probable
# self-rating is discounted there, so the badges, like the standings, read counted ratings.


def _five_star_candidates(season: Season) -> dict[int, dict]:
    from evaluations.models import CustomerRating

    start, end = season.period()
    rows = (
        CustomerRating.objects.submitted_between(start, end)
        .filter(overall=5)
        .values_list("employee_id", "counted")
        .annotate(n=Count("pk"))
        .order_by()
    )
    groups: dict[int, list] = defaultdict(list)
    for employee_id, counted, n in rows:
        groups[employee_id].append((criteria.RatingFact(overall=5, counted=counted), n))
    found = {}
    for employee_id, facts in groups.items():
        count = criteria.five_star_count(facts)
        if criteria.has_hundred_five_stars(count):
            found[employee_id] = {
                "five_star_ratings": count,
                "threshold": criteria.FIVE_STAR_THRESHOLD,
                "excluded_self_or_discounted": sum(n for _fact, n in facts) - count,
            }
    return found


def _top_ten_candidates(season: Season) -> dict[int, dict]:
    from evaluations.models import Employee

    if not season.is_frozen:
        return {}
    final = list(
        StandingSnapshot.objects.filter(
            season=season, category=DISTINGUISHED_EMPLOYEE, band=ALL_BAND, final=True
        ).values_list("key", "rank", "composite", "stars", "ratings")
    )
    ranked_count = sum(1 for row in final if row[1] is not None)
    winners = {row[0]: row for row in final if criteria.in_top_ten_percent(row[1], ranked_count)}
    ids = dict(Employee.objects.filter(employee_id__in=winners).values_list("employee_id", "pk"))
    return {
        ids[key]: {
            "rank": rank,
            "ranked": ranked_count,
            "score": round(composite, 1) if composite is not None else None,
            "stars": stars,
            "ratings": ratings,
        }
        for key, (_key, rank, composite, stars, ratings) in winners.items()
        if key in ids
    }


def _on_time_candidates(cycle) -> dict[int, dict]:
    from evaluations.models import Assignment, Response

    facts: dict[int, list] = defaultdict(list)
    rows = Assignment.objects.filter(cycle=cycle).values_list(
        "rater_id", "declined_at", "response__status", "response__submitted_at"
    )
    for rater_id, declined_at, status, submitted_at in rows:
        submitted_on = (
            timezone.localdate(submitted_at) if status == Response.Status.SUBMITTED and submitted_at else None
        )
        facts[rater_id].append(criteria.AssignmentFact(declined=declined_at is not None, submitted_on=submitted_on))
    return {
        rater_id: {
            "evaluations": sum(1 for a in items if not a.declined),
            "declined": sum(1 for a in items if a.declined),
            "closes_on": cycle.closes_on.isoformat(),
        }
        for rater_id, items in facts.items()
        if criteria.all_on_time(items, cycle.closes_on)
    }


def _strong_360_candidates(cycle) -> dict[int, dict]:
    from evaluations.models import ResultScore
    from evaluations.models.results import OTHERS, OVERALL

    scores: dict[int, dict[str, float | None]] = defaultdict(dict)
    rows = (
        ResultScore.objects.filter(result__cycle=cycle, rater_group=OTHERS)
        .exclude(competency=OVERALL)
        .values_list("result__employee_id", "competency", "score", "shown")
    )
    for employee_id, competency, score, shown in rows:
        scores[employee_id][competency] = score if shown else None
    found = {}
    for employee_id, by_competency in scores.items():
        if criteria.no_competency_below(by_competency):
            shown = [s for s in by_competency.values() if s is not None]
            found[employee_id] = {"lowest": round(min(shown), 2), "competencies": len(shown)}
    return found


# --- Granting -----------------------------------------------------------------------------


@dataclass
class GrantReport:
    granted: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def total(self) -> int:
        return sum(self.granted.values())


def _insert(report: GrantReport, *, badge: str, context: str, found: dict[int, dict], **target) -> None:
    if not found:
        return
    existing = set(
        BadgeAward.objects.filter(badge=badge, context=context, employee_id__in=found).values_list(
            "employee_id", flat=True
        )
    )
    now = timezone.now()
    new = [
        BadgeAward(employee_id=employee_id, badge=badge, context=context, granted_at=now, evidence=evidence, **target)
        for employee_id, evidence in sorted(found.items())
        if employee_id not in existing
    ]
    if not new:
        return
    taken = set(BadgeAward.objects.exclude(status_index=None).values_list("status_index", flat=True))
    granted = 0
    for _attempt in range(STATUS_INDEX_ATTEMPTS):
        indexes = status_list.draw_indexes(len(new), taken=taken)
        for award, index in zip(new, indexes, strict=True):
            award.status_index = index
        # ignore_conflicts: a concurrent run granting the same badge is not an error. It may
        # also have drawn one of these positions: the badges it kept out are drawn again.
        BadgeAward.objects.bulk_create(new, batch_size=500, ignore_conflicts=True)
        stored = set(
            BadgeAward.objects.filter(
                badge=badge, context=context, employee_id__in=[award.employee_id for award in new]
            ).values_list("employee_id", flat=True)
        )
        granted += len(stored)
        new = [award for award in new if award.employee_id not in stored]
        if not new:
            break
        taken.update(indexes)
    else:
        raise RuntimeError("Could not draw free revocation-list positions for the new badges.")
    report.granted[badge] += granted


@transaction.atomic
def grant_badges(*, season: Season | None = None, cycle=None) -> GrantReport:
    """Grant every badge whose criterion is met for ``season`` and/or ``cycle``; with
    neither, for every season and every released cycle. Idempotent."""
    from evaluations.models import Cycle

    report = GrantReport()
    if season is None and cycle is None:
        seasons = list(Season.objects.all())
        cycles = list(Cycle.objects.filter(status=Cycle.Status.RELEASED))
    else:
        seasons = [season] if season is not None else []
        cycles = [cycle] if cycle is not None else []
    for item in seasons:
        _grant_for(
            report,
            item,
            context=season_context(item),
            candidates=(
                (criteria.FIVE_STAR_100, _five_star_candidates),
                (criteria.TOP_TEN_PERCENT, _top_ten_candidates),
            ),
            kind="season",
        )
    for item in cycles:
        if item.status == Cycle.Status.RELEASED:
            _grant_for(
                report,
                item,
                context=cycle_context(item),
                candidates=((criteria.ON_TIME, _on_time_candidates), (criteria.STRONG_360, _strong_360_candidates)),
                kind="cycle",
            )
    return report


def _grant_for(report: GrantReport, item, *, context: str, candidates, kind: str) -> None:
    """Grant ``item``'s badges (a season's or a released cycle's): each badge's candidates,
    their evidence naming ``item``, then one audit entry for what was granted."""
    before = report.total
    for badge, find in candidates:
        found = find(item)
        for evidence in found.values():
            evidence[kind] = item.slug
        _insert(report, badge=badge, context=context, found=found, **{kind: item})
    _log_grant(item, report, before)


def _log_grant(instance, report: GrantReport, before: int) -> None:
    if report.total > before:
        log(instance=instance, action=GRANT_ACTION, user=None, data={"granted": report.total - before})


def grant_after_commit(*, season: Season | None = None, cycle=None) -> None:
    """Grant the badges once the transaction that released a cycle or froze a season has
    committed (a failure here never undoes the release or the freeze)."""
    transaction.on_commit(lambda: grant_badges(season=season, cycle=cycle))


# --- Revoking -----------------------------------------------------------------------------


@transaction.atomic
def revoke_badge(*, award: BadgeAward, by, reason: str) -> BadgeAward:
    """HR of the employee's agency (superusers: any) revokes a badge, with a reason that
    the audit log keeps; the badge is never granted again automatically."""
    if not permissions.can_revoke_badge(by, award):
        raise PermissionDenied(_("Only HR of the employee's agency revokes this badge."))
    award = BadgeAward.objects.select_for_update().get(pk=award.pk)
    if award.is_revoked:
        raise ValidationError(_("This badge was already revoked."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for revoking the badge."))
    award.revoked_at, award.revoked_by, award.revoke_reason = timezone.now(), by, reason
    award.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    log(
        instance=award,
        action=REVOKE_ACTION,
        user=by,
        data={"badge": award.badge, "employee": award.employee.employee_id, "reason": reason},
    )
    return award


# --- Reads --------------------------------------------------------------------------------


def badges_of(employee, *, with_revoked: bool) -> list[BadgeAward]:
    awards = BadgeAward.objects.filter(employee=employee).select_related("season", "cycle")
    if not with_revoked:
        awards = awards.filter(revoked_at__isnull=True)
    return list(awards)


def issuer_of(award: BadgeAward):
    return award.employee.unit.agency


# --- Open Badges 3.0 ----------------------------------------------------------------------


def _iso(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def identity_object(award: BadgeAward) -> dict:
    """The recipient as a salted SHA-256 hash (never the address itself). The salt is
    derived from the badge, so the credential reads the same at every download."""
    employee = award.employee
    email = (employee.email or getattr(employee.user, "email", "") or "").strip().lower()
    identity, identity_type = (email, "emailAddress") if email else (employee.employee_id, "identifier")
    salt = salted_hmac("awards.badges.identity-salt", str(award.uid), algorithm="sha256").hexdigest()[:16]
    digest = hashlib.sha256((identity + salt).encode()).hexdigest()
    return {
        "type": "IdentityObject",
        "identityHash": f"sha256${digest}",
        "identityType": identity_type,
        "hashed": True,
        "salt": salt,
    }


#: Namespace of the credential subjects' identifiers (``credentialSubject.id``).
SUBJECT_NAMESPACE = uuid.UUID("6f1c1f4e-2d0b-5a8e-9c57-7a6d8f2b1e33")


def credential_subject_id(award: BadgeAward) -> str:
    """An opaque identifier of the badge's recipient within this one credential (the JWT
    ``sub``): derived from the badge, so it names nobody and links no two badges."""
    return f"urn:uuid:{uuid.uuid5(SUBJECT_NAMESPACE, str(award.uid))}"


#: Draws of revocation-list positions before granting gives up (a clash needs a concurrent run).
STATUS_INDEX_ATTEMPTS = 5


def open_badge_credential(award: BadgeAward, *, absolute) -> dict:
    """The badge as an ``OpenBadgeCredential`` (1EdTech Open Badges 3.0 on the W3C
    Verifiable Credentials 2.0 model), without its proof: ``awards.credentials`` signs it
    as a VC-JWT. ``absolute`` makes a path an absolute URL. ``id`` is the public page of
    the badge, which also says whether it was revoked."""
    definition = award.definition
    agency = issuer_of(award)
    language = translation.get_language() or "ar"
    credential = {
        "@context": list(OB_CONTEXT),
        "id": _published_url("badge_verify", award.uid, absolute=absolute),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": _issuer(agency, absolute=absolute),
        "validFrom": _iso(award.granted_at),
        "name": definition.localized("name", language),
        "credentialSubject": {
            "id": credential_subject_id(award),
            "type": ["AchievementSubject"],
            "identifier": [identity_object(award)],
            "achievement": {
                "id": f"urn:tamayuz:badge:{definition.code}",
                "type": ["Achievement"],
                "name": definition.localized("name", language),
                "description": definition.localized("description", language),
                "criteria": {"narrative": definition.localized("criteria", language)},
                "image": {"id": absolute(static(definition.image)), "type": "Image"},
                "inLanguage": language,
            },
        },
    }
    if award.status_index is not None:
        credential["credentialStatus"] = credential_status(award.status_index, agency, absolute=absolute)
    return credential


def _published_url(name: str, *args, absolute) -> str:
    """The absolute address of an ``awards`` page a credential names: always the default
    language's (Arabic) address, whatever language the reader uses."""
    with translation.override("ar"):
        return absolute(reverse(f"awards:{name}", args=list(args)))


def _issuer(agency, *, absolute) -> dict:
    """The issuing agency as an Open Badges ``Profile``, in the reader's language."""
    return {
        "id": _published_url("badge_issuer", agency.slug, absolute=absolute),
        "type": ["Profile"],
        "name": agency.localized_name(translation.get_language() or "ar"),
        "url": agency.website or absolute("/"),
    }


def issuer_profile(agency, *, absolute) -> dict:
    return {"@context": list(OB_CONTEXT), **_issuer(agency, absolute=absolute)}


# --- Revocation list (W3C Bitstring Status List; the bits in ``awards.status_list``) -----------


def credential_status(index: int, agency, *, absolute) -> dict:
    """A badge credential's ``credentialStatus``: its position in its issuer's list."""
    url = _published_url("badge_status_list", agency.slug, absolute=absolute)
    return {
        "id": f"{url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": status_list.STATUS_PURPOSE,
        "statusListIndex": str(index),
        "statusListCredential": url,
    }


def status_list_credential(agency, revoked_indexes: Iterable[int], *, valid_from: datetime.datetime, absolute) -> dict:
    """The agency's revocation list as a ``BitstringStatusListCredential`` (unsigned):
    the bit of each of its revoked badges set, as it stands at ``valid_from``."""
    url = _published_url("badge_status_list", agency.slug, absolute=absolute)
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": _published_url("badge_issuer", agency.slug, absolute=absolute),
        "validFrom": _iso(valid_from),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": status_list.STATUS_PURPOSE,
            "encodedList": status_list.encoded_list(revoked_indexes),
        },
    }
