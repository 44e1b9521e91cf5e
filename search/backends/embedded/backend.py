"""``EmbeddedSearchBackend``: the search entry points, composed from one mixin per concern."""

# ruff: noqa: S608 - SQL text only interpolates integer generation numbers and "?" placeholders.

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from search.analysis import (
    QueryClause,
)
from search.backends.base import (
    SUGGEST_BELOW,
    SearchBackend,
    SearchHit,
    SearchQuery,
    SearchResults,
)
from search.backends.embedded.autocomplete import AutocompleteMixin
from search.backends.embedded.bitsets import _bits_from_ids, _ids_from_bits
from search.backends.embedded.ranking import (
    MAX_PROXIMITY_FACTOR,
    PROXIMITY_SCAN_TERMS,
    RankingMixin,
    _Evaluation,
    _query_clauses,
    clause_owners,
    proximity_factor,
    title_coverage,
    typed_sequences,
)
from search.backends.embedded.schema import (
    CHAMPIONS,
    EXACT_FALLBACK_LIMIT,
    EXACT_RANK_LIMIT,
    EXACT_TITLE_BOOST,
    HEAVY_DF,
    MAX_QUERY_CHARS,
    PHRASE_MEMO_ENTRIES,
    RERANK_WINDOW,
    TITLE_PHRASE_BOOST,
    PhraseMemo,
    SchemaMixin,
    _placeholders,
    _Snapshot,
)
from search.backends.embedded.spelling import SpellingMixin
from search.backends.embedded.writer import WriterMixin
from search.snippets import _contains_sequence, make_snippet
from search.understanding import arabizi_reading


class _UnderstoodRead(NamedTuple):
    """A query understood in one read transaction (``_understood_reading``)."""

    connection: sqlite3.Connection
    generation: int
    clauses: list[QueryClause]
    evaluation: _Evaluation


