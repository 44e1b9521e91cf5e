"""``manage.py import_customer_feedback FILE``: load customers' ratings collected elsewhere
(kiosks, phone surveys) from CSV. All or nothing; re-importing never double-counts."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from evaluations.customer_imports import COLUMNS, CustomerFeedbackImportError, import_customer_feedback_file


class Command(BaseCommand):
    help = "Import customers' ratings from a CSV file with the columns: " + ", ".join(COLUMNS) + "."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="CSV file (UTF-8).")

    def handle(self, *args, **options) -> None:
        try:
            report = import_customer_feedback_file(path=options["file"])
        except CustomerFeedbackImportError as error:
            lines = [
                ngettext(
                    "Nothing was imported: %(count)s problem found.",
                    "Nothing was imported: %(count)s problems found.",
                    len(error.problems),
                )
                % {"count": len(error.problems)}
            ]
            lines += [f"  {problem}" for problem in error.problems]
            raise CommandError("\n".join(lines)) from error
        self.stdout.write(
            _("Customer ratings: created %(created)s, updated %(updated)s, unchanged %(unchanged)s.")
            % {"created": report.created, "updated": report.updated, "unchanged": report.unchanged}
        )
