"""The Elasticsearch backend (Elasticsearch ≥ 8.10, official client 8.x).

Request bodies are built by pure functions (``build_search_body``, ``build_count_body``,
``build_autocomplete_body``, ``alias_swap_actions``, ``bulk_index_actions``, ...) and the
index definition lives in ``search.es_documents``; ``ElasticsearchSearchBackend`` only
sends them. Behaviour matches the embedded backend (tests/search/backend_suite.py).

Index layout: versioned indices ``<prefix>-pages-v<UTC timestamp>`` behind the alias
``<prefix>-pages``, the synonyms set ``<prefix>-synonyms`` and the lock index
``<prefix>-locks``. Privileges are split: ``search_index --create`` (and ``--rebuild``)
run with the administrative key (``ELASTICSEARCH_ADMIN_API_KEY``) and create indices,
the alias and the synonyms set, and ``search_index --replay`` (the worker, from
``manage.py periodic``) puts edited synonyms with it; the web process
(``ELASTICSEARCH_API_KEY``) only reads and writes documents through the alias
(``require_alias``) and never creates anything: when the alias is missing every call
raises ``SearchIndexMissing`` (a ``SearchUnavailable``) and logs the command to run.

``rebuild`` takes the rebuild lock (a document created with ``op_type=create`` in
``<prefix>-locks``: one process at a time, across machines), creates a new version
(refresh off while loading), streams the documents in with the bulk helper (retrying 429s
with back-off: a command, not a request), refreshes, then in ONE ``update_aliases`` call
adds the alias to the new version as its write index (``is_write_index``) and deletes
every older version (``remove_index``, ``alias_swap_actions``): readers never see a
missing or half-filled index and the alias can never be left on two indices. A lost
reply to that call is checked by reading where the alias points before anything is
deleted (``indices_safe_to_delete``): the index the alias points at is never deleted.

Queries. The reader's text is analysed in Python into the clauses of the embedded backend
(``search.understanding.query_clauses`` with the editor synonyms: question words and
fillers set aside, one clause per word, stop words left out, or per multi-word synonym, an
Arabic word's possessive-less form added as another text of its clause), each sent as TEXT
for Elasticsearch's own analyzers: a clause is a ``combined_fields`` query over title^10,
summary^4, keywords^4, body (the embedded backend's bm25 weights; BM25F across the fields) on
the Arabic-analysed fields for Arabic script and the ``.en`` fields otherwise (the
embedded backend's token by token choice of chain). The synonym filter expands each
clause's text, a multi-word synonym's words reaching it together. An Arabic word's article
forms (``search.analysis.article_forms``, e.g. «الوثيقة» for «وثيقة») are more texts of
the same clause, in a ``dis_max`` (tie-breaker 0): the server's chain turns them into
exactly the extra alternatives the embedded backend adds, and the clause counts once, by
its best text, as the embedded backend's clause scores its best alternative. One request
carries everything (a second only to rescue words that found nothing or to leave common
words out of the all-words tier): filters (audience as ONE ``terms`` clause, then type /
locale / agency / channels / tags) in ``filter``, the text, a phrase boost on the
unstemmed title, highlighting, facet aggregations, the spelling suggester and
``from``/``size``.

- All words first, then any word (``search.backends.base``), in ONE request. A query of
  one clause is that clause. A query of several matches every page with ANY clause
  (``bool``/``should``, ``minimum_should_match: 1``) and ranks in two tiers provably: the
  text score s (bm25 plus the title phrase boost) goes through ``script_score`` as
  s / (s + ``SCORE_SQUASH``), in [0, 1) and in the same order as s, and a
  ``constant_score`` of the ALL-clauses query adds exactly 1 (``should``). Every page with
  all clauses scores in [1, 2), every other page in [0, 1): pages with all words always
  rank first, each tier by s. A ``filter`` aggregation (``all_words``) counts the pages
  with all clauses and repeats the facets over them. When they are at least
  ``AND_FIRST_PAGE``, the result set is theirs alone: count and facets come from that
  aggregation and the page's hits are cut where the tier ends (a page past it is empty);
  otherwise count, facets and hits are the whole match set's. Highlighting uses the
  any-clause query (``highlight_query``), whatever the scoring wrappers. Lucene keeps
  scores as float32: s / (s + 10) stays below 1 for any s under about 10^8, far above any
  bm25 sum of 12 clauses (tests check the bound and the order in float32). A hit's
  ``score`` is s again (the squash undone). ``script_score`` needs inline Painless
  scripts, which Elasticsearch allows by default.
- Common words (``base.required_clauses``): every request of several clauses also counts
  the reader's pages by language (``reader_languages_aggregation``, a ``global``
  aggregation under the reader filters). A clause found on at least half of the reader's
  pages in its language is not required for the all-words tier while another clause is
  not common (``with_required``); when that changes the clauses, the same second request
  as for a rescue carries the narrower tier. "Did you mean" compares with the first
  request's counts, every word required, as the embedded backend does.
- Words that find nothing (the embedded backend's rule, ``rescued_clauses``): every
  request counts each clause's pages for the reader in a ``filters`` aggregation
  (``clause_counts_aggregation``: over the query's matches, which hold every page of each
  clause, so the counts are exact). Only when a clause found nothing is a second request
  sent, its clause rescued: a ``multi_match`` with ``fuzziness`` (one edit, a word of
  ``understanding.TYPO_MIN_LENGTH``+ letters, boost ``FUZZY_BOOST``) and, for a Latin
  word when no Latin word found anything, its Arabizi readings looked up exactly
  (``terms``) and one letter longer (``regexp``) in the unstemmed ``.exact`` fields.
  A Latin word that found nothing and reads as an Arabizi question word or filler
  (``understanding.arabizi_reading``: «shlon», «wain», «el») is set aside instead, as
  its Arabic spelling is (unless every word would go).
  ``SearchResults.unmatched`` is the words whose clause still counts no page. Typos and
  Arabizi only ever serve words that found nothing, so they never outrank exact matches.
- Did you mean, from the READER's vocabulary only: a ``term`` suggester on ``spelling``
  (every title and summary word in its display form, as the embedded vocabulary;
  suggesters cannot filter) proposes up to ``SUGGEST_OPTIONS`` candidates for every word
  (``suggest_mode: always``). When fewer than ``SUGGEST_BELOW`` pages have all the words,
  one ``size: 0`` request with the reader's audience filter and a ``filters`` aggregation
  (``build_vocabulary_body``) tells which of the typed words and candidates occur in pages
  the reader may see. A word the reader's pages do not hold (question words aside) is
  replaced by its best candidate they do hold that passes the sanity rule
  (``understanding.plausible_correction``) (a word found only on pages hidden from the reader is corrected
  like an invented word, and never offered). The corrected query is then COUNTED with the
  same reader filters (its matches and its ``all_words`` count) and returned only if it
  finds more (``suggestion_finds_more``).
- Snippets: the unified highlighter with ``<mark>`` tags and the ``html`` encoder, one
  fragment from the body (Arabic or English analysis), else the summary, else the start
  of the summary or body (``no_match_size``). Lucene's HTML encoder also writes «/» as
  ``&#x2F;``; that one entity is turned back into «/» so snippets read exactly like
  ``html.escape`` output (the embedded backend's), «/» being harmless in text.

Synonym reload: editor synonyms live in an Elasticsearch synonyms set
(``PUT _synonyms/<prefix>-synonyms``, Elasticsearch ≥ 8.10) referenced by an
``updateable`` ``synonym_graph`` filter that only the search analyzers use. Putting the
set makes Elasticsearch reload the search analyzers of every index using it, with no
reindexing and no downtime. The alternatives were rejected: analysis settings of an open
index cannot change (close / update / open takes the index offline), and
``_reload_search_analyzers`` only re-reads synonym FILES on every node's disk, which this
application cannot write. The set must exist before an index that names it is created,
so every index creation puts the current set first. Editor terms lose their stop words
before they are sent (``synonyms_set_rules``), as ``SynonymSet`` analyses them; one-way
groups (dialect, loanwords, cross-language) are explicit mappings (``one_way_rule``).

Failures: every error of the client (connection errors, time-outs, any error answer,
400s included, refused bulk items, scroll failures) becomes ``SearchUnavailable``
(``unavailable_error``), which the views turn into a polite message and the API into a
503. A publishing request never calls the cluster (``applies_changes_in_request`` is
False): it only writes the outbox row (``search.models.IndexChange``), and this process's
background applier (``search.indexing.BackgroundApplier``) applies it after the commit.
Those writes (``index_documents``, ``delete_documents``) make ONE short try
(``ELASTICSEARCH_PUBLISH_TIMEOUT``, default 3 s, no retries and no back-off sleep, even on
429) with ``refresh="wait_for"``; a failure leaves the change in the outbox, which
``search_index --replay`` (every minute from ``manage.py periodic``) applies later.
Synonym changes are applied only by that worker (``reload_synonyms``, administrative
key). Time-outs come from settings read here with defaults: ``ELASTICSEARCH_TIMEOUT``
(reads), ``ELASTICSEARCH_PUBLISH_TIMEOUT`` (outbox writes) and
``ELASTICSEARCH_INDEXING_TIMEOUT`` (``--create``, ``--rebuild``, synonyms);
``ELASTICSEARCH_API_KEY``, ``ELASTICSEARCH_ADMIN_API_KEY``, ``ELASTICSEARCH_CA_CERTS`` and
``ELASTICSEARCH_LOCK_TTL`` are optional. ``SEARCH_INDEX_PREFIX`` is checked
(``index_prefix_problems``, system check ``search.E001``).
"""

