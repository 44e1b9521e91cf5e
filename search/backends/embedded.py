"""The embedded backend: SQLite FTS5 in its own database file.

Text is analysed in Python (``search.analysis``) and stored as space-joined terms, so
FTS5 only splits on spaces. FTS5 finds the pages of rare words and of phrases; counts,
filters, facets and ranking work on sets of page ids held as bitsets (Python integers:
bit ``i`` is page ``i``; page ids are small non-negative integers, as Wagtail's are), so
no query pays per matching page for them:

- ``facet_g``: one bitset per facet value (audience, locale, type, agency, channel): the
  reader's filters are a few ANDs and each facet count is ``(matches & value).bit_count()``,
  exact over the whole match set;
- ``terms_g``: for each *frequent* term (in at least ``heavy_df`` pages when the generation
  was built) its bitset, the bitset of the pages where it is *strong* (title or summary,
  or 4+ times in the body), and its postings (page ids with the term's weighted
  frequency: title x10, summary x4, body x1), so a word found in half the corpus costs an
  AND, not a scan. Rarer terms come from FTS5's instances, phrases from a phrase query;
- ``champ_g``: each frequent term's ``champions`` best pages by its bm25 contribution,
  and ``terms_g.cut``, an upper bound of the contribution of every other page.

Query semantics (``search.backends.base`` defines them for both backends): all words
first, then any word. The clauses' bitsets give the pages matching every clause (an AND of
bitsets); when those are fewer than ``AND_FIRST_PAGE`` and the query has several clauses,
one extra evaluation (an OR of the same bitsets) gives the pages matching any clause, and
the result set is ranked in two tiers: the pages with every clause first, then the others,
each tier by score (the title boosts re-rank inside a tier, never across). Counts and
facets are over the result set. Each Arabic word's clause also holds its article
variants (``search.analysis.article_forms``), as alternatives of that clause.

Ranking is FTS5's ``bm25`` (weights 10/4/1/0, k1 = 1.2, b = 0.75, FTS5's IDF and length
normalisation) computed here, with the same floating-point operations, from the postings
and the page lengths (``stats_g``), so it can be computed for chosen pages only: FTS5
computes it for every match and re-reads each phrase's whole doclist for its IDF. A
phrase's share is FTS5's own bm25 of that phrase alone (bm25 is a sum over phrases). Up
to ``exact_rank_limit`` matches, every match is scored: the ranking is exactly FTS5's.
Above, the candidates are the champions of the query's terms (shared by IDF), every
match of its rarer terms, and the (shortest) matches strong for the most of its phrases;
they are scored exactly and ranked first, the other matches after them (so pages never
overlap). The top is still exact whenever the scores prove
it, i.e. the ``window``-th candidate scores at least the sum of the terms' bounds
(``last_rank_was_exact``); otherwise it can differ from FTS5's only among pages the
bounds cannot separate (bm25 saturates: for a word in half the corpus, the 50th score is
within 2 % of the first). ``bench/speed.py --check-ranking`` measures how often.

Layout of one *generation* ``g`` (a full set of tables; ``rebuild`` fills a new one and
switches the ``meta`` pointer in one transaction, then drops the old one):

- ``docs_g``: the original fields, for results, snippets and ``indexed_documents``;
- ``text_g``: the analysed title, summary and body, plus ``words`` (the unstemmed title
  and summary words: the spelling vocabulary, never matched), and the bm25 length;
- ``fts_g``: contentless FTS5 over ``text_g``'s four columns (``inst_g``: its
  ``fts5vocab`` of instances, for rare terms' frequencies);
- ``ac_g``: FTS5 with a prefix index over title words, article stripped (autocomplete);
- ``tag_g``: (tag, page_id) for the tag filter;
- ``facet_g``, ``terms_g``, ``champ_g`` as above; ``stats_g``: page and token counts
  (bm25's ``N`` and average length), every page's length, and the average length the
  champions were chosen with;
- ``spell_g`` / ``spelldel_g``: the spelling vocabulary (each word's pages) and its
  deletion index (SymSpell-style), for "did you mean" without loading anything.

``index_documents`` and ``delete_documents`` keep every bitset, posting, champion list,
count and the spelling vocabulary exact (a page is a champion when it beats the bound); a term that becomes
frequent after a rebuild is served by FTS5 until the next one. A database written with
an older layout is rebuilt from its own stored documents on first use.

Concurrency: WAL mode, a bounded busy timeout (``BUSY_TIMEOUT_SECONDS``), one connection
per thread; each search reads in one transaction, so it sees a single generation, and
never waits for a writer.
"""