class EmbeddedSearchBackend(SchemaMixin, WriterMixin, RankingMixin, SpellingMixin, AutocompleteMixin, SearchBackend):
    def __init__(
        self,
        path: Path | str,
        *,
        heavy_df: int = HEAVY_DF,
        champions: int = CHAMPIONS,
        exact_rank_limit: int = EXACT_RANK_LIMIT,
        exact_fallback_limit: int = EXACT_FALLBACK_LIMIT,
        phrase_memo_entries: int = PHRASE_MEMO_ENTRIES,
    ) -> None:
        self.path = Path(path)
        # Tuning (tests lower them so a small corpus takes a large corpus's paths).
        self.heavy_df = heavy_df
        self.champions = champions
        self.exact_rank_limit = exact_rank_limit
        self.exact_fallback_limit = exact_fallback_limit
        #: Phrases kept per index version (``schema.PhraseMemo``; 0 keeps none, as ``bench/speed.py
        #: --without-phrase-memo`` measures).
        self.phrase_memo_entries = phrase_memo_entries
        self._local = threading.local()
        self._snapshot: _Snapshot | None = None
        self._snapshot_lock = threading.Lock()
        self._schema_ready = False
        #: Whether this thread's last search ranked its top exactly as FTS5's bm25 would.
        self._rank_state = threading.local()

    @property
    def last_rank_was_exact(self) -> bool | None:
        return getattr(self._rank_state, "exact", None)

    @property
    def phrase_memo(self) -> PhraseMemo | None:
        """The phrase memo of the index version last read (``None`` before any search)."""
        snapshot = self._snapshot
        return snapshot.phrases if snapshot is not None else None

    @contextlib.contextmanager
    def _reading(self) -> Iterator[tuple[sqlite3.Connection, int, int]]:
        """One read transaction (connection, generation, version): every statement in it
        sees the same generation, whatever a writer commits meanwhile."""
        connection = self._connect()
        connection.execute("BEGIN")
        try:
            generation, version = self._state(connection)
            yield connection, generation, version
        finally:
            connection.execute("COMMIT")

    def _evaluate(
        self,
        read: tuple[sqlite3.Connection, int, int],
        query: SearchQuery,
        clauses: Sequence[QueryClause],
        rescued: Sequence[int] = (),
    ) -> _Evaluation:
        """What ``query`` finds for its reader and filters, in the read ``read`` (the
        ``rescued`` clauses, words that found nothing as typed, are never common)."""
        connection, generation, version = read
        snapshot = self._snapshot_for(connection, generation, version)
        allowed = self._allowed(connection, generation, snapshot, query)
        plan = self._plan(connection, generation, snapshot, clauses)
        required = self._required(snapshot, allowed, plan, clauses, rescued)
        return _Evaluation(snapshot, allowed, plan, self._match(plan, allowed, required))

    def search(self, query: SearchQuery) -> SearchResults:
        text = (query.text or "")[:MAX_QUERY_CHARS]
        page = max(1, query.page)
        page_size = max(1, query.page_size)
        results = SearchResults(query=query.text, count=0, hits=[], facets={})
        self._rank_state.exact = None
        clauses = _query_clauses(text)
        if not query.audiences or not clauses:
            return results
        with self._reading() as read:
            connection, generation, _ = read
            clauses, evaluation, unmatched, typed = self._understood(read, query, clauses)
            snapshot, allowed, plan, matches = evaluation
            total = matches.results.bit_count()
            results.count, results.facets = total, self._facets(snapshot, matches.results)
            results.unmatched = unmatched
            offset = (page - 1) * page_size
            if total and offset < total:
                results.hits, results.ranked_ids = self._hits(
                    connection, generation, snapshot, clauses, plan, matches.tiers, offset, page_size
                )
            # "Did you mean" compares with what the reader's own words find (before typos
            # and Arabizi were read, every word required), so a correction the results
            # already use is offered.
            every_word_required = len(typed.matches.required) == len(typed.plan.clauses)
            if every_word_required:
                all_words = typed.matches.all_words.bit_count()
            else:
                all_words = self._all_clauses(typed.plan, typed.allowed).bit_count()
            if all_words < SUGGEST_BELOW:
                strict = typed.matches if every_word_required else self._match(typed.plan, typed.allowed)
                total = strict.results.bit_count()
                results.suggestion = self._suggestion(
                    connection,
                    generation,
                    snapshot,
                    text,
                    allowed,
                    readable=snapshot.values("audience", query.audiences) & ~_bits_from_ids(query.hidden_page_ids),
                    all_words=all_words,
                    results=total,
                )
        return results

    def _understood(
        self, read: tuple[sqlite3.Connection, int, int], query: SearchQuery, clauses: list[QueryClause]
    ) -> tuple[list[QueryClause], _Evaluation, list[str], _Evaluation]:
        """The query's clauses once the words that find nothing for this reader are read as
        typos or Arabizi (``SpellingMixin._rescue``; Arabizi question words and fillers,
        ``understanding.arabizi_reading``, set aside), what they find, and the reader's words
        that still find nothing (for the partial-match notice), and what the typed words
        found (their evaluation: "did you mean" compares with it, every word required).
        Queries whose words all find something pay nothing more."""
        connection, generation, _ = read
        evaluation = self._evaluate(read, query, clauses)
        missing = [index for index, bits in enumerate(evaluation.plan.clauses) if not bits & evaluation.allowed]
        typed = evaluation
        if not missing:
            return clauses, evaluation, [], typed
        readable = evaluation.allowed
        rescued = list(clauses)
        changed = False
        read_as_arabizi, set_aside = arabizi_reading(
            [" ".join(clause.words) for clause in clauses],
            [bool(bits & evaluation.allowed) for bits in evaluation.plan.clauses],
        )
        for index in missing:
            if set_aside[index]:
                continue
            clause = self._rescue(connection, generation, clauses[index], readable, arabizi=read_as_arabizi[index])
            if clause is not None:
                rescued[index] = clause
                changed = True
        if any(set_aside):
            # Arabizi question words and fillers («shlon», «wain», «el») go, as their Arabic spellings do.
            kept = [index for index, aside in enumerate(set_aside) if not aside]
            rescued = [rescued[index] for index in kept]
            missing = [position for position, index in enumerate(kept) if index in missing]
            changed = True
        if changed:
            clauses = rescued
            evaluation = self._evaluate(read, query, clauses, missing)
        unmatched = [
            " ".join(clauses[index].words)
            for index, bits in enumerate(evaluation.plan.clauses)
            if not bits & evaluation.allowed and clauses[index].words
        ]
        return clauses, evaluation, unmatched, typed

    @contextlib.contextmanager
    def _understood_reading(self, query: SearchQuery) -> Iterator[_UnderstoodRead | None]:
        """For the reads that only match or rank (no snippets, suggestion or notice): in one
        read transaction, the connection, generation, the query's understood clauses and
        what they find (``_understood``); ``None`` when there is nothing to ask."""
        clauses = _query_clauses(query.text)
        if not query.audiences or not clauses:
            yield None
            return
        with self._reading() as read:
            clauses, evaluation, _, _ = self._understood(read, query, clauses)
            yield _UnderstoodRead(read[0], read[1], clauses, evaluation)

    def _results(self, query: SearchQuery) -> int:
        """``query``'s result set for its reader, as a bitset (0 when there is nothing to ask)."""
        with self._understood_reading(query) as understood:
            return understood.evaluation.matches.results if understood else 0

    def matching_page_ids(self, query: SearchQuery, page_ids: Iterable[int]) -> set[int]:
        wanted = _bits_from_ids(page_ids)
        return set(_ids_from_bits(self._results(query) & wanted)) if wanted else set()

    def result_count(self, query: SearchQuery) -> int:
        return self._results(query).bit_count()

    @staticmethod
    def _rerank(connection, generation, clauses, top, scores, tier_of, end) -> None:
        """Re-rank ``top`` (in place, tier by tier) by how well each page answers the whole
        query: the exact-title / title-phrase boosts and the title coverage from the titles,
        the proximity factor from the analysed summary and body, read only for the pages
        that can still reach the first ``end`` places (their score times the proximity
        factor's ceiling reaches the ``end``-th lower bound of their tier)."""
        g = generation
        query_phrases = typed_sequences(clauses)
        clause_terms = [{sequence[0] for sequence in clause.alternatives if len(sequence) == 1} for clause in clauses]
        phrases = [[tuple(sequence) for sequence in clause.alternatives if len(sequence) > 1] for clause in clauses]
        # Proximity reads a phrase by its first term (the title coverage reads it whole).
        near_terms = [
            terms | {phrase[0] for phrase in clause_phrases}
            for terms, clause_phrases in zip(clause_terms, phrases, strict=True)
        ]
        titles = dict(
            connection.execute(f"SELECT page_id, title FROM text_{g} WHERE page_id IN ({_placeholders(top)})", top)
        )
        title_terms: dict[int, tuple[str, ...]] = {}
        for page_id in top:
            terms = title_terms[page_id] = tuple(titles.get(page_id, "").split())
            boost = 0.0
            if terms in query_phrases:
                boost = EXACT_TITLE_BOOST
            elif any(len(phrase) > 1 and _contains_sequence(terms, phrase) for phrase in query_phrases):
                boost = TITLE_PHRASE_BOOST
            scores[page_id] *= (1.0 + boost) * title_coverage(clause_terms, terms, phrases)
        if len(clause_terms) >= 2:
            # Lower bounds now (the proximity factor is at least 1); the pages that can
            # still be among the first ``end``, tier by tier.
            needed: list[int] = []
            slots = end
            for tier in sorted({tier_of[page_id] for page_id in top}):
                if slots <= 0:
                    break
                members = [page_id for page_id in top if tier_of[page_id] == tier]
                lows = sorted((scores[page_id] for page_id in members), reverse=True)
                floor = lows[slots - 1] if len(lows) >= slots else 0.0
                needed += [page_id for page_id in members if scores[page_id] * MAX_PROXIMITY_FACTOR >= floor]
                slots -= len(members)
            if needed:
                owners = clause_owners(near_terms)
                texts = {
                    page_id: (summary, body)
                    for page_id, summary, body in connection.execute(
                        f"SELECT page_id, summary, body FROM text_{g} WHERE page_id IN ({_placeholders(needed)})",
                        needed,
                    )
                }
                for page_id in needed:
                    summary, body = texts.get(page_id, ("", ""))
                    scores[page_id] *= proximity_factor(
                        near_terms,
                        [
                            title_terms[page_id],
                            summary.split(),
                            body.split(maxsplit=PROXIMITY_SCAN_TERMS)[:PROXIMITY_SCAN_TERMS],
                        ],
                        owners,
                    )
        # Boosts re-rank inside a tier, never across tiers.
        top.sort(key=lambda page_id: (tier_of[page_id], -scores[page_id]))

    def ranked_page_ids(self, query: SearchQuery, limit: int) -> list[int]:
        if limit < 1:
            return []
        with self._understood_reading(query) as understood:
            if not understood or not understood.evaluation.matches.results:
                return []
            connection, generation, clauses, (snapshot, _, plan, matches) = understood
            page_ids, _ = self._ranked(connection, generation, snapshot, clauses, plan, matches.tiers, 0, limit)
            return page_ids[:limit]

    def _hits(
        self, connection, generation, snapshot, clauses, plan, tiers, offset, page_size
    ) -> tuple[list[SearchHit], tuple[int, ...]]:
        """The page ``offset:offset + page_size`` of the result set (``_ranked``) as hits,
        each with its snippet, and the ranked ids from the first (``SearchResults.ranked_ids``)."""
        ranked, scores = self._ranked(connection, generation, snapshot, clauses, plan, tiers, offset, page_size)
        page_ids = ranked[offset : offset + page_size]
        if not page_ids:
            return [], tuple(ranked)
        rows = {
            row[0]: row
            for row in connection.execute(
                f"SELECT page_id, slug, locale, title, url, type, summary, body FROM docs_{generation}"
                f" WHERE page_id IN ({_placeholders(page_ids)})",
                page_ids,
            )
        }
        wanted = {term for clause in clauses for sequence in clause.alternatives for term in sequence}
        hits = []
        for page_id in page_ids:
            _, slug, locale, title, url, type_, summary, body = rows[page_id]
            hits.append(
                SearchHit(
                    page_id=page_id,
                    slug=slug,
                    locale=locale,
                    title=title,
                    url=url,
                    type=type_,
                    snippet=make_snippet(summary, body, wanted),
                    score=round(scores[page_id], 4),
                )
            )
        return hits, tuple(ranked)

    def _ranked(
        self, connection, generation, snapshot, clauses, plan, tiers, offset, page_size
    ) -> tuple[list[int], dict[int, float]]:
        """The result set's page ids from the first to the page ``offset:offset + page_size``
        at least (the whole re-ranked window on the first pages), ranked tier by tier
        (``tiers``: the pages with every required clause, then the others), and the scores."""
        g = generation
        end = offset + page_size
        window = max(end, RERANK_WINDOW) if offset < RERANK_WINDOW else end
        ids: list[int] = []
        scores: dict[int, float] = {}
        tier_of: dict[int, int] = {}
        exact = True
        for tier, bits in enumerate(tiers):
            needed = window - len(ids)
            if needed <= 0:
                break
            if not bits:
                continue
            # Each tier's ranking covers all its matches or at least ``needed`` of them.
            ranking = self._rank(connection, g, snapshot, plan, bits, needed)
            exact = exact and ranking.exact
            ids += ranking.ids
            scores.update(ranking.scores)
            tier_of.update(dict.fromkeys(ranking.ids, tier))
        self._rank_state.exact = exact
        ids = ids[:window]
        top = ids[:RERANK_WINDOW]
        if top and offset < RERANK_WINDOW:
            self._rerank(connection, g, clauses, top, scores, tier_of, end)
            ids = top + ids[RERANK_WINDOW:]
        return ids, scores
