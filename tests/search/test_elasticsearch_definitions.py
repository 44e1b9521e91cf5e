"""What the Elasticsearch backend would send, checked without a server: the index
definition (serialised by elasticsearch-dsl), the request bodies, the bulk and alias
actions, and how the backend behaves when the server cannot be reached.

The analysis tests assert against the tables of ``search.analysis`` (so drift fails) and
check the generated analyzer DEFINITIONS: their filters' order and serialisation, read by a
small interpreter built from the Python ports of Lucene's filters, so a wrong filter order,
a missing rule or a wrong parameter shows up as a different token stream. They cannot tell
whether Elasticsearch's own filters behave like the Python ports (that is what the ports'
Lucene test vectors are for) nor what the server's analyzers really do: the comparison of
the server's ``_analyze`` output with the Python chain is in
tests/search/test_elasticsearch_integration.py, which runs when ``ELASTICSEARCH_URL`` is set."""

from __future__ import annotations

import datetime
import html
import itertools
import re
import socket
import threading
import time
from array import array

import pytest
import regex

from search.analysis import (
    ARABIC_STOP_WORDS,
    ENGLISH_STOP_WORDS,
    HARAKAT,
    LANG_ARABIC,
    LANG_ENGLISH,
    NAME_MARK,
    TATWEEL,
    SynonymSet,
    analyze,
    analyze_token,
    autocomplete_terms,
    elasticsearch_article_pattern,
    elasticsearch_marks_pattern,
    elasticsearch_number_separator_pattern,
    elasticsearch_protected_name_pattern,
    exact_terms,
    fold_digits,
    is_arabic,
    normalize_arabic,
    protected_name,
    stem_arabic,
    stem_english,
    strip_arabic_article,
    strip_english_possessive,
    synonym_rules,
    tokenize,
)
from search.backends import get_search_backend, reset_search_backends
from search.backends.base import AND_FIRST_PAGE, FACET_FIELDS, SearchDocument, SearchQuery, SearchUnavailable
from search.backends.elasticsearch import (
    ALL_WORDS,
    ARABIZI_FIELDS,
    CLAUSES,
    MAX_RESULT_WINDOW,
    READER_LANGUAGES,
    SCORE_SQUASH,
    SNIPPET_FALLBACK_FIELDS,
    SNIPPET_FIELDS,
    SQUASH_SCRIPT,
    SUGGEST_OPTIONS,
    TEXT_FIELDS,
    ElasticsearchSearchBackend,
    FoundCounts,
    TextClause,
    alias_swap_actions,
    all_clauses_filter,
    any_clause_query,
    autocomplete_text,
    build_autocomplete_body,
    build_count_body,
    build_membership_body,
    build_search_body,
    build_vocabulary_body,
    bulk_delete_actions,
    bulk_index_actions,
    clause_counts_aggregation,
    clean_fragment,
    corrected_text,
    counts_from_response,
    facets_from_aggregations,
    members_from_response,
    query_clauses,
    read_search_response,
    reader_languages_aggregation,
    reader_vocabulary,
    snippet_from_highlight,
    suggested_words,
    synonyms_set_rules,
    text_score,
)
from search.backends.embedded import _display_form
from search.es_documents import PageDocument, index_mappings, index_settings, page_index
from search.understanding import query_clauses as understood_clauses
from tests.search.backend_suite import CORPUS, NOW, _doc
from tests.search.test_analysis import TRICKY_ARABIC

SYNONYMS_SET = "tamayuz-test-synonyms"


@pytest.fixture(scope="module")
def settings_body():
    return index_settings(SYNONYMS_SET)


@pytest.fixture(scope="module")
def analysis(settings_body):
    return settings_body["analysis"]


@pytest.fixture(scope="module")
def mappings():
    return index_mappings()


def chain(analysis, name: str) -> list[str]:
    return analysis["analyzer"][name]["filter"]


# --- An interpreter for the generated definitions (NOT the server) -------------------------------

#: Lucene's built-in filters that the Python module ports (pinned by Lucene's test vectors).
BUILTIN_FILTERS = {"lowercase": str.lower, "decimal_digit": fold_digits, "arabic_normalization": normalize_arabic}
STEMMERS = {"arabic": stem_arabic, "english": stem_english, "possessive_english": strip_english_possessive}


def run_analyzer(analysis, name: str, text: str) -> list[str]:
    """The token stream a generated analyzer definition describes, with the Python ports
    standing in for Lucene's filters and ``TOKEN_RE`` for the standard tokenizer."""
    definition = analysis["analyzer"][name]
    assert definition["tokenizer"] == "standard"
    for char_filter_name in definition.get("char_filter", ()):
        spec = analysis["char_filter"][char_filter_name]
        assert spec["type"] == "pattern_replace", spec
        text = regex.sub(spec["pattern"], spec["replacement"], text)
    tokens = [surface for surface, _, _ in tokenize(text)]
    keywords: set[str] = set()  # tokens a keyword_marker marked (KeywordAttribute)
    for filter_name in definition["filter"]:
        if filter_name in BUILTIN_FILTERS:
            tokens = [BUILTIN_FILTERS[filter_name](token) for token in tokens]
            continue
        spec = analysis["filter"][filter_name]
        kind = spec["type"]
        if kind == "stop":
            stop = set(spec["stopwords"])
            tokens = [token for token in tokens if token not in stop]
        elif kind == "stemmer":
            tokens = [token if token in keywords else STEMMERS[spec["language"]](token) for token in tokens]
        elif kind == "keyword_marker":
            keywords |= set(spec["keywords"]) & set(tokens)
        elif kind == "pattern_replace":
            pattern = re.compile(spec["pattern"])
            count = 0 if spec.get("all", True) else 1
            # Java's "$1" is Python's "\g<1>" (a group that took no part gives "" in both).
            replacement = re.sub(r"\$(\d)", r"\\g<\1>", spec["replacement"])
            tokens = [pattern.sub(replacement, token, count=count) for token in tokens]
        elif kind == "truncate":
            tokens = [token[: spec["length"]] for token in tokens]
        elif kind == "edge_ngram":
            low, high = spec["min_gram"], spec["max_gram"]
            tokens = [token[:size] for token in tokens for size in range(low, min(high, len(token)) + 1)]
        elif kind == "synonym_graph":
            continue  # editor data, checked separately
        else:  # pragma: no cover - a new filter type needs a port here
            raise AssertionError(f"no Python port for filter type {kind!r}")
    return [token for token in tokens if token]


ARABIC_WORDS = [text for text, _ in TRICKY_ARABIC] + ["الاستمارة", "زنجبيلية", "الشَّكْوَى", "٤٨", "۴۸", "إلى"]
#: The protected name «تواصل» (search/vocabulary/protected_names.yaml), with clinging letters,
#: and the common word it resembles.
ARABIC_WORDS += ["تواصل", "وتواصل", "بتواصل", "لتواصل", "فتواصل", "التواصل", "للتواصل", "كتواصل", "تواصلي"]
ENGLISH_WORDS = ["Complaints", "customer's", "calling", "politely", "The", "24", "don't", "3.5", "Tawasul"]
SENTENCES = [document.title + " " + document.summary + " " + document.body for document in CORPUS]


