"""Keep the search index in step with the content.

Every change that can alter what a page's document holds (publish, unpublish, delete,
move, slug change, view-restriction change) schedules a *refresh* of the affected pages
for when the transaction commits: a refresh rebuilds the document from the LIVE page, or
removes it when the page is gone, no longer live, or not a knowledge page. Drafts never
reach the index because only ``page_published`` and the other changes of live state
trigger a refresh, and documents are built from the live page row, never a revision.
"""

from __future__ import annotations

import datetime
import logging
import threading
from collections.abc import Callable, Iterable

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from search.backends import get_search_backend
from search.backends.base import IndexCheckReport, SearchDocument
from search.documents import build_document, is_indexable, iter_documents, live_knowledge_pages

logger = logging.getLogger(__name__)

_pending = threading.local()


# --- services ---------------------------------------------------------------------------


def refresh_pages(page_ids: Iterable[int], *, include_descendants: bool = False) -> None:
    """Re-index the given pages from their live state (and their descendants if asked);
    pages that are gone or not indexable are removed from the index."""
    page_ids = set(page_ids)
    if not page_ids:
        return
    if include_descendants:
        for page in Page.objects.filter(pk__in=page_ids):
            page_ids.update(Page.objects.descendant_of(page).values_list("pk", flat=True))
    documents: list[SearchDocument] = []
    remove: list[int] = []
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific()}
    for page_id in sorted(page_ids):
        page = pages.get(page_id)
        if page is not None and is_indexable(page):
            documents.append(build_document(page))
        else:
            remove.append(page_id)
    backend = get_search_backend()
    if remove:
        backend.delete_documents(remove)
    if documents:
        backend.index_documents(documents)


#: Changes recorded this long before a rebuild started are replayed too (clock skew
#: between web servers and the machine running the rebuild).
REPLAY_MARGIN = datetime.timedelta(minutes=1)
#: Recorded changes are kept this long, then pruned.
CHANGE_RETENTION = datetime.timedelta(days=1)


def rebuild_index(*, progress: Callable[[int], None] | None = None) -> int:
    """Rebuild the whole index from the live pages (atomic swap in both backends), then
    replay the changes made while it was building: they were written to the index being
    replaced, and would otherwise be lost at the swap."""
    started = timezone.now()
    count = get_search_backend().rebuild(iter_documents(), progress=progress)
    replay_changes_since(started - REPLAY_MARGIN)
    return count


def record_changes(pending: dict[int, bool]) -> None:
    """Journal the pages about to be refreshed (see ``IndexChange``), pruning old entries."""
    from search.models import IndexChange

    now = timezone.now()
    IndexChange.objects.filter(changed_at__lt=now - CHANGE_RETENTION).delete()
    IndexChange.objects.bulk_create(
        IndexChange(page_id=page_id, include_descendants=descend, changed_at=now)
        for page_id, descend in pending.items()
    )


def replay_changes_since(moment: datetime.datetime) -> None:
    from search.models import IndexChange

    changes = IndexChange.objects.filter(changed_at__gte=moment).values_list("page_id", "include_descendants")
    pending: dict[int, bool] = {}
    for page_id, descend in changes:
        pending[page_id] = pending.get(page_id, False) or descend
    _refresh(pending)


def count_indexable_pages() -> int:
    return live_knowledge_pages().count()


def _same_time(a: datetime.datetime | None, b: datetime.datetime | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs((a - b).total_seconds()) < 0.001


def check_index() -> IndexCheckReport:
    """Compare the live pages with the index: missing, stale and orphaned page ids."""
    live = dict(live_knowledge_pages().values_list("pk", "last_published_at"))
    indexed = get_search_backend().indexed_versions()
    missing = sorted(set(live) - set(indexed))
    orphaned = sorted(set(indexed) - set(live))
    stale = sorted(page_id for page_id in set(live) & set(indexed) if not _same_time(live[page_id], indexed[page_id]))
    return IndexCheckReport(missing=missing, stale=stale, orphaned=orphaned)


# --- scheduling on commit ------------------------------------------------------------------


def _flush() -> None:
    pending: dict[int, bool] = getattr(_pending, "pages", {})
    _pending.pages = {}
    if not pending:
        return
    try:
        record_changes(pending)
        _refresh(pending)
    except Exception:  # the index must never break publishing; --check finds the gap
        logger.exception("Search index update failed for pages %s", sorted(pending))


def _refresh(pending: dict[int, bool]) -> None:
    """Refresh page ids mapped to "with their descendants"."""
    refresh_pages([page_id for page_id, descend in pending.items() if not descend])
    refresh_pages([page_id for page_id, descend in pending.items() if descend], include_descendants=True)


def schedule_refresh(page_ids: Iterable[int], *, include_descendants: bool = False) -> None:
    """Refresh these pages once the current transaction commits (at once outside one)."""
    pending: dict[int, bool] | None = getattr(_pending, "pages", None)
    if pending is None:
        pending = _pending.pages = {}
    for page_id in page_ids:
        pending[page_id] = pending.get(page_id, False) or include_descendants
    # Registered every time: the first flush after commit takes everything pending, later
    # ones find nothing. (Leftovers of a rolled-back transaction are refreshed from the live
    # state too, which is harmless.)
    transaction.on_commit(_flush)


def schedule_synonym_reload() -> None:
    def reload() -> None:
        try:
            get_search_backend().reload_synonyms()
        except Exception:
            logger.exception("Reloading search synonyms failed")

    transaction.on_commit(reload)


# --- signal handlers -----------------------------------------------------------------------


def _on_page_published(sender, instance, **kwargs) -> None:
    schedule_refresh([instance.pk])


def _on_page_unpublished(sender, instance, **kwargs) -> None:
    schedule_refresh([instance.pk], include_descendants=True)


def _on_page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        schedule_refresh([instance.pk])


def _on_page_moved(sender, instance, **kwargs) -> None:
    schedule_refresh([instance.pk], include_descendants=True)


def _on_slug_changed(sender, instance, **kwargs) -> None:
    schedule_refresh([instance.pk], include_descendants=True)


def _on_view_restriction_changed(sender, instance, **kwargs) -> None:
    schedule_refresh([instance.page_id], include_descendants=True)


def _on_synonym_changed(sender, instance, **kwargs) -> None:
    schedule_synonym_reload()


def register_signal_handlers() -> None:
    from django.db.models.signals import post_delete, post_save

    from search.models import Synonym

    page_published.connect(_on_page_published, dispatch_uid="search_page_published")
    page_unpublished.connect(_on_page_unpublished, dispatch_uid="search_page_unpublished")
    post_delete.connect(_on_page_deleted, dispatch_uid="search_page_deleted")
    post_page_move.connect(_on_page_moved, dispatch_uid="search_page_moved")
    page_slug_changed.connect(_on_slug_changed, dispatch_uid="search_page_slug_changed")
    post_save.connect(_on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_saved")
    post_delete.connect(
        _on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="search_restriction_deleted"
    )
    post_save.connect(_on_synonym_changed, sender=Synonym, dispatch_uid="search_synonym_saved")
    post_delete.connect(_on_synonym_changed, sender=Synonym, dispatch_uid="search_synonym_deleted")
