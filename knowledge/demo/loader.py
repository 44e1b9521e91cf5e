"""Load the demo into an empty site, through the importer, without ever overwriting editors' work.

The demo content is data: Markdown files with YAML front matter under ``content/<locale>/<type>/``
(imported by :func:`knowledge.importing.import_knowledge`, the one write path for pages) and
the agencies and FAQ topics in ``reference.yaml``. Everything is created only when missing:
a page, agency, topic or account that exists is left exactly as it is, and the report says
which existing pages differ from their demo file (changed by editors since)."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.contrib.auth.models import Group
from django.db import transaction

from knowledge import page_types
from knowledge.demo import content_users
from knowledge.importing import KEEP_EXISTING, ImportReport, import_knowledge
from knowledge.models import KnowledgePage, Topic
from portal.models import Agency, User

DEMO_DIR = Path(__file__).resolve().parent
CONTENT_DIR = DEMO_DIR / "content"
REFERENCE_FILE = DEMO_DIR / "reference.yaml"

#: type key -> (page class, index key in ``LocaleTree.indexes``, or None for a child of the home page).
PAGE_KINDS: dict[str, tuple[type[KnowledgePage], str | None]] = {
    page_type.key: (page_type.model, page_type.key if page_type.index_model else None)
    for page_type in page_types.PAGE_TYPES
}

CREATED, KEPT = "created", "kept"


class DemoContentError(Exception):
    """The demo set-up cannot run (e.g. the role groups are missing: run migrate first)."""


@dataclass
class LoadReport:
    """What one run did: the import's report (pages created, or kept as they were), the
    reference rows created or kept, and the demo accounts."""

    pages: ImportReport = field(default_factory=ImportReport)
    reference: Counter = field(default_factory=Counter)
    users_created: list[str] = field(default_factory=list)
    #: One row per demo account: its spec and, only while it still has the demo password, that password.
    users: list[dict[str, Any]] = field(default_factory=list)

    @property
    def pages_created(self) -> int:
        return self.pages.total(CREATED)

    @property
    def pages_kept(self) -> int:
        return self.pages.total(KEPT)


def load_reference(report: LoadReport) -> None:
    """Create the demo's agencies and topics that do not exist; existing ones keep their names."""
    data = yaml.safe_load(REFERENCE_FILE.read_text(encoding="utf-8"))
    for model, rows in ((Agency, data["agencies"]), (Topic, data["topics"])):
        for row in rows:
            _obj, created = model.objects.get_or_create(slug=row["slug"], defaults=row)
            report.reference[CREATED if created else KEPT] += 1


def ensure_demo_users(report: LoadReport) -> None:
    """One account per role plus an administrator, each with a verified primary address.

    Accounts are created only when missing (an existing account is never changed), and a
    password is reported only for accounts that still use the demo password."""
    from allauth.account.models import EmailAddress

    groups = {group.name: group for group in Group.objects.all()}
    for spec in content_users.DEMO_USERS:
        role = spec.get("role")
        if role is not None and role not in groups:
            raise DemoContentError(f"role group {role!r} is missing; run migrate first")
        user = User.objects.filter(username=spec["username"]).first()
        if user is None:
            user = User(
                username=spec["username"],
                email=spec["email"],
                full_name_ar=spec["full_name_ar"],
                full_name_en=spec["full_name_en"],
                is_superuser=spec.get("superuser", False),
                is_staff=spec.get("superuser", False),
            )
            user.set_password(content_users.DEMO_PASSWORD)
            user.save()
            if role is not None:
                user.groups.add(groups[role])
            EmailAddress.objects.create(user=user, email=spec["email"], primary=True, verified=True)
            report.users_created.append(spec["username"])
        still_demo_password = user.check_password(content_users.DEMO_PASSWORD)
        report.users.append({**spec, "password": content_users.DEMO_PASSWORD if still_demo_password else None})


@transaction.atomic
def load_demo(*, with_users: bool, today: datetime.date | None = None) -> LoadReport:
    """Create what is missing of the demo: reference data, every demo page in both
    languages (through ``import_knowledge``, keeping existing pages as they are) and (when
    ``with_users``) the demo accounts. ``today`` is the day the demo's relative dates
    (announcements, review dates) count from."""
    report = LoadReport()
    load_reference(report)
    report.pages = import_knowledge(directory=CONTENT_DIR, existing=KEEP_EXISTING, today=today)
    if with_users:
        ensure_demo_users(report)
    return report
