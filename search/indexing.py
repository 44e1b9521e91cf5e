"""Keep the search index in step with the content, through an outbox.

Every change that can alter what a page's document holds (publish, unpublish, delete,
move, slug change, audience change: the audience is a page field, so it changes by
publishing) writes an ``IndexChange`` row IN THE SAME TRANSACTION as the change. After
the transaction commits, the rows are applied: the affected pages are refreshed from
their LIVE state (documents rebuilt, or removed when a page is gone, no longer live or
not a knowledge page), and only then are the rows marked applied. Who applies them
depends on the backend (``SearchBackend.applies_changes_in_request``):

- the embedded index is local and fast: the publishing request applies its rows right
  after the commit, so a search right after publishing finds the page;
- a remote cluster (Elasticsearch) is never waited on by a request: the request only
  writes the rows, and the commit wakes this process's ``BackgroundApplier`` (a daemon
  thread) that applies every pending page row with the backend's short publish time-out.

A change whose application failed or never ran (engine down or stuck, process killed
between commit and indexing) stays in the outbox until ``replay_pending_changes``
applies it: ``manage.py search_index --replay`` at start-up (``make run``) and every
minute from ``manage.py periodic`` (``portal/periodic.py``; ``--replay --every SECONDS``
does the same alone).

An editor-synonym change goes through the same outbox: a row for page id
``SYNONYMS_CHANGE`` (0, which no page has), applied by reloading the synonyms
(``SearchBackend.reload_synonyms``), so a failed synonym update is retried too. The
embedded backend reloads them in the request (it only empties a cache); with
Elasticsearch, putting the synonyms set needs the cluster privilege
``manage_search_synonyms``, which the web process does not hold: its background applier
leaves synonym rows to the worker (``search_index --replay``, run by ``periodic`` with
the administrative key).

Drafts never reach the index: documents are built from the live page row, never from a
revision.
"""

from __future__ import annotations

import datetime
import logging
import os
import threading
from collections.abc import Callable, Iterable

from django.conf import settings
from django.db import connections, transaction
from django.utils import timezone
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from search.backends import get_search_backend
from search.backends.base import IndexCheckReport, SearchDocument
from search.documents import build_document, is_indexable, iter_documents, live_knowledge_pages
from search.synonyms import invalidate_synonyms

logger = logging.getLogger(__name__)

_pending = threading.local()


# --- services ---------------------------------------------------------------------------


def refresh_pages(page_ids: Iterable[int], *, include_descendants: bool = False) -> None:
    """Re-index the given pages from their live state (and their descendants if asked);
    pages that are gone or not indexable are removed from the index.

    Two appliers may refresh one page at once (a publish's own apply and a replay, or two
    processes): one reads the page, the other reads it after a second publish and writes
    first, and the first then writes the older state last. So each refresh checks, after
    writing, that the pages are still in the state it read (``_page_states``) and refreshes
    again those that moved on (at most ``REFRESH_ROUNDS`` times; a page still changing then
    has a newer outbox row of its own, whose apply reads after this write)."""
    page_ids = set(page_ids)
    if not page_ids:
        return
    if include_descendants:
        for page in Page.objects.filter(pk__in=page_ids):
            page_ids.update(Page.objects.descendant_of(page).values_list("pk", flat=True))
    for _round in range(REFRESH_ROUNDS):
        read = _page_states(page_ids)
        _write_pages(page_ids)
        now = _page_states(page_ids)
        page_ids = {page_id for page_id in page_ids if now.get(page_id) != read.get(page_id)}
        if not page_ids:
            return


#: How many times one refresh writes pages that changed while it was writing them.
REFRESH_ROUNDS = 3


def _page_states(page_ids: set[int]) -> dict[int, tuple]:
    """What a page's document depends on and every publish, unpublish or move changes."""
    rows = Page.objects.filter(pk__in=page_ids).values_list(
        "pk", "live", "live_revision_id", "last_published_at", "url_path", "locale_id"
    )
    return {row[0]: row[1:] for row in rows}


def _write_pages(page_ids: set[int]) -> None:
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


