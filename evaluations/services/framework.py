"""The competency framework's versions: copy, export and import.

A framework used by a cycle that left the draft state is frozen; changing it makes a new
version (:func:`framework_for_editing`), so an opened cycle keeps the wording it opened
with."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from evaluations import audit
from evaluations.models import Competency, Framework, Item
from evaluations.models.framework import code_validator

FRAMEWORK_COLUMNS: tuple[str, ...] = (
    "competency_code",
    "competency_name_ar",
    "competency_name_en",
    "item_code",
    "self_ar",
    "self_en",
    "others_ar",
    "others_en",
)


def latest_framework() -> Framework | None:
    return Framework.objects.latest_version()


def _next_version() -> int:
    return (Framework.objects.aggregate(top=Max("version"))["top"] or 0) + 1


def framework_rows(*, framework: Framework) -> list[dict[str, str]]:
    """The framework as spreadsheet rows, one per statement, in order."""
    rows = []
    for competency in framework.competencies.order_by("sort_order", "pk").prefetch_related("items"):
        for item in sorted(competency.items.all(), key=lambda item: (item.sort_order or 0, item.pk)):
            rows.append(
                {
                    "competency_code": competency.code,
                    "competency_name_ar": competency.name_ar,
                    "competency_name_en": competency.name_en,
                    "item_code": item.code,
                    "self_ar": item.self_ar,
                    "self_en": item.self_en,
                    "others_ar": item.others_ar,
                    "others_en": item.others_en,
                }
            )
    return rows


def _create_version(*, rows: list[dict[str, str]], name_ar: str, name_en: str, based_on: Framework | None) -> Framework:
    framework = Framework.objects.create(version=_next_version(), name_ar=name_ar, name_en=name_en, based_on=based_on)
    competencies: dict[str, Competency] = {}
    item_positions: dict[str, int] = {}
    for row in rows:
        code = row["competency_code"]
        if code not in competencies:
            competencies[code] = Competency.objects.create(
                framework=framework,
                code=code,
                name_ar=row["competency_name_ar"],
                name_en=row["competency_name_en"],
                sort_order=len(competencies),
            )
            item_positions[code] = 0
        Item.objects.create(
            competency=competencies[code],
            code=row["item_code"],
            self_ar=row["self_ar"],
            self_en=row["self_en"],
            others_ar=row["others_ar"],
            others_en=row["others_en"],
            sort_order=item_positions[code],
        )
        item_positions[code] += 1
    return framework


@transaction.atomic
def copy_framework(*, framework: Framework, by=None) -> Framework:
    """A new version with the same competencies and statements as ``framework``."""
    copy = _create_version(
        rows=framework_rows(framework=framework),
        name_ar=framework.name_ar,
        name_en=framework.name_en,
        based_on=framework,
    )
    audit.record(
        action=audit.NEW_FRAMEWORK_VERSION,
        instance=copy,
        by=by,
        data={"version": copy.version, "based_on": framework.version},
    )
    return copy


def framework_for_editing(*, framework: Framework, by=None) -> Framework:
    """The framework to edit when someone edits ``framework``: itself while no opened
    cycle uses it, otherwise a new version copied from it."""
    if framework.is_in_use:
        return copy_framework(framework=framework, by=by)
    return framework


def validate_framework_rows(rows: Iterable[tuple[int, dict[str, str]]]) -> list[str]:
    """Every problem of the rows, each naming its row; empty when the rows make a framework."""
    problems: list[str] = []
    competency_names: dict[str, tuple[str, str]] = {}
    item_rows: dict[str, int] = {}
    count = 0
    for number, row in rows:
        count += 1
        for column in FRAMEWORK_COLUMNS:
            if not row.get(column, "").strip():
                problems.append(_("Row %(row)s: %(column)s is empty.") % {"row": number, "column": column})
        for column in ("competency_code", "item_code"):
            value = row.get(column, "")
            if value:
                try:
                    code_validator(value)
                except ValidationError:
                    problems.append(
                        _(
                            "Row %(row)s: %(column)s “%(value)s” may use only lower-case Latin letters, "
                            "digits, hyphens and underscores."
                        )
                        % {"row": number, "column": column, "value": value}
                    )
        code = row.get("competency_code", "")
        names = (row.get("competency_name_ar", ""), row.get("competency_name_en", ""))
        if code and code in competency_names and competency_names[code] != names:
            problems.append(
                _("Row %(row)s: competency %(code)s has different names than on an earlier row.")
                % {"row": number, "code": code}
            )
        competency_names.setdefault(code, names)
        item_code = row.get("item_code", "")
        if item_code and item_code in item_rows:
            problems.append(
                _("Row %(row)s: statement code %(code)s is already used on row %(first)s.")
                % {"row": number, "code": item_code, "first": item_rows[item_code]}
            )
        item_rows.setdefault(item_code, number)
    if count == 0:
        problems.append(_("The file has no statements."))
    return problems


@transaction.atomic
def import_framework(
    *, rows: list[tuple[int, dict[str, str]]], name_ar: str | None = None, name_en: str | None = None, by=None
) -> Framework:
    """A new framework version from spreadsheet rows; all or nothing, every bad row named."""
    problems = validate_framework_rows(rows)
    if problems:
        raise ValidationError(problems)
    previous = latest_framework()
    framework = _create_version(
        rows=[{column: row[column].strip() for column in FRAMEWORK_COLUMNS} for _number, row in rows],
        name_ar=name_ar or (previous.name_ar if previous else "نموذج القدرات"),
        name_en=name_en or (previous.name_en if previous else "Capability model"),
        based_on=previous,
    )
    audit.record(
        action=audit.IMPORT_FRAMEWORK,
        instance=framework,
        by=by,
        data={"version": framework.version, "statements": len(rows)},
    )
    return framework
