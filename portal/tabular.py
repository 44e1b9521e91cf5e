"""Reading the spreadsheets HR and editors upload (CSV or XLSX) into rows, with the header
checked and every problem named by row number in the reader's language.

One reader for every import (organisation, frameworks, responses, customer ratings): the
file type is told by its name or its first bytes, CSV may be UTF-8 with or without a BOM
(what Excel writes), and XLSX is read with openpyxl from the first worksheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from django.utils.translation import gettext as _

#: Row 1 is the header, so the first data row is row 2, as a spreadsheet numbers it.
FIRST_DATA_ROW = 2
#: Uploads larger than this are refused before they are parsed.
MAX_TABLE_BYTES = 10 * 1024 * 1024

_XLSX_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Problem:
    row: int | None
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return self.message
        return _("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}


class TableError(Exception):
    """The file cannot be imported; ``problems`` names every reason."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass
class Table:
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)


def read_table(
    source: str | Path | BinaryIO | bytes,
    *,
    required: Iterable[str],
    optional: Iterable[str] = (),
    filename: str | None = None,
) -> Table:
    """Read ``source`` (a path, an open binary file or bytes) into a :class:`Table`.

    Cells are stripped strings ("" for empty). Unknown, missing or repeated columns raise
    :class:`TableError` before any row is looked at; wholly empty rows are skipped."""
    data, name = _read_bytes(source, filename)
    if len(data) > MAX_TABLE_BYTES:
        raise TableError(
            [Problem(None, _("The file is larger than %(size)s MB.") % {"size": MAX_TABLE_BYTES // (1024 * 1024)})]
        )
    if data.startswith(_XLSX_MAGIC) or (name or "").lower().endswith(".xlsx"):
        header, raw_rows = _xlsx_rows(data)
    else:
        header, raw_rows = _csv_rows(data)
    required, optional = list(required), list(optional)
    columns = [column.strip().lower() for column in header]
    problems: list[Problem] = []
    known = set(required) | set(optional)
    for column in columns:
        if column and column not in known:
            problems.append(Problem(1, _("Unknown column “%(column)s”.") % {"column": column}))
    for column in {column for column in columns if columns.count(column) > 1 and column}:
        problems.append(Problem(1, _("The column “%(column)s” appears more than once.") % {"column": column}))
    for column in required:
        if column not in columns:
            problems.append(Problem(1, _("The column “%(column)s” is missing.") % {"column": column}))
    if problems:
        raise TableError(problems)
    table = Table(columns=columns)
    for offset, values in enumerate(raw_rows):
        cells = [_cell(value) for value in values]
        if not any(cells):
            continue
        row = {column: (cells[index] if index < len(cells) else "") for index, column in enumerate(columns) if column}
        for column in optional:
            row.setdefault(column, "")
        table.rows.append((FIRST_DATA_ROW + offset, row))
    return table


def _read_bytes(source, filename: str | None) -> tuple[bytes, str | None]:
    if isinstance(source, bytes):
        return source, filename
    if isinstance(source, str | Path):
        path = Path(source)
        try:
            return path.read_bytes(), filename or path.name
        except OSError as error:
            raise TableError([Problem(None, _("The file cannot be read: %(error)s") % {"error": error})]) from error
    return source.read(), filename or getattr(source, "name", None)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _csv_rows(data: bytes) -> tuple[list[str], list[list[str]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TableError([Problem(None, _("The file is not UTF-8 text or an Excel workbook (.xlsx)."))]) from error
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise TableError([Problem(None, _("The CSV file cannot be read: %(error)s") % {"error": error})]) from error
    if not rows:
        raise TableError([Problem(None, _("The file is empty."))])
    return rows[0], rows[1:]


def _xlsx_rows(data: bytes) -> tuple[list[str], list[list]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise TableError([Problem(None, _("The Excel workbook cannot be read."))]) from error
    try:
        rows = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
    if not rows:
        raise TableError([Problem(None, _("The file is empty."))])
    return [_cell(value) for value in rows[0]], rows[1:]
