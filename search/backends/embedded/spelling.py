"""The spelling vocabulary (with its SymSpell-style deletion index) and "did you mean"."""

# ruff: noqa: S608 - SQL text only interpolates integer generation numbers and "?" placeholders.

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable

from search.analysis import (
    QueryClause,
    analyze_token,
    article_forms,
    normalize_token,
    tokenize,
)
from search.backends.base import (
    suggestion_finds_more,
)
from search.backends.embedded.bitsets import _bits_from_ids
from search.backends.embedded.schema import (
    MAX_QUERY_TERMS,
    _chunks,
    _placeholders,
    _quote,
)
from search.synonyms import current_synonym_set
from search.understanding import (
    TYPO_EDITS,
    arabizi_forms,
    edit_distance,
    is_filler,
    plausible_correction,
    query_clauses,
    typo_tolerant,
)


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _deletion_rows(norms: Iterable[str]) -> list[tuple[str, str]]:
    """The deletion index of the spelling vocabulary: (variant, word) for each word of 3+
    letters and each variant of it with one letter deleted, and itself."""
    return [(variant, norm) for norm in norms if len(norm) >= 3 for variant in _deletes(norm) | {norm}]


#: At most this many vocabulary words stand in for one unknown word.
MAX_RESCUED_WORDS = 2