@pytest.mark.parametrize("word", ARABIC_WORDS)
def test_generated_arabic_definitions_list_the_python_chains_filters_in_order(analysis, word):
    expected = analyze_token(word)
    assert run_analyzer(analysis, "ar_index", word) == ([expected] if expected else [])
    assert run_analyzer(analysis, "ar_search", word) == run_analyzer(analysis, "ar_index", word)


@pytest.mark.parametrize("word", ENGLISH_WORDS)
def test_generated_english_definitions_list_the_python_chains_filters_in_order(analysis, word):
    expected = analyze_token(word)
    assert run_analyzer(analysis, "en_index", word) == ([expected] if expected else [])
    assert run_analyzer(analysis, "en_search", word) == run_analyzer(analysis, "en_index", word)


@pytest.mark.parametrize("text", SENTENCES)
def test_each_script_takes_its_own_fields_generated_chain(analysis, text):
    """The embedded backend analyses token by token; the index does it per subfield and
    the backend sends each script's words to that script's fields (definitions, interpreted)."""
    words = [surface for surface, _, _ in tokenize(text) if analyze_token(surface)]
    ar_terms = set(run_analyzer(analysis, "ar_index", text))
    en_terms = set(run_analyzer(analysis, "en_index", text))
    assert {analyze_token(word) for word in words if is_arabic(word)} <= ar_terms
    assert {analyze_token(word) for word in words if not is_arabic(word)} <= en_terms
    assert set(analyze(text)) <= ar_terms | en_terms


@pytest.mark.parametrize("text", SENTENCES + ARABIC_WORDS + ENGLISH_WORDS)
def test_generated_exact_definition_orders_the_filters_of_exact_terms(analysis, text):
    assert run_analyzer(analysis, "ar_exact", text) == exact_terms(text)


@pytest.mark.parametrize(
    "text", ["خدما", "الخدما", "دليل مراكز الخدمات", "للمستفيدين", "والد", "Complaint Handling", "إجراءات"]
)
def test_generated_autocomplete_search_definition_orders_the_filters_of_autocomplete_terms(analysis, text):
    assert run_analyzer(analysis, "autocomplete_search", text) == autocomplete_terms(text)


def test_generated_autocomplete_index_definition_adds_edge_ngrams_of_two_to_twenty(analysis):
    grams = run_analyzer(analysis, "autocomplete_index", "دليل مراكز الخدمات")
    assert {"خد", "خدم", "خدما", "خدمات", "دل", "مراكز"} <= set(grams)
    assert "ال" not in grams and "الخ" not in grams  # the article is gone before the n-grams
    assert min(map(len, grams)) == 2
    assert max(map(len, run_analyzer(analysis, "autocomplete_index", "ا" * 30))) == 20
    # A typed word longer than the longest n-gram is cut to it, so it still finds its title.
    assert run_analyzer(analysis, "autocomplete_search", "ب" * 30) == ["ب" * 20]


@pytest.mark.parametrize("text", SENTENCES)
def test_generated_spelling_definition_gives_the_display_form(analysis, text):
    expected = [_display_form(surface) for surface, _, _ in tokenize(text) if analyze_token(surface) is not None]
    assert run_analyzer(analysis, "spelling", text) == expected


# --- The analysis settings against the tables --------------------------------------------------


def test_stop_filters_hold_exactly_the_analysis_tables(analysis):
    assert analysis["filter"]["arabic_stop"] == {"type": "stop", "stopwords": list(ARABIC_STOP_WORDS)}
    assert analysis["filter"]["english_stop"] == {"type": "stop", "stopwords": list(ENGLISH_STOP_WORDS)}


def test_article_pattern_is_generated_from_the_prefix_table(analysis):
    assert analysis["filter"]["arabic_article"] == {
        "type": "pattern_replace",
        "pattern": elasticsearch_article_pattern(),
        "replacement": "",
        "all": False,
    }
    pattern = re.compile(elasticsearch_article_pattern())
    for word in ("الخدمات", "والخدمات", "بالمركز", "كالعادة", "فالموظف", "للعميل", "ال", "الو", "الحق", "لل", "اللغة"):
        assert pattern.sub("", word, count=1) == strip_arabic_article(word), word


def test_marks_pattern_removes_exactly_tatweel_and_harakat(analysis):
    assert analysis["filter"]["spelling_marks"]["pattern"] == elasticsearch_marks_pattern()
    pattern = re.compile(elasticsearch_marks_pattern())
    for char in (TATWEEL, *HARAKAT):
        assert pattern.sub("", f"ب{char}ب") == "بب"
    for kept in ("ء", "أ", "ة", "ى", "\u0670", "ٱ", "a"):
        assert pattern.sub("", kept) == kept


def test_every_analyzer_attaches_the_number_separator_char_filter(analysis):
    """Where the split happens is checked by the next test (the pattern applied in Python)."""
    assert analysis["char_filter"] == {
        "number_separators": {
            "type": "pattern_replace",
            "pattern": elasticsearch_number_separator_pattern(),
            "replacement": " ",
        }
    }
    assert all(definition["char_filter"] == ["number_separators"] for definition in analysis["analyzer"].values())


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("1,000", ["1", "000"]),
        ("١٬٠٠٠", ["1", "000"]),
        ("1،000", ["1", "000"]),
        ("1;000", ["1", "000"]),
        ("3٫5", ["3", "5"]),
        ("3.5", ["3.5"]),  # a full stop joins in both tokenizers
        ("x,y", ["x", "y"]),
    ],
)
def test_the_number_separator_pattern_leaves_python_tokens(analysis, text, tokens):
    """The char filter replaces one character by one (offsets hold); after it the text
    tokenises as ``TOKEN_RE`` does, where the standard tokenizer kept «1,000» whole."""
    replaced = regex.sub(elasticsearch_number_separator_pattern(), " ", text)
    assert len(replaced) == len(text)
    assert [token for token, _, _ in tokenize(replaced)] == [surface for surface, _, _ in tokenize(text)]
    assert run_analyzer(analysis, "ar_exact", text) == tokens


def test_every_filter_an_analyzer_names_is_builtin_or_defined(analysis):
    for definition in analysis["analyzer"].values():
        for name in definition["filter"]:
            assert name in BUILTIN_FILTERS or name in analysis["filter"], name


def test_every_analyzer_the_mapping_names_is_defined(analysis, mappings):
    def walk(properties):
        for field in properties.values():
            yield field
            yield from walk(field.get("fields", {}))

    for field in walk(mappings["properties"]):
        for key in ("analyzer", "search_analyzer"):
            if key in field:
                assert field[key] in analysis["analyzer"], field[key]