from __future__ import annotations

import datetime
import html
import logging
import os
import re
import socket
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from elasticsearch import (
    ApiError,
    BadRequestError,
    ConflictError,
    Elasticsearch,
    NotFoundError,
    TransportError,
    helpers,
)
from elasticsearch.dsl import Q, Search
from elasticsearch.helpers import BulkIndexError, ScanError

from search.analysis import (
    LANG_ARABIC,
    LANG_ENGLISH,
    SynonymSet,
    autocomplete_terms,
    is_arabic,
    synonym_rules,
    synonym_term_without_stop_words,
    tokenize,
    vocabulary_forms,
)
from search.backends.base import (
    FACET_FIELDS,
    SUGGEST_BELOW,
    IndexedState,
    SearchBackend,
    SearchDocument,
    SearchHit,
    SearchQuery,
    SearchResults,
    SearchUnavailable,
    all_words_only,
    clause_language,
    required_clauses,
    suggestion_finds_more,
)
from search.es_documents import (
    AUTOCOMPLETE_MIN_GRAM,
    LOCK_MAPPINGS,
    document_source,
    index_mappings,
    index_settings,
    lock_index_settings,
)
from search.synonyms import active_one_way_rules, active_synonym_groups, current_synonym_set, invalidate_synonyms
from search.understanding import (
    arabizi_forms,
    arabizi_reading,
    is_filler,
    one_letter_more_pattern,
    plausible_correction,
    typo_tolerant,
    without_fillers,
)
from search.understanding import query_clauses as understood_clauses

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 5.0
DEFAULT_INDEXING_TIMEOUT = 120.0
#: Publishing waits at most this long for the cluster (then the outbox keeps the change).
DEFAULT_PUBLISH_TIMEOUT = 3.0
#: A rebuild lock older than this (seconds) was left by a process that died.
DEFAULT_LOCK_TTL = 3600.0
MAX_RETRIES = 1
REBUILD_LOCK = "rebuild"
CREATE_COMMAND = "manage.py search_index --create"
INDEX_NOT_FOUND = "index_not_found_exception"
ALREADY_EXISTS = "resource_already_exists_exception"


class SearchIndexMissing(SearchUnavailable):
    """The alias does not exist: ``search_index --create`` has not been run. The web
    process never creates it (it holds no privilege to)."""


class SearchIndexBusy(SearchUnavailable):
    """Another process holds the rebuild lock."""


def _setting(value: float | None, name: str, default: float) -> float:
    return float(value if value is not None else getattr(settings, name, default))


#: The embedded backend's bm25 column weights (title, summary, body); the search keywords
#: take the summary's (the embedded backend indexes them as summary text).
FIELD_BOOSTS = {"title": 10, "summary": 4, "keywords": 4, "body": 1}
TEXT_FIELDS = {
    LANG_ARABIC: [f"{field}^{boost}" for field, boost in FIELD_BOOSTS.items()],
    LANG_ENGLISH: [f"{field}.en^{boost}" for field, boost in FIELD_BOOSTS.items()],
}
TITLE_PHRASE_BOOST = 2.0
OPERATOR_AND = "and"
#: Several clauses: a page's text score s is ranked as s / (s + SCORE_SQUASH), in [0, 1),
#: plus 1 when it has every clause (``ALL_WORDS``), so the two tiers cannot mix.
SCORE_SQUASH = 10.0
SQUASH_SCRIPT = "_score / (_score + params.squash)"
#: The aggregation (and the tier) of the pages with every clause.
ALL_WORDS = "all_words"
#: The ``filters`` aggregation counting each clause's pages for the reader (``c0``, ``c1``...).
CLAUSES = "clauses"
#: The aggregation counting the reader's pages (filters passed) in each language, whatever
#: the query: a clause on most of them is common (``base.required_clauses``).
READER_LANGUAGES = "reader_languages"

#: A word that found nothing, read as a typo (``understanding.typo_tolerant``): a fuzzy
#: alternative of its clause. ``AUTO:3,20`` is one edit (``understanding.TYPO_EDITS``) for
#: every analysed term of 3 to 19 letters, none below (AUTO's own cut at 3); the first
#: letter must match (``prefix_length``) and at most ``FUZZY_MAX_EXPANSIONS`` index terms
#: stand in per term. Scored below an exact match (``FUZZY_BOOST``).
FUZZINESS = "AUTO:3,20"
FUZZY_PREFIX_LENGTH = 1
FUZZY_MAX_EXPANSIONS = 10
FUZZY_BOOST = 0.5
#: A Latin word that found nothing, read as Arabizi: its Arabic readings
#: (``understanding.arabizi_forms``, normalised) looked up as they are in the unstemmed,
#: normalised ``.exact`` fields (``ar_exact`` = ``normalize_token``), a constant score.
ARABIZI_FIELDS = ("title.exact", "summary.exact", "keywords.exact", "body.exact")
ARABIZI_BOOST = 1.0
#: The embedded backend also takes a vocabulary word one letter longer than a reading (a
#: vowel left unwritten: «mawid» → «موعد»): a ``regexp`` of the first
#: ``ARABIZI_LONGER_READINGS`` readings (and their «ال» forms) of 3+ letters, its automaton
#: bounded by ``ARABIZI_MAX_STATES`` (Lucene's ``max_determinized_states``).
ARABIZI_LONGER_READINGS = 16
ARABIZI_MAX_STATES = 20_000

#: Facet name (``SearchResults.facets``) → keyword field.
FACET_KEYWORDS = {"type": "type", "channel": "channels", "agency": "agency", "lang": "locale"}
FACET_SIZE = 100
SOURCE_FIELDS = ["page_id", "slug", "locale", "title", "url", "type"]

SUGGESTER = "spelling"
#: Candidates the suggester proposes per word (the reader's vocabulary then picks).
SUGGEST_OPTIONS = 5
#: The ``filters`` aggregation of ``build_vocabulary_body``.
VOCABULARY = "vocabulary"
SNIPPET_CHARS = 200
SNIPPET_SCAN_CHARS = 20_000
MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 12
MAX_RESULT_WINDOW = 10_000  # Elasticsearch's default index.max_result_window
BULK_CHUNK_SIZE = 500

MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"
#: Highlighted fields, best first: a matched fragment of the body, else of the summary.
SNIPPET_FIELDS = ("body", "body.en", "summary", "summary.en")
#: When nothing matched in them: the start of the summary, else of the body.
SNIPPET_FALLBACK_FIELDS = ("summary", "body")

INITIAL_VERSION = "0" * 20  # sorts before every timestamp version


# --- Query preparation (pure) --------------------------------------------------------------


@dataclass(frozen=True)
class TextClause:
    """One clause of the query (``search.analysis.QueryClause``) as texts for the server's
    analyzers: the reader's words (one word, or a multi-word synonym), then the article
    forms and possessive-less forms of an Arabic word. A page matches the clause when it
    matches one of the texts, or, once the clause found nothing (``rescued_clauses``), a
    one-edit typo of its word (``fuzzy``) or one of its Arabizi readings (``arabizi``)."""

    language: str  # LANG_ARABIC or LANG_ENGLISH: which chain (and fields) the texts take
    texts: tuple[str, ...]
    fuzzy: bool = False
    arabizi: tuple[str, ...] = ()
    #: ``understanding.one_letter_more_pattern`` of its first readings ("" for none).
    arabizi_longer: str = ""
    #: Whether a page needs it for the all-words tier (a common clause does not:
    #: ``required_clauses``).
    required: bool = True

    @property
    def word(self) -> str:
        """The reader's words the clause stands for (the partial-match notice names them)."""
        return self.texts[0]


