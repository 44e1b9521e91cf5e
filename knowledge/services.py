"""Writes and workflows for knowledge pages."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from knowledge.models import KnowledgePage


def record_review(page: KnowledgePage, *, reviewed_on: datetime.date | None = None) -> None:
    """Publishing (which only reviewers can do) counts as a review: stamp it and roll the
    review date forward unless the editor chose a later one."""
    reviewed_on = reviewed_on or timezone.localdate()
    next_review = page.default_review_date(reviewed_on)
    updates = {"last_reviewed_on": reviewed_on}
    if page.review_by is None or page.review_by <= reviewed_on:
        updates["review_by"] = next_review
    KnowledgePage.objects.filter(pk=page.pk).update(**updates)
    for field, value in updates.items():
        setattr(page, field, value)


def on_page_published(page: Page) -> None:
    """Runs inside the publish's transaction (``knowledge.signal_handlers``): a failure here
    rolls the publish back."""
    specific = page.specific
    if isinstance(specific, KnowledgePage):
        record_review(specific)


@transaction.atomic
def publish(page: Page, *, user=None) -> Page:
    """Save a revision of ``page`` and publish it (Wagtail sends ``page_published``).

    One transaction: the new content, its audience (a field of the page), the review
    stamp and the search outbox row are committed together or not at all."""
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    page.refresh_from_db()
    return page


# --- Site structure -------------------------------------------------------------------

HOME_TITLES = {"ar": "تميّز: بوابة التميز في خدمة العملاء", "en": "Tamayuz: customer-service excellence portal"}


@dataclass
class LocaleTree:
    locale: Locale
    home: Page
    indexes: dict[str, Page]


@transaction.atomic
def ensure_site_structure() -> dict[str, LocaleTree]:
    """Idempotently create the locales, the Arabic home page (the default site's root),
    its English translation, and each locale's index pages. Returns the trees by language."""
    from knowledge.models import HomePage
    from knowledge.page_types import indexed_types

    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("ar", "en")}
    root = Page.get_first_root_node()
    site = Site.objects.filter(is_default_site=True).first()

    ar_home = HomePage.objects.filter(locale=locales["ar"], depth=2).first()
    if ar_home is None:
        ar_home = HomePage(title=HOME_TITLES["ar"], slug="ar", locale=locales["ar"])
        root.add_child(instance=ar_home)
        publish(ar_home)
    en_home = HomePage.objects.filter(locale=locales["en"], depth=2).first()
    if en_home is None:
        en_home = HomePage(
            title=HOME_TITLES["en"], slug="en", locale=locales["en"], translation_key=ar_home.translation_key
        )
        root.add_child(instance=en_home)
        publish(en_home)

    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=ar_home, is_default_site=True, site_name="Tamayuz"
        )
    elif site.root_page_id != ar_home.pk:
        old_root = site.root_page
        site.root_page = ar_home
        site.site_name = site.site_name or "Tamayuz"
        site.save()
        # Remove Wagtail's placeholder welcome page if it is still around.
        if type(old_root.specific) is Page and old_root.depth == 2 and not old_root.get_children().exists():
            old_root.delete()

    trees = {}
    homes = {"ar": ar_home, "en": en_home}
    ar_indexes: dict[str, Page] = {}
    for language in ("ar", "en"):
        home = homes[language]
        indexes = {}
        for page_type in indexed_types():
            key, page_class, slug = page_type.key, page_type.index_model, page_type.index_slug
            existing = page_class.objects.child_of(home).filter(slug=slug).first()
            if existing is None:
                existing = page_class(title=page_type.index_titles[language], slug=slug, locale=locales[language])
                if language != "ar":
                    existing.translation_key = ar_indexes[key].translation_key
                home.add_child(instance=existing)
                publish(existing)
            indexes[key] = existing
        if language == "ar":
            ar_indexes = indexes
        trees[language] = LocaleTree(locale=locales[language], home=home, indexes=indexes)
    return trees


# --- Reads -------------------------------------------------------------------------------


#: The buffered-writes stream of page reads: "page_id:YYYY-MM-DD" → reads not yet saved.
PAGE_READS_STREAM = "knowledge.page_reads"


def record_page_read(page: Page, *, day: datetime.date | None = None) -> None:
    """Count one read of ``page`` for ``day`` (today in the portal's time zone).

    Called while serving a GET, so it does not write: the read is added to the buffer
    (``portal.buffered_writes``) and saved with others by ``save_page_reads``."""
    from portal import buffered_writes

    day = day or timezone.localdate()
    buffered_writes.increment(PAGE_READS_STREAM, f"{page.pk}:{day.isoformat()}")


