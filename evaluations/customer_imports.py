"""Importing customers' ratings collected elsewhere (kiosks, phone surveys) from CSV.

Columns: ``source_ref, employee_id, submitted_at, channel, overall, respect, time,
clarity, solved, comment``. All or nothing: every problem is listed by row number (the
spreadsheet's numbering: the header is row 1) and nothing is saved. ``source_ref`` is
unique in the database, so importing the same file again changes nothing ("unchanged");
a row whose ``source_ref`` is known but whose answers differ updates that rating."""

from __future__ import annotations

import copy
import csv
import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from .models import CustomerRating, Employee, FeedbackChannel
from .models.customer import SCORE_MAX, SCORE_MIN
from .signals import customer_ratings_changed

COLUMNS = (
    "source_ref",
    "employee_id",
    "submitted_at",
    "channel",
    "overall",
    "respect",
    "time",
    "clarity",
    "solved",
    "comment",
)
OPTIONAL_SCORES = ("respect", "time", "clarity", "solved")
COMPARED_FIELDS = ("employee_id", "submitted_at", "channel", "overall", *OPTIONAL_SCORES, "comment")
SOURCE_REF_MAX_LENGTH = CustomerRating._meta.get_field("source_ref").max_length


class CustomerFeedbackImportError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class CustomerFeedbackImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rows: int = 0
    problems: list[str] = field(default_factory=list)


def _score(value: str, *, row: int, column: str, required: bool, problems: list[str]) -> int | None:
    value = value.strip()
    if not value:
        if required:
            problems.append(_("Row %(row)s: %(column)s is required (1 to 5).") % {"row": row, "column": column})
        return None
    try:
        score = int(value)
    except ValueError:
        score = None
    if score is None or not SCORE_MIN <= score <= SCORE_MAX:
        problems.append(
            _("Row %(row)s: %(column)s must be a whole number from 1 to 5, not “%(value)s”.")
            % {"row": row, "column": column, "value": value}
        )
        return None
    return score


def _moment(value: str, *, row: int, problems: list[str]) -> datetime | None:
    value = value.strip()
    try:
        moment = parse_datetime(value) if value else None
    except ValueError:
        moment = None
    if moment is None:
        problems.append(
            _(
                "Row %(row)s: submitted_at must be an ISO 8601 date and time "
                "(e.g. 2026-11-30T09:15:00+03:00), not “%(value)s”."
            )
            % {"row": row, "value": value}
        )
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _read_rows(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip() for name in (reader.fieldnames or [])]
    reader.fieldnames = header
    return header, list(reader)


def parse_customer_feedback(text: str) -> tuple[list[CustomerRating], list[str]]:
    """The ratings a CSV text describes (unsaved), and every problem found."""
    problems: list[str] = []
    header, rows = _read_rows(text)
    unknown = [name for name in header if name not in COLUMNS]
    missing = [name for name in COLUMNS if name not in header]
    if unknown:
        problems.append(_("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)})
    if missing:
        problems.append(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    if problems:
        return [], problems
    if not rows:
        return [], [_("The file has no rows to import.")]

    employee_ids = {row["employee_id"].strip() for row in rows if row.get("employee_id")}
    employees = {
        employee.employee_id: employee.pk for employee in Employee.objects.filter(employee_id__in=employee_ids)
    }
    seen: dict[str, int] = {}
    ratings: list[CustomerRating] = []
    for number, row in enumerate(rows, start=2):
        if None in row:  # more cells than columns
            problems.append(_("Row %(row)s: more cells than columns.") % {"row": number})
            continue
        row = {name: (value or "") for name, value in row.items()}
        source_ref = row["source_ref"].strip()
        if not source_ref:
            problems.append(_("Row %(row)s: source_ref is required.") % {"row": number})
        elif len(source_ref) > SOURCE_REF_MAX_LENGTH:
            problems.append(
                _("Row %(row)s: source_ref is longer than %(limit)s characters.")
                % {"row": number, "limit": SOURCE_REF_MAX_LENGTH}
            )
        elif source_ref in seen:
            problems.append(
                _("Row %(row)s: source_ref “%(source_ref)s” is already used in row %(first)s.")
                % {"row": number, "source_ref": source_ref, "first": seen[source_ref]}
            )
        else:
            seen[source_ref] = number
        employee_id = row["employee_id"].strip()
        employee_pk = employees.get(employee_id)
        if employee_pk is None:
            problems.append(
                _("Row %(row)s: unknown employee “%(employee_id)s”.") % {"row": number, "employee_id": employee_id}
            )
        submitted_at = _moment(row["submitted_at"], row=number, problems=problems)
        channel = row["channel"].strip()
        if channel not in FeedbackChannel.values:
            problems.append(
                _("Row %(row)s: channel must be one of %(channels)s, not “%(value)s”.")
                % {"row": number, "channels": ", ".join(FeedbackChannel.values), "value": channel}
            )
        overall = _score(row["overall"], row=number, column="overall", required=True, problems=problems)
        optional = {
            name: _score(row[name], row=number, column=name, required=False, problems=problems)
            for name in OPTIONAL_SCORES
        }
        ratings.append(
            CustomerRating(
                source_ref=source_ref,
                employee_id=employee_pk,
                submitted_at=submitted_at,
                channel=channel,
                overall=overall,
                comment=row["comment"].strip(),
                **optional,
            )
        )
    return ratings, problems


@transaction.atomic
def import_customer_feedback(*, text: str) -> CustomerFeedbackImportReport:
    """Import the CSV ``text``; raises ``CustomerFeedbackImportError`` (nothing saved) on
    any problem."""
    ratings, problems = parse_customer_feedback(text)
    if problems:
        raise CustomerFeedbackImportError(problems)
    report = CustomerFeedbackImportReport(rows=len(ratings))
    existing = {
        rating.source_ref: rating
        for rating in CustomerRating.objects.select_for_update().filter(
            source_ref__in=[rating.source_ref for rating in ratings]
        )
    }
    new, changed, before = [], [], []
    for rating in ratings:
        current = existing.get(rating.source_ref)
        if current is None:
            rating.full_clean(validate_unique=False, validate_constraints=False)
            new.append(rating)
        elif any(getattr(current, name) != getattr(rating, name) for name in COMPARED_FIELDS):
            before.append(copy.copy(current))
            for name in COMPARED_FIELDS:
                setattr(current, name, getattr(rating, name))
            current.full_clean(validate_unique=False, validate_constraints=False)
            changed.append(current)
        else:
            report.unchanged += 1
    CustomerRating.objects.bulk_create(new, batch_size=500)
    CustomerRating.objects.bulk_update(changed, COMPARED_FIELDS, batch_size=500)
    if new or changed:
        customer_ratings_changed.send(sender=CustomerRating, added=[*new, *changed], removed=before)
    report.created, report.updated = len(new), len(changed)
    return report


def import_customer_feedback_file(*, path: Path) -> CustomerFeedbackImportReport:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise CustomerFeedbackImportError(
            [_("Cannot read %(path)s as UTF-8 text: %(error)s") % {"path": path, "error": error}]
        ) from error
    return import_customer_feedback(text=text)
