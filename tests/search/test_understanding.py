"""Query understanding (issue 11): the pure parts (fillers, Arabizi, the "did you mean"
sanity rule, protected names, one-way groups, the vocabulary data and its seeding), and
the shared behaviour suite on the embedded backend."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from search.analysis import NAME_MARK, SynonymSet, analyze, analyze_token
from search.backends import get_search_backend
from search.backends.embedded import EmbeddedSearchBackend
from search.backends.embedded.ranking import proximity_factor, typed_sequences
from search.understanding import (
    arabizi_candidates,
    is_arabizi_filler,
    plausible_correction,
    possessive_forms,
    query_clauses,
    without_fillers,
)
from search.vocabulary import KINDS, filler_phrases, protected_names, seed_groups
from tests.search.backend_suite import _doc, ids
from tests.search.understanding_suite import UnderstandingBehaviour


class TestEmbeddedUnderstanding(UnderstandingBehaviour):
    @pytest.fixture
    def backend(self, isolated_search_index):
        backend = get_search_backend()
        assert isinstance(backend, EmbeddedSearchBackend)
        return backend

    def test_a_common_word_does_not_bring_in_the_rest_of_the_index(self, loaded, monkeypatch):
        # «خدمة» is on most pages; with more partial matches than the threshold (here 0), a
        # page needs the words carrying half the query's weight: the rare «رسوم».
        monkeypatch.setattr("search.backends.embedded.ranking.COVERAGE_MIN_RESULTS", 0)
        assert ids(self.search(loaded, "رسوم خدمة")) == {3}
        monkeypatch.setattr("search.backends.embedded.ranking.COVERAGE_MIN_RESULTS", 10**9)
        assert ids(self.search(loaded, "رسوم خدمة")) == {3, 5, 6, 7, 11}

    def test_arabizi_reading_a_vocabulary_term_finds_its_group(self, loaded):
        # «isti6la3» reads «استطلاع», a word no page holds; the seeded group «survey» joins
        # it to «استبيان», which page 13 uses. Without a group, nothing (as «tasdeeq»).
        loaded.index_documents([_doc(13, "ar", "شارك في الاستبيان", "faq", summary="رأيك يهمنا.")])
        results = self.search(loaded, "isti6la3")
        assert (ids(results), results.unmatched) == ({13}, [])

    def test_a_typo_read_as_a_word_gets_the_title_boosts_of_that_word(self, loaded):
        # «تقدبم» finds nothing and is read as «تقديم»: page 1's title «تقديم شكوى …» gets
        # the title-phrase boost as for the word typed right, so both rank alike.
        typo, right = self.search(loaded, "تقدبم شكوى"), self.search(loaded, "تقديم شكوى")
        assert [(hit.page_id, hit.score) for hit in typo.hits] == [(hit.page_id, hit.score) for hit in right.hits]
        assert typo.hits[0].page_id == 1


def test_typed_sequences_read_each_rescued_word_as_its_readings():
    from search.analysis import QueryClause

    clauses = [
        QueryClause(("تقدبم",), (("تقدبم",), ("تقديم",), ("تقدم",)), ("تقدبم",), readings=(("تقديم",), ("تقدم",))),
        QueryClause(("شكو",), (("شكو",),), ("شكوى",)),
    ]
    assert typed_sequences(clauses) == {("تقدبم", "شكو"), ("تقديم", "شكو"), ("تقدم", "شكو")}
    assert typed_sequences(clauses[1:]) == {("شكو",)}


def test_proximity_factor_counts_neighbouring_clause_pairs_near_in_one_field():
    clauses = [{"a"}, {"b"}, {"c"}]
    # a-b near in the body (2 apart), b-c never within 3 terms in one field.
    assert proximity_factor(clauses, [["x"], ["a", "x", "b", "x", "x", "x", "x", "c"]]) == pytest.approx(1.3)
    assert proximity_factor(clauses, [["a", "b"], ["b", "c"]]) == pytest.approx(1.6)
    assert proximity_factor(clauses, [["a", "x", "x", "x", "x", "b"]]) == 1.0
    assert proximity_factor([{"a"}], [["a"]]) == 1.0


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("كم الرسوم", "الرسوم"),
        ("وش المطلوب لو سمحت", "المطلوب"),
        ("ابغى اجدد الاقامة", "اجدد الاقامة"),
        ("how do I book", "book"),
        ("كيف", "كيف"),
        # A stop word as people type it («علي» for «على», «الي» for «إلى»): the analysis's
        # stop list is compared before normalising, so the query drops it here.
        ("اشتكي علي موظف", "اشتكي موظف"),
        ("ارسل الي الجهة", "ارسل الجهة"),
        # «و» clinging to a filler of three letters or more, but not to a shorter one:
        # «ولي الامر» (a guardian) is not «و» + «لي».
        ("نسيت الهويه وانا بالمركز", "نسيت الهويه بالمركز"),
        ("ولي الامر", "ولي الامر"),
        # An article or preposition written apart from the English word it belongs to.
        ("الموظف عند الـ counter", "الموظف counter"),
        ("كيف اسوي update للـ bank account", "اسوي update bank account"),
        # Gulf connectives and particles, English pronouns and auxiliaries.
        ("وش الاوراق اللي لازم اجيبها معي", "الاوراق اجيبها"),
        ("can you get me a service in english", "a service in english"),
    ],
)
def test_fillers_are_set_aside(text, kept):
    assert without_fillers(text) == kept


@pytest.mark.parametrize(
    ("word", "is_filler"),
    [
        ("shlon", True),  # شلون
        ("wain", True),  # وين
        ("kam", True),  # كم
        ("3shan", True),  # عشان
        ("ab8a", True),  # ابغى
        ("3lai", True),  # «علي», the stop word «على» as typed
        ("el", True),  # the article, too short for the readings
        ("ma", True),
        ("maw3id", False),
        ("talab", False),
        ("shakwa", False),
        ("tajdeed", False),
    ],
)
def test_arabizi_question_words_and_fillers_are_recognised(word, is_filler):
    assert is_arabizi_filler(word) is is_filler


@pytest.mark.parametrize(
    ("word", "reading"),
    [
        ("maw3id", "موعد"),
        ("shakwa", "شكوي"),
        ("tasdeeq", "تصديق"),
        ("tajdeed", "تجديد"),
        ("iqama", "اقامه"),
        # A doubled consonant is one letter with a shadda.
        ("mudda", "مده"),
        ("mowazzaf", "موظف"),
        ("tasjeel", "تسجيل"),
        # An apostrophe inside a word is ain or hamza.
        ("ma'ad", "معاد"),
        ("su'al", "سؤال"),
        ("ta'kheer", "تاخير"),
        # The Gulf's «ch» is also kaf.
        ("chem", "كم"),
    ],
)
def test_arabizi_candidates_hold_the_arabic_word(word, reading):
    assert reading in arabizi_candidates(word)


@pytest.mark.parametrize("word", ["2026", "ab", "hello world", "كلمة", "CPR", "SMS", "crp", "'maw3id", "ma''ad"])
def test_words_that_cannot_be_arabizi_have_no_candidates(word):
    assert arabizi_candidates(word) == []


@pytest.mark.parametrize(
    ("word", "correction", "plausible"),
    [
        ("راتب", "أكتب", False),
        ("معاق", "معها", False),
        ("cpr", "pre", False),
        ("complant", "complaint", True),
        ("الاولوبة", "الأولوية", True),
        ("شكوى", "complaint", False),
        ("موعد", "موعد", False),
    ],
)
def test_did_you_mean_sanity_rule(word, correction, plausible):
    assert plausible_correction(word, correction) is plausible


def test_a_protected_name_is_not_the_common_word():
    assert analyze_token("تواصل") == "تواصل" + NAME_MARK
    assert analyze_token("بتواصل") == "تواصل" + NAME_MARK
    assert analyze_token("التواصل") == "تواصل"
    assert analyze("وسائل التواصل") == ["سائل", "تواصل"]
    assert protected_names() == ("تواصل",)


def test_a_protected_name_gets_no_article_variants():
    (clause,) = query_clauses("تواصل")
    assert clause.alternatives == (("تواصل" + NAME_MARK,),)


def test_one_way_groups_expand_one_way():
    synonyms = SynonymSet.from_rules([["مدة", "مهلة"]], [(["زعلان", "مو راضي"], ["غير راض", "شكوى"])])
    assert synonyms.alternatives(("زعل",)) == [("زعل",), ("مو", "راض"), ("راض",), ("شكو",)]
    assert synonyms.alternatives(("شكو",)) == [("شكو",)]
    assert synonyms.alternatives(("مهل",)) == [("مهل",), ("مد",)]


def test_possessive_endings():
    assert possessive_forms("بياناتي") == ["بيانات"]
    assert possessive_forms("البيانات") == []
    assert possessive_forms("تواصل") == []


def test_vocabulary_data_is_valid():
    groups = seed_groups()
    assert {group.kind for group in groups} == set(KINDS)
    assert all(group.terms for group in groups)
    assert ("كم",) in filler_phrases()
    assert ("لو", "سمحت") in filler_phrases()


@pytest.mark.django_db
def test_the_migrations_seed_the_vocabulary_and_take_the_app_name_out_of_complaints():
    from search.models import Synonym

    dialect = Synonym.objects.get(kind="dialect", notes="dissatisfied (Gulf)")
    assert dialect.is_one_way
    assert dialect.expansion_list() == ["غير راض", "شكوى", "استياء"]
    complaint = Synonym.objects.get(language="ar", notes="complaint")
    assert complaint.term_list() == ["شكوى", "شكاوى", "بلاغ", "بلاغات"]
    seeded = seed_groups()
    for kind in KINDS:
        for language in ("ar", "en"):
            in_file = len([group for group in seeded if (group.kind, group.language) == (kind, language)])
            in_database = Synonym.objects.filter(kind=kind, language=language).count()
            if kind == "synonym":  # earlier migrations seeded synonym groups of their own
                assert in_database >= in_file, (kind, language)
            else:  # the other kinds come from the file alone, each group once
                assert in_database == in_file, (kind, language)


@pytest.mark.django_db
def test_load_search_vocabulary_adds_only_missing_groups(capsys):
    from search.models import Synonym

    loanwords = len([group for group in seed_groups() if group.kind == "loanword"])
    assert loanwords >= 7
    Synonym.objects.filter(kind="loanword").delete()
    call_command("load_search_vocabulary")
    assert Synonym.objects.filter(kind="loanword").count() == loanwords
    call_command("load_search_vocabulary")
    assert capsys.readouterr().out.splitlines() == [
        f"{loanwords} vocabulary group(s) added.",
        "0 vocabulary group(s) added.",
    ]


def test_the_search_page_says_which_words_found_nothing(client, site_tree):
    from bs4 import BeautifulSoup

    from tests.search.web_support import build_corpus

    corpus = build_corpus(site_tree)
    response = client.get("/search/", {"q": "شكوى رخصه"})
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert [link.get_text(strip=True) for link in page.select(".search-result a")][:1] == [corpus.ar_complaint.title]
    notice = page.select_one(".search-unmatched")
    assert " ".join(notice.get_text().split()) == "لا نتائج لـ«رخصه»: النتائج أدناه تطابق كلماتك الأخرى."
    complete = BeautifulSoup(client.get("/search/", {"q": "شكوى"}).content.decode(), "html.parser")
    assert complete.select_one(".search-unmatched") is None