# --- Analyzer chains ------------------------------------------------------------------------------


def test_arabic_chain_is_lucenes_order(analysis):
    assert chain(analysis, "ar_index") == [
        "lowercase",
        "decimal_digit",
        "arabic_stop",
        "arabic_normalization",
        "protected_names",
        "protected_names_keywords",
        "arabic_stemmer",
    ]
    assert analysis["filter"]["arabic_stemmer"] == {"type": "stemmer", "language": "arabic"}


def test_protected_names_are_marked_then_kept_from_the_stemmer(analysis):
    """search/vocabulary/protected_names.yaml («تواصل») in the generated Arabic chain:
    a ``pattern_replace`` marks the name (alone or after و/ب/ل/ف) with tatweel, as
    ``analysis.protected_name`` does, and a ``keyword_marker`` listing the marked names
    keeps the stemmer off them (it must come before the stemmer)."""
    assert analysis["filter"]["protected_names"] == {
        "type": "pattern_replace",
        "pattern": "^(?:(تواصل)|[وبلف](تواصل))$",
        "replacement": "$1$2" + NAME_MARK,
    }
    assert analysis["filter"]["protected_names_keywords"] == {
        "type": "keyword_marker",
        "keywords": ["تواصل" + NAME_MARK],
    }
    assert run_analyzer(analysis, "ar_index", "تواصل وتواصل التواصل للتواصل") == [
        "تواصل" + NAME_MARK,
        "تواصل" + NAME_MARK,
        "تواصل",
        "تواصل",
    ]


def test_the_protected_names_pattern_reads_like_protected_name():
    pattern, replacement = elasticsearch_protected_name_pattern()
    python_replacement = re.sub(r"\$(\d)", r"\\g<\1>", replacement)
    for word in ["تواصل", "وتواصل", "بتواصل", "لتواصل", "فتواصل", "كتواصل", "التواصل", "تواصلي", "وصل"]:
        term = normalize_arabic(word)
        marked = re.sub(pattern, python_replacement, term)
        assert (marked if marked != term else None) == protected_name(term), word


def test_english_chain_is_possessive_lowercase_stop_porter(analysis):
    assert chain(analysis, "en_index") == [
        "english_possessive",
        "lowercase",
        "decimal_digit",
        "english_stop",
        "english_stemmer",
    ]
    assert analysis["filter"]["english_possessive"] == {"type": "stemmer", "language": "possessive_english"}
    assert analysis["filter"]["english_stemmer"] == {"type": "stemmer", "language": "english"}  # Porter


def test_exact_chain_has_no_stemmer(analysis):
    assert chain(analysis, "ar_exact") == [
        "lowercase",
        "decimal_digit",
        "arabic_stop",
        "english_stop",
        "arabic_normalization",
    ]


@pytest.mark.parametrize(("search", "index"), [("ar_search", "ar_index"), ("en_search", "en_index")])
def test_search_analyzers_add_updateable_synonyms_last(analysis, search, index):
    assert chain(analysis, search) == [*chain(analysis, index), "editor_synonyms"]
    filters = chain(analysis, search)
    if "arabic_normalization" in filters:
        assert filters.index("arabic_stop") < filters.index("arabic_normalization") < filters.index("editor_synonyms")
    assert analysis["filter"]["editor_synonyms"] == {
        "type": "synonym_graph",
        "synonyms_set": SYNONYMS_SET,
        "updateable": True,
        "lenient": True,
    }


def test_synonyms_only_in_search_analyzers(analysis, mappings):
    with_synonyms = {
        name for name, definition in analysis["analyzer"].items() if "editor_synonyms" in definition["filter"]
    }
    assert with_synonyms == {"ar_search", "en_search"}

    def walk(properties):
        for field in properties.values():
            yield field
            yield from walk(field.get("fields", {}))

    for field in walk(mappings["properties"]):
        assert field.get("analyzer") not in with_synonyms
        if field.get("search_analyzer") == "ar_search":
            assert field["analyzer"] == "ar_index"
        if field.get("search_analyzer") == "en_search":
            assert field["analyzer"] == "en_index"


def test_autocomplete_analyzers(analysis):
    common = ["lowercase", "decimal_digit", "arabic_normalization", "arabic_article"]
    assert chain(analysis, "autocomplete_search") == [*common, "autocomplete_truncate"]
    assert chain(analysis, "autocomplete_index") == [*common, "autocomplete_edge_ngram"]
    assert analysis["filter"]["autocomplete_edge_ngram"] == {"type": "edge_ngram", "min_gram": 2, "max_gram": 20}
    assert analysis["filter"]["autocomplete_truncate"] == {"type": "truncate", "length": 20}


def test_index_definition_serialises_settings_and_mappings_together(settings_body, mappings):
    definition = page_index("tamayuz-pages-v1", synonyms_set=SYNONYMS_SET).to_dict()
    assert definition == {"settings": settings_body, "mappings": mappings}
    assert settings_body["number_of_shards"] == 1


# --- Mapping ---------------------------------------------------------------------------------------


def test_mapping_is_strict_with_the_documented_fields(mappings):
    assert mappings["dynamic"] == "strict"
    properties = mappings["properties"]
    keywords = {"slug", "locale", "type", "agency", "channels", "tags", "audience", "url"}
    assert {name for name, field in properties.items() if field["type"] == "keyword"} == keywords
    assert properties["page_id"] == {"type": "long"}  # the tie-break sorts numerically
    assert properties["url"]["index"] is False
    assert properties["last_updated"] == {"type": "date"}
    assert properties["title_prefix"] == {"type": "search_as_you_type", "analyzer": "en_prefix"}
    assert properties["spelling"] == {"type": "text", "analyzer": "spelling"}
    assert set(properties) == keywords | {
        "page_id",
        "last_updated",
        "title",
        "summary",
        "keywords",
        "body",
        "title_prefix",
        "spelling",
    }


@pytest.mark.parametrize("name", ["title", "summary", "keywords", "body"])
def test_text_fields_carry_both_chains_and_an_exact_subfield(mappings, name):
    field = mappings["properties"][name]
    assert (field["type"], field["analyzer"], field["search_analyzer"]) == ("text", "ar_index", "ar_search")
    if name == "body":  # the spelling vocabulary is titles, summaries and keywords (as embedded)
        assert "copy_to" not in field
    else:
        assert field["copy_to"] in (["spelling"], "spelling")
    assert field["fields"]["en"] == {"type": "text", "analyzer": "en_index", "search_analyzer": "en_search"}
    assert field["fields"]["exact"] == {"type": "text", "analyzer": "ar_exact"}


def test_title_has_the_autocomplete_subfield(mappings):
    assert mappings["properties"]["title"]["fields"]["autocomplete"] == {
        "type": "text",
        "analyzer": "autocomplete_index",
        "search_analyzer": "autocomplete_search",
    }
    assert "autocomplete" not in mappings["properties"]["body"]["fields"]


