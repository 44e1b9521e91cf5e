"""``manage.py search_index --create`` / ``--rebuild`` / ``--check`` / ``--replay [--every SECONDS]``.

``--create`` and ``--rebuild`` create Elasticsearch indices, the alias and the synonyms
set: run them with the administrative key (``ELASTICSEARCH_ADMIN_API_KEY``); the web
process never creates them. With the embedded backend ``--create`` makes sure the index
file exists (it creates itself on first use anyway)."""

from __future__ import annotations

import logging
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from tqdm import tqdm

from search.backends import get_search_backend
from search.backends.base import SearchUnavailable
from search.indexing import check_index, count_indexable_pages, rebuild_index, replay_pending_changes

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Create the search index, rebuild it from the live pages, check it against them,"
        " or apply the changes it missed."
    )

    def add_arguments(self, parser) -> None:
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument(
            "--create",
            action="store_true",
            help="Create the index, its alias and the synonyms set if missing (administrative key).",
        )
        group.add_argument("--rebuild", action="store_true", help="Build a new index and swap it in.")
        group.add_argument(
            "--check",
            action="store_true",
            help="Report pages missing from, stale in, orphaned in or with the wrong audience in the index.",
        )
        group.add_argument(
            "--replay", action="store_true", help="Apply the page changes the index has not applied yet (the outbox)."
        )
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")
        parser.add_argument(
            "--every",
            type=int,
            default=0,
            metavar="SECONDS",
            help="With --replay: keep replaying every SECONDS seconds until stopped.",
        )

    def handle(self, *args, **options) -> None:
        if options["every"] and not options["replay"]:
            raise CommandError(_("--every goes with --replay."))
        if options["every"] < 0:
            raise CommandError(_("--every takes a number of seconds above zero."))
        try:
            if options["create"]:
                self._create()
            elif options["rebuild"]:
                self._rebuild(show_progress=not options["no_progress"])
            elif options["replay"]:
                self._replay(every=options["every"])
            else:
                self._check()
        except SearchUnavailable as error:
            raise CommandError(str(error)) from error

    def _create(self) -> None:
        backend = get_search_backend()
        create = getattr(backend, "create", None)
        if create is None:
            self.stdout.write(_("The embedded search index creates itself on first use."))
            return
        if not create():
            self.stdout.write(_("The search index already exists."))
            return
        self.stdout.write(_("Created the search index. Run search_index --rebuild to fill it."))

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

    def _replay_once(self) -> int:
        applied = replay_pending_changes()
        if applied:
            self.stdout.write(
                ngettext(
                    "Applied %(count)d pending change to the search index.",
                    "Applied %(count)d pending changes to the search index.",
                    applied,
                )
                % {"count": applied}
            )
        return applied

    def _replay(self, *, every: int) -> None:
        if not every:
            self._replay_once()
            return
        while True:  # until stopped (make run stops it with the server)
            close_old_connections()
            try:
                self._replay_once()
            except Exception:  # engine down: the changes stay in the outbox for the next round
                logger.exception("Replaying the search index outbox failed")
            time.sleep(every)

    def _check(self) -> None:
        report = check_index()
        problems = {
            _("Missing from the index"): report.missing,
            _("Stale in the index"): report.stale,
            _("Orphaned in the index"): report.orphaned,
            _("Indexed with the wrong audience"): report.wrong_audience,
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
