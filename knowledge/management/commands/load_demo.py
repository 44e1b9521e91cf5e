"""``manage.py load_demo``: the demo content in Arabic and English, and (in demo mode)
one account per role. Idempotent: a second run changes nothing."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand

from knowledge.demo.loader import CREATED, UNCHANGED, UPDATED, load_demo


class Command(BaseCommand):
    help = "Load the bilingual demo content (and, in demo mode, the demo accounts). Safe to run again."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--no-users",
            action="store_true",
            help="Do not create the demo accounts (they are never created outside demo mode).",
        )
        parser.add_argument(
            "--site-url",
            default="http://127.0.0.1:8000",
            help="Where the portal is served, for the sign-in address printed with the demo accounts.",
        )

    def handle(self, *args, **options) -> None:
        with_users = settings.TAMAYUZ_DEMO_MODE and not options["no_users"]
        report = load_demo(with_users=with_users)

        for kind, counter in sorted(report.pages.items()):
            self.stdout.write(
                f"{kind:<13} created {counter[CREATED]:>3}  updated {counter[UPDATED]:>3}  "
                f"unchanged {counter[UNCHANGED]:>3}"
            )
        reference = report.reference
        self.stdout.write(
            f"{'reference':<13} created {reference[CREATED]:>3}  updated {reference[UPDATED]:>3}  "
            f"unchanged {reference[UNCHANGED]:>3}"
        )
        if report.pages_written == 0 and not report.users_created:
            self.stdout.write(self.style.SUCCESS("Demo content already up to date: nothing changed."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {report.pages_written} page(s) written."))

        if not with_users:
            if not settings.TAMAYUZ_DEMO_MODE:
                self.stdout.write("Demo accounts are only created in demo mode (TAMAYUZ_DEMO_MODE=true).")
            return
        self.stdout.write("")
        self.stdout.write(self.style.WARNING("Demo sign-ins (demo mode only, never in production):"))
        for user in report.users:
            role = user.get("role") or "Administrator"
            self.stdout.write(f"  {role:<13} {user['username']:<11} / {user['password']}")
        site_url = options["site_url"].rstrip("/")
        self.stdout.write(f"  Sign in at {site_url}/accounts/login/ ; the Wagtail admin is at {site_url}/admin/.")
        self.stdout.write(
            "  Editors, Reviewers, HR, Leadership and the administrator are asked to set up two-step verification."
        )