# --- Synonyms set -------------------------------------------------------------------------------------


def test_synonyms_set_holds_the_solr_rules_of_search_analysis():
    groups = [["عميل", "عملاء", "مستفيد"], ["موظف", "مقدم الخدمة"], ["customer", "client"], ["solo"]]
    rules = synonyms_set_rules(groups)
    assert [rule["synonyms"] for rule in rules] == synonym_rules(groups)
    assert len({rule["id"] for rule in rules}) == len(rules)


def test_synonyms_set_strips_solr_syntax_from_editor_terms():
    rules = synonyms_set_rules([["x=>y", "c\\d", "#e"]])
    assert [rule["synonyms"] for rule in rules] == ["x y, c d, e"]


def test_synonyms_set_leaves_out_stop_words_as_the_python_chain_does():
    """Elasticsearch rejects a rule term that loses a word to the stop filter (and
    ``lenient`` then drops the whole group); ``SynonymSet`` just analyses the stop word
    away. The terms are sent without them, so both keep the same groups."""
    groups = [["work from home", "remote"], ["the", "a", "an"], ["في الموعد", "بالوقت"], ["at", "on time", "punctual"]]
    rules = [rule["synonyms"] for rule in synonyms_set_rules(groups)]
    assert rules == ["work from home, remote", "الموعد, بالوقت", "time, punctual"]
    python = SynonymSet.from_groups(groups)
    assert [len(group) for group in python.groups] == [2, 2, 2]


# --- Search bodies -------------------------------------------------------------------------------------


def _walk(value):
    yield value
    if isinstance(value, dict):
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)


def test_query_clauses_are_the_embedded_clauses_as_texts_of_one_script():
    assert query_clauses("شكوى في الخدمة the complaints of «customer's» ٢٤") == [
        TextClause(LANG_ARABIC, ("شكوى",)),
        TextClause(LANG_ARABIC, ("الخدمة",)),
        TextClause(LANG_ENGLISH, ("complaints",)),
        TextClause(LANG_ENGLISH, ("customer's",)),
        TextClause(LANG_ARABIC, ("٢٤",)),
    ]
    assert query_clauses("في من على the") == []


def test_an_arabic_word_clause_carries_its_article_forms():
    assert query_clauses("وثيقة الإلكتروني") == [
        TextClause(LANG_ARABIC, ("وثيقة", "الوثيقة")),
        TextClause(LANG_ARABIC, ("الإلكتروني", "إلكتروني")),
    ]


def test_a_multi_word_synonym_is_one_clause_sent_whole():
    synonyms = SynonymSet.from_groups([["موظف", "مقدم الخدمة"], ["customer", "client"]])
    assert query_clauses("مقدم الخدمة customers", synonyms) == [
        TextClause(LANG_ARABIC, ("مقدم الخدمة",)),
        TextClause(LANG_ENGLISH, ("customers",)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "وثيقة ناقصة",
        "الإلكتروني",
        "بالوثيقة",
        "وزير الخدمات",
        "الشَّكْوَى للعميل",
        "complaint ٢٤ الاستمارة",
        "تحديث بياناتي",
        "كم الرسوم",
        "بتواصل التواصل",
    ],
)
def test_the_generated_search_definitions_turn_clause_texts_into_the_embedded_alternatives(analysis, text):
    """Each clause's texts, through the generated search analyzer definitions (interpreted
    with the Python ports; synonyms aside), give exactly the alternatives the embedded
    backend searches for that clause (``understanding.query_clauses``: fillers set aside,
    possessive-less forms, protected names)."""
    expected = [set(clause.alternatives) for clause in understood_clauses(text)]
    found = []
    for clause in query_clauses(text):
        analyzer = "ar_search" if clause.language == LANG_ARABIC else "en_search"
        found.append({tuple(run_analyzer(analysis, analyzer, part)) for part in clause.texts})
    assert found == expected


def test_staff_and_public_bodies_differ_only_in_the_audience_terms():
    text = "شكوى complaint"
    public = build_search_body(SearchQuery(text, audiences=("public",)), query_clauses(text))
    staff = build_search_body(SearchQuery(text, audiences=("public", "staff")), query_clauses(text))
    public_filters = public["query"]["bool"].pop("filter")
    staff_filters = staff["query"]["bool"].pop("filter")
    # The reader's pages by language (common words) are counted under the same filters.
    public_reader = public["aggs"][READER_LANGUAGES]["aggs"]["reader"].pop("filter")
    staff_reader = staff["aggs"][READER_LANGUAGES]["aggs"]["reader"].pop("filter")
    assert public == staff
    assert public_filters == [{"terms": {"audience": ["public"]}}]
    assert staff_filters == [{"terms": {"audience": ["public", "staff"]}}]
    assert public_reader == {"bool": {"filter": public_filters}}
    assert staff_reader == {"bool": {"filter": staff_filters}}


def test_audience_is_one_terms_clause_whatever_else_is_filtered():
    query = SearchQuery("شكوى", audiences=("public", "staff"), types=("faq",), channels=("phone", "chat"))
    body = build_search_body(query, query_clauses(query.text))
    audience_clauses = [node for node in _walk(body) if isinstance(node, dict) and "audience" in node]
    assert audience_clauses == [{"audience": ["public", "staff"]}]


def test_pages_hidden_from_the_reader_are_left_out_of_every_body_that_reads_pages():
    """A view restriction the reader cannot pass (``SearchQuery.hidden_page_ids``): one
    ``must_not`` on the page ids beside the audience, in the results, the counts, the
    membership of best bets, autocomplete and the vocabulary "did you mean" reads."""
    hidden = {"bool": {"must_not": [{"terms": {"page_id": [7, 40]}}]}}
    query = SearchQuery("شكوى", audiences=("public",), hidden_page_ids=frozenset({40, 7}))
    clauses = query_clauses(query.text)
    bodies = {
        "search": build_search_body(query, clauses),
        "count": build_count_body(query, clauses),
        "membership": build_membership_body(query, clauses, [7, 8]),
        "autocomplete": build_autocomplete_body("شكو", audiences=("public",), hidden_page_ids={40, 7}),
        "vocabulary": build_vocabulary_body(("public",), ["شكوى"], hidden_page_ids={7, 40}),
    }
    for name, body in bodies.items():
        assert hidden in list(_walk(body)), name
    plain = build_search_body(SearchQuery("شكوى", audiences=("public",)), clauses)
    assert not [node for node in _walk(plain) if isinstance(node, dict) and "must_not" in node]


def _combined(text: str, language: str = LANG_ARABIC) -> dict:
    fields = (
        ["title^10", "summary^4", "keywords^4", "body^1"]
        if language == LANG_ARABIC
        else ["title.en^10", "summary.en^4", "keywords.en^4", "body.en^1"]
    )
    return {"combined_fields": {"query": text, "fields": fields, "operator": "and"}}


