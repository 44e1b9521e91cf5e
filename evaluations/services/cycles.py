"""A cycle's life: create, open (generating assignments), close (freezing results),
release, cancel; peer nominations; HR's changes to assignments.

Every service is keyword-only and atomic. ``by`` is the acting portal user, checked
against ``evaluations.permissions``; ``None`` means a management command or automation
(trusted, and still logged)."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from evaluations import audit, permissions
from evaluations.models import (
    Assignment,
    Cycle,
    Employee,
    Framework,
    PeerNomination,
    Relationship,
    Response,
    Unit,
)
from evaluations.signals import cycle_closed
from portal.models import Agency

from . import notifications
from .framework import latest_framework

Status = Cycle.Status

_STATUS_NAMES = {
    Status.DRAFT: lambda: _("a draft"),
    Status.OPEN: lambda: _("open"),
    Status.CLOSED: lambda: _("closed"),
    Status.RELEASED: lambda: _("released"),
    Status.CANCELLED: lambda: _("cancelled"),
}


def _check_manager(*, cycle: Cycle, by) -> None:
    if by is not None and not permissions.can_manage_cycle(by, cycle):
        raise PermissionDenied(_("You may not manage the cycle “%(cycle)s”.") % {"cycle": cycle.localized_name()})


def _require_status(cycle: Cycle, allowed: Sequence[str], *, doing: str) -> None:
    if cycle.status not in allowed:
        raise ValidationError(
            _("The cycle “%(cycle)s” is %(status)s, so you cannot %(doing)s.")
            % {"cycle": cycle.localized_name(), "status": _STATUS_NAMES[cycle.status](), "doing": doing}
        )


def _locked(cycle: Cycle) -> Cycle:
    return Cycle.objects.select_for_update().get(pk=cycle.pk)


def _locked_assignment(assignment: Assignment) -> Assignment:
    """The assignment as it is now, locked (it may have changed hands or gone since the
    caller read it)."""
    found = (
        Assignment.objects.select_for_update(of=("self",))
        .select_related("rater", "ratee")
        .filter(pk=assignment.pk)
        .first()
    )
    if found is None:
        raise ValidationError(_("This evaluation no longer exists; someone may have removed it."))
    return found


def _check_people(*, by, people: Iterable[Employee]) -> None:
    """HR assigns only people of the agencies it manages (a command or automation: anyone)."""
    if by is None:
        return
    for employee in people:
        if not permissions.can_manage_employee(by, employee):
            raise PermissionDenied(
                _("%(employee)s is not in an agency you manage.") % {"employee": employee.employee_id}
            )


def _require_in_scope(cycle: Cycle, employee: Employee) -> None:
    in_scope = (
        cycle.agencies.filter(pk=employee.unit.agency_id).exists() or cycle.units.filter(pk=employee.unit_id).exists()
    )
    if not in_scope:
        raise ValidationError(
            _("%(employee)s is not in the scope of the cycle “%(cycle)s”.")
            % {"employee": employee.employee_id, "cycle": cycle.localized_name()}
        )


# --- creating and changing a draft -------------------------------------------------------


#: Slugs the cycle pages' addresses use for themselves (``/evaluations/cycles/new/``).
RESERVED_SLUGS = frozenset({"new"})


def free_cycle_slug(name: str) -> str:
    """A slug made from ``name`` (Latin letters; ``cycle`` when it has none) that no cycle
    uses yet: ``spring-review``, else ``spring-review-2``, ``-3`` …"""
    base = slugify(name)[:70].strip("-") or "cycle"
    taken = set(Cycle.objects.filter(slug__startswith=base).values_list("slug", flat=True)) | RESERVED_SLUGS
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def create_cycle(
    *,
    slug: str | None = None,
    name_ar: str,
    name_en: str,
    opens_on: date,
    closes_on: date,
    agencies: Iterable[Agency] = (),
    units: Iterable[Unit] = (),
    framework: Framework | None = None,
    weights: Mapping[str, int] | None = None,
    thresholds: Mapping[str, int] | None = None,
    blind_spot_gap: Decimal | float | None = None,
    peers_per_employee: int | None = None,
    max_evaluations_per_rater: int | None = None,
    reminder_days: list[int] | None = None,
    assignment_seed: int | None = None,
    by=None,
) -> Cycle:
    """A draft cycle. Without a ``slug``, one is made from the English name (else the
    Arabic one). Unset settings keep their documented defaults."""
    agencies = list(agencies)
    units = list(units)
    if not agencies and not units:
        raise ValidationError(_("Choose at least one agency or unit for the cycle."))
    if by is not None:
        agency_ids = {agency.pk for agency in agencies} | {unit.agency_id for unit in units}
        if not permissions.can_manage_agencies(by, agency_ids):
            raise PermissionDenied(_("You may create cycles only for your own agency."))
    framework = framework or latest_framework()
    if framework is None:
        raise ValidationError(_("There is no competency framework yet."))
    if not slug:
        slug = free_cycle_slug(name_en or name_ar)
    if slug in RESERVED_SLUGS:
        raise ValidationError(_("The slug %(slug)s is reserved; choose another.") % {"slug": slug})
    if Cycle.objects.filter(slug=slug).exists():
        raise ValidationError(_("A cycle with the slug %(slug)s already exists.") % {"slug": slug})
    cycle = Cycle(
        slug=slug, name_ar=name_ar, name_en=name_en, opens_on=opens_on, closes_on=closes_on, framework=framework
    )
    optional = {
        "weights": dict(weights) if weights is not None else None,
        "thresholds": dict(thresholds) if thresholds is not None else None,
        "blind_spot_gap": Decimal(str(blind_spot_gap)) if blind_spot_gap is not None else None,
        "peers_per_employee": peers_per_employee,
        "max_evaluations_per_rater": max_evaluations_per_rater,
        "reminder_days": reminder_days,
        "assignment_seed": assignment_seed if assignment_seed is not None else random.SystemRandom().randrange(2**31),
    }
    for field, value in optional.items():
        if value is not None:
            setattr(cycle, field, value)
    cycle.created_by = by if by is not None and by.is_authenticated else None
    cycle.full_clean()
    cycle.save()
    cycle.agencies.set(agencies)
    cycle.units.set(units)
    audit.record(
        action=audit.CREATE,
        instance=cycle,
        by=by,
        data={"slug": slug, "agencies": [a.slug for a in agencies], "units": [u.slug for u in units]},
    )
    return cycle


_EDITABLE_SETTINGS = frozenset(
    {
        "name_ar",
        "name_en",
        "opens_on",
        "closes_on",
        "framework",
        "weights",
        "thresholds",
        "blind_spot_gap",
        "peers_per_employee",
        "max_evaluations_per_rater",
        "reminder_days",
    }
)


@transaction.atomic
def update_cycle_settings(
    *,
    cycle: Cycle,
    by=None,
    agencies: Iterable[Agency] | None = None,
    units: Iterable[Unit] | None = None,
    **changes,
) -> Cycle:
    """Change a draft cycle's settings and scope (they are fixed once it opens). Only
    the settings that really change are saved and logged."""
    cycle = _locked(cycle)
    _check_manager(cycle=cycle, by=by)
    _require_status(cycle, [Status.DRAFT], doing=_("change it"))
    unknown = sorted(set(changes) - _EDITABLE_SETTINGS)
    if unknown:
        raise ValueError(f"not a cycle setting: {', '.join(unknown)}")
    changed = sorted(field for field, value in changes.items() if getattr(cycle, field) != value)
    for field, value in changes.items():
        setattr(cycle, field, value)
    new_agencies = list(agencies) if agencies is not None else None
    new_units = list(units) if units is not None else None
    if new_agencies is not None or new_units is not None:
        current_agencies = list(cycle.agencies.all())
        current_units = list(cycle.units.all())
        new_agencies = current_agencies if new_agencies is None else new_agencies
        new_units = current_units if new_units is None else new_units
        if not new_agencies and not new_units:
            raise ValidationError(_("Choose at least one agency or unit for the cycle."))
        if by is not None:
            agency_ids = {agency.pk for agency in new_agencies} | {unit.agency_id for unit in new_units}
            if not permissions.can_manage_agencies(by, agency_ids):
                raise PermissionDenied(_("A cycle you manage may cover only your own agency."))
        if {agency.pk for agency in new_agencies} != {agency.pk for agency in current_agencies}:
            changed.append("agencies")
        if {unit.pk for unit in new_units} != {unit.pk for unit in current_units}:
            changed.append("units")
    if not changed:
        return cycle
    cycle.full_clean()
    cycle.save()
    if "agencies" in changed:
        cycle.agencies.set(new_agencies)
    if "units" in changed:
        cycle.units.set(new_units)
    audit.record(action=audit.UPDATE, instance=cycle, by=by, data={"changed": sorted(changed)})
    return cycle


# --- the state machine -------------------------------------------------------------------


def employees_in_scope(cycle: Cycle) -> list[Employee]:
    agency_ids = list(cycle.agencies.values_list("pk", flat=True))
    unit_ids = list(cycle.units.values_list("pk", flat=True))
    return list(
        Employee.objects.active()
        .filter(Q(unit__agency_id__in=agency_ids) | Q(unit_id__in=unit_ids))
        .order_by("employee_id")
        .only("pk", "unit_id", "supervisor_id", "employee_id")
    )


def plan_assignments(
    *,
    employees: Sequence[Employee],
    active_ids: set[int],
    peers_per_employee: int,
    max_per_rater: int,
    seed: int,
    existing: Iterable[tuple[int, int]] = (),
) -> list[tuple[int, int, str]]:
    """(rater, ratee, relationship) for every employee in scope: self, their supervisor,
    all their direct reports, and up to ``peers_per_employee`` peers from the same unit.

    Peers are dealt round robin over a circular order shuffled with ``seed`` (the same
    seed gives the same plan), so loads stay balanced, and nobody is asked to write more than
    ``max_per_rater`` peer evaluations. Pairs in ``existing`` are kept and not repeated."""
    taken: set[tuple[int, int]] = set(existing)
    plan: list[tuple[int, int, str]] = []

    def add(rater: int, ratee: int, relationship: str) -> None:
        if (rater, ratee) not in taken:
            taken.add((rater, ratee))
            plan.append((rater, ratee, relationship))

    reports: dict[int, list[int]] = defaultdict(list)
    for employee in employees:
        if employee.supervisor_id is not None:
            reports[employee.supervisor_id].append(employee.pk)
    for employee in employees:
        add(employee.pk, employee.pk, Relationship.SELF)
        if employee.supervisor_id in active_ids:
            add(employee.supervisor_id, employee.pk, Relationship.SUPERVISOR)
        for report in reports.get(employee.pk, ()):
            add(report, employee.pk, Relationship.SUBORDINATE)

    by_unit: dict[int, list[Employee]] = defaultdict(list)
    for employee in employees:
        by_unit[employee.unit_id].append(employee)
    for unit_id in sorted(by_unit):
        # Round robin over a seeded circular order: in round r every colleague gets the
        # next allowed rater after them, so everyone writes and receives about as many
        # peer evaluations as everyone else, and nobody more than the cap.
        ring = sorted(by_unit[unit_id], key=lambda member: member.employee_id)
        random.Random(f"{seed}:{unit_id}").shuffle(ring)
        size = len(ring)
        load = dict.fromkeys((member.pk for member in ring), 0)
        next_offset = [1] * size
        for _round in range(peers_per_employee):
            for position, ratee in enumerate(ring):
                while next_offset[position] < size:
                    rater = ring[(position + next_offset[position]) % size]
                    next_offset[position] += 1
                    if (
                        load[rater.pk] < max_per_rater
                        and (rater.pk, ratee.pk) not in taken
                        and rater.pk != ratee.supervisor_id
                        and rater.supervisor_id != ratee.pk
                    ):
                        load[rater.pk] += 1
                        add(rater.pk, ratee.pk, Relationship.PEER)
                        break
    return plan


@transaction.atomic
def open_cycle(*, cycle: Cycle, by=None, notify: bool = True) -> Cycle:
    """Open a draft cycle: generate its assignments and freeze its framework version. Once
    the opening has committed, each rater is emailed an invitation (``notify=False``: none,
    for the demo); a mail failure is recorded and retried, never undoes the opening."""
    cycle = _locked(cycle)
    _check_manager(cycle=cycle, by=by)
    _require_status(cycle, [Status.DRAFT], doing=_("open it"))
    employees = employees_in_scope(cycle)
    if not employees:
        raise ValidationError(_("The cycle “%(cycle)s” has nobody in scope.") % {"cycle": cycle.localized_name()})
    active_ids = set(Employee.objects.active().values_list("pk", flat=True))
    existing = set(cycle.assignments.values_list("rater_id", "ratee_id"))
    plan = plan_assignments(
        employees=employees,
        active_ids=active_ids,
        peers_per_employee=cycle.peers_per_employee,
        max_per_rater=cycle.max_evaluations_per_rater,
        seed=cycle.assignment_seed,
        existing=existing,
    )
    Assignment.objects.bulk_create(
        [
            Assignment(cycle=cycle, rater_id=rater, ratee_id=ratee, relationship=relationship)
            for rater, ratee, relationship in plan
        ],
        batch_size=2000,
    )
    cycle.status = Status.OPEN
    cycle.opened_at = timezone.now()
    cycle.save(update_fields=["status", "opened_at"])
    audit.record(
        action=audit.OPEN,
        instance=cycle,
        by=by,
        data={"employees": len(employees), "assignments": len(plan) + len(existing)},
    )
    if notify:
        notifications.invite_after_commit(cycle)
    return cycle


@transaction.atomic
def close_cycle(*, cycle: Cycle, by=None) -> Cycle:
    """Close an open cycle and compute and freeze every result, in one transaction."""
    from .results import compute_results

    cycle = _locked(cycle)
    _check_manager(cycle=cycle, by=by)
    _require_status(cycle, [Status.OPEN], doing=_("close it"))
    cycle.status = Status.CLOSED
    cycle.closed_at = timezone.now()
    cycle.save(update_fields=["status", "closed_at"])
    count = compute_results(cycle=cycle)
    audit.record(action=audit.CLOSE, instance=cycle, by=by, data={"results": count})
    cycle_closed.send(sender=Cycle, cycle=cycle)
    return cycle


@transaction.atomic
def release_cycle(*, cycle: Cycle, by=None, notify: bool = True) -> Cycle:
    """Let employees read their reports; once committed, each employee with a report and
    each of their supervisors is emailed a notice (``notify=False``: none)."""
    cycle = _locked(cycle)
    _check_manager(cycle=cycle, by=by)
    _require_status(cycle, [Status.CLOSED], doing=_("release it"))
    cycle.status = Status.RELEASED
    cycle.released_at = timezone.now()
    cycle.save(update_fields=["status", "released_at"])
    audit.record(action=audit.RELEASE, instance=cycle, by=by)
    if notify:
        notifications.notify_release_after_commit(cycle)
    return cycle


@transaction.atomic
def cancel_cycle(*, cycle: Cycle, by=None) -> Cycle:
    cycle = _locked(cycle)
    _check_manager(cycle=cycle, by=by)
    _require_status(cycle, [Status.DRAFT], doing=_("cancel it"))
    cycle.status = Status.CANCELLED
    cycle.save(update_fields=["status"])
    audit.record(action=audit.CANCEL, instance=cycle, by=by)
    return cycle


# --- assignments -------------------------------------------------------------------------


def _peer_load(cycle: Cycle, rater: Employee) -> int:
    return cycle.assignments.filter(rater=rater, relationship=Relationship.PEER).count()


def _describe(assignment: Assignment) -> dict[str, str]:
    return {
        "rater": assignment.rater.employee_id,
        "ratee": assignment.ratee.employee_id,
        "relationship": assignment.relationship,
    }


def _create_assignment(*, cycle: Cycle, rater: Employee, ratee: Employee, relationship: str, source: str) -> Assignment:
    if relationship not in Relationship.values:
        raise ValidationError(_("Unknown relationship %(value)s.") % {"value": relationship})
    if (relationship == Relationship.SELF) != (rater.pk == ratee.pk):
        raise ValidationError(_("Only a self-evaluation has the same rater and ratee."))
    if not rater.is_active or not ratee.is_active:
        raise ValidationError(_("Both the rater and the person rated must be active employees."))
    try:
        with transaction.atomic():
            return Assignment.objects.create(
                cycle=cycle, rater=rater, ratee=ratee, relationship=relationship, source=source
            )
    except IntegrityError as error:
        raise ValidationError(
            _("%(rater)s is already asked to rate %(ratee)s in this cycle.")
            % {"rater": rater.employee_id, "ratee": ratee.employee_id}
        ) from error


def _tell_new_rater(assignment: Assignment, *, cycle: Cycle, notify: bool) -> None:
    """Once committed, email the rater of an assignment made after the cycle opened (before,
    the opening's invitation lists it)."""
    if notify and cycle.status == Status.OPEN:
        notifications.notify_assignment_after_commit(assignment)


@transaction.atomic
def add_assignment(
    *, cycle: Cycle, rater: Employee, ratee: Employee, relationship: str, by=None, notify: bool = True
) -> Assignment:
    """Ask ``rater`` to rate ``ratee`` (an employee in the cycle's scope). In an open cycle
    the rater is emailed about it once the change has committed (``notify=False``: not)."""
    cycle = _locked(cycle)
    _check_manager(cycle=cycle, by=by)
    _require_status(cycle, [Status.DRAFT, Status.OPEN], doing=_("add assignments to it"))
    _check_people(by=by, people=(rater, ratee))
    _require_in_scope(cycle, ratee)
    assignment = _create_assignment(
        cycle=cycle, rater=rater, ratee=ratee, relationship=relationship, source=Assignment.Source.HR
    )
    audit.record(action=audit.ADD_ASSIGNMENT, instance=cycle, by=by, data=_describe(assignment))
    _tell_new_rater(assignment, cycle=cycle, notify=notify)
    return assignment


def _refuse_if_submitted(assignment: Assignment) -> None:
    if Response.objects.filter(assignment=assignment, status=Response.Status.SUBMITTED).exists():
        raise ValidationError(_("This evaluation was already submitted; reopen it first if it must change hands."))


@transaction.atomic
def remove_assignment(*, assignment: Assignment, by=None) -> None:
    """Remove an evaluation not yet submitted (any draft of it is discarded)."""
    cycle = _locked(assignment.cycle)
    _check_manager(cycle=cycle, by=by)
    _require_status(cycle, [Status.DRAFT, Status.OPEN], doing=_("change it"))
    assignment = _locked_assignment(assignment)
    _refuse_if_submitted(assignment)
    data = _describe(assignment)
    Response.objects.filter(assignment=assignment).delete()
    assignment.delete()
    audit.record(action=audit.REMOVE_ASSIGNMENT, instance=cycle, by=by, data=data)


@transaction.atomic
def reassign_assignment(*, assignment: Assignment, new_rater: Employee, by=None, notify: bool = True) -> Assignment:
    """Give an evaluation not yet submitted to another rater (any draft is discarded). In
    an open cycle the new rater is emailed about it once committed (``notify=False``: not)."""
    cycle = _locked(assignment.cycle)
    _check_manager(cycle=cycle, by=by)
    _require_status(cycle, [Status.DRAFT, Status.OPEN], doing=_("change it"))
    assignment = _locked_assignment(assignment)
    _check_people(by=by, people=(new_rater,))
    if new_rater.pk == assignment.rater_id:
        raise ValidationError(
            _("%(rater)s is already the rater of this evaluation.") % {"rater": new_rater.employee_id}
        )
    if assignment.relationship == Relationship.SELF:
        raise ValidationError(_("A self-evaluation cannot be given to someone else."))
    if new_rater.pk == assignment.ratee_id:
        raise ValidationError(_("Nobody can be asked to rate themselves as a colleague."))
    if not new_rater.is_active:
        raise ValidationError(_("The new rater must be an active employee."))
    _refuse_if_submitted(assignment)
    before = _describe(assignment)
    Response.objects.filter(assignment=assignment).delete()
    assignment.rater = new_rater
    assignment.declined_at = None
    assignment.decline_reason = ""
    assignment.source = Assignment.Source.HR
    try:
        with transaction.atomic():
            assignment.save()
    except IntegrityError as error:
        raise ValidationError(
            _("%(rater)s is already asked to rate %(ratee)s in this cycle.")
            % {"rater": new_rater.employee_id, "ratee": assignment.ratee.employee_id}
        ) from error
    audit.record(action=audit.REASSIGN, instance=cycle, by=by, data={"before": before, "after": _describe(assignment)})
    _tell_new_rater(assignment, cycle=cycle, notify=notify)
    return assignment


@transaction.atomic
def decline_assignment(*, assignment: Assignment, rater: Employee, reason: str) -> Assignment:
    """The rater declines an evaluation, with a reason HR can read."""
    assignment = Assignment.objects.select_for_update().select_related("cycle").get(pk=assignment.pk)
    if assignment.rater_id != rater.pk:
        raise PermissionDenied(_("Only the rater can decline this evaluation."))
    _require_status(assignment.cycle, [Status.OPEN], doing=_("decline evaluations in it"))
    if assignment.relationship == Relationship.SELF:
        raise ValidationError(_("A self-evaluation cannot be declined."))
    if not reason.strip():
        raise ValidationError(_("Please give a reason for declining."))
    if assignment.is_declined:
        raise ValidationError(_("You have already declined this evaluation."))
    _refuse_if_submitted(assignment)
    assignment.declined_at = timezone.now()
    assignment.decline_reason = reason.strip()
    assignment.save(update_fields=["declined_at", "decline_reason"])
    return assignment


# --- peer nominations --------------------------------------------------------------------


@transaction.atomic
def nominate_peer(*, cycle: Cycle, employee: Employee, peer: Employee) -> PeerNomination:
    """An employee asks an extra colleague to rate them; their supervisor decides."""
    _require_status(cycle, [Status.DRAFT, Status.OPEN], doing=_("take nominations in it"))
    if peer.pk == employee.pk:
        raise ValidationError(_("You cannot nominate yourself."))
    if not peer.is_active:
        raise ValidationError(_("%(peer)s is not an active employee.") % {"peer": peer.localized_name()})
    if employee.supervisor_id is None:
        raise ValidationError(_("You have no supervisor to approve a nomination."))
    if cycle.assignments.filter(rater=peer, ratee=employee).exists():
        raise ValidationError(_("%(peer)s is already asked to rate you.") % {"peer": peer.localized_name()})
    try:
        with transaction.atomic():
            return PeerNomination.objects.create(cycle=cycle, employee=employee, peer=peer)
    except IntegrityError as error:
        raise ValidationError(
            _("You have already nominated %(peer)s in this cycle.") % {"peer": peer.localized_name()}
        ) from error


@transaction.atomic
def approve_nomination(
    *, nomination: PeerNomination, supervisor: Employee, approve: bool = True, notify: bool = True
) -> PeerNomination:
    """The nominating employee's supervisor approves (creating the assignment) or rejects.
    An approval in an open cycle emails the peer once committed (``notify=False``: not)."""
    nomination = (
        PeerNomination.objects.select_for_update().select_related("cycle", "employee", "peer").get(pk=nomination.pk)
    )
    if nomination.employee.supervisor_id != supervisor.pk:
        raise PermissionDenied(_("Only the employee's supervisor can decide on this nomination."))
    if nomination.status != PeerNomination.Status.PENDING:
        raise ValidationError(_("This nomination was already decided."))
    cycle = nomination.cycle
    _require_status(cycle, [Status.DRAFT, Status.OPEN], doing=_("take nominations in it"))
    if approve:
        if _peer_load(cycle, nomination.peer) >= cycle.max_evaluations_per_rater:
            raise ValidationError(
                _("%(peer)s already has the most peer evaluations one rater may be asked to write (%(cap)s).")
                % {"peer": nomination.peer.localized_name(), "cap": cycle.max_evaluations_per_rater}
            )
        assignment = _create_assignment(
            cycle=cycle,
            rater=nomination.peer,
            ratee=nomination.employee,
            relationship=Relationship.PEER,
            source=Assignment.Source.NOMINATED,
        )
        _tell_new_rater(assignment, cycle=cycle, notify=notify)
    nomination.status = PeerNomination.Status.APPROVED if approve else PeerNomination.Status.REJECTED
    nomination.decided_by = supervisor
    nomination.decided_at = timezone.now()
    nomination.save(update_fields=["status", "decided_by", "decided_at"])
    return nomination
