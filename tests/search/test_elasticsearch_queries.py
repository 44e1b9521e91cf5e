"""The Elasticsearch backend's query understanding, as the request bodies it GENERATES
(issue 11): the clauses of ``search.understanding.query_clauses`` (fillers set aside,
possessive-less forms), clauses that found nothing rescued as typos (``fuzziness``) or
Arabizi (``terms`` on the ``.exact`` fields), the per-clause counts behind the
partial-match notice, one-way vocabulary groups as explicit synonym mappings and the
"did you mean" sanity rule. These check the bodies, not a server: what the server makes of
them is checked by tests/search/test_elasticsearch_integration.py (``ELASTICSEARCH_URL``)."""

from __future__ import annotations

import pytest
import regex

from search.analysis import LANG_ARABIC, LANG_ENGLISH
from search.backends.base import SearchQuery
from search.backends.elasticsearch import (
    ALL_WORDS,
    ARABIZI_BOOST,
    ARABIZI_FIELDS,
    ARABIZI_LONGER_READINGS,
    CLAUSES,
    FUZZINESS,
    FUZZY_BOOST,
    READER_LANGUAGES,
    TEXT_FIELDS,
    ElasticsearchSearchBackend,
    TextClause,
    all_clauses_filter,
    build_membership_body,
    build_search_body,
    clause_counts,
    clause_counts_aggregation,
    clause_query,
    corrected_text,
    language_totals,
    one_way_rule,
    query_clauses,
    reader_languages_aggregation,
    rescued_clauses,
    synonyms_set_rules,
    unmatched_words,
    with_required,
)
from search.understanding import TYPO_MIN_LENGTH, arabizi_forms, one_letter_more_pattern


def _combined(text: str, language: str = LANG_ARABIC) -> dict:
    return {"combined_fields": {"query": text, "fields": TEXT_FIELDS[language], "operator": "and"}}


# --- Clauses: the shared understanding ----------------------------------------------------------


def test_question_words_and_fillers_are_set_aside():
    assert query_clauses("كم الرسوم") == [TextClause(LANG_ARABIC, ("الرسوم",))]
    assert query_clauses("وش المطلوب لتجديد الرخصة")[0].texts[0] != "وش"


def test_a_query_of_question_words_only_is_searched_as_typed():
    assert query_clauses("كم") == [TextClause(LANG_ARABIC, ("كم",))]


def test_a_possessive_ending_adds_the_bare_word_as_a_text_of_its_clause():
    assert query_clauses("تحديث بياناتي") == [
        TextClause(LANG_ARABIC, ("تحديث",)),
        TextClause(LANG_ARABIC, ("بياناتي", "بيانات")),
    ]


def test_a_protected_name_gets_no_article_forms():
    # «التواصل» would be an article form of «تواصل»: the name keeps its own spelling only.
    assert query_clauses("تواصل") == [TextClause(LANG_ARABIC, ("تواصل",))]


def test_the_title_phrase_boost_leaves_the_fillers_out():
    body = build_search_body(SearchQuery("كم الرسوم"), query_clauses("كم الرسوم"))
    assert body["query"]["bool"]["should"] == [{"match_phrase": {"title.exact": {"query": "الرسوم", "boost": 2.0}}}]


# --- Rescue: words that found nothing ------------------------------------------------------------


def test_clauses_that_found_something_are_left_as_they_were():
    clauses = query_clauses("الأولوبة mawid")
    assert rescued_clauses(clauses, [3, 1]) == clauses


def test_a_long_word_that_found_nothing_gains_a_fuzzy_alternative():
    (clause,) = query_clauses("الأولوبة")
    assert rescued_clauses([clause], [0]) == [TextClause(LANG_ARABIC, ("الأولوبة",), fuzzy=True)]


def test_a_short_word_is_not_read_as_a_typo():
    (clause,) = query_clauses("مويد")
    assert len("مويد") < TYPO_MIN_LENGTH
    assert rescued_clauses([clause], [0]) == [clause]


