"""The embedded index's constants, its per-generation tables (layout and creation), the
connection, and the analysed form of a document (see ``search.backends.embedded`` for the layout)."""

# ruff: noqa: S608 - SQL text only interpolates integer generation numbers and "?" placeholders.

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from array import array
from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from search.analysis import (
    TOKEN_RE,
    QueryClause,
    analyze_token,
    normalize_token,
    strip_arabic_article,
)
from search.backends.base import (
    SearchDocument,
)
from search.backends.embedded.bitsets import _bits_from_ids
from search.snippets import _display_form

#: bm25 column weights: title, summary, body, words (spelling vocabulary: never scores).
COLUMN_WEIGHTS = (10.0, 4.0, 1.0, 0.0)
#: FTS5's bm25 constants.
BM25_K1 = 1.2
BM25_B = 0.75
#: Results re-ranked with the phrase / exact-title boost (the top of the list).
RERANK_WINDOW = 50
EXACT_TITLE_BOOST = 1.0
TITLE_PHRASE_BOOST = 0.3
MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 12
BATCH_SIZE = 500
#: Documents per transaction while a rebuild fills its (still unread) generation.
REBUILD_BATCH_SIZE = 5000
#: A term in at least this many documents gets a bitset and champions at rebuild.
HEAVY_DF = 1000
#: Champions kept per frequent term.
CHAMPIONS = 256
#: Up to this many matches, every match is scored (the ranking is exactly FTS5's bm25).
EXACT_RANK_LIMIT = 1000
#: Above it, about this many candidates are scored (shared by the query's frequent terms
#: by IDF, at least ``MIN_CHAMPIONS`` each) ...
CANDIDATE_BUDGET = 768
MIN_CHAMPIONS = 32
#: ... and every match of a rarer term or phrase up to this many documents.
LIGHT_CANDIDATE_LIMIT = 4000
#: A page where a frequent term weighs at least this much (in the title or summary, or 4+
#: times in the body) is *strong* for it; the matches strong for the most phrases of a
#: query (the shortest ones first, up to the limit) are candidates too.
STRONG_FREQUENCY = 4
STRONG_CANDIDATE_LIMIT = 512
LENGTH_TIERS = 64
#: When too few candidates pass the reader's filters, score every match up to this many.
EXACT_FALLBACK_LIMIT = 5000
#: How long a connection waits for another one's write lock before failing (seconds).
#: Only writers (publishing, rebuilds) ever wait: WAL readers never do.
BUSY_TIMEOUT_SECONDS = 10.0

#: Layout of the tables this code reads; older databases are rebuilt from their documents.
LAYOUT = 4
#: The phrases (a term's or a phrase's pages and weights) recent queries looked up, kept
#: with the snapshot of one (generation, version) (``PhraseMemo``): at most this many, in
#: at most this many bytes (estimated: ``ranking._phrase_bytes``).
PHRASE_MEMO_ENTRIES = 256
PHRASE_MEMO_BYTES = 32 * 1024 * 1024
#: Weighted frequencies are stored in 16 bits; this value means "count it from the text".
_FREQUENCY_CAP = 65535

_TOKENIZER = "unicode61 remove_diacritics 0 categories 'L* N* Co M* P* S*'"
_FACET_SEPARATOR = "\x1f"
#: Facet fields as stored (``SearchDocument`` attribute names) and as reported.
_FACET_FIELDS = (("type", "type"), ("channel", "channel"), ("agency", "agency"), ("locale", "lang"))


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _match_expression(clauses: Sequence[QueryClause], operator: str) -> str:
    """The FTS5 query a search means (what the bitsets compute, and what the tests compare
    the ranking with): each clause an OR of its alternatives, joined by ``operator``."""
    parts = []
    for clause in clauses:
        # A multi-term alternative ("a b" in one string) is a phrase for FTS5.
        alternatives = [_quote(" ".join(sequence)) for sequence in clause.alternatives]
        parts.append("(" + " OR ".join(alternatives) + ")")
    return "{title summary body} : (" + f" {operator} ".join(parts) + ")"


def _placeholders(values: Sequence) -> str:
    return ",".join("?" * len(values))


def _chunks(values: Sequence, size: int = BATCH_SIZE) -> Iterator[Sequence]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _facet_key(field_name: str, value: str) -> str:
    return f"{field_name}{_FACET_SEPARATOR}{value}"


def _document_facets(document: SearchDocument) -> list[tuple[str, str]]:
    keys = [("audience", key) for key in dict.fromkeys(document.audiences)]
    keys += [
        ("locale", document.locale),
        ("type", document.type),
        ("agency", document.agency),
    ]
    keys.extend(("channel", channel) for channel in dict.fromkeys(document.channels))
    return keys


