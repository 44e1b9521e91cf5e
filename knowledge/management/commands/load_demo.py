"""``manage.py load_demo``: the demo content in Arabic and English, and (in demo mode)
one account per role. It only creates what is missing: a page that exists (an editor's
work included) is never changed, and a re-run says what it left alone."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand

from knowledge.demo.loader import CREATED, KEPT, load_demo


def _programme_loaders():
    """The demo of the evaluations and awards apps, in order: the organisation, customers'
    ratings and cycles, then award seasons. Each only adds what is missing."""
    from awards.demo import load_demo_awards
    from evaluations.demo import load_demo_evaluations, load_demo_organisation

    def organisation() -> list[str]:
        report = load_demo_organisation()
        return [report.plan.summary()] if report.changed else []

    return [("organisation", organisation), ("evaluations", load_demo_evaluations), ("awards", load_demo_awards)]


class Command(BaseCommand):
    help = (
        "Load the bilingual demo content into an empty site (and, in demo mode, the demo accounts). "
        "Existing pages are never changed; safe to run again."
    )

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

    def load_programmes(self) -> None:
        for name, loader in _programme_loaders():
            done = loader()
            if done:
                for line in done:
                    self.stdout.write(f"{name:<13} {line}")
            else:
                self.stdout.write(f"{name:<13} already loaded: left alone")

    def handle(self, *args, **options) -> None:
        with_users = settings.TAMAYUZ_DEMO_MODE and not options["no_users"]
        report = load_demo(with_users=with_users)

        for kind, counter in report.pages.pages.items():
            self.stdout.write(f"{kind:<13} created {counter[CREATED]:>3}  left alone {counter[KEPT]:>3}")
        reference = report.reference
        self.stdout.write(f"{'reference':<13} created {reference[CREATED]:>3}  left alone {reference[KEPT]:>3}")
        if report.pages.kept_changed:
            self.stdout.write(
                self.style.WARNING(
                    f"Left alone, although they differ from the demo (changed by editors since): "
                    f"{len(report.pages.kept_changed)} page(s):"
                )
            )
            for path in report.pages.kept_changed:
                self.stdout.write(f"  {path}")
        if report.pages_created == 0 and not report.users_created and not report.reference[CREATED]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo content already loaded: nothing changed ({report.pages_kept} existing page(s) left alone)."
                )
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo content loaded: {report.pages_created} page(s) created, "
                    f"{report.pages_kept} existing page(s) left alone."
                )
            )

        self.load_programmes()

        if not with_users:
            if not settings.TAMAYUZ_DEMO_MODE:
                self.stdout.write("Demo accounts are only created in demo mode (TAMAYUZ_DEMO_MODE=true).")
            return
        self.stdout.write("")
        self.stdout.write(self.style.WARNING("Demo sign-ins (demo mode only, never in production):"))
        for user in report.users:
            role = user.get("role") or "Administrator"
            password = user["password"] or "(password changed: not shown)"
            self.stdout.write(f"  {role:<13} {user['username']:<11} / {password}")
        site_url = options["site_url"].rstrip("/")
        self.stdout.write(f"  Sign in at {site_url}/accounts/login/ ; the Wagtail admin is at {site_url}/admin/.")
        self.stdout.write(
            "  Editors, Reviewers, HR, Leadership and the administrator are asked to set up two-step verification."
        )
