"""The Elasticsearch index for knowledge pages, defined with elasticsearch-dsl.

Every rule-like part (stop lists, the article pattern, the marks removed from spelling
suggestions) is generated from ``search.analysis``, the one home of the analysis rules;
Lucene's own filters are used where they ARE the Python port (``decimal_digit``,
``arabic_normalization``, ``stemmer`` arabic / english / possessive_english).

Analyzers (standard tokenizer everywhere, behind the ``number_separators`` char filter,
which turns the separators the standard tokenizer keeps inside a number, «1,000»,
«١٬٠٠٠», «3٫5», into spaces so numbers split where the Python tokenizer splits them):

- ``ar_index``: lowercase → decimal_digit → stop (Arabic table, BEFORE normalisation, as
  Lucene does) → arabic_normalization → protected names (``protected_name_filters``:
  marked, then ``keyword_marker``) → Arabic light stemmer. Elasticsearch's ``arabic``
  plus the protected names.
- ``ar_search``: ``ar_index`` + ``synonym_graph`` (editor synonyms, ``updateable``). The
  synonym filter comes LAST, after normalisation and stemming, so Elasticsearch parses
  each rule through the whole chain, exactly as ``SynonymSet`` analyses groups with
  ``analyze`` («المستفيدين» → «مستفيد» finds a rule written «مستفيد»).
- ``en_index``: possessive → lowercase → decimal_digit → stop (English table) → Porter
  (Lucene's PorterStemmer, which ``search.porter`` ports); ``en_search`` adds the same
  synonym filter. ``decimal_digit`` is there because the Python English chain folds
  digits too, so «24» matches «٢٤» in either chain.
- ``ar_exact``: lowercase → decimal_digit → both stop lists → arabic_normalization, no
  stemming (``search.analysis.exact_terms``): phrase and exact boosts.
- ``autocomplete_index``: lowercase → decimal_digit → arabic_normalization → article
  stripping → edge_ngram 2–20; ``autocomplete_search`` stops before the n-grams
  (``search.analysis.autocomplete_terms``) and cuts a typed word to 20 characters (the
  longest n-gram), so «خدما» and «الخدما» find «الخدمات» and a long word still matches.
- ``en_prefix`` (``title_prefix``, ``search_as_you_type``): possessive → lowercase →
  decimal_digit, unstemmed, for English as-you-type ranking.
- ``spelling`` (title, summary and search keywords copied in, as the embedded vocabulary):
  lowercase → decimal_digit → both stop lists → tatweel and harakat removed: the display
  form «did you mean» offers (it keeps hamza and teh marbuta). A word of a page's title or
  summary is "known" and never corrected.

``page_id`` is numeric (``long``): the tie-break of equal scores sorts 9 before 10.

Bilingual text: every text field is analysed by BOTH chains (the field itself with the
Arabic one, ``.en`` with the English one). The backend sends each run of Arabic-script
query words to the Arabic fields and every other run to the ``.en`` fields, which is what
the embedded backend does token by token (a token takes the chain of its script).

The search analyzers name a synonyms set (``synonyms_set``), which depends on the
deployment's index prefix, so they are added per index by ``page_index`` rather than
declared on the static ``PageDocument``.
"""

from __future__ import annotations

from typing import Any

from elasticsearch.dsl import (
    Date,
    Document,
    Index,
    Keyword,
    Long,
    MetaField,
    SearchAsYouType,
    Text,
    analyzer,
    char_filter,
    token_filter,
)

from search.analysis import (
    LANG_ARABIC,
    LANG_ENGLISH,
    NAME_MARK,
    elasticsearch_article_pattern,
    elasticsearch_marks_pattern,
    elasticsearch_number_separator_pattern,
    elasticsearch_protected_name_pattern,
    elasticsearch_protected_names,
    elasticsearch_stop_words,
)
from search.backends.base import SearchDocument

AUTOCOMPLETE_MIN_GRAM = 2
AUTOCOMPLETE_MAX_GRAM = 20
NUMBER_OF_SHARDS = 1  # a knowledge base of thousands of pages: one shard, exact statistics

# --- Token filters (generated from search.analysis) ----------------------------------------

