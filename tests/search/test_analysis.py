"""The shared analysis chain. The first three groups are Lucene's own test vectors
(TestArabicNormalizationFilter, TestArabicStemFilter, TestArabicAnalyzer): passing them
means the Python chain agrees with Elasticsearch's ``arabic`` analyzer."""

from __future__ import annotations

import pytest

from search.analysis import (
    ARABIC_ARTICLE_PREFIXES,
    ARABIC_NORMALIZATION_MAP,
    ARABIC_STOP_WORDS,
    DECIMAL_DIGIT_MAP,
    ENGLISH_STOP_WORDS,
    SynonymSet,
    analyze,
    analyze_arabic,
    analyze_query,
    analyze_with_offsets,
    article_forms,
    autocomplete_terms,
    normalize_arabic,
    stem_arabic,
    strip_arabic_article,
    synonym_rules,
    tokenize,
    vocabulary_forms,
)

# --- Lucene: TestArabicNormalizationFilter -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("آجن", "اجن"),  # alif madda
        ("أحمد", "احمد"),  # alif hamza above
        ("إعاذ", "اعاذ"),  # alif hamza below
        ("بنى", "بني"),  # alif maksura
        ("فاطمة", "فاطمه"),  # teh marbuta
        ("روبرـــــت", "روبرت"),  # tatweel
        ("مَبنا", "مبنا"),  # fatha
        ("علِي", "علي"),  # kasra
        ("بُوات", "بوات"),  # damma
        ("ولداً", "ولدا"),  # fathatan
        ("ولدٍ", "ولد"),  # kasratan
        ("ولدٌ", "ولد"),  # dammatan
        ("نلْسون", "نلسون"),  # sukun
        ("هتميّ", "هتمي"),  # shadda
        ("", ""),  # empty term
    ],
)
def test_lucene_normalization_vectors(text, expected):
    assert normalize_arabic(text) == expected


# --- Lucene: TestArabicStemFilter ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("الحسن", "حسن"),  # al- prefix
        ("والحسن", "حسن"),  # wal-
        ("بالحسن", "حسن"),  # bal-
        ("كالحسن", "حسن"),  # kal-
        ("فالحسن", "حسن"),  # fal-
        ("للاخر", "اخر"),  # ll-
        ("وحسن", "حسن"),  # wa-
        ("زوجها", "زوج"),  # -ha
        ("ساهدان", "ساهد"),  # -an
        ("ساهدات", "ساهد"),  # -at
        ("ساهدون", "ساهد"),  # -wn
        ("ساهدين", "ساهد"),  # -yn
        ("ساهديه", "ساهد"),  # -yh
        ("ساهدية", "ساهد"),  # -yp
        ("ساهده", "ساهد"),  # -h
        ("ساهدة", "ساهد"),  # -p
        ("ساهدي", "ساهد"),  # -y
        ("وساهدون", "ساهد"),  # prefix and suffix
        ("ساهدهات", "ساهد"),  # two suffixes
        ("الو", "الو"),  # too short to stem
        ("English", "English"),  # not Arabic
        ("", ""),  # empty term
    ],
)
def test_lucene_stemmer_vectors(text, expected):
    assert stem_arabic(text) == expected


def test_lucene_stemmer_respects_keyword_marker():
    assert analyze_arabic("ساهدهات", stop_words=(), stem_exclusions={"ساهدهات"}) == ["ساهدهات"]


# --- Lucene: TestArabicAnalyzer ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("كبير", ["كبير"]),
        ("كبيرة", ["كبير"]),  # feminine marker
        ("مشروب", ["مشروب"]),
        ("مشروبات", ["مشروب"]),  # plural -at
        ("أمريكيين", ["امريك"]),  # plural -in
        ("امريكي", ["امريك"]),  # singular with bare alif
        ("كتاب", ["كتاب"]),
        ("الكتاب", ["كتاب"]),  # definite article
        ("ما ملكت أيمانكم", ["ملكت", "ايمانكم"]),
        ("الذين ملكت أيمانكم", ["ملكت", "ايمانكم"]),  # stop words
        ("English text.", ["english", "text"]),  # non-Arabic text: like SimpleAnalyzer
        ("١٢٣٤", ["1234"]),  # digits folded
    ],
)
def test_lucene_analyzer_vectors(text, expected):
    assert analyze_arabic(text) == expected


def test_lucene_analyzer_custom_stop_words_are_case_insensitive():
    assert analyze_arabic("The quick brown fox.", stop_words={"the", "and", "a"}) == ["quick", "brown", "fox"]