def test_a_latin_word_that_found_nothing_gains_its_arabizi_readings():
    (clause,) = query_clauses("mawid")
    (rescued,) = rescued_clauses([clause], [0])
    first = [reading for reading in arabizi_forms("mawid", ARABIZI_LONGER_READINGS) if len(reading) >= 3]
    assert rescued == TextClause(
        LANG_ENGLISH,
        ("mawid",),
        fuzzy=True,
        arabizi=tuple(arabizi_forms("mawid")),
        arabizi_longer=one_letter_more_pattern(first),
    )
    # «موعد» is a reading missing one letter («مود»), as the embedded backend reads it.
    assert "موعد" not in rescued.arabizi
    longer = regex.compile(f"(?:{rescued.arabizi_longer})")
    assert longer.fullmatch("موعد") and longer.fullmatch("الموعد") and not longer.fullmatch("مود")
    (shakwa,) = rescued_clauses(query_clauses("shakwa"), [0])
    assert "شكوي" in shakwa.arabizi  # «شكوى», alef maksura normalised


def test_arabizi_fillers_that_found_nothing_are_set_aside_as_the_embedded_backend_does():
    # «shlon» (شلون) and «el» (ال) go; «tajdeed» is read as Arabizi.
    clauses = query_clauses("shlon tajdeed el eqama")
    rescued = rescued_clauses(clauses, [0, 0, 0, 0])
    assert [clause.word for clause in rescued] == ["tajdeed", "eqama"]
    assert all(clause.arabizi for clause in rescued)
    # Only fillers: nothing is set aside (the query is searched as typed).
    only = query_clauses("shlon wain")
    assert [clause.word for clause in rescued_clauses(only, [0, 0])] == ["shlon", "wain"]
    # A Latin word found something: not Arabizi, nothing set aside.
    english = query_clauses("etiquette el")
    assert [clause.word for clause in rescued_clauses(english, [2, 0])] == ["etiquette", "el"]


def test_a_word_with_an_arabizi_digit_is_arabizi_whatever_the_other_words_found():
    clauses = query_clauses("etiquette maw3id")
    rescued = rescued_clauses(clauses, [2, 0])
    assert rescued[0] == clauses[0]
    assert "موعد" in rescued[1].arabizi


def test_no_arabizi_when_another_latin_word_found_something():
    clauses = query_clauses("etiquette mawid")
    assert rescued_clauses(clauses, [2, 0]) == [clauses[0], TextClause(LANG_ENGLISH, ("mawid",), fuzzy=True)]


def test_an_acronym_is_neither_a_typo_nor_arabizi():
    (clause,) = query_clauses("CPR")
    assert rescued_clauses([clause], [0]) == [clause]


def test_a_multi_word_synonym_clause_is_not_rescued():
    clause = TextClause(LANG_ARABIC, ("مقدم الخدمة",))
    assert rescued_clauses([clause], [0]) == [clause]


def test_a_fuzzy_clause_adds_a_lower_weighted_one_edit_alternative():
    clause = TextClause(LANG_ARABIC, ("الأولوبة",), fuzzy=True)
    assert clause_query(clause).to_dict() == {
        "dis_max": {
            "queries": [
                _combined("الأولوبة"),
                {
                    "multi_match": {
                        "query": "الأولوبة",
                        "fields": ["title^10", "summary^4", "keywords^4", "body^1"],
                        "type": "best_fields",
                        "operator": "and",
                        "fuzziness": "AUTO:3,20",
                        "prefix_length": 1,
                        "max_expansions": 10,
                        "boost": 0.5,
                    }
                },
            ],
        }
    }
    assert FUZZINESS == "AUTO:3,20" and FUZZY_BOOST < 1