# --- analysis in bulk -------------------------------------------------------------------------
# The same chain as ``search.analysis`` (its TOKEN_RE and its cached analyze_token), applied
# to whole lists of tokens at C speed; tests pin the equivalence.


def _terms(surfaces: Iterable[str]) -> list[str]:
    """``analysis.analyze`` of the text these tokens came from."""
    return list(filter(None, map(analyze_token, surfaces)))


@lru_cache(maxsize=200_000)
def _spelling_form(surface: str) -> str | None:
    """A word as the spelling vocabulary stores it (None for stop words)."""
    if analyze_token(surface) is None:
        return None
    return normalize_token(surface) if surface.isascii() else _display_form(surface)


@lru_cache(maxsize=200_000)
def _autocomplete_form(surface: str) -> str:
    return strip_arabic_article(normalize_token(surface))


class _Contribution(NamedTuple):
    """What one page adds to the derived data (or takes away when it leaves)."""

    page_id: int
    frequencies: Counter[str]  # weighted frequency of each term
    facets: list[tuple[str, str]]
    length: int
    words: list[str]  # its spelling-vocabulary words (distinct)


@dataclass
class _AnalysedDocument:
    """One document as the index stores it."""

    document: SearchDocument
    title: list[str]
    summary: list[str]
    body: list[str]
    words: list[str]
    autocomplete: list[str]

    @classmethod
    def of(cls, document: SearchDocument) -> _AnalysedDocument:
        if document.page_id < 0:
            raise ValueError(f"Page ids are non-negative (bit positions), got {document.page_id}")
        title_surfaces = TOKEN_RE.findall(document.title)
        # The search keywords count as summary text (searched, in the vocabulary, never shown).
        summary_surfaces = TOKEN_RE.findall(document.summary) + TOKEN_RE.findall("\n".join(document.keywords))
        words = dict.fromkeys(filter(None, map(_spelling_form, title_surfaces + summary_surfaces)))
        return cls(
            document=document,
            title=_terms(title_surfaces),
            summary=_terms(summary_surfaces),
            body=_terms(TOKEN_RE.findall(document.body)),
            words=list(words),
            autocomplete=list(map(_autocomplete_form, title_surfaces)),
        )

    @property
    def length(self) -> int:
        """bm25's document length: the tokens of all four FTS5 columns."""
        return len(self.title) + len(self.summary) + len(self.body) + len(self.words)

    def frequencies(self) -> Counter[str]:
        """Each term's weighted frequency (title x10, summary x4, body x1)."""
        counts = Counter(self.body)
        for term in self.summary:
            counts[term] += 4
        for term in self.title:
            counts[term] += 10
        return counts

    def contribution(self) -> _Contribution:
        return _Contribution(
            self.document.page_id, self.frequencies(), _document_facets(self.document), self.length, self.words
        )

    def text_row(self) -> tuple:
        """(page_id, title, summary, body, words, length): the analysed columns, space-joined."""
        return (
            self.document.page_id,
            " ".join(self.title),
            " ".join(self.summary),
            " ".join(self.body),
            " ".join(self.words),
            self.length,
        )

    def doc_row(self) -> tuple:
        """The ``docs_g`` row, in ``_DOC_COLUMNS`` order."""
        document = self.document
        return (
            document.page_id,
            document.slug,
            document.locale,
            document.title,
            document.url,
            document.type,
            document.summary,
            document.body,
            "\n".join(document.keywords),
            document.agency,
            " ".join(document.channels),
            " ".join(document.tags),
            " ".join(document.audiences),
            document.last_updated.isoformat() if document.last_updated else None,
        )


_DOC_COLUMNS = (
    "page_id, slug, locale, title, url, type, summary, body, keywords, agency, channels, tags, audience, last_updated"
)


@dataclass(frozen=True)
class _Stats:
    documents: int
    tokens: int
    champion_avgdl: float  # the average length the champions were chosen with

    @property
    def avgdl(self) -> float:
        return self.tokens / self.documents if self.documents else 1.0


