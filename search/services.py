"""Writes and workflows for search: the search use case (validation, best bets, facet
merging: ``search_knowledge``), the anonymous query log, result clicks and page feedback."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import secrets
from collections.abc import Iterable, Mapping

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from search.backends import get_search_backend
from search.backends.base import SearchQuery, document_facets, ordered_facet_counts
from search.models import PageFeedback, SearchClick, SearchQueryLog
from search.permissions import reader_audiences
from search.selectors import (
    KnowledgeSearchResults,
    SearchParams,
    clean_search_params,
    normalize_query,
    promoted_hits,
)

_CLICK_SALT = "search.click-reference"
_FIELD_LIMIT = 255


#: How long a typing burst may keep updating its log row.
BURST_WINDOW = datetime.timedelta(minutes=10)


#: The buffered-writes stream of search-log entries: log key → the latest search under it.
QUERY_LOG_STREAM = "search.query_log"


def log_query(*, query: str, normalized_query: str, language: str, result_count: int, burst_key: str = "") -> str:
    """Log one search as typed, its normalised form and how many results it found; returns
    the entry's key, which ``click_reference`` turns into the results' click reference.

    Called while serving a GET, so it does not write: the entry is validated and added to
    the buffer (``portal.buffered_writes``), and ``save_query_logs`` saves it within
    seconds. The key is the ``burst_key`` of as-you-type searches, or a fresh random one (a
    search on its own is a burst of one). All the searches of one burst end up in one row
    holding the latest query: analytics count the query the reader settled on, not every
    prefix typed on the way.

    Deliberately takes no user, session or address: the log cannot say who searched."""
    from portal import buffered_writes

    key = burst_key or secrets.token_hex(16)
    entry = SearchQueryLog(
        burst_key=key,
        query=query[:_FIELD_LIMIT],
        normalized_query=(normalized_query or query)[:_FIELD_LIMIT],
        language=(language or "")[:2],
        result_count=max(int(result_count), 0),
    )
    entry.full_clean(exclude=["created_at"])
    buffered_writes.put_latest(
        QUERY_LOG_STREAM,
        key,
        {
            "query": entry.query,
            "normalized_query": entry.normalized_query,
            "language": entry.language,
            "result_count": entry.result_count,
            "searched_at": timezone.now().isoformat(),
        },
    )
    return key


@transaction.atomic
def save_query_logs(entries: dict[str, dict]) -> None:
    """Save a batch of buffered searches (log key → the latest search under it).

    A key whose row was saved less than ``BURST_WINDOW`` before the search (an earlier
    batch of the same typing burst) has that row updated; the others are inserted at once."""
    searched_at = {key: datetime.datetime.fromisoformat(entry["searched_at"]) for key, entry in entries.items()}
    recent_rows: dict[str, SearchQueryLog] = {}
    for row in SearchQueryLog.objects.filter(
        burst_key__in=list(entries), created_at__gte=min(searched_at.values()) - BURST_WINDOW
    ).order_by("created_at", "pk"):
        recent_rows[row.burst_key] = row  # the latest row of each key
    fields = ("query", "normalized_query", "language", "result_count")
    updated, created = [], []
    for key, entry in entries.items():
        row = recent_rows.get(key)
        if row is None or row.created_at < searched_at[key] - BURST_WINDOW:
            created.append(SearchQueryLog(burst_key=key, **{field: entry[field] for field in fields}))
            continue
        for field in fields:
            setattr(row, field, entry[field])
        updated.append(row)
    if updated:
        SearchQueryLog.objects.bulk_update(updated, fields)
    if created:
        SearchQueryLog.objects.bulk_create(created)


def click_reference(log_key: str) -> str:
    """A tamper-proof token naming a search-log entry (by its key), carried by result links."""
    return signing.dumps(log_key, salt=_CLICK_SALT, compress=False)


def query_log_key_from_reference(reference: str | None) -> str | int | None:
    """The search-log key inside a click reference (an id in references made before logs
    were buffered), or None when absent or forged."""
    if not reference:
        return None
    try:
        value = signing.loads(reference, salt=_CLICK_SALT, max_age=60 * 60 * 24)
    except signing.BadSignature:
        return None
    return value if isinstance(value, (int, str)) and not isinstance(value, bool) else None


def _logged_search(log_key: str | int) -> SearchQueryLog | None:
    if isinstance(log_key, int):
        return SearchQueryLog.objects.filter(pk=log_key).first()
    return SearchQueryLog.objects.filter(burst_key=log_key).order_by("-created_at", "-pk").first()


def record_click(*, log_key: str | int, page: Page, position: int = 0) -> SearchClick | None:
    """Record that a result of a logged search was opened (once per search and page).

    A click can come before the search's buffered entry was saved: the buffered search
    log is saved first then."""
    from portal import buffered_writes

    query_log = _logged_search(log_key)
    if query_log is None:
        buffered_writes.flush(QUERY_LOG_STREAM)
        query_log = _logged_search(log_key)
    if query_log is None:
        return None
    with transaction.atomic():
        click, _created = SearchClick.objects.get_or_create(
            query_log=query_log, page=page, defaults={"position": max(0, min(int(position), 32767))}
        )
    return click


def allow_page_feedback(*, address: str, page_id: int) -> bool:
    """Count one answer from ``address`` for the page; False once the address has given
    ``PAGE_FEEDBACK_VOTES_PER_ADDRESS`` answers for it within the window (the counter
    lives in the cache and expires with the window)."""
    digest = hashlib.sha256(f"{address}:{page_id}".encode()).hexdigest()
    key = f"search:page-feedback-votes:{digest}"
    window = settings.PAGE_FEEDBACK_WINDOW_SECONDS
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count <= settings.PAGE_FEEDBACK_VOTES_PER_ADDRESS


@transaction.atomic
def submit_page_feedback(
    *, page: Page, session_key: str | None, address: str, helpful: bool, comment: str = "", language: str = ""
) -> PageFeedback:
    """Record "was this helpful?" for ``page``. Submitting again updates the reader's
    earlier answer instead of adding another: the reader is their session when they have
    one (signed-in readers), otherwise their client address (one answer per address)."""
    if session_key:
        key = PageFeedback.submission_key_for(session_key=session_key, page_id=page.pk)
    else:
        key = PageFeedback.address_submission_key_for(address=address, page_id=page.pk)
    feedback = PageFeedback.objects.select_for_update().filter(page=page, submission_key=key).first()
    if feedback is None:
        feedback = PageFeedback(page=page, submission_key=key)
    feedback.helpful = helpful
    feedback.comment = comment.strip()
    feedback.language = (language or "")[:2]
    feedback.full_clean()
    feedback.save()
    return feedback


# --- the search use case ---------------------------------------------------------------


def search_knowledge(*, user, params: Mapping | SearchParams) -> KnowledgeSearchResults:
    """Search what ``user`` may read. Best bets for the query come first on page 1 and are
    never repeated further down. Raises ``InvalidSearchParams`` for bad parameters."""
    cleaned = params if isinstance(params, SearchParams) else clean_search_params(params)
    query = SearchQuery(
        text=cleaned.text,
        audiences=reader_audiences(user),
        types=cleaned.types,
        channels=cleaned.channels,
        agencies=cleaned.agencies,
        languages=cleaned.languages,
        page=cleaned.page,
        page_size=cleaned.page_size,
    )
    found = get_search_backend().search(query)
    normalized = normalize_query(cleaned.text)
    promoted = promoted_hits(user=user, normalized_query=normalized, params=cleaned)
    promoted_ids = frozenset(hit.page_id for hit in promoted)

    hits = [hit for hit in found.hits if hit.page_id not in promoted_ids]
    count, facets = found.count, {name: dict(values) for name, values in (found.facets or {}).items()}
    if promoted:
        # A best bet is one more result (in the count and the facets) unless the engine's
        # result set already holds it.
        extra = promoted_ids - get_search_backend().matching_page_ids(query, promoted_ids)
        count += len(extra)
        facets = _facets_with_pages(facets, extra)
    if cleaned.page == 1 and promoted:
        backend_hits = {hit.page_id: hit for hit in found.hits}
        top_score = max((hit.score for hit in found.hits), default=0.0)
        pinned = []
        for hit in promoted:
            found_hit = backend_hits.get(hit.page_id, hit)  # keep the engine's snippet when it found the page
            pinned.append(dataclasses.replace(found_hit, score=max(found_hit.score, top_score)))
        hits = pinned + hits
    return KnowledgeSearchResults(
        query=cleaned.text,
        count=count,
        hits=hits,
        facets=facets,
        suggestion=found.suggestion,
        unmatched=list(found.unmatched),
        params=cleaned,
        normalized_query=normalized,
        promoted_page_ids=promoted_ids if cleaned.page == 1 else frozenset(),
    )


def _facets_with_pages(facets: dict[str, dict[str, int]], page_ids: Iterable[int]) -> dict[str, dict[str, int]]:
    """``facets`` with the pages ``page_ids`` counted in, as an engine counts them."""
    from search.documents import build_document

    page_ids = list(page_ids)
    if not page_ids:
        return facets
    for page in Page.objects.filter(pk__in=page_ids).specific():
        for name, values in document_facets(build_document(page)).items():
            bucket = facets.setdefault(name, {})
            for value in values:
                bucket[value] = bucket.get(value, 0) + 1
    return {name: ordered_facet_counts(bucket) for name, bucket in facets.items()}
