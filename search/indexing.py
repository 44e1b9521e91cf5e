"""Keep the search index in step with the content, through an outbox.

Every change that can alter what a page's document holds (publish, unpublish, delete,
move, slug change, audience change: the audience is a page field, so it changes by
publishing) writes an ``IndexChange`` row IN THE SAME TRANSACTION as the change. After
the transaction commits, the rows are applied: the affected pages are refreshed from
their LIVE state (documents rebuilt, or removed when a page is gone, no longer live or
not a knowledge page), and only then are the rows marked applied. A change whose
application failed or never ran (engine down, process killed between commit and
indexing) stays in the outbox until ``replay_pending_changes`` applies it:
``manage.py search_index --replay`` at start-up (``make run``) and periodically
(``--replay --every SECONDS``, started beside the server by ``make run``).

An editor-synonym change goes through the same outbox: a row for page id
``SYNONYMS_CHANGE`` (0, which no page has), applied by reloading the synonyms
(``SearchBackend.reload_synonyms``), so a failed synonym update is retried too.

Drafts never reach the index: documents are built from the live page row, never from a
revision.
"""

from __future__ import annotations

import datetime
import logging
import threading
from collections.abc import Callable, Iterable

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page
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
#: Applied changes are kept this long, then pruned (unapplied ones are kept until applied).
CHANGE_RETENTION = datetime.timedelta(days=1)
#: Outbox rows applied per batch by a replay.
REPLAY_BATCH = 500
#: The outbox "page id" of an editor-synonym change (page ids start at 1).
SYNONYMS_CHANGE = 0


def rebuild_index(*, progress: Callable[[int], None] | None = None) -> int:
    """Rebuild the whole index from the live pages (atomic swap in both backends), then
    replay the changes made while it was building (they were written to the index being
    replaced, and would otherwise be lost at the swap) and any still unapplied."""
    from search.models import IndexChange

    started = timezone.now()
    count = get_search_backend().rebuild(iter_documents(), progress=progress)
    since = IndexChange.objects.filter(changed_at__gte=started - REPLAY_MARGIN)
    _apply(list(since.values_list("pk", "page_id", "include_descendants")))
    replay_pending_changes()
    return count


def record_changes(pending: dict[int, bool]) -> list[int]:
    """Write outbox rows for these pages (page id -> with its descendants) in the current
    transaction; returns their ids."""
    from search.models import IndexChange

    now = timezone.now()
    rows = [
        IndexChange(page_id=page_id, include_descendants=descend, changed_at=now)
        for page_id, descend in pending.items()
    ]
    created = IndexChange.objects.bulk_create(rows)
    ids = [row.pk for row in created if row.pk is not None]
    if len(ids) != len(rows):  # a backend that does not return ids from bulk inserts
        ids = list(
            IndexChange.objects.filter(changed_at=now, page_id__in=list(pending), applied_at__isnull=True).values_list(
                "pk", flat=True
            )
        )
    return ids


def _apply(changes: list[tuple[int, int, bool]]) -> None:
    """Refresh the pages of these outbox rows (row id, page id, with descendants) from their
    live state, then mark the rows applied. Raises when the index refuses the change: the
    rows stay unapplied for the next replay."""
    from search.models import IndexChange

    if not changes:
        return
    pending: dict[int, bool] = {}
    for _row_id, page_id, descend in changes:
        if page_id != SYNONYMS_CHANGE:
            pending[page_id] = pending.get(page_id, False) or descend
    _refresh(pending)
    if any(page_id == SYNONYMS_CHANGE for _row_id, page_id, _descend in changes):
        get_search_backend().reload_synonyms()
    IndexChange.objects.filter(pk__in=[row_id for row_id, _page_id, _descend in changes]).update(
        applied_at=timezone.now()
    )


def apply_changes(row_ids: Iterable[int]) -> None:
    """Apply these outbox rows (those not applied yet)."""
    from search.models import IndexChange

    row_ids = list(row_ids)
    rows = IndexChange.objects.filter(pk__in=row_ids, applied_at__isnull=True)
    _apply(list(rows.values_list("pk", "page_id", "include_descendants")))


def replay_pending_changes() -> int:
    """Apply every outbox row not applied yet (oldest first), and prune applied rows past
    their retention. Returns how many rows were applied; raises when the index fails
    (what was not applied stays for the next replay)."""
    from search.models import IndexChange

    applied = 0
    while True:
        batch = list(
            IndexChange.objects.filter(applied_at__isnull=True)
            .order_by("changed_at", "pk")
            .values_list("pk", "page_id", "include_descendants")[:REPLAY_BATCH]
        )
        if not batch:
            break
        _apply(batch)
        applied += len(batch)
    IndexChange.objects.filter(applied_at__lt=timezone.now() - CHANGE_RETENTION).delete()
    if applied:
        from portal import content_version

        # Search results kept for anonymous readers were computed from the index before it
        # caught up with these changes: they go too.
        content_version.bump()
    return applied