class PhraseMemo:
    """The phrases recent queries looked up in one (generation, version), the least
    recently used dropped first beyond ``entries`` phrases or ``size`` bytes in all. The
    search page asks the engine up to four times per query (the reader's language, the
    other language's count, the re-ordering through translations), and queries share
    their synonyms' phrases: each phrase's pages are read from the index once.
    Thread-safe; a phrase is immutable once in it, except for the postings that ranking
    reads on first use (the same data whoever loads them)."""

    def __init__(self, *, entries: int = PHRASE_MEMO_ENTRIES, size: int = PHRASE_MEMO_BYTES) -> None:
        self.entries = entries
        self.size = size
        self._phrases: OrderedDict[tuple[str, ...], tuple[object, int]] = OrderedDict()
        self._held = 0
        self._lock = threading.Lock()

    def get(self, terms: tuple[str, ...]) -> object | None:
        with self._lock:
            kept = self._phrases.get(terms)
            if kept is None:
                return None
            self._phrases.move_to_end(terms)
            return kept[0]

    def put(self, terms: tuple[str, ...], phrase: object, *, size: int) -> None:
        """Keep ``phrase`` (of about ``size`` bytes) unless it alone exceeds the budget."""
        cost = max(1, size)
        if cost > self.size or self.entries < 1:
            return
        with self._lock:
            previous = self._phrases.pop(terms, None)
            if previous is not None:
                self._held -= previous[1]
            self._phrases[terms] = (phrase, cost)
            self._held += cost
            while len(self._phrases) > self.entries or self._held > self.size:
                _, (_, dropped) = self._phrases.popitem(last=False)
                self._held -= dropped

    def __len__(self) -> int:
        return len(self._phrases)

    @property
    def held(self) -> int:
        """The estimated bytes of the phrases kept."""
        return self._held


