"""The search backend interface. Two implementations (embedded SQLite FTS5 and
Elasticsearch) sit behind it; callers never know which one answers.

What a query finds, the same in both backends (defined here once; tests/search/backend_suite.py
checks it on each engine):

- A query is a list of *clauses* (``search.analysis.analyze_query``): one per word the
  reader typed (stop words left out), or one per multi-word editor synonym, each with its
  alternatives (synonyms, and for an Arabic word its forms with and without the article).
  A page *matches a clause* when it contains one of its alternatives.
- **All words first, then any word.** Among the pages the reader may see that pass the
  filters, let ALL be those matching every clause and ANY those matching at least one.
  When ALL holds at least ``AND_FIRST_PAGE`` pages (a full first page), or the query has
  one clause, the result set is ALL, ranked by score. Otherwise (fewer than
  ``AND_FIRST_PAGE``, none included) the result set is ANY, ranked in two tiers: every
  page of ALL first (by score), then the other pages (by score). A page never moves
  across the tiers, whatever its score or boosts. The threshold is a constant, not the
  reader's page size, so every page of a result list comes from the same result set.
- ``count`` and the facet counts are over the result set returned (ALL or ANY), and only
  over pages the reader may see: the ALL count deciding between the two is the reader's
  own, so staff-only pages never change what an anonymous reader gets.
- **Did you mean** (``suggestion``) is considered when fewer than ``SUGGEST_BELOW`` pages
  match every clause (for this reader). Each word the index does not know is replaced by
  its nearest known word, and the corrected query is offered only when, for the same
  reader and filters, it finds more pages matching all its words or a larger result set
  (``suggestion_finds_more``), so a word found only on staff-only pages is never offered
  to an anonymous reader.
"""

from __future__ import annotations

import abc
import dataclasses
import datetime
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

AUDIENCE_PUBLIC = "public"
AUDIENCE_STAFF = "staff"
FACET_FIELDS = ("type", "channel", "agency", "lang")

#: All words first: the pages matching every clause are the whole result set when they
#: are at least this many (a first page); below it, the pages matching any clause follow.
AND_FIRST_PAGE = 10
#: Consider "did you mean" when fewer pages than this match every clause.
SUGGEST_BELOW = 3


def all_words_only(clauses: int, all_words: int) -> bool:
    """Whether the result set is the pages matching every clause (``all_words`` of them
    for this reader), rather than every page matching any clause (see the module doc)."""
    return clauses < 2 or all_words >= AND_FIRST_PAGE


#: A clause found on at least this share of the reader's pages in its language (those
#: passing the filters) is *common*: Robertson–Spärck Jones IDF is no longer positive
#: there, the word says nothing about which page is meant.
COMMON_CLAUSE_SHARE = 0.5


def clause_language(words: Sequence[str]) -> str:
    """The language whose pages a clause's words can be on: "ar" for Arabic letters, "en"
    for other letters, "" (any page) for a number."""
    word = words[0] if words else ""
    if not any(character.isalpha() for character in word):
        return ""
    from search.analysis import is_arabic

    return "ar" if is_arabic(word) else "en"


def required_clauses(counts: Sequence[int], language_totals: Sequence[int]) -> list[int]:
    """The clauses a page needs for "every word" (the first tier): each clause's pages for
    the reader (``counts``) against the reader's pages in the clause's language
    (``language_totals``: ``clause_language``, all of them for a number). A common clause
    (``COMMON_CLAUSE_SHARE``) is not required as long as another clause is not common
    (Lucene's common-terms query: frequent terms only score): «video call مع الجهة» needs
    the video call, not «الجهة», which most pages hold. A clause that found nothing is
    never common."""
    common = [
        count > 0 and total > 0 and count >= COMMON_CLAUSE_SHARE * total
        for count, total in zip(counts, language_totals, strict=True)
    ]
    if all(common) or not any(common):
        return list(range(len(counts)))
    return [index for index, is_common in enumerate(common) if not is_common]


def suggestion_finds_more(*, all_words: int, results: int, corrected_all_words: int, corrected_results: int) -> bool:
    """Whether a corrected query finds more than the reader's query, for the same reader:
    more pages with all its words, or a larger result set."""
    return corrected_all_words > all_words or corrected_results > results


def document_facets(document: SearchDocument) -> dict[str, tuple[str, ...]]:
    """The values of each facet (``FACET_FIELDS``) a document is counted under."""
    return {
        "type": (document.type,),
        "channel": tuple(dict.fromkeys(document.channels)),
        "agency": (document.agency,) if document.agency else (),
        "lang": (document.locale,),
    }


def ordered_facet_counts(counts: dict[str, int]) -> dict[str, int]:
    """One facet's counts in display order: most pages first, then by value."""
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


class SearchUnavailable(Exception):
    """The search engine could not answer (unreachable, timed out, overloaded): callers
    show a "search is unavailable, try again" message instead of failing the request."""