# ruff: noqa: S608 - SQL text only interpolates integer generation numbers and "?" placeholders.

from __future__ import annotations

import bisect
import contextlib
import datetime
import heapq
import html
import math
import re
import sqlite3
import threading
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from search.analysis import (
    TOKEN_RE,
    QueryClause,
    analyze_query,
    analyze_token,
    article_forms,
    autocomplete_terms,
    normalize_token,
    strip_arabic_article,
    tokenize,
)
from search.backends.base import (
    SUGGEST_BELOW,
    IndexedState,
    SearchBackend,
    SearchDocument,
    SearchHit,
    SearchQuery,
    SearchResults,
    all_words_only,
    ordered_facet_counts,
    suggestion_finds_more,
)
from search.synonyms import current_synonym_set, invalidate_synonyms

#: bm25 column weights: title, summary, body, words (spelling vocabulary: never scores).
COLUMN_WEIGHTS = (10.0, 4.0, 1.0, 0.0)
#: FTS5's bm25 constants.
BM25_K1 = 1.2
BM25_B = 0.75
#: Results re-ranked with the phrase / exact-title boost (the top of the list).
RERANK_WINDOW = 50
EXACT_TITLE_BOOST = 1.0
TITLE_PHRASE_BOOST = 0.3
SNIPPET_CHARS = 200
SNIPPET_SCAN_CHARS = 20_000
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
LAYOUT = 2
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


# --- bitsets --------------------------------------------------------------------------------

_BYTE_BITS = tuple(tuple(bit for bit in range(8) if value >> bit & 1) for value in range(256))
_NONZERO_BYTE = re.compile(rb"[^\x00]")


def _bits_from_ids(ids: Iterable[int]) -> int:
    """The bitset of ``ids`` (non-negative page ids)."""
    ids = list(ids)
    if not ids:
        return 0
    data = bytearray((max(ids) >> 3) + 1)
    for page_id in ids:
        data[page_id >> 3] |= 1 << (page_id & 7)
    return int.from_bytes(data, "little")


def _bits_bytes(bits: int) -> bytes:
    return bits.to_bytes((bits.bit_length() + 7) >> 3, "little")


def _ids_from_bits(bits: int) -> list[int]:
    """The page ids in ``bits``, ascending."""
    data = _bits_bytes(bits)
    ids: list[int] = []
    for match in _NONZERO_BYTE.finditer(data):
        position = match.start()
        base = position << 3
        ids.extend(base + bit for bit in _BYTE_BITS[data[position]])
    return ids


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
        summary_surfaces = TOKEN_RE.findall(document.summary)
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
            document.agency,
            " ".join(document.channels),
            " ".join(document.tags),
            " ".join(document.audiences),
            document.last_updated.isoformat() if document.last_updated else None,
        )


_DOC_COLUMNS = "page_id, slug, locale, title, url, type, summary, body, agency, channels, tags, audience, last_updated"


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


# --- spelling ---------------------------------------------------------------------------