arabic_stop = token_filter("arabic_stop", "stop", stopwords=elasticsearch_stop_words(LANG_ARABIC))
english_stop = token_filter("english_stop", "stop", stopwords=elasticsearch_stop_words(LANG_ENGLISH))
arabic_stemmer = token_filter("arabic_stemmer", "stemmer", language="arabic")
english_possessive = token_filter("english_possessive", "stemmer", language="possessive_english")
english_stemmer = token_filter("english_stemmer", "stemmer", language="english")  # Porter
arabic_article = token_filter(
    "arabic_article", "pattern_replace", pattern=elasticsearch_article_pattern(), replacement="", all=False
)
autocomplete_edge_ngram = token_filter(
    "autocomplete_edge_ngram", "edge_ngram", min_gram=AUTOCOMPLETE_MIN_GRAM, max_gram=AUTOCOMPLETE_MAX_GRAM
)
spelling_marks = token_filter(
    "spelling_marks", "pattern_replace", pattern=elasticsearch_marks_pattern(), replacement=""
)

#: The standard tokenizer keeps «1,000» and «١٬٠٠٠» whole; the Python tokenizer splits them.
#: This char filter turns such separators into spaces first (same length: offsets hold).
number_separators = char_filter(
    "number_separators", "pattern_replace", pattern=elasticsearch_number_separator_pattern(), replacement=" "
)
CHAR_FILTERS = [number_separators]
#: Typed words longer than the longest indexed n-gram are cut to it, so they still match.
autocomplete_truncate = token_filter("autocomplete_truncate", "truncate", length=AUTOCOMPLETE_MAX_GRAM)

SYNONYM_FILTER = "editor_synonyms"


def protected_name_filters() -> list:
    """``search/vocabulary/protected_names.yaml`` in the Arabic chain, between normalisation
    and the stemmer, as ``analysis.protected_name`` works: ``protected_names`` (a
    ``pattern_replace``) turns a name, alone or with a clinging و/ب/ل/ف, into the name
    plus ``NAME_MARK`` (tatweel, which normalisation removed from every other token, so
    the name never meets the common word: «التواصل» stems to «تواصل», the app «تواصل»
    is «تواصلـ»); ``protected_names_keywords`` (``keyword_marker``) then keeps the
    stemmer off it. Empty without protected names."""
    generated = elasticsearch_protected_name_pattern()
    if generated is None:
        return []
    pattern, replacement = generated
    return [
        token_filter("protected_names", "pattern_replace", pattern=pattern, replacement=replacement),
        token_filter(
            "protected_names_keywords",
            "keyword_marker",
            keywords=[name + NAME_MARK for name in elasticsearch_protected_names()],
        ),
    ]


# --- Chains -------------------------------------------------------------------------------------

ARABIC_CHAIN = [
    "lowercase",
    "decimal_digit",
    arabic_stop,
    "arabic_normalization",
    *protected_name_filters(),
    arabic_stemmer,
]
ENGLISH_CHAIN = [english_possessive, "lowercase", "decimal_digit", english_stop, english_stemmer]
AUTOCOMPLETE_CHAIN = ["lowercase", "decimal_digit", "arabic_normalization", arabic_article]


def _standard(name: str, chain: list) -> Any:
    """An analyzer of the standard tokenizer behind the number-separator char filter."""
    return analyzer(name, tokenizer="standard", char_filter=CHAR_FILTERS, filter=chain)


ar_index = _standard("ar_index", ARABIC_CHAIN)
en_index = _standard("en_index", ENGLISH_CHAIN)
ar_exact = _standard("ar_exact", ["lowercase", "decimal_digit", arabic_stop, english_stop, "arabic_normalization"])
autocomplete_index = _standard("autocomplete_index", [*AUTOCOMPLETE_CHAIN, autocomplete_edge_ngram])
autocomplete_search = _standard("autocomplete_search", [*AUTOCOMPLETE_CHAIN, autocomplete_truncate])
en_prefix = _standard("en_prefix", [english_possessive, "lowercase", "decimal_digit"])
spelling_analyzer = _standard("spelling", ["lowercase", "decimal_digit", arabic_stop, english_stop, spelling_marks])

AR_SEARCH = "ar_search"
EN_SEARCH = "en_search"


def synonym_filter(synonyms_set: str):
    """The editor synonyms: a synonyms set (``PUT _synonyms/<set>``), reloaded by
    Elasticsearch whenever the set changes. ``updateable`` filters may only run at search
    time; ``lenient`` skips a rule the chain cannot parse (e.g. one made only of stop
    words) instead of failing the analyzer."""
    return token_filter(SYNONYM_FILTER, "synonym_graph", synonyms_set=synonyms_set, updateable=True, lenient=True)


