"""``manage.py import_knowledge DIR [--draft] [--user USERNAME]``: import a folder of
Markdown files with YAML front matter (see ``knowledge.importing``). All or nothing."""

from __future__ import annotations

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from knowledge.importing import CREATED, UNCHANGED, UPDATED, KnowledgeImportError, import_knowledge


class Command(BaseCommand):
    help = (
        "Import knowledge pages (charter, guide, procedure, faq, article, announcement) from Markdown files "
        "with YAML front matter. Nothing is saved if any file has a problem."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", type=Path, help="Folder of .md files (sub-folders included).")
        parser.add_argument(
            "--draft",
            action="store_true",
            help="Save draft revisions only: new pages are not live, live pages keep their live version.",
        )
        parser.add_argument("--user", help="Username recorded as the author of the revisions.")

    def handle(self, *args, **options) -> None:
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(_("No user with the username “%(username)s”.") % {"username": options["user"]})
        directory: Path = options["directory"]
        try:
            report = import_knowledge(directory=directory, draft=options["draft"], user=user)
        except KnowledgeImportError as error:
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

        for page_type, counter in report.pages.items():
            self.stdout.write(
                _("%(type)-10s created %(created)3d  updated %(updated)3d  unchanged %(unchanged)3d")
                % {
                    "type": page_type,
                    "created": counter[CREATED],
                    "updated": counter[UPDATED],
                    "unchanged": counter[UNCHANGED],
                }
            )
        if report.agencies_created:
            self.stdout.write(
                _("New agencies (rename them in the admin): %(slugs)s") % {"slugs": ", ".join(report.agencies_created)}
            )
        if report.topics_created:
            self.stdout.write(
                _("New FAQ topics (rename them in the admin): %(slugs)s") % {"slugs": ", ".join(report.topics_created)}
            )
        written = report.total(CREATED) + report.total(UPDATED)
        if report.draft:
            message = _("Import finished: %(count)s page(s) saved as drafts.") % {"count": written}
        else:
            message = _("Import finished: %(count)s page(s) published.") % {"count": written}
        self.stdout.write(self.style.SUCCESS(message))