def query_clauses(text: str, synonyms: SynonymSet | None = None) -> list[TextClause]:
    """The query's clauses (at most ``MAX_QUERY_TERMS``), exactly as the embedded backend
    makes them (``understanding.query_clauses``: question words and fillers set aside,
    stop words left out, multi-word synonyms grouped, article and possessive-less forms
    added)."""
    clauses = understood_clauses((text or "")[:MAX_QUERY_CHARS], synonyms)[:MAX_QUERY_TERMS]
    return [
        TextClause(
            LANG_ARABIC if is_arabic(clause.words[0]) else LANG_ENGLISH,
            (" ".join(clause.words), *clause.variants),
        )
        for clause in clauses
    ]


def rescued_clauses(clauses: Sequence[TextClause], found: Sequence[int]) -> list[TextClause]:
    """The embedded backend's rule (``EmbeddedSearchBackend._understood``) once the
    reader's count of every clause is known (``found``, ``clause_counts``): a one-word
    clause that found nothing gains a fuzzy alternative when the word is long enough
    (``understanding.typo_tolerant``) and its Arabizi readings when it is read as Arabizi,
    or is set aside as an Arabizi filler (``understanding.arabizi_reading``, the rule both
    backends follow). Clauses that found something are left exactly as they were."""
    read_as_arabizi, set_aside = arabizi_reading([clause.word for clause in clauses], [bool(count) for count in found])
    rescued = []
    for clause, count, aside, read in zip(clauses, found, set_aside, read_as_arabizi, strict=True):
        if aside:
            continue
        if count or " " in clause.word:
            rescued.append(clause)
            continue
        arabizi: tuple[str, ...] = ()
        longer = ""
        if read:
            arabizi = tuple(arabizi_forms(clause.word))
            first = arabizi_forms(clause.word, ARABIZI_LONGER_READINGS)
            longer = one_letter_more_pattern([reading for reading in first if len(reading) >= 3])
        rescued.append(replace(clause, fuzzy=typo_tolerant(clause.word), arabizi=arabizi, arabizi_longer=longer))
    return rescued


def autocomplete_text(prefix: str) -> str:
    """The typed words worth sending for autocomplete ("" when fewer than two letters in
    all, as in the embedded backend). Words that shrink below the shortest indexed
    n-gram once normalised and stripped of the article cannot match and are left out."""
    words = [
        (surface, "".join(autocomplete_terms(surface))) for surface, _, _ in tokenize((prefix or "")[:MAX_QUERY_CHARS])
    ][:MAX_QUERY_TERMS]
    if len("".join(term for _, term in words)) < 2:
        return ""
    return " ".join(surface for surface, term in words if len(term) >= AUTOCOMPLETE_MIN_GRAM)


def reader_filters(
    *,
    audiences: Sequence[str],
    types: Sequence[str] = (),
    languages: Sequence[str] = (),
    agencies: Sequence[str] = (),
    channels: Sequence[str] = (),
    tags: Sequence[str] = (),
    hidden_page_ids: Collection[int] = (),
) -> list[Q]:
    """``terms`` filters on keyword fields; the audience is ONE clause listing what the
    reader may see (never one clause per page); the pages under a view restriction the
    reader cannot pass (few: the admin's *Privacy* setting) are left out by id."""
    filters = [Q("terms", audience=list(audiences))]
    if hidden_page_ids:
        filters.append(~Q("terms", page_id=sorted(hidden_page_ids)))
    for field, values in (
        ("type", types),
        ("locale", languages),
        ("agency", agencies),
        ("channels", channels),
        ("tags", tags),
    ):
        if values:
            filters.append(Q("terms", **{field: list(values)}))
    return filters


def _query_filters(query: SearchQuery) -> list[Q]:
    return reader_filters(
        audiences=query.audiences,
        types=query.types,
        languages=query.languages,
        agencies=query.agencies,
        channels=query.channels,
        tags=query.tags,
        hidden_page_ids=query.hidden_page_ids,
    )


def clause_query(clause: TextClause) -> Q:
    """Pages matching one clause: any of its texts, each with all its words; for a rescued
    clause also its word within one edit (``multi_match`` with ``fuzziness``: the
    ``combined_fields`` query has none) and its Arabizi readings (a ``terms`` query per
    ``.exact`` field, one clause however many readings), both scored lower. A page scores
    its best match (``dis_max``, tie-breaker 0), as the embedded backend's clause takes
    its best alternative: the article form of a word the page also holds adds nothing."""
    fields = TEXT_FIELDS[clause.language]
    matching = [Q("combined_fields", query=text, fields=fields, operator=OPERATOR_AND) for text in clause.texts]
    if clause.fuzzy:
        matching.append(
            Q(
                "multi_match",
                query=clause.word,
                fields=fields,
                type="best_fields",
                operator=OPERATOR_AND,
                fuzziness=FUZZINESS,
                prefix_length=FUZZY_PREFIX_LENGTH,
                max_expansions=FUZZY_MAX_EXPANSIONS,
                boost=FUZZY_BOOST,
            )
        )
    if clause.arabizi:
        readings = list(clause.arabizi)
        lookups = [Q("terms", **{field: readings}) for field in ARABIZI_FIELDS]
        if clause.arabizi_longer:
            pattern = {"value": clause.arabizi_longer, "max_determinized_states": ARABIZI_MAX_STATES}
            lookups += [Q("regexp", **{field: pattern}) for field in ARABIZI_FIELDS]
        lookup = Q("bool", should=lookups, minimum_should_match=1)
        matching.append(Q("constant_score", filter=lookup, boost=ARABIZI_BOOST))
    if len(matching) == 1:
        return matching[0]
    return Q("dis_max", queries=matching)


def any_clause_query(clauses: Sequence[TextClause]) -> Q:
    """Pages matching at least one clause (scored: the sum of the clauses they match)."""
    if len(clauses) == 1:
        return clause_query(clauses[0])
    return Q("bool", should=[clause_query(clause) for clause in clauses], minimum_should_match=1)


def all_clauses_filter(clauses: Sequence[TextClause]) -> Q:
    """Pages matching every required clause (not scored): the all-words tier."""
    return Q("bool", filter=[clause_query(clause) for clause in clauses if clause.required])


def reader_languages_aggregation(query: SearchQuery) -> dict[str, Any]:
    """The reader's pages that pass the filters, counted by language, whatever the query
    matches (a ``global`` aggregation narrowed to the reader filters)."""
    reader = Q("bool", filter=_query_filters(query)).to_dict()
    return {
        "global": {},
        "aggs": {"reader": {"filter": reader, "aggs": {"lang": {"terms": {"field": "locale", "size": FACET_SIZE}}}}},
    }


def language_totals(response: dict[str, Any]) -> dict[str, int]:
    """The reader's pages by language ("" for all of them) from a response with
    ``reader_languages_aggregation``."""
    reader = response.get("aggregations", {}).get(READER_LANGUAGES, {}).get("reader", {})
    totals = {str(bucket["key"]): bucket["doc_count"] for bucket in reader.get("lang", {}).get("buckets", ())}
    totals[""] = reader.get("doc_count", sum(totals.values()))
    return totals


def with_required(clauses: Sequence[TextClause], found: Sequence[int], totals: dict[str, int]) -> list[TextClause]:
    """``clauses`` marked required or not (``base.required_clauses``) from the reader's
    count of each (``clause_counts``: a word that found nothing, rescued or not, is never
    common) and the reader's pages by language (``language_totals``), as the embedded
    backend decides."""
    if len(clauses) < 2:
        return list(clauses)
    languages = [clause_language([clause.word]) for clause in clauses]
    required = set(required_clauses(found, [totals.get(language, 0) for language in languages]))
    return [replace(clause, required=index in required) for index, clause in enumerate(clauses)]


def _title_phrase(query: SearchQuery) -> Q:
    # The text without question words and fillers (as the embedded backend's phrase boost),
    # stop words included: the unstemmed field drops them on both sides, leaving the same
    # position gaps, so the phrase lines up with the title.
    phrase = without_fillers((query.text or "")[:MAX_QUERY_CHARS]).strip()
    return Q("match_phrase", **{"title.exact": {"query": phrase, "boost": TITLE_PHRASE_BOOST}})