def test_an_arabizi_clause_looks_its_readings_up_in_the_exact_fields():
    clause = TextClause(LANG_ENGLISH, ("shakwa",), arabizi=("شكوه", "الشكوه"), arabizi_longer=".شكوه|ش.كوه")
    assert clause_query(clause).to_dict() == {
        "dis_max": {
            "queries": [
                _combined("shakwa", LANG_ENGLISH),
                {
                    "constant_score": {
                        "filter": {
                            "bool": {
                                "should": [
                                    {"terms": {"title.exact": ["شكوه", "الشكوه"]}},
                                    {"terms": {"summary.exact": ["شكوه", "الشكوه"]}},
                                    {"terms": {"keywords.exact": ["شكوه", "الشكوه"]}},
                                    {"terms": {"body.exact": ["شكوه", "الشكوه"]}},
                                    {
                                        "regexp": {
                                            "title.exact": {"value": ".شكوه|ش.كوه", "max_determinized_states": 20000}
                                        }
                                    },
                                    {
                                        "regexp": {
                                            "summary.exact": {"value": ".شكوه|ش.كوه", "max_determinized_states": 20000}
                                        }
                                    },
                                    {
                                        "regexp": {
                                            "keywords.exact": {"value": ".شكوه|ش.كوه", "max_determinized_states": 20000}
                                        }
                                    },
                                    {
                                        "regexp": {
                                            "body.exact": {"value": ".شكوه|ش.كوه", "max_determinized_states": 20000}
                                        }
                                    },
                                ],
                                "minimum_should_match": 1,
                            }
                        },
                        "boost": 1.0,
                    }
                },
            ],
        }
    }
    assert ARABIZI_FIELDS == ("title.exact", "summary.exact", "keywords.exact", "body.exact") and ARABIZI_BOOST == 1.0


def test_arabizi_readings_are_in_the_exact_fields_form(mappings):
    """The readings are ``normalize_token`` forms: what ``ar_exact`` indexes (normalised,
    unstemmed, article kept), so a ``terms`` query finds them as they are."""
    assert all(
        mappings["properties"][field.split(".")[0]]["fields"]["exact"]["analyzer"] == "ar_exact"
        for field in ARABIZI_FIELDS
    )
    assert "الدردشه" in arabizi_forms("dardasha")


@pytest.fixture(scope="module")
def mappings():
    from search.es_documents import index_mappings

    return index_mappings()


# --- The partial-match notice: per-clause counts in the same request -------------------------


def test_every_search_counts_each_clause_for_the_reader():
    clauses = query_clauses("اصدار رخصه")
    body = build_search_body(SearchQuery("اصدار رخصه", audiences=("public",)), clauses)
    assert body["aggs"][CLAUSES] == {
        "filters": {"filters": {"c0": clause_query(clauses[0]).to_dict(), "c1": clause_query(clauses[1]).to_dict()}}
    }
    assert clause_counts_aggregation(clauses) == body["aggs"][CLAUSES]
    # Over the query's matches (reader filters and any clause): no post_filter narrows it.
    assert "post_filter" not in body


def test_membership_counts_each_clause_over_every_match_not_the_post_filtered_ones():
    clauses = query_clauses("اصدار رخصه")
    body = build_membership_body(SearchQuery("اصدار رخصه", audiences=("public",)), clauses, [7])
    assert body["aggs"][CLAUSES] == clause_counts_aggregation(clauses)
    assert body["post_filter"] == {"terms": {"page_id": [7]}}


def test_unmatched_words_are_the_clauses_with_no_page():
    clauses = query_clauses("اصدار رخصه")
    response = {"aggregations": {CLAUSES: {"buckets": {"c0": {"doc_count": 2}, "c1": {"doc_count": 0}}}}}
    found = clause_counts(response, len(clauses))
    assert found == [2, 0]
    assert unmatched_words(clauses, found) == ["رخصه"]
    assert unmatched_words(clauses, [2, 1]) == []
    assert clause_counts({}, 2) == [0, 0]


# --- Common words: not required for the all-words tier ------------------------------------------