def search_analyzers(synonyms_set: str) -> list:
    synonyms = synonym_filter(synonyms_set)
    return [
        _standard(AR_SEARCH, [*ARABIC_CHAIN, synonyms]),
        _standard(EN_SEARCH, [*ENGLISH_CHAIN, synonyms]),
    ]


# --- The document --------------------------------------------------------------------------------


def _text(*, autocomplete: bool = False, spelling: bool = True, multi: bool = False) -> Text:
    fields: dict[str, Any] = {
        "en": Text(analyzer=en_index, search_analyzer=EN_SEARCH),
        "exact": Text(analyzer=ar_exact),
    }
    if autocomplete:
        fields["autocomplete"] = Text(analyzer=autocomplete_index, search_analyzer=autocomplete_search)
    options: dict[str, Any] = {"copy_to": "spelling"} if spelling else {}
    if multi:
        options["multi"] = True
    return Text(analyzer=ar_index, search_analyzer=AR_SEARCH, fields=fields, **options)


class PageDocument(Document):
    """One live knowledge page in one language (``SearchDocument``)."""

    page_id = Long()  # numeric: the tie-break sorts 9 before 10 (a keyword sorts "10" first)
    slug = Keyword()
    locale = Keyword()
    type = Keyword()
    agency = Keyword()
    channels = Keyword(multi=True)
    tags = Keyword(multi=True)
    audience = Keyword(multi=True)  # the page's audience keys
    url = Keyword(index=False)
    last_updated = Date()
    title = _text(autocomplete=True)
    summary = _text()
    body = _text(spelling=False)  # the spelling vocabulary is titles and summaries, as embedded
    #: The page's search keywords, one value per phrase: searched with the summary's weight
    #: and in the spelling vocabulary (the embedded backend counts them as summary text).
    keywords = _text(multi=True)
    title_prefix = SearchAsYouType(analyzer=en_prefix)
    spelling = Text(analyzer=spelling_analyzer)

    class Meta:
        dynamic = MetaField("strict")

    @classmethod
    def from_search_document(cls, document: SearchDocument) -> PageDocument:
        return cls(
            meta={"id": str(document.page_id)},
            page_id=document.page_id,
            slug=document.slug,
            locale=document.locale,
            type=document.type,
            agency=document.agency or None,
            channels=list(document.channels),
            tags=list(document.tags),
            audience=list(document.audiences),
            url=document.url,
            last_updated=document.last_updated,
            title=document.title,
            summary=document.summary,
            body=document.body,
            keywords=list(document.keywords),
            title_prefix=document.title,
        )


def page_index(name: str, *, synonyms_set: str) -> Index:
    """The full definition of one versioned pages index (settings, analysis, mappings)."""
    index = Index(name)
    index.settings(number_of_shards=NUMBER_OF_SHARDS)
    mapping = PageDocument._doc_type.mapping
    index.mapping(mapping)
    index.get_or_create_mapping().meta("dynamic", mapping._meta["dynamic"])
    for search_analyzer in search_analyzers(synonyms_set):
        index.analyzer(search_analyzer)
    return index


def index_settings(synonyms_set: str) -> dict[str, Any]:
    """The ``settings`` body of a new pages index (analysis included)."""
    return page_index("pages", synonyms_set=synonyms_set).to_dict()["settings"]


def index_mappings() -> dict[str, Any]:
    """The ``mappings`` body of a new pages index."""
    return PageDocument._doc_type.mapping.to_dict()


def document_source(document: SearchDocument) -> dict[str, Any]:
    """What the index stores for ``document`` (``_source``), empty values left out."""
    return PageDocument.from_search_document(document).to_dict()


# --- The rebuild lock --------------------------------------------------------------------------

#: ``<prefix>-locks`` holds one document per lock (``search.backends.elasticsearch``).
LOCK_MAPPINGS: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {"owner": {"type": "keyword"}, "acquired_at": {"type": "date"}, "expires_at": {"type": "date"}},
}


def lock_index_settings() -> dict[str, Any]:
    return {"number_of_shards": 1, "auto_expand_replicas": "0-1"}
