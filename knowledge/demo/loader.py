"""Apply the demo content modules (``content_*.py``) to the database.

Every write is an upsert keyed by (locale, parent, slug): a page that already matches its
data is left alone (no new revision), a page that differs is updated and published again
through ``knowledge.services.publish`` so the audience and freshness handlers run. The
English page of every item shares the Arabic page's ``translation_key``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.fields import StreamField
from wagtail.models import Page

from knowledge.demo import (
    content_announcements,
    content_articles,
    content_charter,
    content_faqs,
    content_guides,
    content_procedures,
    content_reference,
    content_users,
)
from knowledge.models import (
    AnnouncementPage,
    Channel,
    CharterPage,
    EtiquetteGuidePage,
    FAQPage,
    KnowledgeArticlePage,
    KnowledgePage,
    RelatedPage,
    ServiceProcedurePage,
    Topic,
)
from knowledge.services import LocaleTree, ensure_site_structure, publish
from portal.models import Agency, User

LANGUAGES = ("ar", "en")
CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"

#: kind -> (page class, index key in LocaleTree.indexes, or None for a child of the home page).
PAGE_KINDS: dict[str, tuple[type[KnowledgePage], str | None]] = {
    "charter": (CharterPage, None),
    "guide": (EtiquetteGuidePage, "guide"),
    "procedure": (ServiceProcedurePage, "procedure"),
    "article": (KnowledgeArticlePage, "article"),
    "announcement": (AnnouncementPage, "announcement"),
    "faq": (FAQPage, "faq"),
}


class DemoContentError(Exception):
    """The demo data refers to something that does not exist (a bug in a content module)."""


@dataclass
class LoadReport:
    """What one run did, by kind: how many rows were created, updated or left unchanged."""

    pages: dict[str, Counter] = field(default_factory=dict)
    reference: Counter = field(default_factory=Counter)
    users_created: list[str] = field(default_factory=list)
    users: list[dict[str, Any]] = field(default_factory=list)

    def count_page(self, kind: str, outcome: str) -> None:
        self.pages.setdefault(kind, Counter())[outcome] += 1

    @property
    def pages_written(self) -> int:
        return sum(counter[CREATED] + counter[UPDATED] for counter in self.pages.values())


# --- turning content data into field values ------------------------------------------------


def _titled_items(items: Iterable[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"title": title, "text": text} for title, text in items]


def body_blocks(blocks: Iterable[tuple[str, Any]]) -> list[dict[str, Any]]:
    """``("heading", text) | ("paragraph", html) | ("callout", (title, html)) | ("items", [(title, text)])``
    to raw ``ArticleBodyBlock`` data."""
    raw = []
    for block_type, value in blocks:
        if block_type == "callout":
            title, text = value
            value = {"title": title, "text": text}
        elif block_type == "items":
            value = _titled_items(value)
        raw.append({"type": block_type, "value": value})
    return raw


def charter_sections(sections: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "type": "section",
            "value": {
                "kind": section["kind"],
                "heading": section["heading"],
                "intro": section.get("intro", ""),
                "items": _titled_items(section["items"]),
            },
        }
        for section in sections
    ]


def guide_stages(stages: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stage dicts with ``items`` as ``(kind, rule)`` or ``(kind, rule, note)`` tuples."""
    raw = []
    for stage in stages:
        items = []
        for item in stage["items"]:
            kind, text, note = (*item, "")[:3]
            items.append({"kind": kind, "text": text, "note": note})
        raw.append(
            {"type": "stage", "value": {"stage": stage["stage"], "heading": stage.get("heading", ""), "items": items}}
        )
    return raw


def _kind_fields(kind: str, item: dict[str, Any], text: dict[str, Any]) -> dict[str, Any]:
    """The page-type-specific field values of one item in one language."""
    if kind == "charter":
        return {"sections": charter_sections(text["sections"])}
    if kind == "guide":
        return {
            "guide_kind": item["guide_kind"],
            "intro": text["intro"],
            "stages": guide_stages(text["stages"]),
            "body": body_blocks(text.get("body", ())),
        }
    if kind == "procedure":
        return {
            "service_name": text["service_name"],
            "beneficiaries": item["beneficiaries"],
            "steps": [{"type": "step", "value": {"title": t, "detail": d}} for t, d in text["steps"]],
            "required_documents": [{"type": "document", "value": doc} for doc in text["documents"]],
            "fees": text["fees"],
            "service_level": text["service_level"],
            "service_level_days": item.get("service_level_days"),
            "body": body_blocks(text.get("body", ())),
        }
    if kind == "article":
        return {"body": body_blocks(text["body"])}
    if kind == "announcement":
        return {"date": item["date"], "body": text["body"]}
    if kind == "faq":
        return {"answer": text["answer"]}
    raise DemoContentError(f"unknown page kind {kind!r}")