def search_query(query: SearchQuery, clauses: Sequence[TextClause]) -> Q:
    """The reader filters and the text. One clause: that clause, plus the title phrase
    boost. Several: every page with any clause, scored in two tiers (module doc): the text
    score squashed into [0, 1), plus exactly 1 for the pages with every clause."""
    must, should = [any_clause_query(clauses)], [_title_phrase(query)]
    if len(clauses) == 1:
        return Q("bool", filter=_query_filters(query), must=must, should=should)
    squashed = Q(
        "script_score",
        query=Q("bool", must=must, should=should),
        script={"source": SQUASH_SCRIPT, "params": {"squash": SCORE_SQUASH}},
    )
    tier = Q("constant_score", filter=all_clauses_filter(clauses), boost=1.0, _name=ALL_WORDS)
    return Q("bool", filter=_query_filters(query), must=[squashed], should=[tier])


def _facet_aggregations() -> dict[str, Any]:
    return {name: {"terms": {"field": FACET_KEYWORDS[name], "size": FACET_SIZE}} for name in FACET_FIELDS}


def clause_counts_aggregation(clauses: Sequence[TextClause]) -> dict[str, Any]:
    """A ``filters`` aggregation with one bucket per clause (``c0``, ``c1``... in order).
    It runs over the query's matches (the reader's filtered pages with ANY clause), which
    hold every page of each clause: each bucket is exactly that clause's count for this
    reader, in the same request (an ``msearch`` of counts would be one more round trip;
    named queries would only see the returned hits)."""
    return {
        "filters": {
            "filters": {f"c{position}": clause_query(clause).to_dict() for position, clause in enumerate(clauses)}
        }
    }


def clause_counts(response: dict[str, Any], clauses: int) -> list[int]:
    """Each clause's pages for the reader, from a response with ``clause_counts_aggregation``."""
    buckets = response.get("aggregations", {}).get(CLAUSES, {}).get("buckets", {})
    return [buckets.get(f"c{position}", {}).get("doc_count", 0) for position in range(clauses)]


def unmatched_words(clauses: Sequence[TextClause], found: Sequence[int]) -> list[str]:
    """The reader's words that find nothing (``SearchResults.unmatched``)."""
    return [clause.word for clause, count in zip(clauses, found, strict=True) if not count]


def build_search_body(query: SearchQuery, clauses: Sequence[TextClause], *, suggest: bool = True) -> dict[str, Any]:
    """The ONE request of a search: query, highlighting, facets (and, for several clauses,
    the ``all_words`` count with its own facets), suggester, page."""
    page = max(1, query.page)
    page_size = max(1, query.page_size)
    offset = (page - 1) * page_size
    if offset >= MAX_RESULT_WINDOW:
        offset, page_size = 0, 0  # beyond Elasticsearch's window: count and facets only
    else:
        page_size = min(page_size, MAX_RESULT_WINDOW - offset)
    search = (
        Search()
        .query(search_query(query, clauses))
        .source(SOURCE_FIELDS)
        .sort("_score", {"page_id": {"order": "asc"}})
        .extra(track_total_hits=True, **{"from": offset, "size": page_size})
        .highlight_options(
            encoder="html",
            pre_tags=[MARK_OPEN],
            post_tags=[MARK_CLOSE],
            fragment_size=SNIPPET_CHARS,
            number_of_fragments=1,
            max_analyzed_offset=SNIPPET_SCAN_CHARS,
            highlight_query=any_clause_query(clauses).to_dict(),
        )
    )
    for field in SNIPPET_FIELDS:
        options = {"no_match_size": SNIPPET_CHARS} if field in SNIPPET_FALLBACK_FIELDS else {}
        search = search.highlight(field, **options)
    if suggest:
        search = search.suggest(
            SUGGESTER,
            (query.text or "")[:MAX_QUERY_CHARS],
            term={
                "field": "spelling",
                "suggest_mode": "always",
                "size": SUGGEST_OPTIONS,
                "sort": "score",
                "max_edits": 2,
                "min_word_length": 3,
            },
        )
    body = search.to_dict()
    body["aggs"] = {**_facet_aggregations(), CLAUSES: clause_counts_aggregation(clauses)}
    if len(clauses) > 1:
        body["aggs"][ALL_WORDS] = {"filter": all_clauses_filter(clauses).to_dict(), "aggs": _facet_aggregations()}
        body["aggs"][READER_LANGUAGES] = reader_languages_aggregation(query)
    return body


def build_count_body(query: SearchQuery, clauses: Sequence[TextClause]) -> dict[str, Any]:
    """What this reader would find (checks a "did you mean" suggestion): the pages with
    any clause (unscored, same filters) and, for several clauses, the ``all_words`` count."""
    body: dict[str, Any] = {
        "size": 0,
        "track_total_hits": True,
        "query": Q("bool", filter=[*_query_filters(query), any_clause_query(clauses)]).to_dict(),
    }
    if len(clauses) > 1:
        body["aggs"] = {ALL_WORDS: {"filter": all_clauses_filter(clauses).to_dict()}}
    return body


def build_membership_body(query: SearchQuery, clauses: Sequence[TextClause], page_ids: Sequence[int]) -> dict[str, Any]:
    """Which of ``page_ids`` this reader's query finds (see ``members_from_response``): the
    reader's pages with any clause, narrowed to ``page_ids`` by a post filter so that the
    ``all_words`` count deciding the result set is still over every page."""
    ids = sorted(set(page_ids))
    tier = Q("constant_score", filter=all_clauses_filter(clauses), _name=ALL_WORDS)
    body: dict[str, Any] = {
        "size": len(ids),
        "_source": False,
        "track_total_hits": False,
        "query": Q("bool", filter=[*_query_filters(query), any_clause_query(clauses)], should=[tier]).to_dict(),
        "post_filter": {"terms": {"page_id": ids}},
        "aggs": {CLAUSES: clause_counts_aggregation(clauses)},
    }
    if len(clauses) > 1:
        body["aggs"][ALL_WORDS] = {"filter": all_clauses_filter(clauses).to_dict()}
        body["aggs"][READER_LANGUAGES] = reader_languages_aggregation(query)
    return body


def members_from_response(response: dict[str, Any], clauses: int) -> set[int]:
    """The page ids of a ``build_membership_body`` response that are in the result set:
    all of them when it is the pages with any clause, else those with every clause."""
    hits = response["hits"]["hits"]
    if clauses > 1 and all_words_only(clauses, _all_words_count(response)):
        hits = [hit for hit in hits if ALL_WORDS in hit.get("matched_queries", ())]
    return {int(hit["_id"]) for hit in hits}


def build_autocomplete_body(
    text: str,
    *,
    audiences: Sequence[str],
    languages: Sequence[str] = (),
    limit: int = 8,
    hidden_page_ids: Collection[int] = (),
) -> dict[str, Any]:
    """Titles whose words start with every typed word (normalised, article stripped);
    English input is also ranked by ``search_as_you_type`` (words in order score higher)."""
    should = []
    if not is_arabic(text):
        should.append(
            Q(
                "multi_match",
                query=text,
                type="bool_prefix",
                fields=["title_prefix", "title_prefix._2gram", "title_prefix._3gram"],
            )
        )
    query = Q(
        "bool",
        filter=reader_filters(audiences=audiences, languages=languages, hidden_page_ids=hidden_page_ids),
        must=[Q("match", **{"title.autocomplete": {"query": text, "operator": OPERATOR_AND}})],
        should=should,
    )
    search = (
        Search()
        .query(query)
        .source(SOURCE_FIELDS)
        .sort("_score", {"page_id": {"order": "asc"}})
        .extra(size=max(0, limit))
        .highlight_options(encoder="html", pre_tags=[MARK_OPEN], post_tags=[MARK_CLOSE], number_of_fragments=0)
        .highlight("title.autocomplete")
    )
    return search.to_dict()


# --- Responses (pure) ------------------------------------------------------------------------


def clean_fragment(fragment: str) -> str:
    """A highlighter fragment as ``html.escape`` would have escaped it (Lucene's encoder
    also writes «/» as ``&#x2F;``)."""
    return fragment.replace("&#x2F;", "/").strip()