def _first_response(counts: list[int], languages: dict[str, int], reader: int) -> dict:
    return {
        "aggregations": {
            CLAUSES: {"buckets": {f"c{index}": {"doc_count": count} for index, count in enumerate(counts)}},
            READER_LANGUAGES: {
                "doc_count": 10**6,  # the global count: every page, whoever reads
                "reader": {
                    "doc_count": reader,
                    "lang": {"buckets": [{"key": key, "doc_count": count} for key, count in languages.items()]},
                },
            },
        }
    }


def test_the_reader_pages_by_language_are_counted_under_the_reader_filters():
    query = SearchQuery("video call الجهة", audiences=("public",), types=("faq",))
    body = build_search_body(query, query_clauses(query.text))
    assert body["aggs"][READER_LANGUAGES] == {
        "global": {},
        "aggs": {
            "reader": {
                "filter": {"bool": {"filter": [{"terms": {"audience": ["public"]}}, {"terms": {"type": ["faq"]}}]}},
                "aggs": {"lang": {"terms": {"field": "locale", "size": 100}}},
            }
        },
    }
    assert reader_languages_aggregation(query) == body["aggs"][READER_LANGUAGES]
    # "" is every page of the reader (a number can be on pages of either language).
    assert language_totals(_first_response([1, 2], {"ar": 80, "en": 70}, 150)) == {"ar": 80, "en": 70, "": 150}


def test_a_clause_on_most_of_its_languages_pages_is_not_required():
    clauses = query_clauses("video الجهة")
    assert [clause.word for clause in clauses] == ["video", "الجهة"]
    # «الجهة» on 44 of the reader's 83 Arabic pages: common; «video» on 9 of 83 English.
    marked = with_required(clauses, [9, 44], {"ar": 83, "en": 83, "": 166})
    assert [clause.required for clause in marked] == [True, False]
    assert all_clauses_filter(marked).to_dict() == {"bool": {"filter": [clause_query(marked[0]).to_dict()]}}
    body = build_search_body(SearchQuery("video الجهة"), marked)
    assert body["aggs"][ALL_WORDS]["filter"] == all_clauses_filter(marked).to_dict()
    # Every clause still matches and scores; the counts are still per clause.
    assert body["aggs"][CLAUSES] == clause_counts_aggregation(marked)
    # Under half: required; every clause common, or one clause: all required.
    assert [c.required for c in with_required(clauses, [9, 41], {"ar": 83, "en": 83, "": 166})] == [True, True]
    assert [c.required for c in with_required(clauses, [60, 44], {"ar": 83, "en": 83, "": 166})] == [True, True]
    assert [c.required for c in with_required(clauses[1:], [44], {"ar": 83})] == [True]


def test_a_word_that_found_nothing_is_never_common_and_a_number_counts_against_every_page():
    clauses = query_clauses("الجهة رخصه ٢٤")
    marked = with_required(clauses, [44, 0, 60], {"ar": 83, "en": 83, "": 166})  # ٢٤: 60 of 166
    assert [clause.required for clause in marked] == [False, True, True]


def test_the_second_request_carries_the_rescued_and_relaxed_clauses():
    clauses = query_clauses("video الجهة")
    # Nothing missing, nothing common: the first request was the only one.
    first = _first_response([9, 20], {"ar": 83, "en": 83}, 166)
    assert ElasticsearchSearchBackend._understood(clauses, [9, 20], first) == clauses
    common = _first_response([9, 44], {"ar": 83, "en": 83}, 166)
    assert [c.required for c in ElasticsearchSearchBackend._understood(clauses, [9, 44], common)] == [True, False]
    typo = query_clauses("الأولوبة الجهة")
    rescued = ElasticsearchSearchBackend._understood(typo, [0, 44], _first_response([0, 44], {"ar": 83}, 166))
    assert (rescued[0].fuzzy, rescued[0].required, rescued[1].required) == (True, True, False)


# --- One-way vocabulary groups ------------------------------------------------------------------