def _strip_ids(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _strip_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_strip_ids(item) for item in value]
    return value


def _stream_matches(page: Page, name: str, raw: list[dict[str, Any]]) -> bool:
    """Compare a StreamField with raw data, ignoring block ids and list-format differences."""
    stream_block = page._meta.get_field(name).stream_block
    current = _strip_ids(stream_block.get_prep_value(getattr(page, name)))
    desired = _strip_ids(stream_block.get_prep_value(stream_block.to_python(raw)))
    return current == desired


# --- the loader --------------------------------------------------------------------------


class DemoLoader:
    def __init__(self, trees: dict[str, LocaleTree], report: LoadReport) -> None:
        self.trees = trees
        self.report = report
        self.agencies: dict[str, int] = {}
        self.topics: dict[str, int] = {}
        self.channels = {channel.key: channel for channel in Channel.objects.all()}
        self.pages: dict[tuple[str, str, str], KnowledgePage] = {}

    # reference data ----------------------------------------------------------------------
    def load_reference(self) -> None:
        for model, rows, target in (
            (Agency, content_reference.AGENCIES, self.agencies),
            (Topic, content_reference.TOPICS, self.topics),
        ):
            for row in rows:
                values = {key: value for key, value in row.items() if key != "slug"}
                obj = model.objects.filter(slug=row["slug"]).first()
                if obj is None:
                    obj = model.objects.create(slug=row["slug"], **values)
                    self.report.reference[CREATED] += 1
                elif any(getattr(obj, key) != value for key, value in values.items()):
                    for key, value in values.items():
                        setattr(obj, key, value)
                    obj.save()
                    self.report.reference[UPDATED] += 1
                else:
                    self.report.reference[UNCHANGED] += 1
                target[row["slug"]] = obj.pk

    # pages -------------------------------------------------------------------------------
    def load_pages(self, kind: str, items: Iterable[dict[str, Any]]) -> None:
        page_class, index_key = PAGE_KINDS[kind]
        for item in items:
            translation_key = None
            for language in LANGUAGES:
                tree = self.trees[language]
                parent = tree.home if index_key is None else tree.indexes[index_key]
                page = self.upsert_page(kind, page_class, parent, tree, item, language, translation_key)
                translation_key = page.translation_key

    def _lookup(self, mapping: dict[str, int], slug: str | None, what: str) -> int | None:
        if slug is None:
            return None
        if slug not in mapping:
            raise DemoContentError(f"unknown {what} {slug!r}")
        return mapping[slug]

    def upsert_page(
        self,
        kind: str,
        page_class: type[KnowledgePage],
        parent: Page,
        tree: LocaleTree,
        item: dict[str, Any],
        language: str,
        translation_key,
    ) -> KnowledgePage:
        text = item[language]
        team = content_reference.OWNER_TEAMS[item["owner_team"]][language]
        values: dict[str, Any] = {
            "title": text["title"],
            "summary": text["summary"],
            "audience": item.get("audience", KnowledgePage.AUDIENCE_PUBLIC),
            "owner_team": team,
            "agency_id": self._lookup(self.agencies, item.get("agency"), "agency"),
            **_kind_fields(kind, item, text),
        }
        if kind == "faq":
            values["topic_id"] = self._lookup(self.topics, item.get("topic"), "topic")
        if translation_key is not None:
            values["translation_key"] = translation_key
        channel_keys = sorted(item.get("channels", ()))
        unknown = set(channel_keys) - set(self.channels)
        if unknown:
            raise DemoContentError(f"unknown channels {sorted(unknown)} on {item['slug']!r}")
        tags = sorted(text.get("tags", ()))
        related_ids = [self._related_page(language, ref).pk for ref in item.get("related", ())]

        page = page_class.objects.child_of(parent).filter(slug=item["slug"]).first()
        if page is None:
            page = page_class(slug=item["slug"], locale=tree.locale)
            outcome = CREATED
        elif self._matches(page, values, channel_keys, tags, related_ids):
            self.report.count_page(kind, UNCHANGED)
            self.pages[(language, kind, item["slug"])] = page
            return page
        else:
            outcome = UPDATED

        for name, value in values.items():
            setattr(page, name, value)
        if outcome == CREATED:
            parent.add_child(instance=page)
        page.channels.set([self.channels[key] for key in channel_keys])
        page.tags.set(tags)
        page.related_pages = [RelatedPage(page_id=pk, sort_order=i) for i, pk in enumerate(related_ids)]
        page = publish(page).specific
        self.report.count_page(kind, outcome)
        self.pages[(language, kind, item["slug"])] = page
        return page

    def _related_page(self, language: str, ref: tuple[str, str]) -> Page:
        kind, slug = ref
        try:
            return self.pages[(language, kind, slug)]
        except KeyError:
            raise DemoContentError(
                f"related page {kind}/{slug} is not loaded yet (load its kind first, or list it earlier)"
            ) from None

    def _matches(
        self, page: KnowledgePage, values: dict[str, Any], channel_keys: list[str], tags: list[str], related_ids
    ) -> bool:
        if not page.live or page.has_unpublished_changes:
            return False
        for name, value in values.items():
            model_field = page._meta.get_field(name.removesuffix("_id"))
            if isinstance(model_field, StreamField):
                if not _stream_matches(page, name, value):
                    return False
            elif getattr(page, name) != value:
                return False
        if sorted(page.channels.values_list("key", flat=True)) != channel_keys:
            return False
        if sorted(page.tags.names()) != tags:
            return False
        return [related.page_id for related in page.related_pages.all()] == related_ids


