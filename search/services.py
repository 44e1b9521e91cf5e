"""Writes and workflows for search: the search use case (validation, best bets, facet
merging: ``search_knowledge``), the anonymous query log, result clicks and page feedback."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import logging
import secrets
from collections.abc import Iterable, Mapping

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Page

from knowledge.models import KnowledgePage
from knowledge.permissions import reader_class, view_restricted_page_ids
from knowledge.selectors import visible_pages
from portal import rate_limits
from search.backends import get_search_backend
from search.backends.base import (
    SearchHit,
    SearchQuery,
    SearchResults,
    document_facets,
    ordered_facet_counts,
)
from search.fusion import fused_order
from search.models import PageFeedback, SearchClick, SearchQueryLog
from search.permissions import reader_audiences
from search.selectors import (
    KnowledgeSearchResults,
    SearchParams,
    clean_search_params,
    normalize_query,
    promoted_hits,
)
from search.understanding import mixes_languages

_CLICK_SALT = "search.click-reference"
_FIELD_LIMIT = 255

logger = logging.getLogger(__name__)


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


#: The buffered-writes stream of result clicks: "<log key>|<page id>" → the click.
CLICK_STREAM = "search.clicks"

#: How long a buffered click waits for its search's log entry to be saved (the search is
#: buffered too, and normally saved in the same flush, just before its clicks).
CLICK_PENDING_WINDOW = datetime.timedelta(minutes=10)


def record_click(*, log_key: str | int, page: Page, position: int = 0) -> None:
    """Record that a result of a logged search was opened (once per search and page).

    Called while serving the click redirect (a GET), so it does not write: the click is
    added to the buffer (``portal.buffered_writes``) and ``save_clicks`` saves it with the
    next batch, after the search-log entries of the same flush."""
    from portal import buffered_writes

    kind = "id" if isinstance(log_key, int) else "key"
    buffered_writes.put_latest(
        CLICK_STREAM,
        f"{kind}:{log_key}|{page.pk}",
        {
            "log_key": log_key,
            "page_id": page.pk,
            "position": max(0, min(int(position), 32767)),
            "clicked_at": timezone.now().isoformat(),
        },
    )


def save_clicks(entries: dict[str, dict]) -> int:
    """Save a batch of buffered clicks. A click whose search is already recorded for that
    page is left as it was (the first click counts); one whose search-log entry is not
    saved yet goes back to the buffer for ``CLICK_PENDING_WINDOW``, then is dropped.
    Returns how many clicks left the buffer for good."""
    from portal import buffered_writes

    ids = {entry["log_key"] for entry in entries.values() if isinstance(entry["log_key"], int)}
    keys = {entry["log_key"] for entry in entries.values() if isinstance(entry["log_key"], str)}
    logs_by_id = {pk: pk for pk in SearchQueryLog.objects.filter(pk__in=ids).values_list("pk", flat=True)}
    logs_by_key: dict[str, int] = {}
    for burst_key, pk in (
        SearchQueryLog.objects.filter(burst_key__in=keys).order_by("created_at", "pk").values_list("burst_key", "pk")
    ):
        logs_by_key[burst_key] = pk  # the latest row of each key
    wanted_pages = {entry["page_id"] for entry in entries.values()}
    page_ids = set(Page.objects.filter(pk__in=wanted_pages).values_list("pk", flat=True))
    now = timezone.now()
    clicks, pending = [], {}
    for buffer_key, entry in entries.items():
        log_key = entry["log_key"]
        query_log_id = logs_by_id.get(log_key) if isinstance(log_key, int) else logs_by_key.get(log_key)
        if entry["page_id"] not in page_ids:
            continue  # the page was deleted since
        if query_log_id is None:
            if datetime.datetime.fromisoformat(entry["clicked_at"]) >= now - CLICK_PENDING_WINDOW:
                pending[buffer_key] = entry
            continue
        clicks.append(SearchClick(query_log_id=query_log_id, page_id=entry["page_id"], position=entry["position"]))
    with transaction.atomic():
        SearchClick.objects.bulk_create(clicks, ignore_conflicts=True)
    for buffer_key, entry in pending.items():
        buffered_writes.put_latest(CLICK_STREAM, buffer_key, entry)
    return len(entries) - len(pending)


def allow_page_feedback(*, address: str, page_id: int) -> bool:
    """Count one answer from ``address`` for the page; False once the address has given
    ``PAGE_FEEDBACK_VOTES_PER_ADDRESS`` answers for it within the window (the counter
    lives in the cache and expires with the window)."""
    digest = hashlib.sha256(f"{address}:{page_id}".encode()).hexdigest()
    key = f"search:page-feedback-votes:{digest}"
    count = rate_limits.count_in_window(key, window=settings.PAGE_FEEDBACK_WINDOW_SECONDS)
    if count is None:
        # The shared cache is down: the answer is kept (one per address or session still
        # holds, in the database) rather than refused or failed.
        logger.warning("Page feedback limit not checked: the shared cache cannot be reached")
        return True
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


def search_knowledge(*, user, params: Mapping | SearchParams, language: str | None = None) -> KnowledgeSearchResults:
    """Search what ``user`` may read. Best bets for the query come first on page 1 and are
    never repeated further down. Raises ``InvalidSearchParams`` for bad parameters.

    With ``language`` (the reader's) and no language filter, the results are the pages in
    that language, followed by pages in another language that have no translation in it
    (``_search_in_reading_language``); the language facet offers each language as a
    filter. Without ``language``, or with a ``lang`` filter, every chosen language mixes.

    Anonymous readers' results are kept briefly (``SEARCH_RESULTS_CACHE_SECONDS``) per
    query, filters, page and language, under the content version (a publish or a best bet
    or synonym change replaces it); signed-in readers' are never shared."""
    cleaned = params if isinstance(params, SearchParams) else clean_search_params(params)
    if user is not None and user.is_authenticated:
        return _search_knowledge(user=user, cleaned=cleaned, language=language)
    from django.utils.translation import get_language

    from portal import content_version

    return content_version.cached(
        ("search", get_language(), language, repr(cleaned)),
        lambda: _search_knowledge(user=user, cleaned=cleaned, language=language),
        timeout=settings.SEARCH_RESULTS_CACHE_SECONDS,
        kept_in=content_version.search_results_memo,
    )


def _search_knowledge(*, user, cleaned: SearchParams, language: str | None = None) -> KnowledgeSearchResults:
    query = SearchQuery(
        text=cleaned.text,
        audiences=reader_audiences(user),
        types=cleaned.types,
        channels=cleaned.channels,
        agencies=cleaned.agencies,
        languages=cleaned.languages,
        page=cleaned.page,
        page_size=cleaned.page_size,
        hidden_page_ids=view_restricted_page_ids(user),
    )
    reading = language if language and not cleaned.languages and _other_languages(language) else None
    if reading is None:
        found = get_search_backend().search(query)

        def matching(page_ids: Iterable[int]) -> set[int]:
            return get_search_backend().matching_page_ids(query, page_ids)

        def may_show(hit: SearchHit) -> bool:
            return True
    else:
        found, may_show, matching = _search_in_reading_language(query, user=user, language=reading)
    normalized = normalize_query(cleaned.text)
    promoted = [hit for hit in promoted_hits(user=user, normalized_query=normalized, params=cleaned) if may_show(hit)]
    promoted_ids = frozenset(hit.page_id for hit in promoted)

    hits = [hit for hit in found.hits if hit.page_id not in promoted_ids]
    count, facets = found.count, {name: dict(values) for name, values in (found.facets or {}).items()}
    if promoted:
        # A best bet is one more result (in the count and the facets) unless the engine's
        # result set already holds it.
        extra = promoted_ids - matching(promoted_ids)
        count += len(extra)
        language_counts = facets.get("lang")
        facets = _facets_with_pages(facets, extra)
        if reading is not None and language_counts is not None:
            facets["lang"] = language_counts  # the filters' own counts (see below)
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


#: How many of the other language's ranked results are read to order its untranslated
#: pages; any beyond (rare: most pages have a translation) follow by title.
OTHER_LANGUAGE_WINDOW = 100


def _other_languages(language: str) -> tuple[str, ...]:
    codes = [code for code, _name in settings.LANGUAGES]
    return tuple(code for code in codes if code != language) if language in codes else ()


def untranslated_page_ids(*, user, language: str) -> frozenset[int]:
    """Knowledge pages ``user`` may read in another language than ``language`` with no
    translation in ``language`` that they may read (Wagtail's ``translation_key`` links
    the translations of one page). Kept under the content version, per language and per
    reader class (``reader_class``: readers of one class read the same pages)."""
    from portal import content_version

    def build() -> frozenset[int]:
        translated = visible_pages(KnowledgePage.objects.filter(locale__language_code=language), user)
        return frozenset(
            visible_pages(KnowledgePage.objects.filter(locale__language_code__in=_other_languages(language)), user)
            .exclude(translation_key__in=translated.values("translation_key"))
            .values_list("pk", flat=True)
        )

    return content_version.cached(("untranslated-page-ids", language, reader_class(user)), build)


def _search_in_reading_language(query: SearchQuery, *, user, language: str):
    """The reader's-language results, then the matching pages of the other language that
    have no translation in it, paged as one list. When nothing in the reader's language
    matches (an English query on the Arabic site), the other language's results.

    Returns the results, whether a best bet (a hit) may be shown, and a function telling
    which of some page ids the result set holds. The language facet counts each language
    as its filter would find it (the other language with its translated pages too), so it
    offers the other language as a filter."""
    backend = get_search_backend()
    own = dataclasses.replace(query, languages=(language,))
    other = dataclasses.replace(query, languages=_other_languages(language), page=1)
    found = backend.search(own)
    if found.count == 0:
        other_results = dataclasses.replace(other, page=query.page)
        fallback = backend.search(other_results)
        # A correction in the reader's language (a typo) comes first, else the other's.
        fallback.suggestion = found.suggestion or fallback.suggestion
        return (
            fallback,
            lambda hit: True,
            lambda page_ids: backend.matching_page_ids(other_results, page_ids),
        )
    untranslated = untranslated_page_ids(user=user, language=language)
    extras = backend.matching_page_ids(other, untranslated) if untranslated else set()
    offset = (query.page - 1) * query.page_size
    wanted = query.page_size - len(found.hits) if offset + query.page_size > found.count else 0
    bridged = offset < TRANSLATION_EVIDENCE_WINDOW and mixes_languages(query.text, language)
    if extras:
        # Its untranslated pages follow the reader's: the other language's results (ranked,
        # when this page shows some) and the words they found.
        window = OTHER_LANGUAGE_WINDOW if wanted > 0 else 1
        other_found = backend.search(dataclasses.replace(other, page_size=window))
        other_counts = _language_counts(other_found)
    else:
        # Only the language filter's count (every page of it has a translation here).
        other_found = None
        other_counts = [
            (code, backend.result_count(dataclasses.replace(other, languages=(code,)))) for code in other.languages
        ]
    if bridged:
        found = _ordered_with_translations(backend, own, other, found)
    hits = list(found.hits)
    if other_found is not None and wanted > 0:
        ranked = [hit for hit in other_found.hits if hit.page_id in extras]
        missing = extras - {hit.page_id for hit in ranked}
        ranked += sorted(_page_hits(missing, user=user), key=lambda hit: (hit.title, hit.page_id))
        start = max(0, offset - found.count)
        hits += ranked[start : start + wanted]
    facets = {name: dict(values) for name, values in (found.facets or {}).items()}
    facets = _facets_with_pages(facets, extras)
    facets["lang"] = ordered_facet_counts(
        {code: total for code, total in ((language, found.count), *other_counts) if total}
    )
    # A word is reported as found nowhere when neither list holds it (the other language's
    # result set stands for its untranslated pages: a slight under-report, never a false one).
    unmatched = (
        found.unmatched if other_found is None else [w for w in found.unmatched if w in set(other_found.unmatched)]
    )
    results = SearchResults(
        query=found.query,
        count=found.count + len(extras),
        hits=hits,
        facets=facets,
        suggestion=found.suggestion,
        unmatched=list(unmatched),
    )

    def matching(page_ids: Iterable[int]) -> set[int]:
        page_ids = set(page_ids)
        return backend.matching_page_ids(own, page_ids) | (extras & page_ids)

    def may_show(hit: SearchHit) -> bool:
        return hit.locale == language or hit.page_id in untranslated

    return results, may_show, matching


#: A query mixing the reader's language with another («كيف اسوي appointment للمركز») has
#: its first this many results in the reader's language re-ordered with what the other
#: language's words find: each page's place fused (``search.fusion``) with its
#: translation's place among the other language's results (``_ordered_with_translations``).
TRANSLATION_EVIDENCE_WINDOW = 50


def _ordered_with_translations(backend, own: SearchQuery, other: SearchQuery, found: SearchResults) -> SearchResults:
    """``found`` (the reader's-language results ``own`` of a query mixing languages) with
    its first ``TRANSLATION_EVIDENCE_WINDOW`` results re-ordered: a page whose translation
    ranks well among the other language's results (``other``) moves up, as the other
    language's words find it where the reader's language cannot («appointment» in an
    Arabic query finds the English translation of the booking page). The result set, its
    count and its facets are unchanged; only the order of its head is. Both rankings are
    page ids only (``ranked_page_ids``); snippets are made for the page shown alone."""
    offset = (own.page - 1) * own.page_size
    end = offset + own.page_size
    needed = max(TRANSLATION_EVIDENCE_WINDOW, end)
    ids = list(found.ranked_ids)
    if len(ids) < min(needed, found.count):
        ids = backend.ranked_page_ids(own, needed)
    others = backend.ranked_page_ids(other, TRANSLATION_EVIDENCE_WINDOW)
    window = set(ids[:TRANSLATION_EVIDENCE_WINDOW])
    # One read for both lists (each in its own language): the other language's pages'
    # translation keys, and the reader's pages in the window by theirs.
    keys = dict(KnowledgePage.objects.filter(pk__in=window.union(others)).values_list("pk", "translation_key"))
    translations = {key: page_id for page_id, key in keys.items() if page_id in window}
    evidence: dict[int, int] = {}
    for rank, page_id in enumerate(others, 1):
        translation = translations.get(keys.get(page_id))
        if translation is not None:
            evidence.setdefault(translation, rank)
    if not evidence:
        return found
    # The window fused, the rest in the engine's order: every page of results agrees.
    order = fused_order(ids[:TRANSLATION_EVIDENCE_WINDOW], evidence) + ids[TRANSLATION_EVIDENCE_WINDOW:]
    shown = order[offset:end]
    hits = {hit.page_id: hit for hit in found.hits}
    if not hits.keys() >= set(shown):
        # Pages moved up from further down: their hits from the engine's results reaching them.
        reach = max(ids.index(page_id) for page_id in shown) + 1
        hits.update(
            (hit.page_id, hit) for hit in backend.search(dataclasses.replace(own, page=1, page_size=reach)).hits
        )
    return dataclasses.replace(
        found, hits=[hits[page_id] for page_id in shown if page_id in hits], ranked_ids=tuple(order)
    )


def _language_counts(found: SearchResults) -> list[tuple[str, int]]:
    return list((found.facets or {}).get("lang", {}).items())


def _page_hits(page_ids: Iterable[int], *, user) -> list[SearchHit]:
    """Result entries built from the pages themselves (summary as the snippet)."""
    pages = visible_pages(Page.objects.filter(pk__in=list(page_ids)), user).select_related("locale").specific()
    return [
        SearchHit(
            page_id=page.pk,
            slug=page.slug,
            locale=page.locale.language_code,
            title=page.title,
            url=page.get_url() or "",
            type=getattr(page, "content_type_key", "page"),
            snippet=escape(getattr(page, "summary", "") or page.search_description or ""),
            score=0.0,
        )
        for page in pages
    ]


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