def test_lucene_analyzer_stem_exclusion_set():
    text = "كبيرة the quick ساهدهات"
    assert analyze_arabic(text, stop_words=(), stem_exclusions={"ساهدهات"}) == ["كبير", "the", "quick", "ساهدهات"]
    assert analyze_arabic(text, stop_words=()) == ["كبير", "the", "quick", "ساهد"]


# --- Tables -----------------------------------------------------------------------------------


def test_arabic_stop_list_is_lucenes_119_words_in_both_spellings():
    assert len(ARABIC_STOP_WORDS) == len(set(ARABIC_STOP_WORDS)) == 119
    assert {"أن", "ان", "إن", "إلى", "الى", "الآن", "الان"} <= set(ARABIC_STOP_WORDS)


def test_english_stop_list_is_lucenes():
    assert len(ENGLISH_STOP_WORDS) == 33
    assert {"the", "and", "with"} <= set(ENGLISH_STOP_WORDS)


def test_stop_words_apply_before_normalisation():
    # «إلى» is a stop word as written; «الي» (its normalised form) is listed too.
    assert analyze_arabic("إلى الي") == []
    # «ألا» is listed, so it goes; normalisation does not invent new stop words.
    assert analyze_arabic("ألا") == []


def test_normalisation_table_covers_exactly_lucenes_characters():
    assert set(ARABIC_NORMALIZATION_MAP) == {"آ", "أ", "إ", "ى", "ة", "\u0640"} | {
        chr(code) for code in range(0x064B, 0x0653)
    }
    # Characters Lucene leaves alone.
    assert normalize_arabic("\u0670ٱیکؤئ") == "\u0670ٱیکؤئ"


def test_digit_table_covers_arabic_indic_and_extended_digits():
    assert "".join(DECIMAL_DIGIT_MAP[d] for d in "٠١٢٣٤٥٦٧٨٩") == "0123456789"
    assert "".join(DECIMAL_DIGIT_MAP[d] for d in "۰۱۲۳۴۵۶۷۸۹") == "0123456789"
    assert analyze("٢٠٢٦ ۲۴") == ["2026", "24"]


def test_article_prefixes_come_from_the_stemmer_table():
    assert ARABIC_ARTICLE_PREFIXES == ("ال", "وال", "بال", "كال", "فال", "لل")
    assert strip_arabic_article("الخدمات") == "خدمات"
    assert strip_arabic_article("ال") == "ال"


# --- Tokenising -------------------------------------------------------------------------------


def test_tokenizer_keeps_harakat_inside_words():
    assert [surface for surface, _, _ in tokenize("مُحَمَّدٌ رسولٌ")] == ["مُحَمَّدٌ", "رسولٌ"]
    assert analyze("مُحَمَّدٌ") == ["محمد"]


def test_tokenizer_keeps_contractions_and_decimals_whole():
    assert [surface for surface, _, _ in tokenize("don't pay 3.5 dinars")] == ["don't", "pay", "3.5", "dinars"]


def test_offsets_point_into_the_original_text():
    text = "قدّم «الشكوى» اليوم"
    tokens = analyze_with_offsets(text)
    assert [text[token.start : token.end] for token in tokens] == ["قدّم", "الشكوى", "اليوم"]
    assert [token.term for token in tokens] == ["قدم", "شكو", "يوم"]


# --- Bilingual chain ------------------------------------------------------------------------------


def test_each_token_takes_the_chain_of_its_script():
    assert analyze("The customers' complaints في الخدمات") == ["custom", "complaint", "خدم"]


def test_english_possessive_is_removed():
    assert analyze("customer's") == analyze("customer") == ["custom"]


@pytest.mark.parametrize(
    "variants",
    [
        ("إجراءات", "اجراءات", "أجراءات", "الإجراءات"),
        ("مستشفى", "مستشفي"),
        ("الشَّكْوَى", "الشكـــوى", "الشكوى"),
        ("٢٤", "24", "۲۴"),
    ],
)
def test_spelling_variants_analyse_to_one_term(variants):
    assert len({tuple(analyze(variant)) for variant in variants}) == 1


def test_autocomplete_terms_strip_the_article():
    assert autocomplete_terms("دليل مراكز الخدمات") == ["دليل", "مراكز", "خدمات"]
    assert autocomplete_terms("Complaint Handling") == ["complaint", "handling"]


# --- Synonyms ---------------------------------------------------------------------------------


@pytest.fixture
def synonyms() -> SynonymSet:
    return SynonymSet.from_groups(
        [["عميل", "عملاء", "مستفيد"], ["موظف", "موظفين", "مقدم الخدمة"], ["customer", "client"], ["solo"]]
    )