# --- users ---------------------------------------------------------------------------------


def ensure_demo_users(report: LoadReport) -> None:
    """One account per role plus an administrator, each with a verified primary address.

    Passwords are set only when an account is created, so a changed password survives."""
    from allauth.account.models import EmailAddress

    groups = {group.name: group for group in Group.objects.all()}
    for spec in content_users.DEMO_USERS:
        user = User.objects.filter(username=spec["username"]).first()
        if user is None:
            user = User(username=spec["username"])
            user.set_password(content_users.DEMO_PASSWORD)
            report.users_created.append(spec["username"])
        wanted = {
            "email": spec["email"],
            "full_name_ar": spec["full_name_ar"],
            "full_name_en": spec["full_name_en"],
            "is_superuser": spec.get("superuser", False),
            "is_staff": spec.get("superuser", False),
            "is_active": True,
        }
        if user.pk is None or any(getattr(user, key) != value for key, value in wanted.items()):
            for key, value in wanted.items():
                setattr(user, key, value)
            user.save()
        role = spec.get("role")
        if role is not None:
            if role not in groups:
                raise DemoContentError(f"role group {role!r} is missing; run migrate first")
            if not user.groups.filter(pk=groups[role].pk).exists():
                user.groups.add(groups[role])
        address = EmailAddress.objects.filter(user=user, email__iexact=spec["email"]).first()
        if address is None:
            EmailAddress.objects.create(user=user, email=spec["email"], primary=True, verified=True)
        elif not (address.primary and address.verified):
            address.primary = address.verified = True
            address.save(update_fields=["primary", "verified"])
        report.users.append({**spec, "password": content_users.DEMO_PASSWORD})


# --- entry point -----------------------------------------------------------------------------

#: Load order matters: related pages must be loaded before the pages that point at them.
CONTENT: tuple[tuple[str, list[dict[str, Any]]], ...] = (
    ("charter", content_charter.CHARTER),
    ("guide", content_guides.GUIDES),
    ("procedure", content_procedures.PROCEDURES),
    ("article", content_articles.ARTICLES),
    ("announcement", content_announcements.ANNOUNCEMENTS),
    ("faq", content_faqs.FAQS),
)


@transaction.atomic
def load_demo(*, with_users: bool) -> LoadReport:
    """Build the site structure, then upsert the reference data, every demo page in both
    languages and (when ``with_users``) the demo accounts."""
    report = LoadReport()
    loader = DemoLoader(ensure_site_structure(), report)
    loader.load_reference()
    for kind, items in CONTENT:
        loader.load_pages(kind, items)
    if with_users:
        ensure_demo_users(report)
    return report
