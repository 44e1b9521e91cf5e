"""``manage.py import_responses FILE --cycle SLUG``: answers collected on paper or in
another system (CSV or XLSX), all or nothing."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from evaluations.models import Cycle
from evaluations.services import import_responses
from evaluations.services.imports import RESPONSE_COLUMNS
from evaluations.tables import read_table


class Command(BaseCommand):
    help = "Import submitted evaluation answers into an open cycle (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--cycle", required=True, help="The cycle's slug.")

    def handle(self, *args, file: str, cycle: str, **options):
        found = Cycle.objects.filter(slug=cycle).first()
        if found is None:
            raise CommandError(f"No cycle with the slug {cycle!r}.")
        try:
            table = read_table(file, expected=RESPONSE_COLUMNS)
            counts = import_responses(cycle=found, rows=table.rows)
        except ValidationError as error:
            raise CommandError("Nothing was imported:\n" + "\n".join(error.messages)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {counts['responses']} responses ({counts['answers']} answers); "
                f"{counts['assignments_created']} assignments created."
            )
        )
