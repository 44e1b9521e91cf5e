"""How a backend understands the way people ask (issue 11), written once: question words
and fillers, protected names, dialect/loanword/cross-language vocabulary (seeded by the
search migrations), typos, Arabizi, the partial-match notice, coverage and "did you mean"
with a sanity rule. Subclass ``UnderstandingBehaviour`` with a ``backend`` fixture (an
EMPTY backend), as ``backend_suite.BackendBehaviour``."""

from __future__ import annotations

import pytest

from search.backends.base import SearchQuery
from tests.search.backend_suite import PUBLIC, _doc, ids

CORPUS = [
    _doc(1, "ar", "تقديم شكوى عبر تطبيق «تواصل»", "procedure", summary="قدّم شكواك عبر التطبيق في دقائق."),
    _doc(
        2,
        "ar",
        "حسابات الجهة على وسائل التواصل الاجتماعي",
        "article",
        summary="ننشر الأخبار على وسائل التواصل الاجتماعي.",
    ),
    _doc(3, "ar", "الرسوم المقررة للخدمات", "faq", summary="جدول الرسوم المقررة لكل معاملة."),
    _doc(4, "ar", "كم أنتظر حتى يرد على مكالمتي؟", "faq", summary="يرد مركز الاتصال خلال دقيقتين."),
    _doc(5, "ar", "حجز موعد في مركز الخدمة", "procedure", summary="احجز موعدك عبر البوابة."),
    _doc(6, "ar", "خدمة الأولوية لذوي الإعاقة", "procedure", summary="أولوية للأشخاص ذوي الإعاقة وكبار السن."),
    _doc(7, "ar", "إصدار شهادة خدمة", "procedure", summary="تصدر الشهادة خلال يومين من الطلب."),
    _doc(8, "en", "Call centre etiquette", "guide", summary="Pre booking of calls and phone manners."),
    _doc(9, "ar", "ماذا أكتب في رسالتي؟", "faq", summary="أرسل معها المرفقات واكتب اسمك."),
    _doc(10, "ar", "تحديث البيانات الشخصية", "procedure", summary="حدّث عنوانك ورقم هاتفك."),
    _doc(11, "ar", "خدمة العملاء في المركز", "guide", summary="آداب الخدمة في المركز."),
    _doc(12, "ar", "إرشادات الدردشة الحية", "guide", summary="رد بسرعة وباسمك."),
]