def test_one_clause_is_that_clause_with_filters_and_the_title_phrase_boost():
    query = SearchQuery(
        "الاستمارة",
        audiences=("public",),
        types=("procedure", "faq"),
        languages=("ar",),
        agencies=("mot",),
        channels=("centre",),
        tags=("حقوق",),
    )
    bool_query = build_search_body(query, query_clauses(query.text))["query"]["bool"]
    assert bool_query["filter"] == [
        {"terms": {"audience": ["public"]}},
        {"terms": {"type": ["procedure", "faq"]}},
        {"terms": {"locale": ["ar"]}},
        {"terms": {"agency": ["mot"]}},
        {"terms": {"channels": ["centre"]}},
        {"terms": {"tags": ["حقوق"]}},
    ]
    assert bool_query["must"] == [_combined("الاستمارة")]
    assert bool_query["should"] == [{"match_phrase": {"title.exact": {"query": "الاستمارة", "boost": 2.0}}}]


def test_article_forms_are_alternatives_of_one_clause():
    body = build_search_body(SearchQuery("وثيقة"), query_clauses("وثيقة"))
    # A page scores its best form (dis_max), as the embedded clause its best alternative.
    assert body["query"]["bool"]["must"] == [{"dis_max": {"queries": [_combined("وثيقة"), _combined("الوثيقة")]}}]


def test_several_clauses_match_any_clause_ranked_in_two_tiers():
    """Every page with any clause matches; the text score is squashed into [0, 1) and the
    pages with every clause get exactly 1 more, named so hits say which tier they are in."""
    text = "الاستمارة complaint"
    query = SearchQuery(text, audiences=("public",), types=("faq",))
    bool_query = build_search_body(query, query_clauses(text))["query"]["bool"]
    assert bool_query["filter"] == [{"terms": {"audience": ["public"]}}, {"terms": {"type": ["faq"]}}]
    clauses = [_combined("الاستمارة"), _combined("complaint", LANG_ENGLISH)]
    [must] = bool_query["must"]
    assert must["script_score"]["script"] == {"source": SQUASH_SCRIPT, "params": {"squash": SCORE_SQUASH}}
    assert must["script_score"]["query"] == {
        "bool": {
            "must": [{"bool": {"should": clauses, "minimum_should_match": 1}}],
            "should": [{"match_phrase": {"title.exact": {"query": text, "boost": 2.0}}}],
        }
    }
    assert bool_query["should"] == [
        {"constant_score": {"filter": {"bool": {"filter": clauses}}, "boost": 1.0, "_name": ALL_WORDS}}
    ]


def _float32(value: float) -> float:
    return array("f", [value])[0]


def _squash(score: float) -> float:
    """What the squash script computes, rounded to a float32 score as Lucene keeps it."""
    return _float32(score / (score + SCORE_SQUASH))


@pytest.mark.parametrize("score", [0.0, 1e-6, 0.3, 1.0, 7.5, 42.0, 1e3, 1e5, 1e7])
def test_the_tiers_cannot_mix(score):
    """A page with every clause scores at least 1 + 0; every other page less than 1, even
    with a text score far beyond any bm25 sum (float32 scores, as Lucene keeps them)."""
    assert 0.0 <= _squash(score) < 1.0
    assert _float32(1.0 + _squash(0.0)) >= 1.0 > _squash(score)


def test_the_squash_keeps_the_order_of_text_scores():
    scores = [step * 0.05 for step in range(4001)]  # 0 to 200, far above this corpus's bm25 sums
    squashed = [_squash(score) for score in scores]
    assert all(low < high for low, high in itertools.pairwise(squashed))
    assert all(_float32(1.0 + low) < _float32(1.0 + high) for low, high in itertools.pairwise(squashed))


def test_text_score_undoes_the_squash():
    for score in (0.0, 0.5, 3.25, 18.0):
        assert text_score(1.0 + score / (score + SCORE_SQUASH), all_words=True) == pytest.approx(score)
        assert text_score(score / (score + SCORE_SQUASH), all_words=False) == pytest.approx(score)


def test_facets_are_terms_aggregations_on_keyword_fields(mappings):
    body = build_search_body(SearchQuery("شكوى"), query_clauses("شكوى"))
    assert set(body["aggs"]) == {*FACET_FIELDS, CLAUSES}
    fields = {name: body["aggs"][name]["terms"]["field"] for name in FACET_FIELDS}
    assert fields == {"type": "type", "channel": "channels", "agency": "agency", "lang": "locale"}
    assert all(mappings["properties"][field]["type"] == "keyword" for field in fields.values())
    assert "post_filter" not in body  # facets count the same filtered match set as the hits


def test_several_clauses_also_count_and_facet_the_pages_with_every_clause():
    text = "الاستمارة complaint"
    body = build_search_body(SearchQuery(text), query_clauses(text))
    facets = {name: body["aggs"][name] for name in FACET_FIELDS}
    assert body["aggs"][ALL_WORDS] == {
        "filter": {"bool": {"filter": [_combined("الاستمارة"), _combined("complaint", LANG_ENGLISH)]}},
        "aggs": facets,
    }
    # Aggregations run over the reader's filtered matches (no post_filter), except the one
    # counting the reader's pages by language (common words), global under the reader filters.
    assert "post_filter" not in body
    assert [name for name, aggregation in body["aggs"].items() if "global" in aggregation] == [READER_LANGUAGES]
    assert body["aggs"][READER_LANGUAGES] == reader_languages_aggregation(SearchQuery(text))


def test_highlighting_marks_matches_with_the_html_encoder():
    highlight = build_search_body(SearchQuery("شكوى"), query_clauses("شكوى"))["highlight"]
    assert highlight["encoder"] == "html"
    assert (highlight["pre_tags"], highlight["post_tags"]) == (["<mark>"], ["</mark>"])
    assert list(highlight["fields"]) == ["body", "body.en", "summary", "summary.en"]
    assert highlight["fields"]["summary"]["no_match_size"] > 0
    assert highlight["number_of_fragments"] == 1


def test_highlighting_uses_the_any_clause_query_whatever_the_scoring():
    for text in ("شكوى", "وثيقة complaint"):
        clauses = query_clauses(text)
        body = build_search_body(SearchQuery(text), clauses)
        assert body["highlight"]["highlight_query"] == any_clause_query(clauses).to_dict()


@pytest.mark.parametrize(
    ("page", "page_size", "expected"),
    [(1, 10, (0, 10)), (3, 7, (14, 7)), (0, 5, (0, 5)), (1000, 10, (9990, 10)), (1001, 10, (0, 0))],
)
def test_page_and_page_size_become_from_and_size(page, page_size, expected):
    body = build_search_body(SearchQuery("شكوى", page=page, page_size=page_size), query_clauses("شكوى"))
    assert (body["from"], body["size"]) == expected
    assert body["from"] + body["size"] <= MAX_RESULT_WINDOW
    assert body["track_total_hits"] is True


