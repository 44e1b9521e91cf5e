"""Importing the organisation (agencies' units and employees) from HR's spreadsheet.

``plan_org_import`` reads and validates the whole file and says what would be created,
updated, left unchanged and (with ``deactivate_missing``) made inactive, without writing;
``apply_org_import`` writes exactly that plan in one transaction. Any bad row aborts the
whole import with every problem named by its row number: nothing is saved. Employees are
never deleted: one missing from the file is only made inactive, so their history stays."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from evaluations import audit
from evaluations.models import Employee, Unit
from portal import roles
from portal.models import Agency
from portal.tabular import Problem, TableError, read_table

REQUIRED_COLUMNS = (
    "agency_slug",
    "agency_name_ar",
    "agency_name_en",
    "unit_slug",
    "unit_name_ar",
    "unit_name_en",
    "employee_id",
    "name_ar",
    "name_en",
    "email",
    "job_title",
    "supervisor_employee_id",
    "front_line",
)
OPTIONAL_COLUMNS = ("preferred_language", "unit_kind")

_YES = {"yes", "y", "true", "1", "نعم"}
_NO = {"no", "n", "false", "0", "لا", ""}

#: The employee fields an import sets (compared to tell "updated" from "unchanged").
_EMPLOYEE_FIELDS = ("name_ar", "name_en", "email", "job_title", "front_line", "preferred_language", "is_active")


@dataclass(frozen=True)
class EmployeeRow:
    row: int
    agency_slug: str
    unit_slug: str
    unit_name_ar: str
    unit_name_en: str
    unit_kind: str
    employee_id: str
    name_ar: str
    name_en: str
    email: str
    job_title: str
    supervisor_employee_id: str
    front_line: bool
    preferred_language: str


@dataclass
class OrgImportPlan:
    rows: list[EmployeeRow]
    agencies: dict[str, Agency]
    units_created: list[str] = field(default_factory=list)
    units_updated: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deactivated: list[str] = field(default_factory=list)
    accounts_created: list[str] = field(default_factory=list)
    deactivate_missing: bool = False

    @property
    def changes(self) -> int:
        return (
            len(self.units_created)
            + len(self.units_updated)
            + len(self.created)
            + len(self.updated)
            + len(self.deactivated)
        )

    def summary(self) -> str:
        return _(
            "Employees: %(created)s to create, %(updated)s to update, %(unchanged)s unchanged, "
            "%(deactivated)s to make inactive. Units: %(units_created)s to create, %(units_updated)s to "
            "update. Portal accounts: %(accounts)s to create."
        ) % {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "deactivated": len(self.deactivated),
            "units_created": len(self.units_created),
            "units_updated": len(self.units_updated),
            "accounts": len(self.accounts_created),
        }


class OrgImportError(TableError):
    """The organisation file cannot be imported; ``problems`` names every reason."""


def _digits_to_ascii(value: str) -> str:
    return "".join(str(unicodedata.decimal(char)) if char.isdecimal() else char for char in value)


def plan_org_import(
    *,
    source,
    filename: str | None = None,
    by=None,
    allowed_agencies: Iterable[Agency] | None = None,
    deactivate_missing: bool = False,
) -> OrgImportPlan:
    """Validate ``source`` (CSV or XLSX) and say what importing it would change.

    ``allowed_agencies`` limits the agencies the file may touch (HR: its own agency); None
    allows every existing agency (the command line, superusers)."""
    try:
        table = read_table(source, required=REQUIRED_COLUMNS, optional=OPTIONAL_COLUMNS, filename=filename)
    except TableError as error:
        raise OrgImportError(error.problems) from error
    problems: list[Problem] = []
    allowed = None if allowed_agencies is None else {agency.slug for agency in allowed_agencies}
    agencies = {agency.slug: agency for agency in Agency.objects.all()}
    rows: list[EmployeeRow] = []
    seen_ids: dict[str, int] = {}
    seen_emails: dict[str, int] = {}
    units_in_file: dict[tuple[str, str], tuple[int, str, str, str]] = {}
    if not table.rows:
        raise OrgImportError([Problem(None, _("The file has no employees."))])

    for number, cells in table.rows:
        row_problems: list[str] = []
        agency_slug = cells["agency_slug"].lower()
        if not agency_slug:
            row_problems.append(_("The agency slug is empty."))
        elif agency_slug not in agencies:
            row_problems.append(_("Unknown agency “%(slug)s”.") % {"slug": agency_slug})
        elif allowed is not None and agency_slug not in allowed:
            row_problems.append(_("You may not import employees of the agency “%(slug)s”.") % {"slug": agency_slug})
        unit_slug = cells["unit_slug"].lower()
        if not unit_slug or slugify(unit_slug) != unit_slug:
            row_problems.append(_("The unit slug “%(slug)s” is not a valid slug.") % {"slug": cells["unit_slug"]})
        if not cells["unit_name_ar"]:
            row_problems.append(_("The unit's Arabic name is empty."))
        unit_kind = cells.get("unit_kind", "").lower() or Unit.Kind.SERVICE_CENTRE
        if unit_kind not in Unit.Kind.values:
            row_problems.append(
                _("Unknown unit kind “%(kind)s” (use %(choices)s).")
                % {"kind": unit_kind, "choices": ", ".join(Unit.Kind.values)}
            )
        employee_id = _digits_to_ascii(cells["employee_id"])
        if not employee_id:
            row_problems.append(_("The employee ID is empty."))
        elif len(employee_id) > Employee._meta.get_field("employee_id").max_length:
            row_problems.append(_("The employee ID is too long."))
        elif employee_id in seen_ids:
            row_problems.append(
                _("The employee ID “%(id)s” is already used on row %(other)s.")
                % {"id": employee_id, "other": seen_ids[employee_id]}
            )
        else:
            seen_ids[employee_id] = number
        if not cells["name_ar"]:
            row_problems.append(_("The Arabic name is empty."))
        email = cells["email"].lower()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                row_problems.append(_("“%(email)s” is not a valid email address.") % {"email": cells["email"]})
            else:
                if email in seen_emails:
                    row_problems.append(
                        _("The email “%(email)s” is already used on row %(other)s.")
                        % {"email": email, "other": seen_emails[email]}
                    )
                else:
                    seen_emails[email] = number
        front_line_text = cells["front_line"].lower()
        if front_line_text not in _YES | _NO:
            row_problems.append(_("Front line must be yes or no, not “%(value)s”.") % {"value": cells["front_line"]})
        language = (cells.get("preferred_language") or "ar").lower()
        if language not in Employee.Language.values:
            row_problems.append(_("The preferred language must be ar or en, not “%(value)s”.") % {"value": language})
        key = (agency_slug, unit_slug)
        unit_names = (cells["unit_name_ar"], cells["unit_name_en"], unit_kind)
        if key in units_in_file and units_in_file[key][1:] != unit_names:
            row_problems.append(
                _("The unit “%(slug)s” has other names or kind on row %(other)s.")
                % {"slug": unit_slug, "other": units_in_file[key][0]}
            )
        units_in_file.setdefault(key, (number, *unit_names))
        problems.extend(Problem(number, message) for message in row_problems)
        if not row_problems:
            rows.append(
                EmployeeRow(
                    row=number,
                    agency_slug=agency_slug,
                    unit_slug=unit_slug,
                    unit_name_ar=cells["unit_name_ar"],
                    unit_name_en=cells["unit_name_en"],
                    unit_kind=unit_kind,
                    employee_id=employee_id,
                    name_ar=cells["name_ar"],
                    name_en=cells["name_en"],
                    email=email,
                    job_title=cells["job_title"],
                    supervisor_employee_id=_digits_to_ascii(cells["supervisor_employee_id"]),
                    front_line=front_line_text in _YES,
                    preferred_language=language,
                )
            )

    existing = {employee.employee_id: employee for employee in Employee.objects.select_related("unit__agency")}
    problems.extend(_supervisor_problems(rows, existing))
    problems.extend(_email_problems(rows, existing))
    if problems:
        raise OrgImportError(sorted(problems, key=lambda problem: problem.row or 0))

    plan = OrgImportPlan(rows=rows, agencies=agencies, deactivate_missing=deactivate_missing)
    _fill_plan(plan, existing)
    return plan


def _supervisor_problems(rows: list[EmployeeRow], existing: dict[str, Employee]) -> list[Problem]:
    problems: list[Problem] = []
    in_file = {row.employee_id: row for row in rows}
    supervisor_of: dict[str, str] = {
        employee_id: employee.supervisor.employee_id
        for employee_id, employee in existing.items()
        if employee.supervisor_id and employee_id not in in_file
    }
    for row in rows:
        target = row.supervisor_employee_id
        if not target:
            continue
        if target == row.employee_id:
            problems.append(Problem(row.row, _("An employee cannot be their own supervisor.")))
        elif target not in in_file and target not in existing:
            problems.append(Problem(row.row, _("Unknown supervisor “%(id)s”.") % {"id": target}))
        supervisor_of[row.employee_id] = target
    for row in rows:
        seen = [row.employee_id]
        current = supervisor_of.get(row.employee_id)
        while current and current not in seen:
            seen.append(current)
            current = supervisor_of.get(current)
        if current == row.employee_id and len(seen) > 1:
            problems.append(
                Problem(row.row, _("The supervisors make a loop: %(chain)s.") % {"chain": " → ".join([*seen, current])})
            )
    return problems


def _email_problems(rows: list[EmployeeRow], existing: dict[str, Employee]) -> list[Problem]:
    owners = {employee.email.lower(): employee.employee_id for employee in existing.values() if employee.email}
    in_file = {row.employee_id for row in rows}
    return [
        Problem(
            row.row,
            _("The email “%(email)s” belongs to the employee “%(other)s”.")
            % {"email": row.email, "other": owners[row.email]},
        )
        for row in rows
        if row.email
        and row.email in owners
        and owners[row.email] != row.employee_id
        and owners[row.email] not in in_file
    ]


def _fill_plan(plan: OrgImportPlan, existing: dict[str, Employee]) -> None:
    units = {(unit.agency.slug, unit.slug): unit for unit in Unit.objects.select_related("agency")}
    seen_units: set[tuple[str, str]] = set()
    User = get_user_model()
    emails_with_accounts = {email.lower() for email in User.objects.exclude(email="").values_list("email", flat=True)}
    for row in plan.rows:
        key = (row.agency_slug, row.unit_slug)
        if key not in seen_units:
            seen_units.add(key)
            unit = units.get(key)
            label = f"{row.agency_slug}/{row.unit_slug}"
            if unit is None:
                plan.units_created.append(label)
            elif (unit.name_ar, unit.name_en, unit.kind) != (row.unit_name_ar, row.unit_name_en, row.unit_kind):
                plan.units_updated.append(label)
        employee = existing.get(row.employee_id)
        if employee is None:
            plan.created.append(row.employee_id)
        elif _employee_differs(employee, row):
            plan.updated.append(row.employee_id)
        else:
            plan.unchanged.append(row.employee_id)
        linked = employee is not None and employee.user_id is not None
        if row.email and not linked and row.email not in emails_with_accounts:
            plan.accounts_created.append(row.employee_id)
    if plan.deactivate_missing:
        agencies_in_file = {row.agency_slug for row in plan.rows}
        in_file = {row.employee_id for row in plan.rows}
        plan.deactivated = sorted(
            employee_id
            for employee_id, employee in existing.items()
            if employee.is_active and employee.unit.agency.slug in agencies_in_file and employee_id not in in_file
        )


def _employee_differs(employee: Employee, row: EmployeeRow) -> bool:
    wanted = _employee_values(row)
    if any(getattr(employee, name) != wanted[name] for name in _EMPLOYEE_FIELDS):
        return True
    if (employee.unit.agency.slug, employee.unit.slug) != (row.agency_slug, row.unit_slug):
        return True
    current_supervisor = employee.supervisor.employee_id if employee.supervisor_id else ""
    return current_supervisor != row.supervisor_employee_id


def _employee_values(row: EmployeeRow) -> dict:
    return {
        "name_ar": row.name_ar,
        "name_en": row.name_en,
        "email": row.email,
        "job_title": row.job_title,
        "front_line": row.front_line,
        "preferred_language": row.preferred_language,
        "is_active": True,
    }


@transaction.atomic
def apply_org_import(*, plan: OrgImportPlan, by=None) -> OrgImportPlan:
    """Write ``plan`` (from :func:`plan_org_import`) in one transaction and log it."""
    units: dict[tuple[str, str], Unit] = {}
    for row in plan.rows:
        key = (row.agency_slug, row.unit_slug)
        if key in units:
            continue
        unit, _created = Unit.objects.update_or_create(
            agency=plan.agencies[row.agency_slug],
            slug=row.unit_slug,
            defaults={"name_ar": row.unit_name_ar, "name_en": row.unit_name_en, "kind": row.unit_kind},
        )
        units[key] = unit
    changing = set(plan.created) | set(plan.updated)
    employees = {
        employee.employee_id: employee
        for employee in Employee.objects.filter(employee_id__in=[row.employee_id for row in plan.rows])
    }
    for row in plan.rows:
        if row.employee_id not in changing:
            continue
        employee, _created = Employee.objects.update_or_create(
            employee_id=row.employee_id,
            defaults={**_employee_values(row), "unit": units[(row.agency_slug, row.unit_slug)]},
        )
        employees[row.employee_id] = employee
    for row in plan.rows:
        if row.employee_id not in changing:
            continue
        supervisor = None
        if row.supervisor_employee_id:
            supervisor = employees.get(row.supervisor_employee_id) or Employee.objects.get(
                employee_id=row.supervisor_employee_id
            )
        Employee.objects.filter(pk=employees[row.employee_id].pk).update(supervisor=supervisor)
    if plan.deactivated:
        Employee.objects.filter(employee_id__in=plan.deactivated).update(is_active=False)
    for row in plan.rows:
        if row.email and row.employee_id in plan.accounts_created + plan.created + plan.updated:
            link_portal_account(employee=employees[row.employee_id])
    for agency_slug in sorted({row.agency_slug for row in plan.rows}):
        log(
            instance=plan.agencies[agency_slug],
            action=audit.IMPORT_ORG,
            user=by,
            data={
                "created": len(plan.created),
                "updated": len(plan.updated),
                "unchanged": len(plan.unchanged),
                "deactivated": len(plan.deactivated),
            },
        )
    return plan


def link_portal_account(*, employee: Employee):
    """Give ``employee`` (who has an email) a portal account in the Staff group, or link the
    account that already uses that email. A new account has no usable password: the person
    sets one through the password-reset email."""
    from allauth.account.models import EmailAddress

    if employee.user_id or not employee.email:
        return employee.user
    User = get_user_model()
    user = User.objects.filter(email__iexact=employee.email).first()
    if user is None:
        username = employee.email[: User._meta.get_field("username").max_length]
        user = User(
            username=username,
            email=employee.email,
            full_name_ar=employee.name_ar,
            full_name_en=employee.name_en,
        )
        user.set_unusable_password()
        user.save()
        user.groups.add(Group.objects.get(name=roles.STAFF))
        EmailAddress.objects.get_or_create(
            user=user, email=employee.email, defaults={"primary": True, "verified": False}
        )
    elif Employee.objects.filter(user=user).exclude(pk=employee.pk).exists():
        return None
    Employee.objects.filter(pk=employee.pk).update(user=user)
    employee.user = user
    return user
