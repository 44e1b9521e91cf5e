"""Query plans, matching on bitsets, facets and ranking (each clause's best alternative by
FTS5's bm25 arithmetic; champions and bounds above ``exact_rank_limit``)."""

# ruff: noqa: S608 - SQL text only interpolates integer generation numbers and "?" placeholders.

from __future__ import annotations

import bisect
import itertools
import math
import operator
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from search.analysis import (
    QueryClause,
)
from search.backends.base import (
    SearchQuery,
    all_words_only,
    clause_language,
    ordered_facet_counts,
    required_clauses,
)
from search.backends.embedded.bitsets import _bits_bytes, _bits_from_ids, _ids_from_bits
from search.backends.embedded.schema import (
    _FACET_FIELDS,
    _FREQUENCY_CAP,
    BM25_B,
    BM25_K1,
    CANDIDATE_BUDGET,
    COLUMN_WEIGHTS,
    LIGHT_CANDIDATE_LIMIT,
    MAX_QUERY_CHARS,
    MAX_QUERY_TERMS,
    MIN_CHAMPIONS,
    RERANK_WINDOW,
    STRONG_CANDIDATE_LIMIT,
    _chunks,
    _placeholders,
    _quote,
    _Snapshot,
)
from search.snippets import _contains_sequence
from search.synonyms import current_synonym_set
from search.understanding import query_clauses


def _bm25_part(frequency: float, length: int, avgdl: float) -> float:
    """One phrase's bm25 contribution before IDF, as FTS5 computes it."""
    return (frequency * (BM25_K1 + 1.0)) / (frequency + BM25_K1 * (1 - BM25_B + BM25_B * length / avgdl))


def _idf(documents: int, hits: int) -> float:
    """FTS5's IDF (never below 1e-6)."""
    idf = math.log((documents - hits + 0.5) / (hits + 0.5))
    return idf if idf > 0.0 else 1e-6


def _count_sequence(tokens: list[str], sequence: tuple[str, ...]) -> int:
    """Occurrences of ``sequence`` in ``tokens``, overlapping ones included."""
    first, size = sequence[0], len(sequence)
    count = 0
    position = -1
    try:
        while True:
            position = tokens.index(first, position + 1)
            if tuple(tokens[position : position + size]) == sequence:
                count += 1
    except ValueError:
        return count


@dataclass
class _Phrase:
    terms: tuple[str, ...]
    bits: int
    frequent: bool  # has a bitset, postings and champions
    ids: list[int] | None = None  # every matching page (rarer terms and phrases)
    cut: float = 0.0  # frequent terms: bound of a non-champion's contribution
    idf: float = 0.0
    #: Weighted frequency by page: rarer single terms (from FTS5's instances) ...
    frequencies: dict[int, int] | None = None
    #: ... frequent terms (page ids ascending, with their capped frequencies; loaded when ranking).
    postings: tuple[array, array] | None = None
    #: Phrases of several terms: each page's bm25 contribution, from FTS5's own bm25.
    contributions: dict[int, float] | None = None
    #: The pages where it weighs at least ``STRONG_FREQUENCY`` (rarer phrases: all of theirs).
    strong: int = 0