def snippet_from_highlight(highlight: dict[str, list[str]]) -> str:
    for field in SNIPPET_FIELDS:
        for fragment in highlight.get(field, ()):
            if MARK_OPEN in fragment:
                return clean_fragment(fragment)
    for field in SNIPPET_FALLBACK_FIELDS:
        fragments = highlight.get(field)
        if fragments:
            return clean_fragment(fragments[0])
    return ""


def facets_from_aggregations(aggregations: dict[str, Any]) -> dict[str, dict[str, int]]:
    return {
        name: {str(bucket["key"]): bucket["doc_count"] for bucket in aggregations.get(name, {}).get("buckets", ())}
        for name in FACET_FIELDS
    }


@dataclass(frozen=True)
class FoundCounts:
    """What a response says the reader's query finds (``search.backends.base``)."""

    all_words: int  # pages with every clause
    results: int  # the result set: those pages, or every page with any clause


def counts_from_response(response: dict[str, Any], clauses: int) -> FoundCounts:
    """The counts of a ``build_search_body`` or ``build_count_body`` response for a query
    of ``clauses`` clauses."""
    total = response["hits"]["total"]["value"]
    if clauses < 2:
        return FoundCounts(total, total)
    all_words = _all_words_count(response)
    return FoundCounts(all_words, all_words if all_words_only(clauses, all_words) else total)


def _all_words_count(response: dict[str, Any]) -> int:
    """The ``all_words`` aggregation's count (pages with every clause) of a response."""
    return response.get("aggregations", {}).get(ALL_WORDS, {}).get("doc_count", 0)


def read_search_response(
    response: dict[str, Any], clauses: int, *, offset: int
) -> tuple[FoundCounts, dict[str, dict[str, int]], list[SearchHit]]:
    """Counts, facets and hits of a ``build_search_body`` response (``offset``: its
    ``from``). When the pages with every clause are the whole result set, the facets are
    theirs and the hits stop where their tier ends."""
    counts = counts_from_response(response, clauses)
    aggregations = response.get("aggregations", {})
    raw_hits = response["hits"]["hits"]
    if clauses < 2:
        hits = [hit_from_response(hit, snippet_from_highlight(hit.get("highlight", {}))) for hit in raw_hits]
        return counts, facets_from_aggregations(aggregations), hits
    only_all_words = all_words_only(clauses, counts.all_words)
    if only_all_words:
        aggregations = aggregations.get(ALL_WORDS, {})
    hits = []
    for position, hit in enumerate(raw_hits, start=offset):
        all_words = ALL_WORDS in hit.get("matched_queries", ())
        if only_all_words and (not all_words or position >= counts.all_words):
            break  # past the tier of the pages with every clause: not in the result set
        score = text_score(hit.get("_score"), all_words=all_words)
        hits.append(hit_from_response(hit, snippet_from_highlight(hit.get("highlight", {})), score=score))
    return counts, facets_from_aggregations(aggregations), hits


def text_score(score: float | None, *, all_words: bool) -> float:
    """The text score s of a page ranked in tiers (``search_query``: its score is
    s / (s + ``SCORE_SQUASH``), plus 1 with every clause), for ``SearchHit.score``."""
    squashed = min(max(float(score or 0.0) - (1.0 if all_words else 0.0), 0.0), 1.0 - 1e-7)
    return SCORE_SQUASH * squashed / (1.0 - squashed)


def hit_from_response(hit: dict[str, Any], snippet: str, *, score: float | None = None) -> SearchHit:
    source = hit["_source"]
    return SearchHit(
        page_id=int(source["page_id"]),
        slug=source["slug"],
        locale=source["locale"],
        title=source["title"],
        url=source["url"],
        type=source["type"],
        snippet=snippet,
        score=round(float(hit.get("_score") or 0.0) if score is None else score, 4),
    )


def suggested_words(suggest: dict[str, Any]) -> list[str]:
    """Every word the suggester saw and every candidate it proposed, once each."""
    words: dict[str, None] = {}
    for entry in suggest.get(SUGGESTER, ()):
        words[entry["text"]] = None
        for option in entry.get("options", ()):
            words[option["text"]] = None
    return list(words)


def build_vocabulary_body(
    audiences: Sequence[str], words: Sequence[str], *, hidden_page_ids: Collection[int] = ()
) -> dict[str, Any]:
    """Which of ``words`` occur in pages a reader holding ``audiences`` may see: a
    ``size: 0`` search over the reader's pages with one named filter per word (``w0``,
    ``w1``, ... in ``words`` order) matching it in ``spelling``."""
    return {
        "size": 0,
        "track_total_hits": False,
        "query": Q("bool", filter=reader_filters(audiences=audiences, hidden_page_ids=hidden_page_ids)).to_dict(),
        "aggs": {
            VOCABULARY: {
                "filters": {
                    "filters": {
                        f"w{position}": {"match": {"spelling": {"query": word, "operator": "and"}}}
                        for position, word in enumerate(words)
                    }
                }
            }
        },
    }


def reader_vocabulary(response: dict[str, Any], words: Sequence[str]) -> set[str]:
    """The ``words`` a ``build_vocabulary_body`` response found in the reader's pages."""
    buckets = response.get("aggregations", {}).get(VOCABULARY, {}).get("buckets", {})
    return {word for position, word in enumerate(words) if buckets.get(f"w{position}", {}).get("doc_count", 0) > 0}


def corrected_text(text: str, suggest: dict[str, Any], vocabulary: set[str]) -> str | None:
    """``text`` with each word the reader's ``vocabulary`` lacks replaced by the best
    candidate it holds (words it holds, and words without such a candidate, stay)."""
    corrections = []
    for entry in suggest.get(SUGGESTER, ()):
        if entry["text"] in vocabulary or is_filler(entry["text"]):
            continue
        option = next(
            (
                option
                for option in entry.get("options", ())
                if option["text"] in vocabulary and plausible_correction(entry["text"], option["text"])
            ),
            None,
        )
        if option is not None:
            corrections.append((entry["offset"], entry["offset"] + entry["length"], option["text"]))
    if not corrections:
        return None
    corrected = text
    for start, end, replacement in sorted(corrections, reverse=True):
        corrected = corrected[:start] + replacement + corrected[end:]
    return corrected if corrected != text else None


# --- Index maintenance (pure) ------------------------------------------------------------------

#: Elasticsearch index names: lowercase, none of ``\ / * ? " < > | , #`` nor a space or a
#: colon, not starting with ``-``, ``_`` or ``+``, at most 255 bytes. The prefix is held to
#: a stricter rule: it also becomes a synonyms set id and, with ``-v*``, a wildcard pattern.
INDEX_PREFIX_RE = re.compile(r"[a-z0-9][a-z0-9._-]*")
#: The longest suffix the prefix gets (``-pages-v`` and a 20-digit version).
LONGEST_SUFFIX = len("-pages-v") + len(INITIAL_VERSION)
MAX_INDEX_NAME_BYTES = 255
MAX_PREFIX_LENGTH = 100


def index_prefix_problems(prefix: object) -> list[str]:
    """Why ``prefix`` cannot be ``SEARCH_INDEX_PREFIX`` (empty when it can)."""
    if not isinstance(prefix, str) or not prefix:
        return ["it must be a non-empty string"]
    problems = []
    if prefix != prefix.lower():
        problems.append("Elasticsearch index names are lowercase")
    if not INDEX_PREFIX_RE.fullmatch(prefix.lower()):
        problems.append(
            "it may hold only a-z, 0-9, '.', '_' and '-', and must start with a letter or digit"
            ' (Elasticsearch forbids \\ / * ? " < > | , # spaces and colons, and a leading - _ +)'
        )
    if prefix in {".", ".."}:
        problems.append("'.' and '..' are not index names")
    too_long = len(prefix.encode()) + LONGEST_SUFFIX > MAX_INDEX_NAME_BYTES or len(prefix) > MAX_PREFIX_LENGTH
    if too_long:
        problems.append(f"it may be at most {MAX_PREFIX_LENGTH} characters")
    return problems


def initial_aliases(alias: str) -> dict[str, Any]:
    """The ``aliases`` of the first version (``search_index --create``): the write index."""
    return {alias: {"is_write_index": True}}


def alias_swap_actions(alias: str, new_index: str, previous: Sequence[str]) -> list[dict[str, Any]]:
    """The actions of ONE atomic ``update_aliases`` call moving ``alias`` to ``new_index``
    (marked the write index) and deleting the ``previous`` versions with it
    (``remove_index``): the alias can never point at two indices, nor at none.

    ``previous`` is every ``<alias>-v*`` index but the new one, listed under the rebuild
    lock. The pattern itself is not sent: it would match the new index too, and a
    ``remove_index`` of a pattern is resolved when the call runs."""
    old = sorted(name for name in set(previous) if name != new_index)
    actions: list[dict[str, Any]] = [{"add": {"index": new_index, "alias": alias, "is_write_index": True}}]
    if old:
        actions.append({"remove_index": {"indices": old}})
    return actions


