"""The one way the portal writes CSV: UTF-8 with a byte-order mark (so Excel reads Arabic),
``text/csv; charset=utf-8``, and every text cell that a spreadsheet would run as a formula
neutralised with a leading apostrophe (CSV/formula injection).

Plain views call :func:`write_csv_response`; Wagtail report views (``ReportView`` and other
``SpreadsheetExportMixin`` views) mix in :class:`SafeCsvExportMixin` before the view class."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any

from django.http import StreamingHttpResponse
from django.utils.encoding import force_str

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
BYTE_ORDER_MARK = "\ufeff"
#: A cell starting with one of these is read as a formula by Excel, LibreOffice or Sheets.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str | int | float:
    """``value`` as a CSV cell: numbers stay numbers (a negative count is not a formula);
    text that starts like a formula gets a leading apostrophe, so it is shown as typed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return value
    text = force_str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


class _LineBuffer:
    """The write side of a file that hands back what it is given (one CSV line at a time)."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[Iterable[Any]]) -> Iterator[bytes]:
    """The encoded lines of a CSV file: the byte-order mark, then each row with safe cells."""
    yield BYTE_ORDER_MARK.encode("utf-8")
    writer = csv.writer(_LineBuffer())
    for row in rows:
        yield writer.writerow([safe_cell(value) for value in row]).encode("utf-8")


def csv_attachment(lines: Iterable[bytes], *, filename: str) -> StreamingHttpResponse:
    """A streamed CSV download named ``filename`` from already encoded ``lines``."""
    response = StreamingHttpResponse(lines, content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def write_csv_response(
    *, filename: str, headings: Iterable[Any], rows: Iterable[Iterable[Any]]
) -> StreamingHttpResponse:
    """A CSV download: ``headings`` then ``rows`` (any iterables of cell values)."""

    def all_rows() -> Iterator[Iterable[Any]]:
        yield headings
        yield from rows

    return csv_attachment(csv_lines(all_rows()), filename=filename)


class SafeCsvExportMixin:
    """For Wagtail's ``SpreadsheetExportMixin`` views (``ReportView``, listings): their CSV
    goes through :func:`csv_lines` (BOM, charset, neutralised formulas)."""

    def stream_csv(self, queryset) -> Iterator[bytes]:
        fields = list(self.list_export)

        def rows() -> Iterator[list[Any]]:
            yield [self.get_heading(queryset, field) for field in fields]
            for item in queryset:
                row = self.to_row_dict(item)
                yield [self.preprocess_field_value(field, row[field], self.FORMAT_CSV) for field in fields]

        return csv_lines(rows())

    def write_csv_response(self, queryset) -> StreamingHttpResponse:
        return csv_attachment(self.stream_csv(queryset), filename=f"{self.get_filename()}.csv")