def test_did_you_mean_uses_a_term_suggester_on_the_spelling_field():
    body = build_search_body(SearchQuery("الاستمارت"), query_clauses("الاستمارت"))
    assert body["suggest"]["spelling"]["text"] == "الاستمارت"
    assert body["suggest"]["spelling"]["term"]["field"] == "spelling"
    # Candidates for every word: which words the READER knows is decided by their pages.
    assert body["suggest"]["spelling"]["term"]["suggest_mode"] == "always"
    assert body["suggest"]["spelling"]["term"]["size"] == SUGGEST_OPTIONS


def test_vocabulary_body_asks_which_words_occur_in_the_readers_pages_only():
    body = build_vocabulary_body(("public", "role:4"), ["marigald", "marigold"])
    assert body == {
        "size": 0,
        "track_total_hits": False,
        "query": {"bool": {"filter": [{"terms": {"audience": ["public", "role:4"]}}]}},
        "aggs": {
            "vocabulary": {
                "filters": {
                    "filters": {
                        "w0": {"match": {"spelling": {"query": "marigald", "operator": "and"}}},
                        "w1": {"match": {"spelling": {"query": "marigold", "operator": "and"}}},
                    }
                }
            }
        },
    }


def test_reader_vocabulary_reads_the_filters_buckets():
    response = {"aggregations": {"vocabulary": {"buckets": {"w0": {"doc_count": 0}, "w1": {"doc_count": 3}}}}}
    assert reader_vocabulary(response, ["marigald", "marigold"]) == {"marigold"}


def test_suggested_words_are_the_typed_words_and_every_candidate_once():
    suggest = {
        "spelling": [
            {"text": "marigald", "offset": 0, "length": 8, "options": [{"text": "marigold"}, {"text": "marigild"}]},
            {"text": "gardens", "offset": 9, "length": 7, "options": [{"text": "marigold"}]},
        ]
    }
    assert suggested_words(suggest) == ["marigald", "marigold", "marigild", "gardens"]


def test_a_word_only_hidden_pages_hold_is_corrected_like_an_invented_word():
    """The suggester knows every page's words; the reader's vocabulary decides. A word the
    reader's pages lack is replaced by the best candidate they hold; a word they hold stays."""
    suggest = {
        "spelling": [
            {
                "text": "marigald",
                "offset": 0,
                "length": 8,
                "options": [{"text": "marigild", "score": 0.9}, {"text": "marigold", "score": 0.8}],
            }
        ]
    }
    assert corrected_text("marigald", suggest, {"marigold"}) == "marigold"
    assert corrected_text("marigald", suggest, {"marigald", "marigold"}) is None
    assert corrected_text("marigald", suggest, set()) is None


def test_count_body_counts_the_same_matches_for_the_same_reader():
    query = SearchQuery("complaint", audiences=("public",), languages=("en",))
    clauses = query_clauses(query.text)
    filters = build_search_body(query, clauses)["query"]["bool"]["filter"]
    assert build_count_body(query, clauses) == {
        "size": 0,
        "track_total_hits": True,
        "query": {"bool": {"filter": [*filters, any_clause_query(clauses).to_dict()]}},
    }
    several = query_clauses("complaint الاستمارة")
    body = build_count_body(query, several)
    assert body["query"]["bool"]["filter"][-1] == any_clause_query(several).to_dict()
    assert body["aggs"] == {ALL_WORDS: {"filter": all_clauses_filter(several).to_dict()}}


# --- Reading a response: all words first, then any word ------------------------------------------


def _response(total: int, hits: list[tuple[int, float, bool]], *, all_words: int | None = None) -> dict:
    """A search response: ``hits`` as (page_id, score, has every clause)."""

    def buckets(count: int) -> dict:
        return {"buckets": [{"key": "faq", "doc_count": count}]}

    aggregations = {name: buckets(total) for name in FACET_FIELDS}
    if all_words is not None:
        aggregations[ALL_WORDS] = {"doc_count": all_words, **{name: buckets(all_words) for name in FACET_FIELDS}}
    return {
        "hits": {
            "total": {"value": total, "relation": "eq"},
            "hits": [
                {
                    "_score": score,
                    "_source": {
                        "page_id": page_id,
                        "slug": f"p{page_id}",
                        "locale": "ar",
                        "title": "t",
                        "url": "/",
                        "type": "faq",
                    },
                    "highlight": {"body": [f"<mark>{page_id}</mark>"]},
                    **({"matched_queries": [ALL_WORDS]} if every else {}),
                }
                for page_id, score, every in hits
            ],
        },
        "aggregations": aggregations,
    }


def _tiered(score: float, every: bool) -> float:
    return (1.0 if every else 0.0) + score / (score + SCORE_SQUASH)


def test_one_clause_reads_the_whole_match_set():
    counts, facets, hits = read_search_response(_response(3, [(1, 5.0, False), (2, 4.0, False)]), 1, offset=0)
    assert counts == FoundCounts(3, 3)
    assert facets["type"] == {"faq": 3}
    assert [(hit.page_id, hit.score, hit.snippet) for hit in hits] == [
        (1, 5.0, "<mark>1</mark>"),
        (2, 4.0, "<mark>2</mark>"),
    ]


def test_fewer_than_a_page_with_every_clause_reads_every_match():
    response = _response(
        25,
        [(7, _tiered(2.0, True), True), (3, _tiered(9.0, False), False), (4, _tiered(1.0, False), False)],
        all_words=1,
    )
    counts, facets, hits = read_search_response(response, 2, offset=0)
    assert counts == FoundCounts(all_words=1, results=25)
    assert facets["type"] == {"faq": 25}
    assert [(hit.page_id, hit.score) for hit in hits] == [(7, 2.0), (3, 9.0), (4, 1.0)]


def test_a_page_with_every_clause_is_the_whole_result_set():
    first = [(page_id, _tiered(20.0 - page_id, True), True) for page_id in range(1, 11)]
    response = _response(40, first, all_words=AND_FIRST_PAGE)
    counts, facets, hits = read_search_response(response, 3, offset=0)
    assert counts == FoundCounts(all_words=AND_FIRST_PAGE, results=AND_FIRST_PAGE)
    assert facets["type"] == {"faq": AND_FIRST_PAGE}
    assert [hit.page_id for hit in hits] == list(range(1, 11))
    # A page straddling the end of the tier stops there; a page past it is empty.
    straddling = _response(
        40,
        [(9, _tiered(2.0, True), True), (10, _tiered(1.0, True), True), (11, _tiered(30.0, False), False)],
        all_words=AND_FIRST_PAGE,
    )
    assert [hit.page_id for hit in read_search_response(straddling, 2, offset=8)[2]] == [9, 10]
    past = _response(40, [(11, _tiered(30.0, False), False)], all_words=AND_FIRST_PAGE)
    assert read_search_response(past, 2, offset=10)[2] == []