@dataclass(frozen=True)
class SearchDocument:
    """What the index stores for one live page in one language."""

    page_id: int
    slug: str
    locale: str  # "ar" | "en"
    title: str
    url: str
    type: str  # charter | faq | guide | procedure | article | announcement
    summary: str = ""
    body: str = ""
    #: The page's search keywords (how people ask for it in words it does not hold): searched
    #: with the summary's weight and in the spelling vocabulary, never shown.
    keywords: tuple[str, ...] = ()
    agency: str = ""  # agency slug
    channels: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    #: The page's audience keys (``knowledge.permissions.page_audience_keys``): "public",
    #: "staff", or one "role:<group id>" per chosen role. A reader sees the document when
    #: it holds one of these keys.
    audiences: tuple[str, ...] = (AUDIENCE_PUBLIC,)
    last_updated: datetime.datetime | None = None


@dataclass(frozen=True)
class SearchQuery:
    text: str
    audiences: tuple[str, ...] = (AUDIENCE_PUBLIC,)  # the audience keys the reader holds
    types: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    page: int = 1
    page_size: int = 10
    tags: tuple[str, ...] = ()  # optional tag-name filter
    #: Pages this reader may not see whatever their audience: under a Wagtail view
    #: restriction they cannot pass (``knowledge.permissions.view_restricted_page_ids``).
    #: Left out of the results, the count, the facets and "did you mean".
    hidden_page_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class SearchHit:
    page_id: int
    slug: str
    locale: str
    title: str
    url: str
    type: str
    snippet: str  # HTML-safe, with <mark> around matches
    score: float


@dataclass
class SearchResults:
    query: str
    count: int
    hits: list[SearchHit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    suggestion: str | None = None
    #: The reader's words that found nothing (the others did): "no results for «…»".
    unmatched: list[str] = field(default_factory=list)
    #: The page ids of the first results in rank order, as many as the engine ranked to
    #: answer (the embedded backend re-ranks the first ``RERANK_WINDOW`` for page 1):
    #: ``ranked_page_ids`` for free. Empty when the engine does not say.
    ranked_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class IndexCheckReport:
    missing: list[int]  # page ids live but not indexed
    stale: list[int]  # page ids indexed with an older last_updated
    orphaned: list[int]  # page ids indexed but no longer live
    #: page ids indexed with other audience keys than the page's audience gives
    wrong_audience: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class IndexedState:
    """What ``search_index --check`` compares for one indexed page."""

    last_updated: datetime.datetime | None
    audiences: frozenset[str]


class SearchBackend(abc.ABC):
    #: The publishing request applies its outbox rows itself, right after the commit (a
    #: local, fast index: a search right after publishing finds the page). When False (a
    #: remote cluster), the request only writes the rows and ``search.indexing``'s
    #: background applier applies them, so publishing never waits on the index.
    applies_changes_in_request: bool = True

    @abc.abstractmethod
    def index_documents(self, documents: Iterable[SearchDocument]) -> int: ...

    @abc.abstractmethod
    def delete_documents(self, page_ids: Sequence[int]) -> None: ...

    @abc.abstractmethod
    def search(self, query: SearchQuery) -> SearchResults: ...

    @abc.abstractmethod
    def matching_page_ids(self, query: SearchQuery, page_ids: Iterable[int]) -> set[int]:
        """Which of ``page_ids`` are in ``query``'s result set (for its reader and filters),
        wherever they rank: how many pinned best bets the engine's count already holds."""

    def result_count(self, query: SearchQuery) -> int:
        """How many results ``query`` has (``search``'s ``count``), with nothing else. This
        default runs ``search``; the embedded backend only matches."""
        return self.search(dataclasses.replace(query, page=1, page_size=1)).count

    def ranked_page_ids(self, query: SearchQuery, limit: int) -> list[int]:
        """The page ids of ``query``'s first ``limit`` results, in ``search``'s order, with
        nothing else (no snippets, facets or suggestion). This default runs ``search``; a
        backend answers it more cheaply where it can (the embedded backend ranks only)."""
        if limit < 1:
            return []
        found = self.search(dataclasses.replace(query, page=1, page_size=limit))
        return [hit.page_id for hit in found.hits]

    @abc.abstractmethod
    def autocomplete(
        self,
        prefix: str,
        *,
        audiences: Sequence[str],
        languages: Sequence[str] = (),
        limit: int = 8,
        hidden_page_ids: Collection[int] = (),
    ) -> list[SearchHit]: ...

    @abc.abstractmethod
    def rebuild(self, documents: Iterable[SearchDocument], *, progress=None) -> int:
        """Build a fresh index from ``documents`` and swap it in atomically."""

    @abc.abstractmethod
    def indexed_states(self) -> dict[int, IndexedState]:
        """page_id -> its indexed publish time and audience keys, for ``search_index --check``."""

    def indexed_versions(self) -> dict[int, datetime.datetime | None]:
        """page_id -> last_updated."""
        return {page_id: state.last_updated for page_id, state in self.indexed_states().items()}

    def reload_synonyms(self) -> None:  # noqa: B027 - optional hook
        """Pick up edited synonym groups."""

    def clear(self) -> None:
        """Empty the index (tests and ``search_index --rebuild`` from nothing)."""
        self.rebuild([])