def test_synonym_groups_are_analysed_with_the_chain(synonyms):
    assert ("عميل",) in synonyms.groups[0]
    assert ("مستفيد",) in synonyms.groups[0]
    assert ("مقدم", "خدم") in synonyms.groups[1]
    assert len(synonyms.groups) == 3  # a one-term group is dropped


def test_query_terms_expand_to_their_group(synonyms):
    [clause] = analyze_query("العملاء", synonyms)
    assert clause.terms == ("عملاء",)
    assert set(clause.alternatives) == {("عملاء",), ("عميل",), ("مستفيد",)}


def test_multi_word_synonyms_match_longest_first(synonyms):
    clauses = analyze_query("مقدم الخدمة customers", synonyms)
    assert [clause.terms for clause in clauses] == [("مقدم", "خدم"), ("custom",)]
    assert ("موظف",) in clauses[0].alternatives
    assert ("client",) in clauses[1].alternatives


def test_unknown_terms_stand_alone(synonyms):
    [clause] = analyze_query("الاستمارة", synonyms)
    assert clause.alternatives == (("استمار",),)


# --- Query-side article variants ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "stem", "other_stem"),
    [
        ("وثيقة", "ثيق", "وثيق"),  # «و» read as a conjunction without the article
        ("الوثيقة", "وثيق", "ثيق"),
        ("إلكتروني", "كترون", "الكترون"),  # «إل» normalises to «ال», stripped without the article
        ("الإلكتروني", "الكترون", "كترون"),
        ("وزير", "زير", "وزير"),
        ("بالوثيقة", "وثيق", "ثيق"),  # «بال» stripped: the bare word and «ال» + it
    ],
)
def test_an_arabic_word_also_matches_the_stem_of_its_other_article_form(word, stem, other_stem):
    [clause] = analyze_query(word)
    assert clause.terms == (stem,)
    assert clause.alternatives == ((stem,), (other_stem,))
    assert stem_arabic(normalize_arabic(word)) == stem  # the index side is untouched


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("وثيقة", ("الوثيقة",)),
        ("الوثيقة", ("وثيقة",)),
        ("إلكتروني", ("الإلكتروني",)),
        ("والخدمات", ("خدمات", "الخدمات")),
        ("للعميل", ("عميل", "العميل")),
        ("الشَّكْوَى", ("شكوى",)),  # harakat dropped, hamza forms kept
        ("الو", ("الالو",)),  # too short to hold an article
        ("complaint", ()),
        ("24", ()),
        ("٢٤", ()),
    ],
)
def test_article_forms(word, forms):
    assert article_forms(word) == forms


@pytest.mark.parametrize(
    "text",
    ["الخدمات", "خدمات", "والخدمات", "العملاء", "للعميل", "الشكوى", "شكوى", "الاستمارة", "٢٤", "complaints", "ذي"],
)
def test_article_forms_change_nothing_when_both_forms_share_a_stem(text):
    [clause] = analyze_query(text)
    assert clause.alternatives == (clause.terms,)
    assert clause.variants == ()


def test_article_variants_are_alternatives_of_the_same_clause(synonyms):
    clauses = analyze_query("وثيقة ناقصة")
    assert [clause.terms for clause in clauses] == [("ثيق",), ("ناقص",)]
    assert clauses[0].alternatives == (("ثيق",), ("وثيق",))
    assert clauses[0].words == ("وثيقة",) and clauses[0].variants == ("الوثيقة",)
    assert clauses[1].alternatives == (("ناقص",),)


def test_an_article_form_brings_its_own_synonyms():
    synonyms = SynonymSet.from_groups([["وثيقة", "مستند"]])  # «ثيق», «الوثيقة» «وثيق», «مستند»
    [clause] = analyze_query("الوثيقة", synonyms)
    assert clause.alternatives == (("وثيق",), ("ثيق",), ("مستند",))
    [clause] = analyze_query("وثيقة", synonyms)
    assert clause.alternatives == (("ثيق",), ("وثيق",), ("مستند",))


