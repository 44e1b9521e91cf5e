"""Writes: indexing, deleting, rebuilding a new generation, and the derived data kept exact."""

# ruff: noqa: S608 - SQL text only interpolates integer generation numbers and "?" placeholders.

from __future__ import annotations

import bisect
import datetime
import heapq
import sqlite3
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence

from search.analysis import (
    normalize_token,
)
from search.backends.base import (
    IndexedState,
    SearchDocument,
)
from search.backends.embedded.bitsets import _bits_bytes, _bits_from_ids
from search.backends.embedded.ranking import _bm25_part
from search.backends.embedded.schema import (
    _DOC_COLUMNS,
    _FREQUENCY_CAP,
    BATCH_SIZE,
    BM25_B,
    BM25_K1,
    LAYOUT,
    REBUILD_BATCH_SIZE,
    STRONG_FREQUENCY,
    _AnalysedDocument,
    _chunks,
    _Contribution,
    _document_facets,
    _facet_key,
    _placeholders,
)
from search.backends.embedded.spelling import _deletion_rows
from search.synonyms import invalidate_synonyms


class _GenerationBuilder:
    """What a rebuild derives from its documents, gathered in memory while they stream in
    and written once at the end: counts, facet bitsets, frequent terms' bitsets and
    champions (chosen with the final average length, so their bounds are exact)."""

    def __init__(self, heavy_df: int, champions: int) -> None:
        self.heavy_df = heavy_df
        self.champions = champions
        #: term -> postings packed as (page_id << 16 | capped frequency), in arrival order.
        self.postings: defaultdict[str, array] = defaultdict(lambda: array("q"))
        self.large: dict[tuple[str, int], int] = {}  # (term, page_id) -> a frequency over the cap
        self.facets: dict[tuple[str, str], list[int]] = {}
        self.words: Counter[str] = Counter()  # spelling vocabulary: documents per word
        self.lengths: dict[int, int] = {}
        self.tokens = 0
        self.duplicates: list[SearchDocument] = []

    def seen(self, page_id: int) -> bool:
        return page_id in self.lengths

    def add(self, item: _AnalysedDocument) -> None:
        page_id = item.document.page_id
        length = item.length
        self.lengths[page_id] = length
        self.tokens += length
        postings = self.postings
        base = page_id << 16
        for term, frequency in item.frequencies().items():
            if frequency >= _FREQUENCY_CAP:
                self.large[term, page_id] = frequency
                frequency = _FREQUENCY_CAP
            postings[term].append(base | frequency)
        for key in _document_facets(item.document):
            self.facets.setdefault(key, []).append(page_id)
        self.words.update(item.words)

    def write(self, connection: sqlite3.Connection, generation: int) -> None:
        g = generation
        documents = len(self.lengths)
        avgdl = self.tokens / documents if documents else 1.0
        lengths = self.lengths
        dense = array("I", [0]) * ((max(lengths) + 1) if lengths else 0)
        for page_id, length in lengths.items():
            dense[page_id] = length
        connection.executemany(
            f"UPDATE stats_{g} SET value = ? WHERE key = ?",
            [
                (documents, "documents"),
                (self.tokens, "tokens"),
                (avgdl, "champion_avgdl"),
                (dense.tobytes(), "lengths"),
            ],
        )
        connection.executemany(
            f"INSERT OR REPLACE INTO facet_{g} (key, bits) VALUES (?, ?)",
            [(_facet_key(*key), _bits_bytes(_bits_from_ids(ids))) for key, ids in self.facets.items()],
        )
        spelling = [(display, normalize_token(display), docs) for display, docs in self.words.items()]
        connection.executemany(f"INSERT INTO spell_{g} (display, norm, docs) VALUES (?, ?, ?)", spelling)
        connection.executemany(
            f"INSERT OR IGNORE INTO spelldel_{g} (variant, norm) VALUES (?, ?)",
            _deletion_rows({norm for _, norm, _ in spelling}),
        )
        norm = {}  # length -> k1 * (1 - b + b * length / avgdl), as FTS5 computes it
        for length in lengths.values():
            if length not in norm:
                norm[length] = BM25_K1 * (1 - BM25_B + BM25_B * length / avgdl)
        size = self.champions
        k1_plus_1 = BM25_K1 + 1.0
        large = self.large
        for term, packed in self.postings.items():
            if len(packed) < self.heavy_df:
                continue
            packed = sorted(packed)
            ids = array("I", [key >> 16 for key in packed])
            frequencies = array("H", [key & 0xFFFF for key in packed])
            exact = frequencies.tolist()
            if large:
                for index, page_id in enumerate(ids):
                    if exact[index] == _FREQUENCY_CAP:
                        exact[index] = large[term, page_id]
            parts = [
                (frequency * k1_plus_1) / (frequency + norm[lengths[page_id]])
                for page_id, frequency in zip(ids, exact, strict=True)
            ]
            best = heapq.nlargest(size + 1, range(len(parts)), key=parts.__getitem__)
            cut = parts[best[size]] if len(best) > size else 0.0
            connection.executemany(
                f"INSERT INTO champ_{g} (term, rank_key, page_id) VALUES (?, ?, ?)",
                [(term, -parts[index], ids[index]) for index in best[:size]],
            )
            strong = _bits_from_ids(key >> 16 for key in packed if key & 0xFFFF >= STRONG_FREQUENCY)
            connection.execute(
                f"INSERT INTO terms_{g} (term, cut, bits, strong, ids, freqs) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    term,
                    cut,
                    _bits_bytes(_bits_from_ids(ids)),
                    _bits_bytes(strong),
                    ids.tobytes(),
                    frequencies.tobytes(),
                ),
            )


