"""``manage.py export_cycle SLUG [--format csv|xlsx] [-o FILE]``: a closed cycle's frozen
results, one row per employee × competency (or ``overall``) × rater group."""

from __future__ import annotations

import sys

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from evaluations.exports import write_csv, write_xlsx
from evaluations.models import Cycle
from evaluations.selectors import EXPORT_COLUMNS, cycle_export_rows


class Command(BaseCommand):
    help = "Export a closed cycle's results (aggregates only) as CSV or XLSX."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--format", choices=("csv", "xlsx"), default="csv")
        parser.add_argument("-o", "--output", help="The file to write (default: CSV on standard output).")

    def handle(self, *args, slug: str, format: str, output: str | None, **options):
        cycle = Cycle.objects.filter(slug=slug).first()
        if cycle is None:
            raise CommandError(f"No cycle with the slug {slug!r}.")
        if format == "xlsx" and not output:
            raise CommandError("An XLSX export needs an output file (-o FILE).")
        try:
            rows = cycle_export_rows(cycle=cycle)
            if format == "xlsx":
                write_xlsx(output, headings=EXPORT_COLUMNS, rows=rows)
            elif output:
                with open(output, "w", encoding="utf-8", newline="") as stream:
                    write_csv(stream, headings=EXPORT_COLUMNS, rows=rows)
            else:
                write_csv(sys.stdout, headings=EXPORT_COLUMNS, rows=rows)
        except PermissionDenied as error:
            raise CommandError(str(error)) from error
        if output:
            self.stdout.write(self.style.SUCCESS(f"Cycle {slug} exported to {output}."))
