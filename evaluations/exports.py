"""Writing tables for spreadsheets: CSV as UTF-8 with a byte-order mark (so Excel reads
Arabic) and every text cell that a spreadsheet would run as a formula neutralised, or
XLSX through openpyxl with the same neutralised cells.

A local helper until the shared ``portal/csv_export.py`` reaches this branch; its
``safe_cell`` rule is the same."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

BYTE_ORDER_MARK = "\ufeff"
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str | int | float:
    """Numbers stay numbers; text that starts like a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    text = str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def write_csv(stream: IO[str], *, headings: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Write a spreadsheet-safe CSV to a text stream opened with ``newline=""``."""
    stream.write(BYTE_ORDER_MARK)
    writer = csv.writer(stream)
    writer.writerow([safe_cell(value) for value in headings])
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])


def write_xlsx(path: str | Path | IO[bytes], *, headings: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append([safe_cell(value) for value in headings])
    for row in rows:
        sheet.append([safe_cell(value) for value in row])
    workbook.save(path)
