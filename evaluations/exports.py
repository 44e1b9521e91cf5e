"""Writing tables for spreadsheets: CSV as UTF-8 with a byte-order mark (so Excel reads
Arabic) and every text cell that a spreadsheet would run as a formula neutralised, or
XLSX through openpyxl with the same neutralised cells (the one rule:
``portal.csv_export.safe_cell``)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from portal.csv_export import safe_cell

BYTE_ORDER_MARK = "\ufeff"


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
