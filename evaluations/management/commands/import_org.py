"""manage.py import_org FILE [--dry-run] [--deactivate-missing]: import HR's organisation file."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from evaluations.services.organisation import OrgImportError, apply_org_import, plan_org_import


class Command(BaseCommand):
    help = "Import agencies' units and employees from a CSV or XLSX file (all or nothing)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="a .csv (UTF-8) or .xlsx file")
        parser.add_argument("--dry-run", action="store_true", help="say what would change, save nothing")
        parser.add_argument(
            "--deactivate-missing",
            action="store_true",
            help="make employees of the file's agencies who are absent from it inactive (never deleted)",
        )

    def handle(self, *args, file: str, dry_run: bool, deactivate_missing: bool, **options) -> None:
        try:
            plan = plan_org_import(source=file, deactivate_missing=deactivate_missing)
        except OrgImportError as error:
            raise CommandError(
                _("Nothing was imported. Problems:") + "\n" + "\n".join(f"  {problem}" for problem in error.problems)
            ) from error
        for label, items in (
            (_("to create"), plan.created),
            (_("to update"), plan.updated),
            (_("unchanged"), plan.unchanged),
            (_("to make inactive"), plan.deactivated),
        ):
            if items:
                self.stdout.write(f"{label}: {', '.join(items)}")
        self.stdout.write(plan.summary())
        if dry_run:
            self.stdout.write(_("Dry run: nothing was saved."))
            return
        apply_org_import(plan=plan)
        self.stdout.write(self.style.SUCCESS(_("Imported.")))