def test_a_one_way_group_is_an_explicit_mapping_keeping_its_terms():
    # An explicit mapping replaces its left side: the terms are repeated on the right so
    # each still finds itself and the others; «غير» is an Arabic stop word, left out as
    # ``SynonymSet`` leaves it out.
    assert one_way_rule(["زعلان", "مو راضي"], ["غير راض", "شكوى"]) == "زعلان, مو راضي => زعلان, مو راضي, راض, شكوى"


def test_one_way_rules_are_cleaned_like_two_way_groups():
    assert one_way_rule(["x=>y", "#c", "the"], ["a\\b", "c"]) == "x y, c => x y, c, b"
    assert one_way_rule(["the"], ["complaint"]) is None  # no term left
    assert one_way_rule(["complaint"], ["complaint"]) is None  # nothing to add


def test_vocabulary_words_are_sent_with_their_article_forms():
    # «إلكتروني» and «الإلكتروني» stem apart («كترون», «الكترون»): both are in the rules,
    # as ``SynonymSet`` holds both, so the server's expansion finds what the embedded does.
    rules = synonyms_set_rules([["إلكتروني", "رقمي"]], [(["اونلاين"], ["إلكتروني"])])
    assert rules == [
        {"id": "group-1", "synonyms": "إلكتروني, الإلكتروني, رقمي"},  # «الرقمي»: «رقم» too
        {"id": "one-way-1", "synonyms": "اونلاين => اونلاين, إلكتروني, الإلكتروني"},
    ]


def test_the_synonyms_set_holds_two_way_groups_then_one_way_mappings():
    rules = synonyms_set_rules([["complaint", "grievance"]], [(["mawid"], ["appointment", "booking"])])
    assert rules == [
        {"id": "group-1", "synonyms": "complaint, grievance"},
        {"id": "one-way-1", "synonyms": "mawid => mawid, appointment, booking"},
    ]


@pytest.mark.django_db
def test_the_backend_puts_the_seeded_one_way_groups_in_the_synonyms_set():
    from search.synonyms import active_one_way_rules, active_synonym_groups

    rules = synonyms_set_rules(active_synonym_groups(), active_one_way_rules())
    mappings = [rule["synonyms"] for rule in rules if rule["id"].startswith("one-way-")]
    assert len(mappings) == len([rule for rule in active_one_way_rules() if one_way_rule(*rule)]) > 0
    assert all(" => " in mapping for mapping in mappings)
    assert any(mapping.startswith("معاق, ") and "إعاقة" in mapping.split(" => ")[1] for mapping in mappings)


# --- "Did you mean": the sanity rule ------------------------------------------------------------


def _suggest(text: str, offset: int, options: list[str]) -> dict:
    return {
        "spelling": [
            {"text": text, "offset": offset, "length": len(text), "options": [{"text": option} for option in options]}
        ]
    }


def test_a_correction_must_be_close_real_vocabulary():
    # «معاق» → «معها»: real vocabulary, but two edits for a four-letter word.
    assert corrected_text("معاق", _suggest("معاق", 0, ["معها"]), {"معها"}) is None
    assert corrected_text("etiquete", _suggest("etiquete", 0, ["etiquette"]), {"etiquette"}) == "etiquette"


def test_question_words_are_never_corrected():
    assert corrected_text("كم الرسوم", _suggest("كم", 0, ["كما"]), {"كما"}) is None


def test_the_one_letter_more_pattern_adds_one_letter_anywhere():
    assert one_letter_more_pattern(["مود"]) == ".مود|م.ود|مو.د|مود."
    assert one_letter_more_pattern(["اب", "اب"]) == ".اب|ا.ب|اب."


def test_an_arabizi_pattern_stays_small_enough_for_lucenes_automaton():
    """At most ``ARABIZI_LONGER_READINGS`` readings (and their article forms) feed the
    pattern, however many readings a long word has (``MAX_ARABIZI_CANDIDATES``)."""
    word = "tasdeeqalmuwazzafeen"[:15]
    (rescued,) = rescued_clauses(query_clauses(word), [0])
    assert len(rescued.arabizi_longer.split("|")) <= 2 * ARABIZI_LONGER_READINGS * (len(word) + 3)