def _damerau_levenshtein(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance, giving up (returning ``limit + 1``) early."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _deletion_rows(norms: Iterable[str]) -> list[tuple[str, str]]:
    """The deletion index of the spelling vocabulary: (variant, word) for each word of 3+
    letters and each variant of it with one letter deleted, and itself."""
    return [(variant, norm) for norm in norms if len(norm) >= 3 for variant in _deletes(norm) | {norm}]


# --- what a search works with ------------------------------------------------------------------


@dataclass(frozen=True)
class _Stats:
    documents: int
    tokens: int
    champion_avgdl: float  # the average length the champions were chosen with

    @property
    def avgdl(self) -> float:
        return self.tokens / self.documents if self.documents else 1.0


@dataclass
class _Snapshot:
    """What every search of one (generation, version) shares: the counts and the facet bitsets."""

    key: tuple[int, int]
    stats: _Stats
    facets: dict[tuple[str, str], int]
    lengths: array
    _tiers: list[int] | None = None

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


@dataclass
class _Plan:
    """A query's phrases (distinct) and, in expression order, what bm25 sums."""

    phrases: dict[tuple[str, ...], _Phrase]
    clauses: list[int]  # each clause's bitset (OR of its alternatives)
    ordered: list[_Phrase] = field(default_factory=list)


@dataclass(frozen=True)
class _Matches:
    """What a query finds for one reader (``search.backends.base``): the pages matching
    every clause, and the result set (those same pages, or every page matching any clause
    when they are fewer than ``AND_FIRST_PAGE``)."""

    all_words: int
    results: int

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
    return analyze_query((text or "")[:MAX_QUERY_CHARS], current_synonym_set())[:MAX_QUERY_TERMS]


@dataclass
class _Ranking:
    ids: list[int]
    scores: dict[int, float]
    exact: bool


class EmbeddedSearchBackend(SearchBackend):
    def __init__(
        self,
        path: Path | str,
        *,
        heavy_df: int = HEAVY_DF,
        champions: int = CHAMPIONS,
        exact_rank_limit: int = EXACT_RANK_LIMIT,
        exact_fallback_limit: int = EXACT_FALLBACK_LIMIT,
    ) -> None:
        self.path = Path(path)
        # Tuning (tests lower them so a small corpus takes a large corpus's paths).
        self.heavy_df = heavy_df
        self.champions = champions
        self.exact_rank_limit = exact_rank_limit
        self.exact_fallback_limit = exact_fallback_limit
        self._local = threading.local()
        self._snapshot: _Snapshot | None = None
        self._snapshot_lock = threading.Lock()
        self._schema_ready = False
        #: Whether this thread's last search ranked its top exactly as FTS5's bm25 would.
        self._rank_state = threading.local()

    @property
    def last_rank_was_exact(self) -> bool | None:
        return getattr(self._rank_state, "exact", None)

    # --- connections and schema -----------------------------------------------------

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
                # Written by an older version of this backend: re-index its own documents.
                try:
                    self.rebuild(list(self.indexed_documents().values()))
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
                summary TEXT NOT NULL, body TEXT NOT NULL  -- long text last: filters never read past it
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

    # --- writing ---------------------------------------------------------------------

    @staticmethod
    def _insert(connection: sqlite3.Connection, generation: int, analysed: Sequence[_AnalysedDocument]) -> None:
        """Insert the rows of new documents (nothing derived: bitsets, champions, counts)."""
        g = generation
        connection.executemany(
            f"INSERT INTO docs_{g} ({_DOC_COLUMNS}) VALUES ({_placeholders(range(13))})",
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

    # --- reading ------------------------------------------------------------------------

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
        for row in connection.execute(
            f"SELECT page_id, slug, locale, title, url, type, summary, body, agency, channels, tags, audience,"
            f" last_updated FROM docs_{generation}"
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
            )
        return found

    def _snapshot_for(self, connection, generation: int, version: int) -> _Snapshot:
        key = (generation, version)
        with self._snapshot_lock:
            if self._snapshot is not None and self._snapshot.key == key:
                return self._snapshot
        facets = {}
        for stored_key, bits in connection.execute(f"SELECT key, bits FROM facet_{generation}"):
            field_name, _, value = stored_key.partition(_FACET_SEPARATOR)
            facets[field_name, value] = int.from_bytes(bits, "little")
        snapshot = _Snapshot(key, self._stats(connection, generation), facets, self._lengths(connection, generation))
        with self._snapshot_lock:
            self._snapshot = snapshot
        return snapshot

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
        return bits

    def _plan(self, connection, generation: int, snapshot: _Snapshot, clauses: Sequence[QueryClause]) -> _Plan:
        """Each distinct phrase's pages: frequent terms from their bitsets, the rest from FTS5."""
        g = generation
        distinct = list(dict.fromkeys(tuple(sequence) for clause in clauses for sequence in clause.alternatives))
        singles = [sequence[0] for sequence in distinct if len(sequence) == 1]
        frequent = {}
        for chunk in _chunks(singles):
            for term, cut, bits, strong in connection.execute(
                f"SELECT term, cut, bits, strong FROM terms_{g} WHERE term IN ({_placeholders(chunk)})", chunk
            ):
                frequent[term] = (cut, bits, strong)
        phrases: dict[tuple[str, ...], _Phrase] = {}
        for sequence in distinct:
            if len(sequence) == 1 and sequence[0] in frequent:
                cut, bits, strong = frequent[sequence[0]]
                phrase = _Phrase(sequence, int.from_bytes(bits, "little"), frequent=True, cut=cut)
                phrase.strong = int.from_bytes(strong, "little")
            else:
                phrase = self._rare_phrase(connection, g, sequence)
            phrase.idf = _idf(snapshot.stats.documents, phrase.bits.bit_count())
            phrases[sequence] = phrase
        clause_bits = []
        for clause in clauses:
            bits = 0
            for sequence in clause.alternatives:
                bits |= phrases[tuple(sequence)].bits
            clause_bits.append(bits)
        ordered = [phrases[tuple(sequence)] for clause in clauses for sequence in clause.alternatives]
        return _Plan(phrases, clause_bits, ordered)

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
    def _match(plan: _Plan, allowed: int) -> _Matches:
        """All words first (an AND of the clauses' bitsets); the OR of the same bitsets only
        when that finds fewer than ``AND_FIRST_PAGE`` pages and there are several clauses."""
        all_words = allowed
        for bits in plan.clauses:
            all_words &= bits
            if not all_words:
                break
        if all_words_only(len(plan.clauses), all_words.bit_count()):
            return _Matches(all_words, all_words)
        anything = 0
        for bits in plan.clauses:
            anything |= bits
        return _Matches(all_words, anything & allowed)

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
        self, read: tuple[sqlite3.Connection, int, int], query: SearchQuery, clauses: Sequence[QueryClause]
    ) -> _Evaluation:
        """What ``query`` finds for its reader and filters, in the read ``read``."""
        connection, generation, version = read
        snapshot = self._snapshot_for(connection, generation, version)
        allowed = self._allowed(connection, generation, snapshot, query)
        plan = self._plan(connection, generation, snapshot, clauses)
        return _Evaluation(snapshot, allowed, plan, self._match(plan, allowed))

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
            snapshot, allowed, plan, matches = self._evaluate(read, query, clauses)
            total = matches.results.bit_count()
            results.count, results.facets = total, self._facets(snapshot, matches.results)
            offset = (page - 1) * page_size
            if total and offset < total:
                results.hits = self._hits(
                    connection, generation, snapshot, clauses, plan, matches.tiers, offset, page_size
                )
            all_words = matches.all_words.bit_count()
            if all_words < SUGGEST_BELOW:
                results.suggestion = self._suggestion(
                    connection,
                    generation,
                    snapshot,
                    text,
                    allowed,
                    readable=snapshot.values("audience", query.audiences),
                    all_words=all_words,
                    results=total,
                )
        return results

    def matching_page_ids(self, query: SearchQuery, page_ids: Iterable[int]) -> set[int]:
        wanted = _bits_from_ids(page_ids)
        clauses = _query_clauses(query.text)
        if not wanted or not query.audiences or not clauses:
            return set()
        with self._reading() as read:
            matches = self._evaluate(read, query, clauses).matches
        return set(_ids_from_bits(matches.results & wanted))

    # --- ranking --------------------------------------------------------------------------

    def _score(self, connection, generation: int, snapshot: _Snapshot, plan: _Plan, ids: Iterable[int], ranking):
        """bm25 of each page in ``ids``, as FTS5 computes it for this query's phrases (the
        same operations in the same order, so the same floating-point numbers)."""
        ids = sorted(ids)
        if not ids:
            return
        avgdl = snapshot.stats.avgdl
        lengths = snapshot.lengths
        k1, b, k1_plus_1 = BM25_K1, BM25_B, BM25_K1 + 1.0
        norms = [k1 * (1 - b + b * lengths[page_id] / avgdl) for page_id in ids]
        scores = [0.0] * len(ids)
        known: dict[tuple[str, ...], list[float]] = {}
        for phrase in plan.ordered:
            if phrase.contributions is not None:
                contributions = phrase.contributions
                for index, page_id in enumerate(ids):
                    if page_id in contributions:
                        scores[index] += contributions[page_id]
                continue
            frequencies = known.get(phrase.terms)
            if frequencies is None:
                frequencies = known[phrase.terms] = self._frequencies(connection, generation, phrase, ids)
            idf = phrase.idf
            for index, frequency in enumerate(frequencies):
                if frequency:  # a phrase absent from the page adds 0.0
                    scores[index] += idf * ((frequency * k1_plus_1) / (frequency + norms[index]))
        ranking.scores.update(zip(ids, scores, strict=True))

    def _frequencies(self, connection, generation: int, phrase: _Phrase, ids: list[int]) -> list[float]:
        """A single term's weighted frequency in each page of ``ids`` (ascending)."""
        if phrase.frequencies is not None:
            return [phrase.frequencies.get(page_id, 0.0) for page_id in ids]
        if phrase.postings is None:  # a frequent term: its postings, read once per query
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
        ceiling = sum(phrase.idf * bounds[phrase.terms] * drift for phrase in plan.ordered)
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

    def _hits(self, connection, generation, snapshot, clauses, plan, tiers, offset, page_size) -> list[SearchHit]:
        """The page ``offset:offset + page_size`` of the result set, ranked tier by tier
        (``tiers``: the pages with every clause, then the others)."""
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
            query_terms = tuple(term for clause in clauses for term in clause.terms)
            titles = dict(
                connection.execute(f"SELECT page_id, title FROM text_{g} WHERE page_id IN ({_placeholders(top)})", top)
            )
            for page_id in top:
                title_terms = tuple(titles.get(page_id, "").split())
                boost = 0.0
                if title_terms == query_terms:
                    boost = EXACT_TITLE_BOOST
                elif len(query_terms) > 1 and _contains_sequence(title_terms, query_terms):
                    boost = TITLE_PHRASE_BOOST
                scores[page_id] *= 1.0 + boost
            # Boosts re-rank inside a tier, never across tiers.
            top.sort(key=lambda page_id: (tier_of[page_id], -scores[page_id]))
            ids = top + ids[RERANK_WINDOW:]
        page_ids = ids[offset:end]
        if not page_ids:
            return []
        rows = {
            row[0]: row
            for row in connection.execute(
                f"SELECT page_id, slug, locale, title, url, type, summary, body FROM docs_{g}"
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
        return hits

    # --- did you mean ---------------------------------------------------------------

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
            distance = _damerau_levenshtein(norm, candidate)
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

        def usable(display: str) -> bool:
            return known(analyze_token(display))

        replaced = []
        changed = False
        for surface, _, _ in tokenize(text):
            term = analyze_token(surface)
            if term is None or known(term) or any(known(analyze_token(form)) for form in article_forms(surface)):
                replaced.append(surface)
                continue
            correction = self._closest_word(connection, generation, normalize_token(surface), usable)
            if correction is None:
                replaced.append(surface)
            else:
                replaced.append(correction)
                changed = True
        if not changed:
            return None
        suggestion = " ".join(replaced)
        clauses = analyze_query(suggestion, current_synonym_set())[:MAX_QUERY_TERMS]
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

    # --- autocomplete ---------------------------------------------------------------

    def autocomplete(
        self, prefix: str, *, audiences: Sequence[str], languages: Sequence[str] = (), limit: int = 8
    ) -> list[SearchHit]:
        words = [word for word in autocomplete_terms(prefix[:MAX_QUERY_CHARS]) if word][:MAX_QUERY_TERMS]
        if not words or len("".join(words)) < 2 or not audiences:
            return []
        expression = " ".join(_quote(word) for word in words[:-1])
        expression = f"{expression} {_quote(words[-1])} *".strip()
        with self._reading() as (connection, generation, _):
            g = generation
            # The reader sees a document holding one of their keys (space-separated).
            where = ["(" + " OR ".join(["instr(' ' || d.audience || ' ', ?) > 0"] * len(audiences)) + ")"]
            params: list = [f" {key} " for key in audiences]
            if languages:
                where.append(f"d.locale IN ({_placeholders(languages)})")
                params.extend(languages)
            rows = connection.execute(
                f"SELECT d.page_id, d.slug, d.locale, d.title, d.url, d.type, bm25(ac_{g}) AS score"
                f" FROM ac_{g} JOIN docs_{g} d ON d.page_id = ac_{g}.rowid"
                f" WHERE ac_{g} MATCH ? AND {' AND '.join(where)} ORDER BY score, length(d.title) LIMIT ?",
                [expression, *params, limit],
            ).fetchall()
        return [
            SearchHit(
                page_id=row[0],
                slug=row[1],
                locale=row[2],
                title=row[3],
                url=row[4],
                type=row[5],
                snippet=highlight_title_prefix(row[3], words),
                score=round(-row[6], 4),
            )
            for row in rows
        ]


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


def _display_form(surface: str) -> str:
    """A word as a suggestion shows it: lower case, digits folded, without tatweel or
    harakat, but keeping hamza and teh marbuta."""
    from search.analysis import HARAKAT, TATWEEL, fold_digits

    word = fold_digits(surface.lower())
    return "".join(char for char in word if char != TATWEEL and char not in HARAKAT)


def _contains_sequence(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    size = len(needle)
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))


def _best_window(spans: list[tuple[int, int]], terms: list[str | None], hits: list[int], width: int):
    """The character window of ``width`` holding the most distinct matched terms
    (``hits``: indexes of the matched tokens)."""
    best = None
    for position, index in enumerate(hits):
        start = spans[index][0]
        seen = set()
        last_end = start
        for other in hits[position:]:
            other_end = spans[other][1]
            if other_end - start > width:
                break
            seen.add(terms[other])
            last_end = other_end
        key = (len(seen), -start)
        if best is None or key > best[0]:
            best = (key, start, last_end)
    assert best is not None
    return best[1], best[2]


def make_snippet(summary: str, body: str, wanted: set[str], width: int = SNIPPET_CHARS) -> str:
    """About ``width`` characters of the ORIGINAL text around the best match, HTML-escaped,
    with ``<mark>`` around matched words (found through their token offsets)."""
    for text in (body, summary):
        if not text:
            continue
        scanned = text[:SNIPPET_SCAN_CHARS]
        terms = list(map(analyze_token, TOKEN_RE.findall(scanned)))
        hits = [index for index, term in enumerate(terms) if term in wanted]
        if not hits:
            continue
        spans = [match.span() for match in TOKEN_RE.finditer(scanned)]
        match_start, match_end = _best_window(spans, terms, hits, width)
        slack = max(0, width - (match_end - match_start))
        start = max(0, match_start - slack // 3)
        end = min(len(scanned), max(match_end, start + width))
        # Snap to word boundaries.
        for surface_start, surface_end in spans:
            if surface_start <= start < surface_end:
                start = surface_start
            if surface_start < end < surface_end:
                end = surface_end
        return _render(scanned, [spans[index] for index in hits], start, end)
    text = summary or body
    if not text:
        return ""
    end = min(len(text), width)
    tokens = list(tokenize(text[: width + 50]))
    for _, surface_start, surface_end in tokens:
        if surface_start < end < surface_end:
            end = surface_end
    return html.escape(text[:end]) + ("…" if end < len(text) else "")


def _render(text: str, marked: list[tuple[int, int]], start: int, end: int) -> str:
    """``text[start:end]`` escaped, with ``<mark>`` around the ``marked`` spans inside it."""
    parts = ["…"] if start > 0 else []
    cursor = start
    for token_start, token_end in marked:
        if token_end <= start or token_start >= end:
            continue
        parts.append(html.escape(text[cursor:token_start]))
        parts.append("<mark>" + html.escape(text[token_start:token_end]) + "</mark>")
        cursor = token_end
    parts.append(html.escape(text[cursor:end]))
    if end < len(text):
        parts.append("…")
    return "".join(parts).strip()


def highlight_title_prefix(title: str, words: Sequence[str]) -> str:
    """The title, escaped, with ``<mark>`` around the words the typed prefix completes."""
    prefixes = [word for word in words if word]
    parts = []
    cursor = 0
    for surface, start, end in tokenize(title):
        candidate = strip_arabic_article(normalize_token(surface))
        if any(candidate.startswith(prefix) for prefix in prefixes):
            parts.append(html.escape(title[cursor:start]))
            parts.append("<mark>" + html.escape(title[start:end]) + "</mark>")
            cursor = end
    parts.append(html.escape(title[cursor:]))
    return "".join(parts)