def save_page_reads(counts: dict[str, int]) -> None:
    """Add a batch of buffered reads (``"page_id:YYYY-MM-DD"`` → reads) to the counters.

    One transaction. Each counter is incremented by the database (``F("count") + n``); the
    days with no row yet are created in one insert inside a savepoint, and if a concurrent
    flush created one of them first, the unique constraint makes that insert fail and those
    reads are added to the rows that now exist, so no read is lost and none counted twice.
    Reads of pages deleted since are dropped."""
    from django.db import IntegrityError
    from django.db.models import F

    from knowledge.models import PageReadCount

    parsed: dict[tuple[int, datetime.date], int] = {}
    for key, amount in counts.items():
        page_id, day = key.split(":", 1)
        parsed[(int(page_id), datetime.date.fromisoformat(day))] = int(amount)
    existing_pages = set(Page.objects.filter(pk__in={page_id for page_id, _day in parsed}).values_list("pk", flat=True))
    with transaction.atomic():
        missing = []
        for (page_id, day), amount in sorted(parsed.items()):  # one lock order: no deadlocks
            if page_id not in existing_pages or amount <= 0:
                continue
            if not PageReadCount.objects.filter(page_id=page_id, day=day).update(count=F("count") + amount):
                missing.append(PageReadCount(page_id=page_id, day=day, count=amount))
        if not missing:
            return
        try:
            with transaction.atomic():
                PageReadCount.objects.bulk_create(missing)
        except IntegrityError:
            for row in missing:
                rows = PageReadCount.objects.filter(page_id=row.page_id, day=row.day)
                if not rows.update(count=F("count") + row.count):
                    PageReadCount.objects.create(page_id=row.page_id, day=row.day, count=row.count)


# --- Freshness reviews ------------------------------------------------------------------------

#: Audit-log action recorded when a reviewer confirms a page is still correct.
MARK_REVIEWED_ACTION = "knowledge.mark_reviewed"


@transaction.atomic
def mark_page_reviewed(*, page: Page, by, reviewed_on: datetime.date | None = None) -> KnowledgePage:
    """A reviewer confirms ``page`` is still correct: ``last_reviewed_on`` becomes today and
    ``review_by`` moves 12 months on. No new revision (the content did not change); a pending
    draft carries the new dates too, so publishing it later does not bring the old date back.
    Logged in the page's history as ``knowledge.mark_reviewed``."""
    from wagtail.log_actions import log

    page = page.specific
    if not isinstance(page, KnowledgePage):
        raise TypeError("only knowledge pages have review dates")
    reviewed_on = reviewed_on or timezone.localdate()
    previous_review_by = page.review_by
    page.last_reviewed_on = reviewed_on
    page.review_by = page.default_review_date(reviewed_on)
    KnowledgePage.objects.filter(pk=page.pk).update(last_reviewed_on=page.last_reviewed_on, review_by=page.review_by)
    if page.has_unpublished_changes and page.latest_revision_id:
        revision = page.latest_revision
        revision.content.update(
            {"last_reviewed_on": page.last_reviewed_on.isoformat(), "review_by": page.review_by.isoformat()}
        )
        revision.save(update_fields=["content"])
    log(
        instance=page,
        action=MARK_REVIEWED_ACTION,
        user=by,
        data={
            "reviewed_on": page.last_reviewed_on.isoformat(),
            "review_by": page.review_by.isoformat(),
            "previous_review_by": previous_review_by.isoformat() if previous_review_by else None,
        },
    )
    return page


# --- Announcements drafted by other apps ----------------------------------------------------


@transaction.atomic
def draft_announcement(
    *,
    titles: dict[str, str],
    summaries: dict[str, str],
    bodies: dict[str, str],
    slug: str,
    by=None,
) -> dict[str, Page]:
    """Draft an announcement in Arabic and English (translations of each other) and submit
    both to the editorial workflow: it is published only when a Reviewer approves it.
    ``bodies`` are rich text (HTML). Returns the draft pages by language."""
    from knowledge.models import AnnouncementPage

    trees = ensure_site_structure()
    pages: dict[str, Page] = {}
    translation_key = None
    for language in ("ar", "en"):
        parent = trees[language].indexes["announcement"]
        page = AnnouncementPage(
            title=titles[language],
            slug=slug,
            summary=summaries[language],
            body=bodies[language],
            date=timezone.localdate(),
            locale=trees[language].locale,
            live=False,
        )
        if translation_key is not None:
            page.translation_key = translation_key
        parent.add_child(instance=page)
        translation_key = page.translation_key
        page.save_revision(user=by, log_action=True)
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, by)
        pages[language] = page
    return pages