def test_a_group_word_finds_what_typing_it_finds():
    """«إلكتروني» stems to «كترون», «الإلكتروني» to «الكترون»: a group's word takes the
    article forms the reader typing it would (one-way expansions too), so «اونلاين» finds
    the pages saying «البريد الإلكتروني»."""
    assert vocabulary_forms("إلكتروني") == ["إلكتروني", "الإلكتروني"]
    # A phrase takes or drops the article on every word (noun and adjective agree).
    assert vocabulary_forms("بريد إلكتروني") == ["بريد إلكتروني", "البريد الإلكتروني"]
    # No form for English, proper names, phrases with a stop word, or forms analysed alike.
    assert vocabulary_forms("online") == ["online"]
    assert vocabulary_forms("تواصل") == ["تواصل"]
    assert vocabulary_forms("غير راض") == ["غير راض"]
    assert vocabulary_forms("عميل") == ["عميل"]
    synonyms = SynonymSet.from_rules([], [(["اونلاين"], ["إلكتروني"])])
    [clause] = analyze_query("اونلاين", synonyms)
    assert {("كترون",), ("الكترون",)} <= set(clause.alternatives)
    [clause] = analyze_query("إلكتروني", synonyms)  # one-way: the expansion finds only itself
    assert ("اونلا",) not in clause.alternatives


def test_a_form_already_among_the_synonyms_adds_nothing():
    synonyms = SynonymSet.from_groups([["وثيقة", "الوثيقة", "مستند"]])
    [clause] = analyze_query("وثيقة", synonyms)
    assert set(clause.alternatives) == {("ثيق",), ("وثيق",), ("مستند",)}
    assert clause.variants == ()


def test_a_multi_word_synonym_stays_one_clause_without_variants(synonyms):
    [clause] = analyze_query("مقدم الخدمة", synonyms)
    assert clause.terms == ("مقدم", "خدم")
    assert clause.words == ("مقدم", "الخدمة") and clause.variants == ()


def test_elasticsearch_synonym_rules_keep_editor_terms():
    assert synonym_rules([["عميل", "مستفيد"], ["a,b", "c"], ["only"]]) == ["عميل, مستفيد", "a b, c"]


# --- Parity on tricky inputs ------------------------------------------------------------------
# Expected outputs worked out by hand from Lucene's ArabicNormalizer and ArabicStemmer rules
# (normalise, then strip the FIRST matching prefix, then each suffix in table order), i.e.
# what Elasticsearch's ``arabic`` analyzer (our ``ar_index``) emits for each word. The same
# list runs against a real server in tests/search/test_elasticsearch_integration.py.

TRICKY_ARABIC = [
    # hamza forms, madda, alef maksura, teh marbuta
    ("أحمد", "احمد"),
    ("إسلام", "اسلام"),
    ("آمال", "امال"),
    ("إجراءات", "اجراء"),
    ("آجراءات", "اجراء"),
    ("الإجراءات", "اجراء"),
    ("مستشفى", "مستشف"),  # ى → ي, then the -y suffix
    ("المستشفى", "مستشف"),
    ("مدرسة", "مدرس"),  # ة → ه, then the -h suffix
    ("الخدمة", "خدم"),
    ("اقتصادية", "اقتصاد"),  # ة → ه first, so -yh (not -yp) is what matches
    ("اقتصاديه", "اقتصاد"),
    # diacritics and tatweel
    ("مُحَمَّدٌ", "محمد"),
    ("الشكـــوى", "شكو"),
    ("ـالعميلـ", "عميل"),
    # Arabic-Indic and Extended Arabic-Indic digits
    ("٢٠٢٦", "2026"),
    ("۱۴۴۷", "1447"),
    # prefixes: the first that fits wins, و only on 4+ letters
    ("والموظفين", "موظف"),
    ("بالخدمات", "خدم"),
    ("كالمعاملة", "معامل"),
    ("فالمراجعون", "مراجع"),
    ("للمستفيدين", "مستفيد"),
    ("وشكوى", "شكو"),
    ("ولد", "ولد"),  # too short for و-
    ("والد", "الد"),  # too short for وال- (needs 5), long enough for و-
    # suffixes, each re-checked on the shortened word, 2 letters kept
    ("كتابها", "كتاب"),
    ("موظفان", "موظف"),
    ("معاملات", "معامل"),
    ("بنات", "بن"),
    ("مواطنون", "مواطن"),
    ("مراجعين", "مراجع"),
    ("خدمته", "خدمت"),
    ("عربي", "عرب"),
    ("ها", "ها"),
    # stop words are matched BEFORE normalisation: with a tanween the word is not listed
    ("أيضاً", "ايضا"),
]


@pytest.mark.parametrize(("text", "expected"), TRICKY_ARABIC)
def test_tricky_arabic_inputs_follow_lucenes_rules(text, expected):
    assert analyze_arabic(text) == [expected]
    assert analyze(text) == [expected]


@pytest.mark.parametrize("text", ["أيضا", "إلى", "الي", "الى", "وهو", "الذين"])
def test_listed_stop_words_are_removed_as_written(text):
    assert analyze_arabic(text) == []
    assert analyze(text) == []