def _phrase_bytes(phrase: _Phrase, pages: int) -> int:
    """About how much memory ``phrase`` (matching ``pages`` pages) holds once ranked: its
    bitsets, and per page either a frequent term's postings (a 4-byte id, a 2-byte
    frequency) or a rarer phrase's id list and weights (Python ints, floats, a dict entry)."""
    bitsets = 2 * (phrase.bits.bit_length() // 8 + 1)
    return bitsets + pages * (6 if phrase.frequent else 120)


@dataclass
class _Plan:
    """A query's phrases (distinct), each clause's bitset and, in expression order, each
    clause's alternatives (``_score`` adds the best of them for a page)."""

    phrases: dict[tuple[str, ...], _Phrase]
    clauses: list[int]  # each clause's bitset (OR of its alternatives)
    by_clause: list[list[_Phrase]] = field(default_factory=list)


@dataclass(frozen=True)
class _Matches:
    """What a query finds for one reader (``search.backends.base``): the pages matching
    every clause, and the result set (those same pages, or every page matching any clause
    when they are fewer than ``AND_FIRST_PAGE``)."""

    all_words: int
    results: int
    #: The clauses a page needs to be in ``all_words`` (``base.required_clauses``).
    required: tuple[int, ...] = ()

    @property
    def tiers(self) -> list[int]:
        """The result set in ranking order: the pages with every clause, then the others."""
        if self.results == self.all_words:
            return [self.all_words]
        return [self.all_words, self.results & ~self.all_words]


class _Evaluation(NamedTuple):
    snapshot: _Snapshot
    allowed: int  # the pages the reader may see that pass the filters
    plan: _Plan
    matches: _Matches


def _query_clauses(text: str | None) -> list[QueryClause]:
    """The clauses the engine looks up for ``text`` (within its length limits)."""
    return query_clauses((text or "")[:MAX_QUERY_CHARS], current_synonym_set())[:MAX_QUERY_TERMS]


#: A page matching only some of a query's words is a result when the words it matches
#: carry at least this share of the query's weight (each matched word weighs its IDF).
MIN_COVERAGE = 0.5
#: The coverage rule applies only when more pages than this match some words but not all
#: (a query of common words that would bring in a large part of the index).
COVERAGE_MIN_RESULTS = 40
#: Above this many clauses, any matching page is a result (the subsets get too many).
COVERAGE_MAX_CLAUSES = 5


def _covering(clauses: Sequence[int], allowed: int) -> int:
    """When some pages match every clause, the other results are the pages of ``allowed``
    matching enough of ``clauses`` (bitsets): the words a page
    matches must weigh ``MIN_COVERAGE`` of the words found at all (a word found nowhere
    does not count, so «اصدار رخصه» still shows the pages with «اصدار»). So a query of a
    rare word and a common one («تسجيل موظف») does not return every page with the common
    word. Weights are IDF over the reader's pages."""
    found = [bits & allowed for bits in clauses]
    present = [bits for bits in found if bits]
    anything = 0
    for bits in present:
        anything |= bits
    if len(present) < 2 or len(present) > COVERAGE_MAX_CLAUSES:
        return anything
    documents = max(1, allowed.bit_count())
    weights = [math.log(1.0 + documents / (1 + bits.bit_count())) for bits in present]
    total = sum(weights)
    kept = 0
    size = len(present)
    for mask in range(1, 1 << size):
        if sum(weight for index, weight in enumerate(weights) if mask >> index & 1) < MIN_COVERAGE * total:
            continue
        bits = anything
        for index in range(size):
            bits = bits & present[index] if mask >> index & 1 else bits & ~present[index]
            if not bits:
                break
        kept |= bits
    return kept


#: Inside a tier, the top pages are re-ranked by how well they answer the whole query:
#: bm25 times (1 + TITLE_COVERAGE_BOOST x the share of the query's clauses in the title)
#: times (1 + PROXIMITY_BOOST x the share of neighbouring clause pairs found within
#: PROXIMITY_WINDOW terms of each other in one field). Queries of one clause: bm25 only.
TITLE_COVERAGE_BOOST = 0.6
PROXIMITY_BOOST = 0.6
PROXIMITY_WINDOW = 3
PROXIMITY_SCAN_TERMS = 3000


#: At most this many readings of the whole query are tried by the title boosts.
MAX_TYPED_SEQUENCES = 16


def typed_sequences(clauses: Sequence[QueryClause]) -> set[tuple[str, ...]]:
    """The query as the reader typed it (each clause's own terms), and with each word that
    found nothing replaced by what it was read as (``QueryClause.readings``: «تقدبم شكوى»
    is also «تقديم شكوى»), for the exact-title and title-phrase boosts. At most
    ``MAX_TYPED_SEQUENCES`` of them, the typed one first."""
    options = [(tuple(clause.terms), *clause.readings) for clause in clauses]
    found: dict[tuple[str, ...], None] = {}
    for choice in itertools.islice(itertools.product(*options), MAX_TYPED_SEQUENCES):
        found[tuple(term for part in choice for term in part)] = None
    return set(found)


def _near(first: list[int], second: list[int], window: int) -> bool:
    """Whether a position of ``first`` and one of ``second`` (ascending) are within ``window``."""
    i = j = 0
    while i < len(first) and j < len(second):
        if abs(first[i] - second[j]) <= window:
            return True
        if first[i] < second[j]:
            i += 1
        else:
            j += 1
    return False


def title_coverage(
    clause_terms: Sequence[set[str]], title: Sequence[str], phrases: Sequence[Sequence[tuple[str, ...]]] = ()
) -> float:
    """The title part of the re-ranking factor (``TITLE_COVERAGE_BOOST``): 1.0 for queries
    of one clause. A clause is in the title when one of its single-term alternatives is, or
    one of its phrases (``phrases``: each clause's alternatives of several terms, such as
    «مكالمة فيديو» for «فيديو كول») is there in order."""
    count = len(clause_terms)
    if count < 2:
        return 1.0
    title_set = set(title)
    title_tuple = tuple(title)
    in_title = 0
    for index, terms in enumerate(clause_terms):
        if not terms.isdisjoint(title_set) or (
            index < len(phrases) and any(_contains_sequence(title_tuple, phrase) for phrase in phrases[index])
        ):
            in_title += 1
    return 1.0 + TITLE_COVERAGE_BOOST * in_title / count


#: The proximity factor's ceiling (every neighbouring pair near): pages whose score times
#: it cannot reach the page shown last are not looked at (``EmbeddedSearchBackend._hits``).
MAX_PROXIMITY_FACTOR = 1.0 + PROXIMITY_BOOST


def clause_owners(clause_terms: Sequence[set[str]]) -> dict[str, tuple[int, ...]]:
    """Each term of ``clause_terms`` with the clauses it belongs to (for ``proximity_factor``)."""
    owners: dict[str, list[int]] = {}
    for index, terms in enumerate(clause_terms):
        for term in terms:
            owners.setdefault(term, []).append(index)
    return {term: tuple(indexes) for term, indexes in owners.items()}


def proximity_factor(
    clause_terms: Sequence[set[str]], fields: Sequence[Sequence[str]], owners: dict[str, tuple[int, ...]] | None = None
) -> float:
    """The proximity part of the re-ranking factor (``PROXIMITY_BOOST``): the share of
    neighbouring clause pairs found within ``PROXIMITY_WINDOW`` terms in one field. One pass
    over each field's terms that holds two clauses or more (most hold none); ``owners``
    is ``clause_owners(clause_terms)``, computed once per query."""
    count = len(clause_terms)
    if count < 2:
        return 1.0
    if owners is None:
        owners = clause_owners(clause_terms)
    pending = set(range(count - 1))
    for terms in fields:
        if not pending:
            break
        if len(owners.keys() & set(terms)) < 2:
            continue
        positions: dict[int, list[int]] = {}
        for position, term in enumerate(terms):
            indexes = owners.get(term)
            if indexes is not None:
                for index in indexes:
                    positions.setdefault(index, []).append(position)
        for index in list(pending):
            first, second = positions.get(index), positions.get(index + 1)
            if first and second and _near(first, second, PROXIMITY_WINDOW):
                pending.discard(index)
    return 1.0 + PROXIMITY_BOOST * (count - 1 - len(pending)) / (count - 1)


def answer_boost(clause_terms: Sequence[set[str]], title: Sequence[str], fields: Sequence[Sequence[str]]) -> float:
    """The re-ranking factor of one page (see ``TITLE_COVERAGE_BOOST``): ``clause_terms``
    are each clause's single-term alternatives, ``title`` and ``fields`` analysed terms."""
    if len(clause_terms) < 2:
        return 1.0
    return title_coverage(clause_terms, title) * proximity_factor(clause_terms, [list(title), *fields])


@dataclass
class _Ranking:
    ids: list[int]
    scores: dict[int, float]
    exact: bool


class RankingMixin:
    def _allowed(self, connection, generation: int, snapshot: _Snapshot, query: SearchQuery) -> int:
        """The pages this reader may see that pass the query's filters."""
        bits = snapshot.values("audience", query.audiences)
        for field_name, values in (
            ("type", query.types),
            ("agency", query.agencies),
            ("locale", query.languages),
            ("channel", query.channels),
        ):
            if values and bits:
                bits &= snapshot.values(field_name, values)
        tags = tuple(getattr(query, "tags", ()))
        if tags and bits:
            ids = [
                row[0]
                for row in connection.execute(
                    f"SELECT page_id FROM tag_{generation} WHERE key IN ({_placeholders(tags)})", tags
                )
            ]
            bits &= _bits_from_ids(ids)
        if query.hidden_page_ids and bits:
            bits &= ~_bits_from_ids(query.hidden_page_ids)
        return bits

    def _plan(self, connection, generation: int, snapshot: _Snapshot, clauses: Sequence[QueryClause]) -> _Plan:
        """Each distinct phrase's pages: frequent terms from their bitsets, the rest from FTS5."""
        g = generation
        distinct = list(dict.fromkeys(tuple(sequence) for clause in clauses for sequence in clause.alternatives))
        memo = snapshot.phrases
        phrases: dict[tuple[str, ...], _Phrase] = {}
        for sequence in distinct:
            kept = memo.get(sequence)
            if kept is not None:
                phrases[sequence] = kept
        singles = [sequence[0] for sequence in distinct if len(sequence) == 1 and sequence not in phrases]
        frequent = {}
        for chunk in _chunks(singles):
            for term, cut, bits, strong in connection.execute(
                f"SELECT term, cut, bits, strong FROM terms_{g} WHERE term IN ({_placeholders(chunk)})", chunk
            ):
                frequent[term] = (cut, bits, strong)
        for sequence in distinct:
            if sequence in phrases:
                continue
            if len(sequence) == 1 and sequence[0] in frequent:
                cut, bits, strong = frequent[sequence[0]]
                phrase = _Phrase(sequence, int.from_bytes(bits, "little"), frequent=True, cut=cut)
                phrase.strong = int.from_bytes(strong, "little")
            else:
                phrase = self._rare_phrase(connection, g, sequence)
            pages = phrase.bits.bit_count()
            phrase.idf = _idf(snapshot.stats.documents, pages)
            phrases[sequence] = phrase
            memo.put(sequence, phrase, size=_phrase_bytes(phrase, pages))
        clause_bits = []
        for clause in clauses:
            bits = 0
            for sequence in clause.alternatives:
                bits |= phrases[tuple(sequence)].bits
            clause_bits.append(bits)
        by_clause = [[phrases[tuple(sequence)] for sequence in clause.alternatives] for clause in clauses]
        return _Plan(phrases, clause_bits, by_clause)

    @staticmethod
    def _rare_phrase(connection, generation: int, sequence: tuple[str, ...]) -> _Phrase:
        """A phrase without a bitset: its pages from FTS5 (with each page's weighted
        frequency when it is one term: FTS5's instances of it)."""
        g = generation
        if len(sequence) == 1:
            weights = dict(zip(("title", "summary", "body", "words"), COLUMN_WEIGHTS, strict=True))
            frequencies: dict[int, float] = {}
            for page_id, column in connection.execute(f"SELECT doc, col FROM inst_{g} WHERE term = ?", sequence):
                weight = weights[column]
                if weight:
                    frequencies[page_id] = frequencies.get(page_id, 0.0) + weight
            if frequencies:
                ids = sorted(frequencies)
                return _Phrase(sequence, _bits_from_ids(ids), frequent=False, ids=ids, frequencies=frequencies)
        # Several terms (or one that FTS5 reads as several): a phrase query. bm25 of a query
        # of this phrase alone is exactly the phrase's share of any query's bm25.
        expression = "{title summary body} : " + _quote(" ".join(sequence))
        weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
        contributions = {
            page_id: -score
            for page_id, score in connection.execute(
                f"SELECT rowid, bm25(fts_{g}, {weights}) FROM fts_{g} WHERE fts_{g} MATCH ?", (expression,)
            )
        }
        ids = sorted(contributions)
        return _Phrase(sequence, _bits_from_ids(ids), frequent=False, ids=ids, contributions=contributions)

    @staticmethod
    def _required(
        snapshot: _Snapshot, allowed: int, plan: _Plan, clauses: Sequence[QueryClause], rescued: Sequence[int] = ()
    ) -> list[int]:
        """The clauses a page needs to have "every word" (``base.required_clauses``: not
        the common ones); a ``rescued`` clause (a word that found nothing as typed) counts
        as finding nothing, so it is never common."""
        if len(clauses) < 2:
            return list(range(len(clauses)))
        totals: dict[str, int] = {}
        languages = [clause_language(clause.words) for clause in clauses]
        for language in set(languages):
            pages = snapshot.values("locale", (language,)) & allowed if language else allowed
            totals[language] = pages.bit_count()
        counts = [0 if index in rescued else (bits & allowed).bit_count() for index, bits in enumerate(plan.clauses)]
        return required_clauses(counts, [totals[language] for language in languages])

    @staticmethod
    def _all_clauses(plan: _Plan, allowed: int) -> int:
        """The pages of ``allowed`` with every clause (common ones too)."""
        found = allowed
        for bits in plan.clauses:
            found &= bits
            if not found:
                break
        return found

    @staticmethod
    def _match(plan: _Plan, allowed: int, required: Sequence[int] | None = None) -> _Matches:
        """All words first (an AND of the required clauses' bitsets, ``_required``); the OR
        of every clause's bitset only when that finds fewer than ``AND_FIRST_PAGE`` pages
        and there are several clauses."""
        required = tuple(range(len(plan.clauses)) if required is None else required)
        all_words = allowed
        for index in required:
            all_words &= plan.clauses[index]
            if not all_words:
                break
        if all_words_only(len(plan.clauses), all_words.bit_count()):
            return _Matches(all_words, all_words, required)
        anything = 0
        for bits in plan.clauses:
            anything |= bits
        anything &= allowed
        if not all_words or (anything & ~all_words).bit_count() <= COVERAGE_MIN_RESULTS:
            return _Matches(all_words, anything, required)
        return _Matches(all_words, all_words | _covering(plan.clauses, allowed), required)

    @staticmethod
    def _facets(snapshot: _Snapshot, matched: int) -> dict[str, dict[str, int]]:
        facets: dict[str, dict[str, int]] = {name: {} for _, name in _FACET_FIELDS}
        names = dict(_FACET_FIELDS)
        if not matched:
            return facets
        for (field_name, value), bits in snapshot.facets.items():
            name = names.get(field_name)
            if name is None or (field_name == "agency" and not value):
                continue
            count = (matched & bits).bit_count()
            if count:
                facets[name][value] = count
        return {name: ordered_facet_counts(counts) for name, counts in facets.items()}

    def _score(self, connection, generation: int, snapshot: _Snapshot, plan: _Plan, ids: Iterable[int], ranking):
        """The score of each page in ``ids``: each clause adds its best alternative's bm25
        share for the page, computed as FTS5 computes it (the same operations in the same
        order, so the same floating-point numbers): a query whose clauses have one
        alternative each scores exactly FTS5's bm25."""
        ids = sorted(ids)
        if not ids:
            return
        avgdl = snapshot.stats.avgdl
        lengths = snapshot.lengths
        k1, b, k1_plus_1 = BM25_K1, BM25_B, BM25_K1 + 1.0
        norms = [k1 * (1 - b + b * lengths[page_id] / avgdl) for page_id in ids]
        scores = [0.0] * len(ids)
        known: dict[tuple[str, ...], list[float]] = {}
        for alternatives in plan.by_clause:
            # A clause scores its best alternative for the page (Lucene's DisjunctionMaxQuery,
            # tie-breaker 0): a page using two words of one group counts the idea once, and
            # each word keeps its own IDF. One alternative: exactly FTS5's share of bm25.
            best: list[float] | None = None
            for phrase in alternatives:
                if phrase.contributions is not None:
                    contributions = phrase.contributions
                    values = [contributions.get(page_id, 0.0) for page_id in ids]
                else:
                    frequencies = known.get(phrase.terms)
                    if frequencies is None:
                        frequencies = known[phrase.terms] = self._frequencies(connection, generation, phrase, ids)
                    idf = phrase.idf
                    # A phrase absent from the page adds 0.0.
                    values = [
                        idf * ((frequency * k1_plus_1) / (frequency + norm)) if frequency else 0.0
                        for frequency, norm in zip(frequencies, norms, strict=True)
                    ]
                best = values if best is None else list(map(max, best, values))
            if best is not None:
                scores = list(map(operator.add, scores, best))
        ranking.scores.update(zip(ids, scores, strict=True))

    def _frequencies(self, connection, generation: int, phrase: _Phrase, ids: list[int]) -> list[float]:
        """A single term's weighted frequency in each page of ``ids`` (ascending)."""
        if phrase.frequencies is not None:
            return [phrase.frequencies.get(page_id, 0.0) for page_id in ids]
        if phrase.postings is None:  # a frequent term: its postings, read once per snapshot (PhraseMemo)
            blobs = connection.execute(f"SELECT ids, freqs FROM terms_{generation} WHERE term = ?", phrase.terms)
            stored_ids, stored_frequencies = blobs.fetchone()
            postings, frequencies = array("I"), array("H")
            postings.frombytes(stored_ids)
            frequencies.frombytes(stored_frequencies)
            phrase.postings = (postings, frequencies)
        postings, frequencies = phrase.postings
        found = [0.0] * len(ids)
        size = len(postings)
        capped = []
        low = 0
        for index, page_id in enumerate(ids):
            low = bisect.bisect_left(postings, page_id, low)
            if low == size:
                break
            if postings[low] == page_id:
                frequency = frequencies[low]
                if frequency == _FREQUENCY_CAP:
                    capped.append(index)
                found[index] = float(frequency)
        if capped:
            counted = self._count_in_text(connection, generation, phrase.terms, [ids[index] for index in capped])
            for index in capped:
                found[index] = counted[ids[index]]
        return found

    @staticmethod
    def _count_in_text(connection, generation: int, terms: tuple[str, ...], ids: list[int]) -> dict[int, float]:
        """Weighted frequencies counted in the analysed text (for the rare pages where a
        term's frequency does not fit its 16-bit posting)."""
        weight_title, weight_summary, weight_body, _ = COLUMN_WEIGHTS
        counted = {}
        for chunk in _chunks(ids, 900):
            for page_id, title, summary, body in connection.execute(
                f"SELECT page_id, title, summary, body FROM text_{generation}"
                f" WHERE page_id IN ({_placeholders(chunk)})",
                chunk,
            ):
                counted[page_id] = (
                    weight_title * _count_sequence(title.split(), terms)
                    + weight_summary * _count_sequence(summary.split(), terms)
                    + weight_body * _count_sequence(body.split(), terms)
                )
        return counted

    def _candidates(self, connection, generation: int, snapshot: _Snapshot, plan: _Plan, matched: int):
        """Pages worth scoring for a large match set, and a bound of every other page's score."""
        data = _bits_bytes(matched)
        size = len(data)

        def member(page_id: int) -> bool:
            position = page_id >> 3
            return position < size and data[position] >> (page_id & 7) & 1 == 1

        candidates: set[int] = set()
        bounds: dict[tuple[str, ...], float] = {}
        frequent = [phrase for phrase in plan.phrases.values() if phrase.frequent]
        total_idf = sum(phrase.idf for phrase in frequent) or 1.0
        for phrase in plan.phrases.values():
            if not phrase.frequent:
                if len(phrase.ids) <= LIGHT_CANDIDATE_LIMIT:
                    candidates.update(page_id for page_id in phrase.ids if member(page_id))
                    bounds[phrase.terms] = 0.0
                else:
                    bounds[phrase.terms] = BM25_K1 + 1.0  # no better bound than bm25's ceiling
                continue
            share = int(CANDIDATE_BUDGET * phrase.idf / total_idf)
            limit = min(self.champions, max(MIN_CHAMPIONS, share))
            rows = connection.execute(
                f"SELECT page_id, rank_key FROM champ_{generation} WHERE term = ? ORDER BY rank_key LIMIT ?",
                (phrase.terms[0], limit + 1),
            ).fetchall()
            bound = phrase.cut
            if len(rows) > limit:
                bound = max(bound, -rows[limit][1])
                rows = rows[:limit]
            candidates.update(page_id for page_id, _ in rows if member(page_id))
            bounds[phrase.terms] = bound
        candidates.update(self._strongest(snapshot, plan, matched))
        drift = max(1.0, snapshot.stats.avgdl / snapshot.stats.champion_avgdl)
        # A clause adds its best alternative (``_score``), so at most its best bound.
        ceiling = sum(
            max((phrase.idf * bounds[phrase.terms] * drift for phrase in alternatives), default=0.0)
            for alternatives in plan.by_clause
        )
        return candidates, ceiling

    @staticmethod
    def _strongest(snapshot: _Snapshot, plan: _Plan, matched: int) -> list[int]:
        """The matches strong for the most phrases (bm25 sums the phrases, each near its
        ceiling where it is in the title or summary of a short page): up to
        ``STRONG_CANDIDATE_LIMIT``, shortest first. Phrases found in over half the pages
        (IDF at FTS5's floor) count only when there is nothing else."""
        phrases = list(plan.phrases.values())
        weighty = [phrase for phrase in phrases if phrase.idf > 1e-6] or phrases
        # at_least[j]: matches strong for at least j + 1 of the phrases so far (bit-sliced count).
        at_least: list[int] = []
        for phrase in weighty:
            strong = (phrase.strong if phrase.frequent else phrase.bits) & matched
            at_least.append(0)
            for level in range(len(at_least) - 1, 0, -1):
                at_least[level] |= at_least[level - 1] & strong
            at_least[0] |= strong
        limit = STRONG_CANDIDATE_LIMIT
        for bits in reversed(at_least):
            if not bits:
                continue
            if bits.bit_count() <= limit:
                return _ids_from_bits(bits)
            # Too many: the shortest ones, a length tier at a time.
            chosen = 0
            for tier in snapshot.length_tiers():
                chosen |= bits & tier
                if chosen.bit_count() >= limit:
                    break
            ids = _ids_from_bits(chosen)
            return sorted(ids, key=snapshot.lengths.__getitem__)[:limit]
        return []

    def _rank(self, connection, generation, snapshot: _Snapshot, plan: _Plan, matched: int, window: int) -> _Ranking:
        ranking = _Ranking([], {}, exact=True)
        total = matched.bit_count()
        candidates: set[int] | None = None
        if total > self.exact_rank_limit:
            candidates, ceiling = self._candidates(connection, generation, snapshot, plan, matched)
            if len(candidates) < RERANK_WINDOW and total <= self.exact_fallback_limit:
                candidates = None
        if candidates is None:
            self._score(connection, generation, snapshot, plan, _ids_from_bits(matched), ranking)
            ranking.ids = sorted(ranking.scores, key=lambda page_id: (-ranking.scores[page_id], page_id))
            return ranking
        self._score(connection, generation, snapshot, plan, candidates, ranking)
        ranking.ids = sorted(ranking.scores, key=lambda page_id: (-ranking.scores[page_id], page_id))
        head = len(ranking.ids)
        ranking.exact = head >= window and ranking.scores[ranking.ids[window - 1]] >= ceiling
        if head < window:
            # Past the candidates: the other matches, ranked among themselves.
            rest = _Ranking([], {}, exact=True)
            self._score(
                connection, generation, snapshot, plan, _ids_from_bits(matched & ~_bits_from_ids(candidates)), rest
            )
            ranking.ids += sorted(rest.scores, key=lambda page_id: (-rest.scores[page_id], page_id))
            ranking.scores.update(rest.scores)
        return ranking