class WriterMixin:
    @staticmethod
    def _insert(connection: sqlite3.Connection, generation: int, analysed: Sequence[_AnalysedDocument]) -> None:
        """Insert the rows of new documents (nothing derived: bitsets, champions, counts)."""
        g = generation
        connection.executemany(
            f"INSERT INTO docs_{g} ({_DOC_COLUMNS}) VALUES ({_placeholders(range(14))})",
            [item.doc_row() for item in analysed],
        )
        text_rows = [item.text_row() for item in analysed]
        connection.executemany(f"INSERT INTO text_{g} VALUES (?,?,?,?,?,?)", text_rows)
        connection.executemany(
            f"INSERT INTO fts_{g} (rowid, title, summary, body, words) VALUES (?,?,?,?,?)",
            [row[:5] for row in text_rows],
        )
        connection.executemany(
            f"INSERT INTO ac_{g} (rowid, words) VALUES (?,?)",
            [(item.document.page_id, " ".join(item.autocomplete)) for item in analysed],
        )
        connection.executemany(
            f"INSERT INTO tag_{g} (key, page_id) VALUES (?,?)",
            [(key, item.document.page_id) for item in analysed for key in set(item.document.tags)],
        )

    def _write(self, connection: sqlite3.Connection, generation: int, documents: Sequence[SearchDocument]) -> None:
        """Replace or add ``documents``, keeping every derived structure exact."""
        latest = {document.page_id: document for document in documents}  # the last one of a page wins
        analysed = [_AnalysedDocument.of(document) for document in latest.values()]
        removed = self._remove(connection, generation, list(latest))
        self._insert(connection, generation, analysed)
        self._update_derived(connection, generation, removed, [item.contribution() for item in analysed])

    def _remove(self, connection: sqlite3.Connection, generation: int, page_ids: Sequence[int]) -> list[_Contribution]:
        """Delete the indexed ones of ``page_ids``; returns what they contributed."""
        g = generation
        removed = []
        for chunk in _chunks(list(page_ids)):
            marks = _placeholders(chunk)
            rows = connection.execute(
                f"SELECT t.page_id, t.title, t.summary, t.body, t.words, t.length, d.audience, d.locale, d.type,"
                f" d.agency, d.channels FROM text_{g} t JOIN docs_{g} d ON d.page_id = t.page_id"
                f" WHERE t.page_id IN ({marks})",
                list(chunk),
            ).fetchall()
            if not rows:
                continue
            for page_id, title, summary, body, words, length, audience, locale, type_, agency, channels in rows:
                connection.execute(
                    f"INSERT INTO fts_{g} (fts_{g}, rowid, title, summary, body, words)"
                    " VALUES ('delete', ?, ?, ?, ?, ?)",
                    (page_id, title, summary, body, words),
                )
                frequencies = Counter(body.split())
                for term in summary.split():
                    frequencies[term] += 4
                for term in title.split():
                    frequencies[term] += 10
                facets = [("audience", key) for key in dict.fromkeys(audience.split())]
                facets += [("locale", locale), ("type", type_), ("agency", agency)]
                facets.extend(("channel", channel) for channel in dict.fromkeys(channels.split()))
                removed.append(_Contribution(page_id, frequencies, facets, length, words.split()))
            existing = [row[0] for row in rows]
            marks = _placeholders(existing)
            for table in ("docs", "text", "ac", "tag"):
                column = "rowid" if table == "ac" else "page_id"
                connection.execute(f"DELETE FROM {table}_{g} WHERE {column} IN ({marks})", existing)
        return removed

    def _update_derived(self, connection, generation: int, removed, added) -> None:
        """Apply removed and added documents to the counts, lengths, facet bitsets and the
        frequent terms' bitsets, postings and champions (removals first: a re-indexed page
        is in both)."""
        g = generation
        if not removed and not added:
            return
        stats = self._stats(connection, g)
        documents = stats.documents - len(removed) + len(added)
        tokens = stats.tokens - sum(item.length for item in removed) + sum(item.length for item in added)
        lengths = self._lengths(connection, g)
        for item in removed:
            lengths[item.page_id] = 0
        if added:
            top = max(item.page_id for item in added)
            if top >= len(lengths):
                lengths.extend([0] * (top + 1 - len(lengths)))
            for item in added:
                lengths[item.page_id] = item.length
        connection.executemany(
            f"UPDATE stats_{g} SET value = ? WHERE key = ?",
            [(documents, "documents"), (tokens, "tokens"), (lengths.tobytes(), "lengths")],
        )
        self._update_spelling(connection, g, removed, added)

        def changes(facets: bool) -> dict[str, tuple[list[int], list[int]]]:
            found: dict[str, tuple[list[int], list[int]]] = {}
            for position, items in enumerate((removed, added)):
                for item in items:
                    keys = [_facet_key(*key) for key in item.facets] if facets else item.frequencies
                    for key in keys:
                        found.setdefault(key, ([], []))[position].append(item.page_id)
            return found

        facet_changes = changes(facets=True)
        stored = {}
        for chunk in _chunks(list(facet_changes)):
            stored.update(
                connection.execute(f"SELECT key, bits FROM facet_{g} WHERE key IN ({_placeholders(chunk)})", chunk)
            )
        rows = []
        for key, (clear, set_) in facet_changes.items():
            bits = int.from_bytes(stored.get(key, b""), "little")
            bits = (bits & ~_bits_from_ids(clear)) | _bits_from_ids(set_)
            rows.append((key, _bits_bytes(bits)))
        connection.executemany(f"INSERT OR REPLACE INTO facet_{g} (key, bits) VALUES (?, ?)", rows)

        term_changes = changes(facets=False)
        frequent: dict[str, tuple[float, bytes, bytes, bytes, bytes]] = {}
        for chunk in _chunks(list(term_changes)):
            for term, cut, bits, strong, ids, freqs in connection.execute(
                f"SELECT term, cut, bits, strong, ids, freqs FROM terms_{g} WHERE term IN ({_placeholders(chunk)})",
                chunk,
            ):
                frequent[term] = (cut, bits, strong, ids, freqs)
        if not frequent:
            return
        added_frequencies = {item.page_id: item.frequencies for item in added}
        rows = []
        for term, (_cut, blob, strong_blob, ids_blob, freqs_blob) in frequent.items():
            clear, set_ = term_changes[term]
            bits = (int.from_bytes(blob, "little") & ~_bits_from_ids(clear)) | _bits_from_ids(set_)
            strong = (int.from_bytes(strong_blob, "little") & ~_bits_from_ids(clear)) | _bits_from_ids(
                page_id for page_id in set_ if added_frequencies[page_id][term] >= STRONG_FREQUENCY
            )
            ids, freqs = array("I"), array("H")
            ids.frombytes(ids_blob)
            freqs.frombytes(freqs_blob)
            for page_id in clear:
                index = bisect.bisect_left(ids, page_id)
                if index < len(ids) and ids[index] == page_id:
                    del ids[index]
                    del freqs[index]
            for page_id in set_:
                index = bisect.bisect_left(ids, page_id)
                ids.insert(index, page_id)
                freqs.insert(index, min(added_frequencies[page_id][term], _FREQUENCY_CAP))
            rows.append((_bits_bytes(bits), _bits_bytes(strong), ids.tobytes(), freqs.tobytes(), term))
        connection.executemany(f"UPDATE terms_{g} SET bits = ?, strong = ?, ids = ?, freqs = ? WHERE term = ?", rows)
        connection.executemany(
            f"DELETE FROM champ_{g} WHERE term = ? AND page_id = ?",
            [(term, item.page_id) for item in removed for term in item.frequencies if term in frequent],
        )
        # A new document is a champion when it beats the term's bound (at the champions'
        # average length), so the bound stays true for every non-champion.
        avgdl = stats.champion_avgdl
        connection.executemany(
            f"INSERT OR IGNORE INTO champ_{g} (term, rank_key, page_id) VALUES (?, ?, ?)",
            [
                (term, -part, item.page_id)
                for item in added
                for term, frequency in item.frequencies.items()
                if term in frequent and (part := _bm25_part(float(frequency), item.length, avgdl)) > frequent[term][0]
            ],
        )

    def _write_transaction(self, work: Callable[[sqlite3.Connection, int], None]) -> None:
        connection = self._connect()
        connection.execute("BEGIN IMMEDIATE")
        try:
            generation, _ = self._state(connection)
            work(connection, generation)
            connection.execute("UPDATE meta SET value = value + 1 WHERE key = 'version'")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    def index_documents(self, documents: Iterable[SearchDocument]) -> int:
        documents = list(documents)
        for start in range(0, len(documents), BATCH_SIZE):
            batch = documents[start : start + BATCH_SIZE]
            self._write_transaction(
                lambda connection, generation, batch=batch: self._write(connection, generation, batch)
            )
        return len(documents)

    def delete_documents(self, page_ids: Sequence[int]) -> None:
        page_ids = list(page_ids)
        if page_ids:
            self._write_transaction(
                lambda connection, generation: self._update_derived(
                    connection, generation, self._remove(connection, generation, page_ids), []
                )
            )

    def rebuild(self, documents: Iterable[SearchDocument], *, progress=None) -> int:
        """Fill a new generation, then switch to it in one transaction (readers keep the
        old one until then) and drop the old tables."""
        connection = self._connect()
        connection.execute("BEGIN IMMEDIATE")
        try:
            current, _ = self._state(connection)
            existing = {
                int(name.rsplit("_", 1)[1])
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE name GLOB 'docs_[0-9]*' AND type = 'table'"
                )
            }
            new = max(existing | {current}) + 1
            self._create_generation(connection, new)
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        count = 0
        builder = _GenerationBuilder(self.heavy_df, self.champions)
        try:
            # Nobody reads the new generation before the switch: no fsync while filling it
            # (a crash leaves unused tables behind, which the next rebuild drops).
            connection.execute("PRAGMA synchronous=OFF")
            batch: list[SearchDocument] = []
            for document in documents:
                batch.append(document)
                if len(batch) >= REBUILD_BATCH_SIZE:
                    count += self._rebuild_batch(connection, new, batch, builder, progress)
                    batch = []
            if batch:
                count += self._rebuild_batch(connection, new, batch, builder, progress)
            connection.execute("BEGIN IMMEDIATE")
            builder.write(connection, new)
            if builder.duplicates:
                self._write(connection, new, builder.duplicates)
            connection.execute("COMMIT")
            connection.execute(f"INSERT INTO fts_{new} (fts_{new}) VALUES ('optimize')")
            connection.execute(f"INSERT INTO ac_{new} (ac_{new}) VALUES ('optimize')")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("BEGIN IMMEDIATE")
            old, _ = self._state(connection)
            connection.execute("UPDATE meta SET value = ? WHERE key = 'generation'", (new,))
            connection.execute("UPDATE meta SET value = value + 1 WHERE key = 'version'")
            connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('layout', ?)", (LAYOUT,))
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("BEGIN IMMEDIATE")
            self._drop_generation(connection, new)
            connection.execute("COMMIT")
            raise
        connection.execute("BEGIN IMMEDIATE")
        for generation in existing | {old}:
            if generation != new:
                self._drop_generation(connection, generation)
        connection.execute("COMMIT")
        return count

    def _rebuild_batch(self, connection, generation: int, batch, builder: _GenerationBuilder, progress) -> int:
        fresh = []
        in_batch: set[int] = set()
        for document in batch:
            if builder.seen(document.page_id) or document.page_id in in_batch:
                builder.duplicates.append(document)  # applied last, as a re-index
            else:
                in_batch.add(document.page_id)
                fresh.append(_AnalysedDocument.of(document))
        connection.execute("BEGIN IMMEDIATE")
        try:
            self._insert(connection, generation, fresh)
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        for item in fresh:
            builder.add(item)
        if progress is not None:
            progress(len(batch))
        return len(batch)

    def clear(self) -> None:
        self.rebuild([])

    def reload_synonyms(self) -> None:
        invalidate_synonyms()

    def indexed_states(self) -> dict[int, IndexedState]:
        connection = self._connect()
        generation, _ = self._state(connection)
        return {
            page_id: IndexedState(
                last_updated=datetime.datetime.fromisoformat(value) if value else None,
                audiences=frozenset(audience.split()),
            )
            for page_id, value, audience in connection.execute(
                f"SELECT page_id, last_updated, audience FROM docs_{generation}"
            )
        }

    def indexed_documents(self) -> dict[int, SearchDocument]:
        """Everything stored (the originals), by page id: for checks and tests."""
        connection = self._connect()
        generation, _ = self._state(connection)
        found = {}
        # A table of an older layout (before search keywords) reads as pages without keywords.
        columns = {row[1] for row in connection.execute(f"PRAGMA table_info(docs_{generation})")}
        keywords = "keywords" if "keywords" in columns else "''"
        for row in connection.execute(
            f"SELECT page_id, slug, locale, title, url, type, summary, body, agency, channels, tags, audience,"
            f" last_updated, {keywords} FROM docs_{generation}"
        ):
            found[row[0]] = SearchDocument(
                page_id=row[0],
                slug=row[1],
                locale=row[2],
                title=row[3],
                url=row[4],
                type=row[5],
                summary=row[6],
                body=row[7],
                agency=row[8],
                channels=tuple(row[9].split()),
                tags=tuple(row[10].split()),
                audiences=tuple(row[11].split()),
                last_updated=datetime.datetime.fromisoformat(row[12]) if row[12] else None,
                keywords=tuple(row[13].split("\n")) if row[13] else (),
            )
        return found
