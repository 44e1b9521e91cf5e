"""``manage.py search_index --rebuild`` / ``--check``."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from search.indexing import check_index, count_indexable_pages, rebuild_index


class Command(BaseCommand):
    help = "Rebuild the search index from the live pages, or check it against them."

    def add_arguments(self, parser) -> None:
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument("--rebuild", action="store_true", help="Build a new index and swap it in.")
        group.add_argument(
            "--check", action="store_true", help="Report pages missing from, stale in or orphaned in the index."
        )
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, *args, **options) -> None:
        if options["rebuild"]:
            self._rebuild(show_progress=not options["no_progress"])
        else:
            self._check()

    def _rebuild(self, *, show_progress: bool) -> None:
        total = count_indexable_pages()
        with tqdm(total=total, unit="doc", disable=not show_progress, file=self.stderr._out, desc=_("Indexing")) as bar:
            count = rebuild_index(progress=bar.update)
        self.stdout.write(
            ngettext(
                "Indexed %(count)d page into a new index.",
                "Indexed %(count)d pages into a new index.",
                count,
            )
            % {"count": count}
        )

    def _check(self) -> None:
        report = check_index()
        problems = {
            _("Missing from the index"): report.missing,
            _("Stale in the index"): report.stale,
            _("Orphaned in the index"): report.orphaned,
        }
        lines = [
            _("%(label)s: %(count)d (%(ids)s)")
            % {"label": label, "count": len(page_ids), "ids": ", ".join(str(page_id) for page_id in page_ids)}
            for label, page_ids in problems.items()
            if page_ids
        ]
        if lines:
            # The page ids are part of the error, so they reach whoever runs the check
            # (the terminal's stderr, a CI log, or call_command's caller).
            raise CommandError("\n".join([_("The search index is out of date: run search_index --rebuild."), *lines]))
        self.stdout.write(_("The search index matches the live pages."))