def test_counts_of_a_count_response():
    assert counts_from_response({"hits": {"total": {"value": 4}}}, 1) == FoundCounts(4, 4)
    several = {"hits": {"total": {"value": 30}}, "aggregations": {ALL_WORDS: {"doc_count": 2}}}
    assert counts_from_response(several, 2) == FoundCounts(2, 30)
    many = {"hits": {"total": {"value": 30}}, "aggregations": {ALL_WORDS: {"doc_count": 12}}}
    assert counts_from_response(many, 2) == FoundCounts(12, 12)


def test_autocomplete_body_filters_by_audience_and_language():
    body = build_autocomplete_body("Confid", audiences=("public",), languages=("en",), limit=5)
    bool_query = body["query"]["bool"]
    assert bool_query["filter"] == [{"terms": {"audience": ["public"]}}, {"terms": {"locale": ["en"]}}]
    assert bool_query["must"] == [{"match": {"title.autocomplete": {"query": "Confid", "operator": "and"}}}]
    assert bool_query["should"][0]["multi_match"]["type"] == "bool_prefix"
    assert body["size"] == 5
    assert body["highlight"]["encoder"] == "html"
    assert body["highlight"]["fields"] == {"title.autocomplete": {}}


def test_arabic_autocomplete_uses_only_the_normalised_field():
    body = build_autocomplete_body("الخدما", audiences=("public", "staff"))
    assert "should" not in body["query"]["bool"]
    assert body["query"]["bool"]["filter"] == [{"terms": {"audience": ["public", "staff"]}}]


@pytest.mark.parametrize(
    ("typed", "sent"),
    [("خ", ""), ("ال", "ال"), ("خدما", "خدما"), ("الخدما", "الخدما"), ("دليل م", "دليل"), ("co", "co")],
)
def test_autocomplete_needs_two_letters_once_normalised(typed, sent):
    assert autocomplete_text(typed) == sent


# --- Responses ---------------------------------------------------------------------------------------


def lucene_html_encode(text: str) -> str:
    """Lucene's SimpleHTMLEncoder.htmlEncode (what Elasticsearch's ``html`` encoder runs)."""
    table = {'"': "&quot;", "&": "&amp;", "<": "&lt;", ">": "&gt;", "'": "&#x27;", "/": "&#x2F;"}
    return "".join(table.get(char, char) for char in text)


@pytest.mark.parametrize("text", ["<b>مهم</b>", "track & get", "a/b 'c' \"d\"", "&#x2F; stays literal", "بلا رموز"])
def test_snippets_read_like_html_escape(text):
    assert clean_fragment(lucene_html_encode(text)) == html.escape(text)


def test_snippet_prefers_a_body_match_then_a_summary_match_then_the_summary_start():
    assert (
        snippet_from_highlight({"summary": ["<mark>a</mark>"], "body.en": ["x <mark>b</mark>"]}) == "x <mark>b</mark>"
    )
    assert snippet_from_highlight({"body": ["body start"], "summary.en": ["<mark>c</mark>"]}) == "<mark>c</mark>"
    assert snippet_from_highlight({"body": ["body start"], "summary": ["summary start"]}) == "summary start"
    assert snippet_from_highlight({"body": ["body start"]}) == "body start"
    assert snippet_from_highlight({}) == ""


def test_facets_from_aggregations():
    aggregations = {
        "type": {"buckets": [{"key": "faq", "doc_count": 2}]},
        "channel": {"buckets": [{"key": "chat", "doc_count": 2}, {"key": "phone", "doc_count": 1}]},
        "agency": {"buckets": []},
        "lang": {"buckets": [{"key": "ar", "doc_count": 1}, {"key": "en", "doc_count": 1}]},
    }
    assert facets_from_aggregations(aggregations) == {
        "type": {"faq": 2},
        "channel": {"chat": 2, "phone": 1},
        "agency": {},
        "lang": {"ar": 1, "en": 1},
    }


def test_corrected_text_replaces_each_suggested_word_in_place():
    suggest = {
        "spelling": [
            {"text": "complait", "offset": 4, "length": 8, "options": [{"text": "complaint", "score": 0.8}]},
            {"text": "file", "offset": 13, "length": 4, "options": []},
        ]
    }
    vocabulary = {"complaint", "file"}
    assert corrected_text("the complait file", suggest, vocabulary) == "the complaint file"
    fine = {"spelling": [{"text": "fine", "offset": 0, "length": 4, "options": []}]}
    assert corrected_text("fine", fine, {"fine"}) is None


# --- Index maintenance -------------------------------------------------------------------------------


def test_rebuild_swaps_the_alias_and_deletes_old_versions_in_one_atomic_call():
    actions = alias_swap_actions("tamayuz-pages", "tamayuz-pages-v2", ["tamayuz-pages-v1", "tamayuz-pages-v0"])
    assert actions == [
        {"add": {"index": "tamayuz-pages-v2", "alias": "tamayuz-pages", "is_write_index": True}},
        {"remove_index": {"indices": ["tamayuz-pages-v0", "tamayuz-pages-v1"]}},
    ]
    assert alias_swap_actions("tamayuz-pages", "tamayuz-pages-v1", []) == [
        {"add": {"index": "tamayuz-pages-v1", "alias": "tamayuz-pages", "is_write_index": True}}
    ]


def test_the_swap_never_deletes_the_index_it_moves_the_alias_to():
    actions = alias_swap_actions("tz-pages", "tz-pages-v2", ["tz-pages-v2", "tz-pages-v1"])
    assert actions[1] == {"remove_index": {"indices": ["tz-pages-v1"]}}


def test_bulk_index_actions_carry_ids_and_fields():
    document = SearchDocument(
        page_id=42,
        slug="renew",
        locale="ar",
        title="إجراءات التجديد",
        url="/renew/",
        type="procedure",
        summary="ملخص",
        body="نص",
        agency="",
        channels=("centre", "phone"),
        tags=("حقوق",),
        audiences=("role:4", "role:5"),
        last_updated=NOW,
    )
    [action] = bulk_index_actions([document], "tamayuz-pages")
    assert action == {
        "_op_type": "index",
        "_index": "tamayuz-pages",
        "_id": "42",
        "_source": {
            "page_id": 42,
            "slug": "renew",
            "locale": "ar",
            "type": "procedure",
            "channels": ["centre", "phone"],
            "tags": ["حقوق"],
            "audience": ["role:4", "role:5"],
            "url": "/renew/",
            "last_updated": NOW,
            "title": "إجراءات التجديد",
            "summary": "ملخص",
            "body": "نص",
            "title_prefix": "إجراءات التجديد",
        },
    }
    assert "agency" not in action["_source"]  # no agency: no empty facet bucket