def indices_safe_to_delete(candidates: Iterable[str], alias_targets: Iterable[str]) -> list[str]:
    """The ``candidates`` that the alias does NOT point at (checked just before deleting:
    the index the alias points at is never deleted, whatever a lost reply suggested)."""
    targets = set(alias_targets)
    return sorted(name for name in set(candidates) if name not in targets)


def lock_document(owner: str, now: datetime.datetime, ttl: datetime.timedelta) -> dict[str, str]:
    return {"owner": owner, "acquired_at": now.isoformat(), "expires_at": (now + ttl).isoformat()}


def lock_expired(document: dict[str, Any], now: datetime.datetime) -> bool:
    """An abandoned lock (its holder died): past ``expires_at``, or unreadable."""
    expires = _parse_datetime(document.get("expires_at"))
    return expires is None or expires <= now


def bulk_index_actions(documents: Iterable[SearchDocument], index: str) -> Iterator[dict[str, Any]]:
    for document in documents:
        yield {"_op_type": "index", "_index": index, "_id": str(document.page_id), "_source": document_source(document)}


def bulk_delete_actions(page_ids: Iterable[int], index: str) -> Iterator[dict[str, Any]]:
    for page_id in page_ids:
        yield {"_op_type": "delete", "_index": index, "_id": str(page_id)}


def bulk_item_failure(item: dict[str, Any]) -> str | None:
    """What went wrong with one bulk item (``{op_type: result}``), None when it applied.
    Deleting a document that is not there is not a failure (a missing INDEX is)."""
    ((op_type, result),) = item.items()
    status = int(result.get("status", 0))
    error = result.get("error")
    if status < 300 and not error:
        return None
    if op_type == "delete" and status == 404 and not error:
        return None
    kind = error.get("type", "") if isinstance(error, dict) else str(error or "")
    return f"{op_type} {result.get('_id', '?')}: HTTP {status} {kind}".strip()


def is_missing_index(error: object) -> bool:
    """A "no such index/alias" answer, whole (``NotFoundError``) or per bulk item."""
    if isinstance(error, NotFoundError):
        return error.error == INDEX_NOT_FOUND
    if isinstance(error, dict):  # a bulk item
        ((_op_type, result),) = error.items()
        kind = result.get("error", {})
        return isinstance(kind, dict) and kind.get("type") == INDEX_NOT_FOUND
    return False


def unavailable_error(error: BaseException, *, action: str, where: str) -> SearchUnavailable | None:
    """The ``SearchUnavailable`` an error of the client becomes (None: not the engine's).

    Connection errors and time-outs, every error answer (400s included: a request the
    server refuses is no reader's fault), bulk items refused and scroll failures all make
    search "unavailable" for a moment; a missing index is ``SearchIndexMissing``, whose
    message names the command that creates it."""
    if isinstance(error, SearchUnavailable):
        return error
    if isinstance(error, TransportError):
        return SearchUnavailable(f"Elasticsearch at {where} did not answer ({action}): {error.__class__.__name__}")
    if isinstance(error, ApiError):
        if is_missing_index(error):
            return SearchIndexMissing(f"The search index at {where} does not exist ({action}): run {CREATE_COMMAND}.")
        status = error.meta.status
        return SearchUnavailable(f"Elasticsearch at {where} could not {action} (HTTP {status} {error.error})")
    if isinstance(error, BulkIndexError):
        if any(is_missing_index(item) for item in error.errors):
            return SearchIndexMissing(f"The search index at {where} does not exist ({action}): run {CREATE_COMMAND}.")
        failures = [failure for failure in map(bulk_item_failure, error.errors) if failure]
        first = failures[0] if failures else str(error)
        return SearchUnavailable(f"Elasticsearch at {where} refused {len(error.errors)} changes ({action}); {first}")
    if isinstance(error, ScanError):
        return SearchUnavailable(f"Elasticsearch at {where} could not {action}: the scroll failed ({error})")
    return None


def _synonym_term(term: str) -> str:
    """An editor term as a rule may hold it: the characters the Solr parser treats as
    syntax (``=>`` mappings, ``\\`` escapes, a leading ``#`` comment) removed, and its stop
    words left out (``synonym_term_without_stop_words``: Elasticsearch would drop the whole
    rule)."""
    return synonym_term_without_stop_words(term.replace("\\", " ").replace("=>", " ").lstrip("#"))


def one_way_rule(terms: Sequence[str], expansions: Sequence[str]) -> str | None:
    """A one-way group (``synonyms.active_one_way_rules``) as a Solr explicit mapping: the
    terms, ``=>``, then the terms again and the expansions. An explicit mapping REPLACES
    what matched its left side with its right side (and ignores ``expand``), so the terms
    are repeated on the right: each term finds itself, the group's other terms and the
    expansions, and an expansion finds only itself, as ``SynonymSet.from_rules`` reads it.
    None when the group has no term or nothing to add."""

    def cleaned(words: Sequence[str]) -> list[str]:
        # ``_synonym_term``'s tokens, joined by spaces: no comma is left to split a rule.
        return list(dict.fromkeys(term for term in map(_synonym_term, words) if term))

    left = cleaned(terms)
    right = list(dict.fromkeys([*left, *cleaned(expansions)]))
    if not left or len(right) < 2:
        return None
    return f"{', '.join(left)} => {', '.join(right)}"


def _with_forms(terms: Sequence[str]) -> list[str]:
    """Editor terms with their article forms (``analysis.vocabulary_forms``), as
    ``SynonymSet`` reads them."""
    return [form for term in terms for form in vocabulary_forms(term)]


def synonyms_set_rules(
    groups: Iterable[Sequence[str]], one_way: Iterable[tuple[Sequence[str], Sequence[str]]] = ()
) -> list[dict[str, str]]:
    """The synonyms set body: the two-way ``groups`` as ``synonym_rules`` (Solr format,
    ``group-N``) and the ``one_way`` rules as explicit mappings (``one_way_rule``,
    ``one-way-N``), editor terms with their article forms (``analysis.vocabulary_forms``:
    «إلكتروني» also as «الإلكتروني») cleaned by ``_synonym_term``. Lucene merges the mappings
    of one left side, so a term in a two-way group and a one-way group finds both, as in
    ``SynonymSet.alternatives``."""
    cleaned = [[_synonym_term(form) for term in group for form in vocabulary_forms(term)] for group in groups]
    rules = [{"id": f"group-{number}", "synonyms": rule} for number, rule in enumerate(synonym_rules(cleaned), 1)]
    mappings = [
        rule for terms, expansions in one_way if (rule := one_way_rule(_with_forms(terms), _with_forms(expansions)))
    ]
    rules += [{"id": f"one-way-{number}", "synonyms": rule} for number, rule in enumerate(mappings, 1)]
    return rules


def _parse_datetime(value: str | None) -> datetime.datetime | None:
    return datetime.datetime.fromisoformat(value) if value else None