def replay_pending_changes(*, include_synonyms: bool = True) -> int:
    """Apply every outbox row not applied yet (oldest first), and prune applied rows past
    their retention. Returns how many rows were applied; raises when the index fails
    (what was not applied stays for the next replay). ``include_synonyms=False`` leaves
    editor-synonym rows for a process allowed to put the synonyms set (the web process's
    background applier; ``search_index --replay`` applies them)."""
    from search.models import IndexChange

    pending = IndexChange.objects.filter(applied_at__isnull=True)
    if not include_synonyms:
        pending = pending.exclude(page_id=SYNONYMS_CHANGE)
    applied = 0
    while True:
        batch = list(
            pending.order_by("changed_at", "pk").values_list("pk", "page_id", "include_descendants")[:REPLAY_BATCH]
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
        if not get_search_backend().applies_changes_in_request:
            background_applier.wake()  # the request does not wait on a remote index
            return
        apply_changes(row_ids)
    except Exception:  # the index must never break publishing: the outbox keeps the change
        logger.exception("Search index update failed; outbox rows %s stay for the next replay", sorted(row_ids))


class BackgroundApplier:
    """Applies the outbox from a daemon thread of this process, for backends the publishing
    request must not wait on (``applies_changes_in_request`` False: Elasticsearch).

    ``wake`` (called after each commit that wrote rows) starts the thread if needed and
    asks for a round; wake-ups during a round make one more round, never a queue of them.
    A round applies every pending page row (``replay_pending_changes(include_synonyms=
    False)``: synonym rows are the worker's), each write one short try (the backend's
    publish time-out, no retry, no back-off sleep). A round that fails is logged and
    leaves its rows in the outbox for the next wake-up or for ``search_index --replay``
    (every minute from ``manage.py periodic``), so a struggling cluster costs the thread
    time, never a request. One thread per process (started again in a forked worker).
    ``SEARCH_BACKGROUND_APPLY = False`` turns it off (the test settings do: tests apply
    the outbox themselves, or start it explicitly); then only the replay applies rows."""

    def __init__(self) -> None:
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._pid: int | None = None

    @staticmethod
    def enabled() -> bool:
        return bool(getattr(settings, "SEARCH_BACKGROUND_APPLY", True))

    def wake(self) -> None:
        if not self.enabled():
            return
        with self._lock:
            if self._thread is None or self._pid != os.getpid() or not self._thread.is_alive():
                self._pid = os.getpid()
                self._stop.clear()
                self._thread = threading.Thread(target=self._run, name="search-index-applier", daemon=True)
                self._thread.start()
        self._wake.set()

    def _run(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            try:
                replay_pending_changes(include_synonyms=False)
            except Exception:
                logger.exception("Applying the search index outbox in the background failed; the replay will retry")
            finally:
                connections.close_all()  # this thread's connections only
            if self._stop.is_set() and not self._wake.is_set():
                return

    def stop(self, timeout: float = 30.0) -> None:
        """Run one last round (it sees every row committed before this call), then end the
        thread; waits for it at most ``timeout`` seconds."""
        with self._lock:
            thread, self._thread = self._thread, None
            if thread is None or not thread.is_alive() or self._pid != os.getpid():
                return
            self._stop.set()
            self._wake.set()
        thread.join(timeout)


background_applier = BackgroundApplier()


def _refresh(pending: dict[int, bool]) -> None:
    """Refresh page ids mapped to "with their descendants"."""
    refresh_pages([page_id for page_id, descend in pending.items() if not descend])
    refresh_pages([page_id for page_id, descend in pending.items() if descend], include_descendants=True)


def schedule_refresh(page_ids: Iterable[int], *, include_descendants: bool = False) -> None:
    """Write outbox rows for these pages in the current transaction, and have them applied
    once it commits (at once outside a transaction): by this request for the embedded
    index, by the background applier for a remote one."""
    row_ids = record_changes(dict.fromkeys(page_ids, include_descendants))
    rows: set[int] | None = getattr(_pending, "rows", None)
    if rows is None:
        rows = _pending.rows = set()
    rows.update(row_ids)
    # Registered every time: the first flush after commit takes everything pending, later
    # ones find nothing. (Ids left by a rolled-back transaction name no row: nothing to do.)
    transaction.on_commit(_flush)


def schedule_synonym_reload() -> None:
    """Write an outbox row for the synonyms in the current transaction. Once it commits,
    this process forgets its cached synonyms, and the row is applied: at once by the
    embedded backend; with Elasticsearch by ``search_index --replay`` (the worker, which
    holds the privilege to put the synonyms set). A failed reload stays in the outbox."""
    transaction.on_commit(invalidate_synonyms)
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