@dataclass
class _Snapshot:
    """What every search of one (generation, version) shares: the counts, the facet
    bitsets and the phrases recent queries looked up."""

    key: tuple[int, int]
    stats: _Stats
    facets: dict[tuple[str, str], int]
    lengths: array
    _tiers: list[int] | None = None
    phrases: PhraseMemo = field(default_factory=PhraseMemo)

    def length_tiers(self) -> list[int]:
        """The pages in ``LENGTH_TIERS`` bitsets by length, shortest first (made on first use)."""
        if self._tiers is None:
            lengths = self.lengths
            pages = sorted((page_id for page_id in range(len(lengths)) if lengths[page_id]), key=lengths.__getitem__)
            size = max(1, -(-len(pages) // LENGTH_TIERS))
            self._tiers = [_bits_from_ids(pages[start : start + size]) for start in range(0, len(pages), size)]
        return self._tiers

    def values(self, field_name: str, values: Iterable[str]) -> int:
        bits = 0
        for value in values:
            bits |= self.facets.get((field_name, value), 0)
        return bits


class SchemaMixin:
    def _connect(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            return connection
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # WAL: a search reads its snapshot while a publisher writes, neither waiting for the
        # other; writes take the lock up front (BEGIN IMMEDIATE) and wait a bounded time.
        connection = sqlite3.connect(
            self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=True
        )
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        connection.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_SECONDS * 1000)}")
        connection.execute("PRAGMA cache_size=-65536")
        connection.execute("PRAGMA temp_store=MEMORY")
        connection.execute("PRAGMA mmap_size=268435456")
        self._local.connection = connection
        if not self._schema_ready:
            outdated = self._ensure_schema(connection)
            self._schema_ready = True
            if outdated:
                # Written by an older version of this backend: re-index its own documents,
                # which stay searchable. What an older layout did not store (search keywords)
                # is unknown, so they are marked stale (no publish time): the next
                # ``search_index --check`` reports them and ``make run`` rebuilds from the pages.
                try:
                    self.rebuild(
                        [
                            dataclasses.replace(document, last_updated=None)
                            for document in self.indexed_documents().values()
                        ]
                    )
                except sqlite3.Error:
                    if self._ensure_schema(connection):
                        raise
                    # Another process migrated it meanwhile.
        return connection

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    def _ensure_schema(self, connection: sqlite3.Connection) -> bool:
        """Create the first generation if there is none; True when the current one has an
        older layout."""
        connection.execute("BEGIN IMMEDIATE")
        try:
            connection.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)")
            rows = dict(connection.execute("SELECT key, value FROM meta"))
            if "generation" not in rows:
                self._create_generation(connection, 1)
                connection.execute(
                    "INSERT INTO meta (key, value) VALUES ('generation', 1), ('version', 1), ('layout', ?)", (LAYOUT,)
                )
                rows["layout"] = LAYOUT
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        return rows.get("layout", 1) < LAYOUT

    @staticmethod
    def _create_generation(connection: sqlite3.Connection, generation: int) -> None:
        g = generation
        script = f"""
            CREATE TABLE IF NOT EXISTS docs_{g} (
                page_id INTEGER PRIMARY KEY,
                audience TEXT NOT NULL, locale TEXT NOT NULL, type TEXT NOT NULL, agency TEXT NOT NULL,
                slug TEXT NOT NULL, title TEXT NOT NULL, url TEXT NOT NULL, channels TEXT NOT NULL,
                tags TEXT NOT NULL, last_updated TEXT,
                summary TEXT NOT NULL, body TEXT NOT NULL,  -- long text last: filters never read past it
                keywords TEXT NOT NULL DEFAULT ''
            );
            CREATE TABLE IF NOT EXISTS text_{g} (
                page_id INTEGER PRIMARY KEY,
                title TEXT NOT NULL, summary TEXT NOT NULL, body TEXT NOT NULL, words TEXT NOT NULL,
                length INTEGER NOT NULL
            );
            CREATE VIRTUAL TABLE IF NOT EXISTS fts_{g} USING fts5(
                title, summary, body, words, tokenize="{_TOKENIZER}", detail=full, content=''
            );
            CREATE VIRTUAL TABLE IF NOT EXISTS ac_{g} USING fts5(words, tokenize="{_TOKENIZER}", prefix='2 3 4');
            CREATE VIRTUAL TABLE IF NOT EXISTS inst_{g} USING fts5vocab(fts_{g}, 'instance');
            CREATE TABLE IF NOT EXISTS tag_{g} (
                key TEXT NOT NULL, page_id INTEGER NOT NULL, PRIMARY KEY (key, page_id)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS facet_{g} (key TEXT PRIMARY KEY, bits BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS terms_{g} (
                term TEXT PRIMARY KEY, cut REAL NOT NULL, bits BLOB NOT NULL, strong BLOB NOT NULL,
                ids BLOB NOT NULL, freqs BLOB NOT NULL
            );
            CREATE TABLE IF NOT EXISTS champ_{g} (
                term TEXT NOT NULL, rank_key REAL NOT NULL, page_id INTEGER NOT NULL,
                PRIMARY KEY (term, rank_key, page_id)
            ) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS stats_{g} (key TEXT PRIMARY KEY, value NOT NULL);
            CREATE TABLE IF NOT EXISTS spell_{g} (display TEXT PRIMARY KEY, norm TEXT NOT NULL, docs INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS spell_{g}_norm ON spell_{g} (norm);
            CREATE TABLE IF NOT EXISTS spelldel_{g} (
                variant TEXT NOT NULL, norm TEXT NOT NULL, PRIMARY KEY (variant, norm)
            ) WITHOUT ROWID;
            """
        # One statement at a time: executescript() would commit the caller's transaction.
        for statement in script.split(";"):
            if statement.strip():
                connection.execute(statement)
        connection.executemany(
            f"INSERT OR IGNORE INTO stats_{g} (key, value) VALUES (?, ?)",
            [("documents", 0), ("tokens", 0), ("champion_avgdl", 1.0), ("lengths", b"")],
        )

    @staticmethod
    def _drop_generation(connection: sqlite3.Connection, generation: int) -> None:
        g = generation
        names = (
            *("inst", "vocab", "rowvocab", "ac", "fts", "chan", "tag", "spelldel", "spell"),
            *("text", "facet", "terms", "champ", "stats", "docs"),
        )
        for name in names:
            connection.execute(f"DROP TABLE IF EXISTS {name}_{g}")

    @staticmethod
    def _state(connection: sqlite3.Connection) -> tuple[int, int]:
        rows = dict(connection.execute("SELECT key, value FROM meta WHERE key IN ('generation', 'version')"))
        return int(rows["generation"]), int(rows["version"])

    @staticmethod
    def _stats(connection: sqlite3.Connection, generation: int) -> _Stats:
        rows = dict(connection.execute(f"SELECT key, value FROM stats_{generation} WHERE key != 'lengths'"))
        return _Stats(int(rows["documents"]), int(rows["tokens"]), float(rows["champion_avgdl"]))

    @staticmethod
    def _lengths(connection: sqlite3.Connection, generation: int) -> array:
        """bm25's document length of every page, by page id."""
        lengths = array("I")
        lengths.frombytes(
            connection.execute(f"SELECT value FROM stats_{generation} WHERE key = 'lengths'").fetchone()[0]
        )
        return lengths

    def _snapshot_for(self, connection, generation: int, version: int) -> _Snapshot:
        key = (generation, version)
        with self._snapshot_lock:
            if self._snapshot is not None and self._snapshot.key == key:
                return self._snapshot
        facets = {}
        for stored_key, bits in connection.execute(f"SELECT key, bits FROM facet_{generation}"):
            field_name, _, value = stored_key.partition(_FACET_SEPARATOR)
            facets[field_name, value] = int.from_bytes(bits, "little")
        snapshot = _Snapshot(
            key,
            self._stats(connection, generation),
            facets,
            self._lengths(connection, generation),
            phrases=PhraseMemo(entries=self.phrase_memo_entries),
        )
        with self._snapshot_lock:
            self._snapshot = snapshot
        return snapshot