def _without_credentials(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


# --- The backend ------------------------------------------------------------------------------------


class ElasticsearchSearchBackend(SearchBackend):
    #: A remote cluster: publishing requests only write the outbox; the background applier
    #: (``search.indexing.BackgroundApplier``) and ``search_index --replay`` apply it.
    applies_changes_in_request = False

    def __init__(
        self,
        url: str,
        prefix: str,
        *,
        timeout: float | None = None,
        indexing_timeout: float | None = None,
        publish_timeout: float | None = None,
        transport_options: dict[str, Any] | None = None,
    ) -> None:
        """``transport_options``: more options for both clients (e.g. a ``node_class``:
        the unit tests pass a stub of the client's HTTP node)."""
        problems = index_prefix_problems(prefix)
        if problems:
            raise ImproperlyConfigured(f"SEARCH_INDEX_PREFIX {prefix!r}: {'; '.join(problems)}.")
        self.url = url
        self.prefix = prefix
        self.alias = f"{prefix}-pages"
        self.synonyms_set = f"{prefix}-synonyms"
        self.locks_index = f"{prefix}-locks"
        self.timeout = _setting(timeout, "ELASTICSEARCH_TIMEOUT", DEFAULT_TIMEOUT)
        self.indexing_timeout = _setting(indexing_timeout, "ELASTICSEARCH_INDEXING_TIMEOUT", DEFAULT_INDEXING_TIMEOUT)
        self.publish_timeout = _setting(publish_timeout, "ELASTICSEARCH_PUBLISH_TIMEOUT", DEFAULT_PUBLISH_TIMEOUT)
        self._options: dict[str, Any] = dict(transport_options or {})
        ca_certs = getattr(settings, "ELASTICSEARCH_CA_CERTS", "")
        if ca_certs:
            self._options["ca_certs"] = str(ca_certs)
        api_key = getattr(settings, "ELASTICSEARCH_API_KEY", "")
        # Building a client opens no connection: the first request does.
        self.client = Elasticsearch(
            url,
            request_timeout=self.timeout,
            max_retries=MAX_RETRIES,
            retry_on_timeout=False,
            **self._options,
            **({"api_key": api_key} if api_key else {}),
        )
        # Publishing (and replaying the outbox): one short try, no retry, no sleeping.
        self._writer = self.client.options(request_timeout=self.publish_timeout, max_retries=0, retry_on_timeout=False)
        self._admin_client: Elasticsearch | None = None

    def close(self) -> None:
        self.client.close()
        if self._admin_client is not None:
            self._admin_client.close()

    @property
    def _admin(self) -> Elasticsearch:
        """The client of ``search_index --create`` / ``--rebuild``: the administrative key
        (``ELASTICSEARCH_ADMIN_API_KEY``, else the ordinary one) and the long time-out."""
        if self._admin_client is None:
            key = getattr(settings, "ELASTICSEARCH_ADMIN_API_KEY", "") or getattr(settings, "ELASTICSEARCH_API_KEY", "")
            self._admin_client = Elasticsearch(
                self.url,
                request_timeout=self.indexing_timeout,
                max_retries=MAX_RETRIES,
                retry_on_timeout=False,
                **self._options,
                **({"api_key": key} if key else {}),
            )
        return self._admin_client

    # --- errors ----------------------------------------------------------------------------------

    @contextmanager
    def _engine(self, action: str) -> Iterator[None]:
        """Every error of the client becomes ``SearchUnavailable`` (``unavailable_error``);
        a missing index is also logged with the command that creates it."""
        try:
            yield
        except (ApiError, TransportError, BulkIndexError, ScanError) as error:
            unavailable = unavailable_error(error, action=action, where=_without_credentials(self.url))
            if isinstance(unavailable, SearchIndexMissing):
                logger.error(
                    "The search index %s does not exist: run `%s` with the administrative key"
                    " (ELASTICSEARCH_ADMIN_API_KEY). The web process never creates it.",
                    self.alias,
                    CREATE_COMMAND,
                )
            raise unavailable from error

    # --- index maintenance (search_index --create / --rebuild, the administrative key) ---------

    def version_name(self, when: datetime.datetime | None = None) -> str:
        when = when or datetime.datetime.now(datetime.UTC)
        return f"{self.alias}-v{when:%Y%m%d%H%M%S%f}"

    def _put_synonyms(self, client: Elasticsearch) -> None:
        rules = synonyms_set_rules(active_synonym_groups(), active_one_way_rules())
        client.synonyms.put_synonym(id=self.synonyms_set, synonyms_set=rules)

    def _create_index(self, name: str, *, aliases: dict[str, Any] | None = None, loading: bool = False) -> None:
        index_definition = index_settings(self.synonyms_set)
        if loading:
            index_definition = {**index_definition, "refresh_interval": "-1"}
        self._admin.indices.create(index=name, settings=index_definition, mappings=index_mappings(), aliases=aliases)

    def _ensure_locks_index(self) -> None:
        try:
            self._admin.indices.create(index=self.locks_index, settings=lock_index_settings(), mappings=LOCK_MAPPINGS)
        except BadRequestError as error:
            if error.error != ALREADY_EXISTS:
                raise

    @contextmanager
    def _lock(self, name: str = REBUILD_LOCK) -> Iterator[None]:
        """A lock across processes and machines: a document created with ``op_type=create``
        in ``<prefix>-locks`` (only one ``create`` of an id can succeed). A lock past its
        ``expires_at`` (``ELASTICSEARCH_LOCK_TTL`` seconds, the holder died) is taken over,
        by a delete conditional on the sequence number read, so two processes cannot both
        take it over. Released by a conditional delete too."""
        ttl = datetime.timedelta(seconds=float(getattr(settings, "ELASTICSEARCH_LOCK_TTL", DEFAULT_LOCK_TTL)))
        owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        client = self._admin
        created = None
        for _attempt in range(2):
            now = datetime.datetime.now(datetime.UTC)
            try:
                created = client.create(index=self.locks_index, id=name, document=lock_document(owner, now, ttl))
                break
            except ConflictError:
                held = client.options(ignore_status=404).get(index=self.locks_index, id=name)
                if held.get("found") and not lock_expired(held["_source"], now):
                    raise SearchIndexBusy(
                        f"Another process holds the search index {name} lock ({held['_source'].get('owner')},"
                        f" until {held['_source'].get('expires_at')}); try again when it has finished."
                    ) from None
                if held.get("found"):
                    client.options(ignore_status=(404, 409)).delete(
                        index=self.locks_index,
                        id=name,
                        if_seq_no=held["_seq_no"],
                        if_primary_term=held["_primary_term"],
                    )
        if created is None:
            raise SearchIndexBusy(f"Could not take the search index {name} lock.")
        try:
            yield
        finally:
            try:
                client.options(ignore_status=(404, 409)).delete(
                    index=self.locks_index,
                    id=name,
                    if_seq_no=created["_seq_no"],
                    if_primary_term=created["_primary_term"],
                )
            except (ApiError, TransportError):
                logger.exception("Could not release the search index %s lock (it expires by itself)", name)

    def _alias_targets(self, client: Elasticsearch | None = None) -> list[str]:
        try:
            return sorted((client or self.client).indices.get_alias(name=self.alias))
        except NotFoundError:
            return []

    def _versions(self) -> list[str]:
        """Every ``<alias>-v*`` index (with or without the alias)."""
        return sorted(self._admin.indices.get(index=f"{self.alias}-v*", expand_wildcards="open,closed"))

    def create(self) -> bool:
        """``search_index --create``: the synonyms set, the locks index and, if the alias
        does not exist yet, a first (empty) version as its write index. Idempotent; True
        when it created the alias. Needs the administrative key."""
        with self._engine("create the search index"):
            self._ensure_locks_index()
            with self._lock():
                self._put_synonyms(self._admin)
                if self._alias_targets(self._admin):
                    return False
                self._create_index(f"{self.alias}-v{INITIAL_VERSION}", aliases=initial_aliases(self.alias))
                return True

    def current_index(self) -> str | None:
        """The versioned index the alias points at (None before ``--create``)."""
        with self._engine("read the alias"):
            indices = self._alias_targets()
        return indices[-1] if indices else None

    def _bulk(
        self,
        client: Elasticsearch,
        actions: Iterable[dict[str, Any]],
        progress: Callable[[int], None] | None = None,
        *,
        max_retries: int = 0,
        **options,
    ) -> int:
        """Send ``actions``; raise ``BulkIndexError`` listing every item that did not apply
        (after the whole stream, so the others did)."""
        count = pending = 0
        failed: list[dict[str, Any]] = []
        for ok, item in helpers.streaming_bulk(
            client, actions, chunk_size=BULK_CHUNK_SIZE, max_retries=max_retries, raise_on_error=False, **options
        ):
            if not ok and bulk_item_failure(item):
                failed.append(item)
                continue
            count += 1
            pending += 1
            if progress is not None and pending >= BULK_CHUNK_SIZE:
                progress(pending)
                pending = 0
        if progress is not None and pending:
            progress(pending)
        if failed:
            raise BulkIndexError(f"{len(failed)} document(s) failed", failed)
        return count

    def index_documents(self, documents: Iterable[SearchDocument]) -> int:
        """Applying the outbox (the background applier, ``search_index --replay``; never a
        publishing request): one short try (``ELASTICSEARCH_PUBLISH_TIMEOUT``, no retry,
        no back-off sleep), through the alias only (``require_alias``: never creates an
        index). On failure the outbox keeps the change for the next replay.
        ``refresh="wait_for"``: the call returns once the change is searchable (the next
        periodic refresh), without forcing a refresh per change."""
        documents = list(documents)
        if not documents:
            return 0
        with self._engine("index pages"):
            return self._bulk(
                self._writer, bulk_index_actions(documents, self.alias), require_alias=True, refresh="wait_for"
            )

    def delete_documents(self, page_ids: Sequence[int]) -> None:
        page_ids = list(page_ids)
        if not page_ids:
            return
        with self._engine("remove pages"):
            self._bulk(self._writer, bulk_delete_actions(page_ids, self.alias), refresh="wait_for")

    def rebuild(self, documents: Iterable[SearchDocument], *, progress=None) -> int:
        """Under the rebuild lock: load a new version (refresh off), then in ONE
        ``update_aliases`` call make it the alias's write index and delete every older
        version (``alias_swap_actions``). If loading fails, the new version is deleted and
        the alias is left alone; if the swap's reply is lost, where the alias points is
        read back before anything is deleted."""
        name = self.version_name()
        client = self._admin
        with self._engine("rebuild the index"):
            self._ensure_locks_index()
            with self._lock():
                self._put_synonyms(client)
                self._create_index(name, loading=True)
                try:
                    count = self._bulk(client, bulk_index_actions(documents, name), progress, max_retries=3)
                    client.indices.put_settings(index=name, settings={"index": {"refresh_interval": None}})
                    client.indices.refresh(index=name)
                    previous = [version for version in self._versions() if version != name]
                except BaseException:
                    self._delete_unless_aliased([name])
                    raise
                try:
                    client.indices.update_aliases(actions=alias_swap_actions(self.alias, name, previous))
                except BaseException:
                    if name not in self._alias_targets(client):  # the swap did not happen
                        self._delete_unless_aliased([name])
                        raise
                    logger.warning("The alias swap's reply was lost, but %s now points at %s", self.alias, name)
        return count

    def _delete_unless_aliased(self, names: Sequence[str]) -> None:
        """Delete ``names``, minus any index the alias points at (read just before)."""
        try:
            doomed = indices_safe_to_delete(names, self._alias_targets(self._admin))
            if doomed:
                self._admin.options(ignore_status=404).indices.delete(index=",".join(doomed))
        except (ApiError, TransportError):
            logger.exception("Could not delete search indices %s", list(names))

    def clear(self) -> None:
        """Swap in an empty version (zero downtime, like any rebuild)."""
        self.rebuild([])

    def drop(self) -> None:
        """Delete everything under this prefix: the versions, the lock index and then the
        synonyms set (a set in use cannot go). For benchmarks and tests on their own
        prefix; never called by the application."""
        client = self._admin
        with self._engine("drop the search index"):
            names = sorted(client.indices.get(index=f"{self.alias}-v*", expand_wildcards="open,closed"))
            if names:
                client.options(ignore_status=404).indices.delete(index=",".join(names))
            client.options(ignore_status=404).indices.delete(index=self.locks_index)
            client.options(ignore_status=404).synonyms.delete_synonym(id=self.synonyms_set)

    def reload_synonyms(self) -> None:
        """Put the synonyms set (the search analyzers reload it). Run by the worker
        (``search_index --replay``, every minute from ``manage.py periodic``), never by the
        web process: it needs the cluster privilege ``manage_search_synonyms``, so it goes
        through the administrative client (``ELASTICSEARCH_ADMIN_API_KEY``). A failure
        raises ``SearchUnavailable`` and the outbox keeps the change for the next replay."""
        invalidate_synonyms()
        with self._engine("reload synonyms"):
            self._put_synonyms(self._admin)

    # --- reading ---------------------------------------------------------------------------------

    def indexed_states(self) -> dict[int, IndexedState]:
        found: dict[int, IndexedState] = {}
        with self._engine("list indexed pages"):
            for hit in helpers.scan(
                self.client,
                index=self.alias,
                query={"query": {"match_all": {}}, "_source": ["page_id", "last_updated", "audience"]},
                size=1000,
            ):
                source = hit["_source"]
                audience = source.get("audience") or []
                found[int(source["page_id"])] = IndexedState(
                    last_updated=_parse_datetime(source.get("last_updated")),
                    audiences=frozenset([audience] if isinstance(audience, str) else audience),
                )
        return found

    def _search(self, body: dict[str, Any]) -> dict[str, Any]:
        return self.client.search(index=self.alias, body=body).body

    @staticmethod
    def _reader_clauses(query: SearchQuery) -> list[TextClause]:
        """The query's clauses with the editors' synonyms, or none when there is nothing to
        ask (no audience the reader may see, or only stop words: then the synonyms are not
        even loaded)."""
        if not query.audiences or not query_clauses(query.text):
            return []
        return query_clauses(query.text, current_synonym_set())

    def search(self, query: SearchQuery) -> SearchResults:
        results = SearchResults(query=query.text, count=0, hits=[], facets={})
        clauses = self._reader_clauses(query)
        if not clauses:
            return results
        body = build_search_body(query, clauses)
        with self._engine("search"):
            response = self._search(body)
            typed = counts_from_response(response, len(clauses))
            suggest = response.get("suggest", {})
            found = clause_counts(response, len(clauses))
            understood = self._understood(clauses, found, response)
            if understood != clauses:
                # Some word found nothing (read as a typo / Arabizi) or is common (not
                # required for the all-words tier): ask again. The embedded rule: queries
                # whose words all find something and none of them common pay nothing more.
                clauses = understood
                body = build_search_body(query, clauses, suggest=False)
                response = self._search(body)
                found = clause_counts(response, len(clauses))
            counts, results.facets, results.hits = read_search_response(response, len(clauses), offset=body["from"])
            results.count = counts.results
            results.unmatched = unmatched_words(clauses, found)
            # "Did you mean" compares with what the reader's own words found.
            if typed.all_words < SUGGEST_BELOW:
                results.suggestion = self._suggestion(query, suggest, typed)
        return results

    def matching_page_ids(self, query: SearchQuery, page_ids: Iterable[int]) -> set[int]:
        ids = sorted(set(page_ids))
        clauses = self._reader_clauses(query) if ids else []
        if not clauses:
            return set()
        with self._engine("search"):
            response = self._search(build_membership_body(query, clauses, ids))
            understood = self._understood(clauses, clause_counts(response, len(clauses)), response)
            if understood != clauses:
                clauses = understood
                response = self._search(build_membership_body(query, clauses, ids))
        return members_from_response(response, len(clauses))

    @staticmethod
    def _understood(clauses: list[TextClause], found: list[int], response: dict[str, Any]) -> list[TextClause]:
        """The clauses once words that found nothing are rescued (``rescued_clauses``) and
        common ones no longer required (``with_required``), from a first response."""
        rescued = rescued_clauses(clauses, found) if not all(found) else clauses
        return with_required(rescued, found, language_totals(response))

    def _suggestion(self, query: SearchQuery, suggest: dict[str, Any], found: FoundCounts) -> str | None:
        words = suggested_words(suggest)
        if not words:
            return None
        vocabulary = reader_vocabulary(
            self._search(build_vocabulary_body(query.audiences, words, hidden_page_ids=query.hidden_page_ids)), words
        )
        suggestion = corrected_text((query.text or "")[:MAX_QUERY_CHARS], suggest, vocabulary)
        if suggestion is None:
            return None
        clauses = query_clauses(suggestion, current_synonym_set())
        if not clauses:
            return None
        corrected = counts_from_response(self._search(build_count_body(query, clauses)), len(clauses))
        finds_more = suggestion_finds_more(
            all_words=found.all_words,
            results=found.results,
            corrected_all_words=corrected.all_words,
            corrected_results=corrected.results,
        )
        return suggestion if finds_more else None

    def autocomplete(
        self,
        prefix: str,
        *,
        audiences: Sequence[str],
        languages: Sequence[str] = (),
        limit: int = 8,
        hidden_page_ids: Collection[int] = (),
    ) -> list[SearchHit]:
        text = autocomplete_text(prefix)
        if not text or not audiences or limit < 1:
            return []
        body = build_autocomplete_body(
            text, audiences=audiences, languages=languages, limit=limit, hidden_page_ids=hidden_page_ids
        )
        with self._engine("autocomplete"):
            response = self._search(body)
        hits = []
        for hit in response["hits"]["hits"]:
            fragments = hit.get("highlight", {}).get("title.autocomplete")
            snippet = clean_fragment(fragments[0]) if fragments else html.escape(hit["_source"]["title"])
            hits.append(hit_from_response(hit, snippet))
        return hits
