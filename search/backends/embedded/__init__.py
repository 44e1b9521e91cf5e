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
first, then any word. The clauses' bitsets give the pages matching every required clause
(an AND of bitsets; a clause on at least half of the reader's pages in its language is
not required while another is not, ``base.required_clauses``); when those are fewer than
``AND_FIRST_PAGE`` and the query has several clauses, one extra evaluation (an OR of the
same bitsets) gives the pages matching any clause, and the result set is ranked in two
tiers: the pages with every required clause first, then the others, each tier by score
(the title boosts re-rank inside a tier, never across). Counts and facets are over the
result set. Each Arabic word's clause also holds its article variants
(``search.analysis.article_forms``), as alternatives of that clause.

Ranking: each clause adds the best of its alternatives' shares of FTS5's ``bm25`` for the
page (Lucene's ``DisjunctionMaxQuery`` with tie-breaker 0: two synonyms on one page count
the idea once); bm25 (weights 10/4/1/0, k1 = 1.2, b = 0.75, FTS5's IDF and length
normalisation) is computed here, with the same floating-point operations, from the
postings and the page lengths (``stats_g``), so it can be computed for chosen pages only:
FTS5 computes it for every match and re-reads each phrase's whole doclist for its IDF. A
phrase's share is FTS5's own bm25 of that phrase alone (bm25 is a sum over phrases), so a
query whose clauses have one alternative each scores exactly FTS5's bm25. Up to
``exact_rank_limit`` matches, every match is scored: the ranking is exact.
Above, the candidates are the champions of the query's terms (shared by IDF), every
match of its rarer terms, and the (shortest) matches strong for the most of its phrases;
they are scored exactly and ranked first, the other matches after them (so pages never
overlap). The top is still exact whenever the scores prove
it, i.e. the ``window``-th candidate scores at least the sum over the clauses of their
alternatives' best bound (``last_rank_was_exact``); otherwise it can differ from the
exact ranking only among pages the
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

Modules: ``schema`` (constants, tables of a generation, connection), ``bitsets``, ``writer``
(indexing, rebuilds, derived data), ``ranking`` (plans, matching, facets, bm25),
``spelling`` ("did you mean"), ``autocomplete``, ``backend`` (the class composing them).
Snippets and display forms shared with Elasticsearch live in ``search.snippets``.
"""

from search.backends.embedded.backend import EmbeddedSearchBackend
from search.backends.embedded.bitsets import _bits_bytes, _bits_from_ids, _ids_from_bits
from search.backends.embedded.schema import (
    BM25_B,
    BM25_K1,
    CHAMPIONS,
    COLUMN_WEIGHTS,
    EXACT_RANK_LIMIT,
    HEAVY_DF,
    MAX_QUERY_CHARS,
    MAX_QUERY_TERMS,
    _match_expression,
)
from search.snippets import SNIPPET_CHARS, _display_form, display_form, highlight_title_prefix, make_snippet

__all__ = [
    "BM25_B",
    "BM25_K1",
    "CHAMPIONS",
    "COLUMN_WEIGHTS",
    "EXACT_RANK_LIMIT",
    "HEAVY_DF",
    "MAX_QUERY_CHARS",
    "MAX_QUERY_TERMS",
    "SNIPPET_CHARS",
    "EmbeddedSearchBackend",
    "_bits_bytes",
    "_bits_from_ids",
    "_display_form",
    "_ids_from_bits",
    "_match_expression",
    "display_form",
    "highlight_title_prefix",
    "make_snippet",
]