def pending_change_count() -> int:
    from search.models import IndexChange

    return IndexChange.objects.filter(applied_at__isnull=True).count()


def count_indexable_pages() -> int:
    return live_knowledge_pages().count()


def _same_time(a: datetime.datetime | None, b: datetime.datetime | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs((a - b).total_seconds()) < 0.001


def check_index() -> IndexCheckReport:
    """Compare the live pages with the index: missing, stale (publish time), orphaned page
    ids, and pages indexed with other audience keys than their audience gives."""
    from knowledge.permissions import page_audience_keys

    pages = {page.pk: page for page in live_knowledge_pages()}
    indexed = get_search_backend().indexed_states()
    missing = sorted(set(pages) - set(indexed))
    orphaned = sorted(set(indexed) - set(pages))
    both = set(pages) & set(indexed)
    stale = sorted(
        page_id for page_id in both if not _same_time(pages[page_id].last_published_at, indexed[page_id].last_updated)
    )
    wrong_audience = sorted(
        page_id for page_id in both if frozenset(page_audience_keys(pages[page_id])) != indexed[page_id].audiences
    )
    return IndexCheckReport(missing=missing, stale=stale, orphaned=orphaned, wrong_audience=wrong_audience)


# --- the outbox, applied on commit ------------------------------------------------------------


def _flush() -> None:
    row_ids: set[int] = getattr(_pending, "rows", set())
    _pending.rows = set()
    if not row_ids:
        return
    try:
        apply_changes(row_ids)
    except Exception:  # the index must never break publishing: the outbox keeps the change
        logger.exception("Search index update failed; outbox rows %s stay for the next replay", sorted(row_ids))


def _refresh(pending: dict[int, bool]) -> None:
    """Refresh page ids mapped to "with their descendants"."""
    refresh_pages([page_id for page_id, descend in pending.items() if not descend])
    refresh_pages([page_id for page_id, descend in pending.items() if descend], include_descendants=True)


def schedule_refresh(page_ids: Iterable[int], *, include_descendants: bool = False) -> None:
    """Write outbox rows for these pages in the current transaction, and apply them once
    it commits (at once outside a transaction)."""
    row_ids = record_changes(dict.fromkeys(page_ids, include_descendants))
    rows: set[int] | None = getattr(_pending, "rows", None)
    if rows is None:
        rows = _pending.rows = set()
    rows.update(row_ids)
    # Registered every time: the first flush after commit takes everything pending, later
    # ones find nothing. (Ids left by a rolled-back transaction name no row: nothing to do.)
    transaction.on_commit(_flush)


def schedule_synonym_reload() -> None:
    """Write an outbox row for the synonyms in the current transaction and reload them once
    it commits; when the reload fails the row stays for ``search_index --replay``."""
    schedule_refresh([SYNONYMS_CHANGE])


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


def _on_role_deleted(sender, instance, **kwargs) -> None:
    """A deleted group leaves the audience of the pages that named it: their keys change."""
    from knowledge.models import KnowledgePage

    through = KnowledgePage.audience_roles.through
    page_ids = list(through.objects.filter(group_id=instance.pk).values_list("knowledgepage_id", flat=True))
    if page_ids:
        schedule_refresh(page_ids)


def _on_synonym_changed(sender, instance, **kwargs) -> None:
    schedule_synonym_reload()


def register_signal_handlers() -> None:
    from django.contrib.auth.models import Group
    from django.db.models.signals import post_delete, post_save, pre_delete

    from search.models import Synonym

    page_published.connect(_on_page_published, dispatch_uid="search_page_published")
    page_unpublished.connect(_on_page_unpublished, dispatch_uid="search_page_unpublished")
    post_delete.connect(_on_page_deleted, dispatch_uid="search_page_deleted")
    post_page_move.connect(_on_page_moved, dispatch_uid="search_page_moved")
    page_slug_changed.connect(_on_slug_changed, dispatch_uid="search_page_slug_changed")
    pre_delete.connect(_on_role_deleted, sender=Group, dispatch_uid="search_role_deleted")
    post_save.connect(_on_synonym_changed, sender=Synonym, dispatch_uid="search_synonym_saved")
    post_delete.connect(_on_synonym_changed, sender=Synonym, dispatch_uid="search_synonym_deleted")