@pytest.mark.django_db
class UnderstandingBehaviour:
    @pytest.fixture
    def loaded(self, backend):
        backend.index_documents(CORPUS)
        return backend

    def search(self, backend, text: str, audiences=PUBLIC):
        return backend.search(SearchQuery(text=text, audiences=audiences, page_size=20))

    def test_question_words_do_not_drive_the_match(self, loaded):
        results = self.search(loaded, "كم الرسوم")
        assert [hit.page_id for hit in results.hits] == [3]

    def test_a_query_of_question_words_only_is_searched_as_typed(self, loaded):
        assert ids(self.search(loaded, "كم")) == {4}

    def test_a_protected_name_finds_only_the_name(self, loaded):
        assert ids(self.search(loaded, "تواصل")) == {1}
        assert ids(self.search(loaded, "التواصل")) == {2}

    def test_complaint_does_not_find_social_media(self, loaded):
        assert ids(self.search(loaded, "شكوى")) == {1}

    def test_dialect_word_finds_the_formal_word(self, loaded):
        assert ids(self.search(loaded, "معاق")) == {6}
        assert ids(self.search(loaded, "المعاقين")) == {6}

    def test_the_formal_word_does_not_find_by_way_of_a_one_way_group(self, loaded):
        # «إعاقة» is an expansion of the one-way dialect group, not a source of it.
        assert ids(self.search(loaded, "الإعاقة")) == {6}

    def test_arabizi_is_read_as_arabic_words_of_the_index(self, loaded):
        assert ids(self.search(loaded, "mawid")) == {5}
        assert ids(self.search(loaded, "shakwa")) == {1}

    def test_arabizi_finds_a_word_the_vocabulary_holds_with_its_article(self, loaded):
        assert ids(self.search(loaded, "dardasha")) == {12}

    def test_arabizi_question_words_and_fillers_are_set_aside(self, loaded):
        # «shlon» (شلون) and «el» (ال) are a question word and the article, set aside as
        # they are in Arabic letters: the appointment page comes first and no word of the
        # query is reported as found nowhere.
        results = self.search(loaded, "shlon mawid el markaz")
        assert (results.hits[0].page_id, results.unmatched) == (5, [])

    def test_no_arabizi_when_another_latin_word_found_something(self, loaded):
        results = self.search(loaded, "etiquette mawid")
        assert (ids(results), results.unmatched) == ({8}, ["mawid"])

    def test_a_word_with_an_arabizi_digit_is_arabizi_whatever_the_other_words_found(self, loaded):
        # «maw3id» (the 3 is «ع») is read as «موعد» although «etiquette» found page 8.
        results = self.search(loaded, "etiquette maw3id")
        assert (ids(results), results.unmatched) == ({5, 8}, [])

    def test_an_acronym_is_not_read_as_arabizi(self, loaded):
        results = self.search(loaded, "CPR")
        assert (results.count, results.unmatched, results.suggestion) == (0, ["CPR"], None)

    def test_arabizi_reading_nothing_in_the_index_finds_nothing(self, loaded):
        results = self.search(loaded, "tasdeeq")
        assert (results.count, results.unmatched) == (0, ["tasdeeq"])

    def test_one_typo_in_a_long_word_finds_the_word(self, loaded):
        results = self.search(loaded, "الأولوبة")
        assert ids(results) == {6}
        assert results.unmatched == []

    def test_short_words_are_not_typo_corrected(self, loaded):
        assert self.search(loaded, "مويد").count == 0

    def test_partial_match_says_which_words_found_nothing(self, loaded):
        results = self.search(loaded, "اصدار رخصه")
        assert ids(results) == {7}
        assert results.unmatched == ["رخصه"]

    def test_every_word_found_gives_no_notice(self, loaded):
        assert self.search(loaded, "اصدار شهادة").unmatched == []

    def test_possessive_ending_finds_the_plural_the_content_uses(self, loaded):
        assert [hit.page_id for hit in self.search(loaded, "تحديث بياناتي").hits][:1] == [10]

    @pytest.mark.parametrize("text", ["شهادة راتب", "معاق", "CPR"])
    def test_did_you_mean_offers_no_nonsense(self, loaded, text):
        assert self.search(loaded, text).suggestion is None

    def test_a_word_on_most_pages_does_not_block_the_all_words_tier(self, backend):
        """«الجهة» is on most Arabic pages: a page needs the rarer «فيديو», not «الجهة», to
        be in the first tier, so the video-call page (without «الجهة») is not ranked below
        pages mentioning both in passing (Lucene's common-terms idea)."""
        passing = "قد تستخدم الجهة الفيديو أحيانا."
        backend.index_documents(
            [
                _doc(1, "ar", "الخدمة عبر مكالمة فيديو", "faq", summary="اطلب موعدا لمكالمة فيديو مع موظف."),
                *(
                    _doc(n, "ar", f"إرشادات عامة {n}", "guide", summary="تلتزم الجهة بالرد.", body=passing)
                    for n in (2, 3, 4)
                ),
                *(_doc(n, "ar", f"خدمات {n}", "faq", summary="تقدم الجهة خدماتها في المراكز.") for n in (5, 6, 7, 8)),
                *(_doc(n, "ar", f"موضوع آخر {n}", "article", summary="نص لا صلة له بالسؤال.") for n in (9, 10, 11, 12)),
            ]
        )
        hits = [hit.page_id for hit in self.search(backend, "فيديو الجهة").hits]
        assert hits[0] == 1
        assert set(hits[:4]) == {1, 2, 3, 4}  # the first tier: every page with «فيديو»

    def test_a_vocabulary_word_finds_its_article_form(self, loaded):
        # The seeded «اونلاين» group expands to «إلكتروني» (stemmed «كترون»); a page saying
        # «البريد الإلكتروني» («الكترون») is found, as typing «إلكتروني» finds it.
        loaded.index_documents([_doc(13, "ar", "راسلنا على البريد الإلكتروني", "faq", summary="نرد خلال يومين.")])
        assert 13 in ids(self.search(loaded, "اونلاين"))

    def test_did_you_mean_offers_a_close_real_word(self, loaded):
        assert self.search(loaded, "etiquete centre").suggestion == "etiquette centre"