def test_bulk_actions_cover_every_document_once():
    actions = list(bulk_index_actions(CORPUS, "x"))
    assert [action["_id"] for action in actions] == [str(document.page_id) for document in CORPUS]
    assert list(bulk_delete_actions([1, 2], "x")) == [
        {"_op_type": "delete", "_index": "x", "_id": "1"},
        {"_op_type": "delete", "_index": "x", "_id": "2"},
    ]


def test_versions_sort_by_time_after_the_initial_one():
    backend = ElasticsearchSearchBackend(url="http://127.0.0.1:9", prefix="tz")
    earlier = backend.version_name(datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC))
    later = backend.version_name(datetime.datetime(2026, 1, 1, 0, 0, 1, tzinfo=datetime.UTC))
    assert backend.alias == "tz-pages" and backend.synonyms_set == "tz-synonyms"
    assert earlier.startswith("tz-pages-v") and earlier < later
    assert earlier > "tz-pages-v" + "0" * 20
    backend.close()


# --- The registry and failures ----------------------------------------------------------------------------


@pytest.fixture
def listening_socket():
    """A TCP socket that accepts connections and never answers (it is not a server)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    yield server
    server.close()


@pytest.fixture
def closed_port():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def test_registry_returns_the_elasticsearch_backend_without_contacting_it(settings, listening_socket):
    port = listening_socket.getsockname()[1]
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{port}"
    settings.SEARCH_INDEX_PREFIX = "tamayuz-unit"
    reset_search_backends()
    backend = get_search_backend()
    assert isinstance(backend, ElasticsearchSearchBackend)
    assert (backend.alias, backend.synonyms_set) == ("tamayuz-unit-pages", "tamayuz-unit-synonyms")
    assert get_search_backend() is backend
    with pytest.raises(BlockingIOError):
        listening_socket.accept()  # nobody connected
    reset_search_backends()


@pytest.mark.django_db
def test_unreachable_server_raises_search_unavailable_quickly(closed_port):
    backend = ElasticsearchSearchBackend(url=f"http://user:secret@127.0.0.1:{closed_port}", prefix="tz", timeout=2)
    calls = [
        lambda: backend.search(SearchQuery("الشكوى")),
        lambda: backend.autocomplete("خدما", audiences=("public",)),
        lambda: backend.index_documents(CORPUS[:1]),
        lambda: backend.delete_documents([1]),
        lambda: backend.indexed_versions(),
        lambda: backend.rebuild(CORPUS[:1]),
        lambda: backend.reload_synonyms(),
    ]
    for call in calls:
        started = time.monotonic()
        with pytest.raises(SearchUnavailable) as caught:
            call()
        assert time.monotonic() - started < 5
        assert "secret" not in str(caught.value)
    backend.close()


def test_a_server_that_never_answers_times_out_as_unavailable(listening_socket, db):
    accepted = []
    stop = threading.Event()

    def accept_and_hold():
        while not stop.is_set():
            try:
                connection, _ = listening_socket.accept()
                accepted.append(connection)  # read nothing, answer nothing
            except BlockingIOError:
                time.sleep(0.01)

    thread = threading.Thread(target=accept_and_hold, daemon=True)
    thread.start()
    port = listening_socket.getsockname()[1]
    backend = ElasticsearchSearchBackend(url=f"http://127.0.0.1:{port}", prefix="tz", timeout=0.5)
    started = time.monotonic()
    try:
        with pytest.raises(SearchUnavailable):
            backend.search(SearchQuery("الشكوى"))
    finally:
        stop.set()
        thread.join()
        for connection in accepted:
            connection.close()
        backend.close()
    assert time.monotonic() - started < 5
    assert accepted


def test_no_audience_or_stop_words_only_sends_nothing(closed_port):
    backend = ElasticsearchSearchBackend(url=f"http://127.0.0.1:{closed_port}", prefix="tz")
    assert backend.search(SearchQuery("شكوى", audiences=())).count == 0
    assert backend.search(SearchQuery("في من على")).hits == []
    assert backend.autocomplete("خ", audiences=("public",)) == []
    assert backend.autocomplete("خدما", audiences=()) == []
    backend.close()


def test_membership_body_asks_which_pages_the_readers_query_finds():
    query = SearchQuery(text="تجديد الاستمارة", audiences=("public",), types=("faq",))
    clauses = query_clauses(query.text)
    body = build_membership_body(query, clauses, [9, 3, 9])
    assert body["size"] == 2 and body["_source"] is False
    assert body["post_filter"] == {"terms": {"page_id": [3, 9]}}
    assert body["query"]["bool"]["filter"] == [
        {"terms": {"audience": ["public"]}},
        {"terms": {"type": ["faq"]}},
        any_clause_query(clauses).to_dict(),
    ]
    assert body["query"]["bool"]["should"] == [
        {"constant_score": {"filter": all_clauses_filter(clauses).to_dict(), "_name": ALL_WORDS}}
    ]
    # The all-words count is over every page the reader's query finds, not the post-filtered ones.
    assert body["aggs"] == {
        ALL_WORDS: {"filter": all_clauses_filter(clauses).to_dict()},
        CLAUSES: clause_counts_aggregation(clauses),
        READER_LANGUAGES: reader_languages_aggregation(query),
    }
    one = query_clauses("الاستمارة")
    assert build_membership_body(query, one, [3])["aggs"] == {CLAUSES: clause_counts_aggregation(one)}


def test_members_of_a_membership_response_follow_the_result_set():
    hits = [{"_id": "3", "matched_queries": [ALL_WORDS]}, {"_id": "9"}]

    def response(all_words: int) -> dict:
        return {"hits": {"hits": hits}, "aggregations": {ALL_WORDS: {"doc_count": all_words}}}

    assert members_from_response({"hits": {"hits": hits}}, 1) == {3, 9}
    assert members_from_response(response(2), 2) == {3, 9}
    assert members_from_response(response(AND_FIRST_PAGE), 2) == {3}


def test_a_page_document_carries_its_search_keywords_one_value_per_phrase():
    document = _doc(7, "ar", "حجز موعد", "procedure", summary="اختر المركز.", keywords=("ابي احجز", "appointment"))
    body = PageDocument.from_search_document(document).to_dict()
    assert body["keywords"] == ["ابي احجز", "appointment"]
    assert (body["title"], body["summary"]) == ("حجز موعد", "اختر المركز.")


def test_search_keywords_are_searched_but_never_highlighted():
    assert "keywords^4" in TEXT_FIELDS[LANG_ARABIC] and "keywords.en^4" in TEXT_FIELDS[LANG_ENGLISH]
    assert "keywords.exact" in ARABIZI_FIELDS
    assert not [field for field in (*SNIPPET_FIELDS, *SNIPPET_FALLBACK_FIELDS) if field.startswith("keywords")]
