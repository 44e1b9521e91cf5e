"""Add the vocabulary groups of search/vocabulary/groups.yaml that are not there yet."""

from django.core.management.base import BaseCommand
from django.db import transaction

from search.models import Synonym
from search.synonyms import invalidate_synonyms
from search.vocabulary import seed_vocabulary


class Command(BaseCommand):
    help = "Add the seed vocabulary groups (dialect, loanwords, cross-language) missing from the synonym groups."

    def handle(self, *args, **options):
        with transaction.atomic():
            added = seed_vocabulary(Synonym)
        invalidate_synonyms()
        self.stdout.write(f"{added} vocabulary group(s) added.")
