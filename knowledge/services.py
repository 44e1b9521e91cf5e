"""Writes and workflows for knowledge pages."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction, Site

from knowledge.models import KnowledgePage
from portal import roles


def staff_groups() -> list[Group]:
    return list(Group.objects.filter(name__in=roles.ALL_ROLES))


@transaction.atomic
def apply_audience_restriction(page: KnowledgePage) -> None:
    """Make the page's Wagtail view restriction match its ``audience`` field.

    Staff-only pages get a group restriction for every portal role; public pages lose the
    restriction this service manages (restrictions on ancestors still apply)."""
    restrictions = PageViewRestriction.objects.filter(page=page)
    if page.audience == KnowledgePage.AUDIENCE_STAFF:
        restriction = restrictions.filter(restriction_type=PageViewRestriction.GROUPS).first()
        if restriction is None:
            restrictions.delete()
            restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set(staff_groups())
    else:
        restrictions.filter(restriction_type=PageViewRestriction.GROUPS).delete()


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
    specific = page.specific
    if isinstance(specific, KnowledgePage):
        apply_audience_restriction(specific)
        record_review(specific)


def publish(page: Page, *, user=None) -> Page:
    """Save a revision of ``page`` and publish it (Wagtail sends ``page_published``)."""
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


def record_page_read(page: Page, *, day: datetime.date | None = None) -> None:
    """Count one read of ``page`` for ``day`` (today in the portal's time zone).

    One atomic upsert: the database increments the counter (``F("count") + 1``), and the
    first read of a day creates the row inside a savepoint; if a concurrent request created
    it first, the unique constraint makes the insert fail and the increment is retried, so
    no read is lost and none is counted twice."""
    from django.db import IntegrityError
    from django.db.models import F

    from knowledge.models import PageReadCount

    day = day or timezone.localdate()
    rows = PageReadCount.objects.filter(page_id=page.pk, day=day)
    if rows.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            PageReadCount.objects.create(page_id=page.pk, day=day, count=1)
    except IntegrityError:
        rows.update(count=F("count") + 1)


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