class SpellingMixin:
    @staticmethod
    def _update_spelling(connection, generation: int, removed, added) -> None:
        """Keep the spelling vocabulary's document counts and deletion index in step."""
        g = generation
        delta: Counter[str] = Counter()
        for item in removed:
            delta.subtract(item.words)
        for item in added:
            delta.update(item.words)
        delta = Counter({display: change for display, change in delta.items() if change})
        if not delta:
            return
        known = {}
        for chunk in _chunks(list(delta)):
            known.update(
                connection.execute(
                    f"SELECT display, docs FROM spell_{g} WHERE display IN ({_placeholders(chunk)})", chunk
                )
            )
        gone, kept, new_norms = [], [], set()
        for display, change in delta.items():
            docs = known.get(display, 0) + change
            norm = normalize_token(display)
            if docs <= 0:
                gone.append((display, norm))
            else:
                kept.append((display, norm, docs))
                if display not in known:
                    new_norms.add(norm)
        connection.executemany(f"DELETE FROM spell_{g} WHERE display = ?", [(display,) for display, _ in gone])
        connection.executemany(f"INSERT OR REPLACE INTO spell_{g} (display, norm, docs) VALUES (?, ?, ?)", kept)
        for _, norm in gone:
            if not connection.execute(f"SELECT 1 FROM spell_{g} WHERE norm = ? LIMIT 1", (norm,)).fetchone():
                connection.execute(f"DELETE FROM spelldel_{g} WHERE norm = ?", (norm,))
        connection.executemany(
            f"INSERT OR IGNORE INTO spelldel_{g} (variant, norm) VALUES (?, ?)", _deletion_rows(new_norms)
        )

    @staticmethod
    def _term_pages(connection, generation: int, term: str) -> int:
        """The pages holding an analysed term, as a bitset (a frequent term's stored
        bitset, else FTS5's matches)."""
        g = generation
        row = connection.execute(f"SELECT bits FROM terms_{g} WHERE term = ?", (term,)).fetchone()
        if row is not None:
            return int.from_bytes(row[0], "little")
        return _bits_from_ids(
            page_id
            for (page_id,) in connection.execute(f"SELECT rowid FROM fts_{g} WHERE fts_{g} MATCH ?", (_quote(term),))
        )

    @staticmethod
    def _closest_word(connection, generation: int, norm: str, usable: Callable[[str], bool]) -> str | None:
        """The display form of the nearest known word of the spelling vocabulary (within
        two edits, found through the deletion index, SymSpell-style; the nearest wins, then
        the most frequent, then the first in order; a word shows in its most frequent form).
        Only words ``usable`` accepts (the reader's vocabulary) are candidates."""
        g = generation
        variants = sorted(_deletes(norm) | {norm})
        found = connection.execute(
            f"SELECT DISTINCT norm FROM spelldel_{g} WHERE variant IN ({_placeholders(variants)})", variants
        ).fetchall()
        distances = {}
        for (candidate,) in found:
            distance = edit_distance(norm, candidate)
            if distance <= 2 and candidate != norm:
                distances[candidate] = distance
        if not distances:
            return None
        shown: dict[str, tuple[str, int]] = {}
        totals: Counter[str] = Counter()
        candidates = list(distances)
        for candidate, display, docs in connection.execute(
            f"SELECT norm, display, docs FROM spell_{g} WHERE norm IN ({_placeholders(candidates)}) ORDER BY display",
            candidates,
        ):
            if not usable(display):
                continue
            totals[candidate] += docs
            if candidate not in shown or docs > shown[candidate][1]:
                shown[candidate] = (display, docs)
        if not shown:
            return None
        best = min(shown, key=lambda candidate: (distances[candidate], -totals[candidate], candidate))
        return shown[best][0]

    def _suggestion(
        self, connection, generation, snapshot, text, allowed: int, *, readable: int, all_words: int, results: int
    ) -> str | None:
        """Replace each word the reader's vocabulary does not know (in none of its article
        forms) by its nearest word of that vocabulary; offer the result only if it finds
        more for this reader (``suggestion_finds_more``).

        The reader's vocabulary is the words of the pages their audience keys let them see
        (``readable``): a word found only on pages hidden from them is unknown to them,
        corrected like an invented word, and never offered, so "did you mean" cannot tell
        them it exists."""
        known_terms: dict[str, bool] = {}

        def known(term: str | None) -> bool:
            if not term:
                return False
            if term not in known_terms:
                known_terms[term] = bool(self._term_pages(connection, generation, term) & readable)
            return known_terms[term]

        synonyms = current_synonym_set()

        def understood(surface: str, term: str) -> bool:
            """The reader's word finds something: itself, an article form, a synonym."""
            if known(term) or any(known(analyze_token(form)) for form in article_forms(surface)):
                return True
            return any(known(other[0]) for other in synonyms.alternatives((term,)) if len(other) == 1)

        replaced = []
        changed = False
        for surface, _, _ in tokenize(text):
            term = analyze_token(surface)
            if term is None or is_filler(surface) or understood(surface, term):
                replaced.append(surface)
                continue

            def usable(display: str, surface: str = surface) -> bool:
                # The sanity rule: real vocabulary of this reader, and close to the word.
                return plausible_correction(surface, display) and known(analyze_token(display))

            correction = self._closest_word(connection, generation, normalize_token(surface), usable)
            if correction is None:
                replaced.append(surface)
            else:
                replaced.append(correction)
                changed = True
        if not changed:
            return None
        suggestion = " ".join(replaced)
        clauses = query_clauses(suggestion, synonyms)[:MAX_QUERY_TERMS]
        if not clauses:
            return None
        corrected = self._match(self._plan(connection, generation, snapshot, clauses), allowed)
        finds_more = suggestion_finds_more(
            all_words=all_words,
            results=results,
            corrected_all_words=corrected.all_words.bit_count(),
            corrected_results=corrected.results.bit_count(),
        )
        return suggestion if finds_more else None

    def _rescue(
        self, connection, generation: int, clause: QueryClause, readable: int, *, arabizi: bool = True
    ) -> QueryClause | None:
        """``clause`` (one word that finds nothing the reader may see) with the words of the
        spelling vocabulary it most likely means added as alternatives: one edit away for
        a word of ``TYPO_MIN_LENGTH``+ letters (same script), else for a Latin word its
        Arabizi readings that are words of the vocabulary (as written, or missing one
        letter, as «mawid» for «موعد»). None when nothing fits. Those alternatives only
        serve words that found nothing, so they never outrank an exact match."""
        if len(clause.words) != 1:
            return None
        surface = clause.words[0]
        norm = normalize_token(surface)
        words: list[str] = []
        if typo_tolerant(surface):
            words = self._vocabulary_near(connection, generation, [norm], exact=False)
            words = [
                word for word in words if word.isascii() == norm.isascii() and edit_distance(norm, word) <= TYPO_EDITS
            ]
        if not words and arabizi and surface.isascii():
            candidates = arabizi_forms(surface)
            if candidates:
                words = self._vocabulary_near(connection, generation, candidates, exact=True)
                if not words:
                    words = self._vocabulary_near(
                        connection, generation, [c for c in candidates if len(c) >= 3], exact=False, inserted=True
                    )
                if not words:
                    # A reading that is a term of a vocabulary group finds the group's words
                    # («isti6la3» -> «استطلاع», grouped with «استبيان» the pages use).
                    return self._rescued_through_groups(connection, generation, clause, candidates, readable)
        alternatives = list(clause.alternatives)
        for word in words[:MAX_RESCUED_WORDS]:
            term = analyze_token(word)
            if term and (term,) not in alternatives and self._term_pages(connection, generation, term) & readable:
                alternatives.append((term,))
        if len(alternatives) == len(clause.alternatives):
            return None
        readings = tuple(alternatives[len(clause.alternatives) :])
        return dataclasses.replace(clause, alternatives=tuple(alternatives), readings=readings)

    def _rescued_through_groups(
        self, connection, generation: int, clause: QueryClause, candidates: list[str], readable: int
    ) -> QueryClause | None:
        """``clause`` with the other terms of the first vocabulary group holding one of the
        Arabizi ``candidates`` (most literal first), those that find a page the reader may see."""
        synonyms = current_synonym_set()
        for candidate in candidates:
            term = analyze_token(candidate)
            if not term:
                continue
            others = [other for other in synonyms.alternatives((term,)) if other != (term,)]
            if not others:
                continue
            found = [
                other
                for other in others
                if len(other) > 1 or self._term_pages(connection, generation, other[0]) & readable
            ]
            if found:
                alternatives = list(clause.alternatives) + [
                    other for other in found if other not in clause.alternatives
                ]
                return dataclasses.replace(clause, alternatives=tuple(alternatives))
        return None

    @staticmethod
    def _vocabulary_near(connection, generation: int, norms: list[str], *, exact: bool, inserted: bool = False):
        """Words of the spelling vocabulary (normalised), most documents first: equal to one
        of ``norms`` (``exact``), one letter longer than one of them (``inserted``), or
        sharing a one-deletion variant with one of them (otherwise)."""
        g = generation
        if exact:
            lookups = norms
            query = f"SELECT norm, SUM(docs) FROM spell_{g} WHERE norm IN ({{}}) GROUP BY norm"
        else:
            lookups = sorted(
                {variant for norm in norms for variant in ({norm} if inserted else _deletes(norm) | {norm})}
            )
            query = (
                f"SELECT s.norm, SUM(s.docs) FROM spelldel_{g} d JOIN spell_{g} s ON s.norm = d.norm"
                f" WHERE d.variant IN ({{}}) GROUP BY s.norm"
            )
        found: dict[str, int] = {}
        for chunk in _chunks(lookups):
            for norm, docs in connection.execute(query.format(_placeholders(chunk)), chunk):
                found[norm] = found.get(norm, 0) + docs
        return sorted(found, key=lambda norm: (-found[norm], norm))
