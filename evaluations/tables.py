"""Reading the spreadsheets HR hands in (CSV or XLSX) into rows of text, one shape for
every import of the app."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Table:
    columns: list[str]
    #: (spreadsheet row number, cells by column name); the heading is row 1.
    rows: list[tuple[int, dict[str, str]]]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_table(path: str | Path, *, expected: tuple[str, ...]) -> Table:
    """The rows of a CSV (UTF-8, with or without a byte-order mark) or XLSX file. Refuses a
    file whose heading lacks a column of ``expected`` or has one not in it."""
    path = Path(path)
    if not path.is_file():
        raise ValidationError(_("The file %(path)s does not exist.") % {"path": path})
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(path, read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise ValidationError(
                _("%(path)s is not a readable XLSX file: %(error)s") % {"path": path, "error": error}
            ) from error
        sheet_rows = [[_cell(value) for value in row] for row in workbook.active.iter_rows(values_only=True)]
        workbook.close()
    else:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValidationError(_("%(path)s is not UTF-8 text.") % {"path": path}) from error
        sheet_rows = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
    if not sheet_rows:
        raise ValidationError(_("%(path)s is empty.") % {"path": path})
    columns = [column.strip().lower() for column in sheet_rows[0]]
    while columns and not columns[-1]:
        columns.pop()
    unknown = [column for column in columns if column not in expected]
    missing = [column for column in expected if column not in columns]
    if unknown or missing:
        raise ValidationError(
            _("The heading must have the columns %(expected)s (unknown: %(unknown)s; missing: %(missing)s).")
            % {
                "expected": ", ".join(expected),
                "unknown": ", ".join(unknown) or "—",
                "missing": ", ".join(missing) or "—",
            }
        )
    rows = []
    for number, cells in enumerate(sheet_rows[1:], start=2):
        if not any(cells):
            continue
        padded = list(cells) + [""] * (len(columns) - len(cells))
        rows.append((number, dict(zip(columns, padded, strict=False))))
    return Table(columns=columns, rows=rows)
