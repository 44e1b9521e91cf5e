"""``manage.py framework export [-o FILE]`` and ``manage.py framework import FILE``: the
competency framework as a CSV or XLSX spreadsheet for HR and translators."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from evaluations.exports import write_csv, write_xlsx
from evaluations.models import Framework
from evaluations.services import framework_rows, import_framework, latest_framework
from evaluations.services.framework import FRAMEWORK_COLUMNS
from evaluations.tables import read_table


class Command(BaseCommand):
    help = "Export or import the competency framework (CSV or XLSX); an import makes a new version."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser("export", help="Write the latest (or a given) version.")
        export.add_argument("-o", "--output", help="A .csv or .xlsx file (default: CSV on standard output).")
        export.add_argument("--version", dest="framework_version", type=int, help="The version to export.")
        imported = sub.add_parser("import", help="Read a spreadsheet into a new version.")
        imported.add_argument("file")
        imported.add_argument("--name-ar")
        imported.add_argument("--name-en")

    def handle(self, *args, action: str, **options):
        if action == "export":
            self._export(options.get("output"), options.get("framework_version"))
        else:
            self._import(options["file"], options.get("name_ar"), options.get("name_en"))

    def _export(self, output: str | None, version: int | None) -> None:
        framework = Framework.objects.filter(version=version).first() if version else latest_framework()
        if framework is None:
            raise CommandError("No such framework version." if version else "There is no framework yet.")
        rows = [[row[column] for column in FRAMEWORK_COLUMNS] for row in framework_rows(framework=framework)]
        if output and Path(output).suffix.lower() == ".xlsx":
            write_xlsx(output, headings=FRAMEWORK_COLUMNS, rows=rows)
        elif output:
            with open(output, "w", encoding="utf-8", newline="") as stream:
                write_csv(stream, headings=FRAMEWORK_COLUMNS, rows=rows)
        else:
            write_csv(sys.stdout, headings=FRAMEWORK_COLUMNS, rows=rows)
            return
        self.stdout.write(f"Framework version {framework.version}: {len(rows)} statements written to {output}.")

    def _import(self, path: str, name_ar: str | None, name_en: str | None) -> None:
        try:
            table = read_table(path, expected=FRAMEWORK_COLUMNS)
            framework = import_framework(rows=table.rows, name_ar=name_ar, name_en=name_en)
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from error
        self.stdout.write(
            self.style.SUCCESS(f"Framework version {framework.version} created from {len(table.rows)} statements.")
        )
