"""The behaviour every search backend must show, written once.

Subclass ``BackendBehaviour`` and provide a ``backend`` fixture returning an EMPTY backend;
the suite loads its corpus and checks the same things on every engine (embedded always,
Elasticsearch when a real server is available). Synonyms come from the seeded
``search.models.Synonym`` table, so the tests need the database.

The query semantics are ``search.backends.base``'s: all words first, then any word when
fewer than ``AND_FIRST_PAGE`` pages have them all (those first, then the others), counts
and facets over the result set returned, each Arabic word also matching its forms with
and without the article."""

from __future__ import annotations

import datetime

import pytest

from search.backends.base import AND_FIRST_PAGE, SearchDocument, SearchQuery
from search.backends.embedded import EmbeddedSearchBackend

PUBLIC = ("public",)
STAFF = ("public", "staff")
NOW = datetime.datetime(2026, 1, 15, 9, 30, tzinfo=datetime.UTC)


def frequent_path_backend(path, **limits) -> EmbeddedSearchBackend:
    """The embedded backend with every term frequent (bitsets, postings, champions) and
    every ranking from candidates: a small corpus takes a large corpus's paths."""
    options = {"heavy_df": 1, "champions": 2, "exact_rank_limit": 0, "exact_fallback_limit": 0}
    return EmbeddedSearchBackend(path, **{**options, **limits})


def _doc(page_id: int, locale: str, title: str, type_: str, **fields) -> SearchDocument:
    return SearchDocument(
        page_id=page_id,
        slug=f"page-{page_id}",
        locale=locale,
        title=title,
        url=f"/{'en/' if locale == 'en' else ''}page-{page_id}/",
        type=type_,
        last_updated=NOW,
        **fields,
    )


CORPUS = [
    _doc(
        1,
        "ar",
        "كيف أقدم شكوى على مقدم الخدمة؟",
        "faq",
        summary="تقديم الشكوى عبر تطبيق تواصل أو مقابلة مدير المركز.",
        body="يستمع الموظف إلى الشكوى دون مقاطعة ثم يعتذر ويقترح الحل.",
        agency="moi",
        channels=("chat", "phone"),
    ),
    _doc(
        2,
        "ar",
        "إجراءات تجديد الاستمارة",
        "procedure",
        summary="خطوات تجديد استمارة المركبة خلال ٢٤ ساعة عمل.",
        body="يحضر صاحب الطلب الوثيقة المطلوبة <b>مهم</b> إلى مركز الخدمة.",
        agency="mot",
        channels=("centre",),
    ),
    _doc(
        3,
        "ar",
        "حقوق العميل في المستشفى",
        "article",
        summary="ما يحق للعميل عند زيارة مستشفى حكومي.",
        body="نحترم وقت العميل ونرد على استفساره خلال 48 ساعة.",
        tags=("حقوق",),
    ),
    _doc(
        4,
        "ar",
        "دليل مراكز الخدمات",
        "guide",
        summary="آداب الاستقبال في مراكز الخدمة.",
        body="ابتسم وحيِّ القادم بلطف وانظر إليه أثناء الحديث.",
        channels=("centre",),
    ),
    _doc(
        5,
        "ar",
        "إرشادات زنجبيلية لمعالجة البلاغات الحساسة",
        "faq",
        summary="تعليمات داخلية لتصعيد البلاغات السرية.",
        body="لا تشارك هذه التعليمات خارج الفريق.",
        agency="secret-agency",
        channels=("email",),
        audiences=("staff",),
    ),
    _doc(
        6,
        "en",
        "How do I file a complaint?",
        "faq",
        summary="Complaints go through the Tawasul app.",
        body="You can track each complaint online & get updates.",
        agency="moi",
        channels=("chat",),
    ),
    _doc(
        7,
        "en",
        "Answering calls politely",
        "guide",
        summary="Phone etiquette for call centre staff.",
        body="Greet the caller, listen without interrupting and thank them.",
        channels=("phone",),
    ),
    _doc(
        8,
        "en",
        "Confidential escalation playbook",
        "article",
        summary="Internal guidance on quarantined cases.",
        body="Zebrafish protocol for sensitive escalations.",
        agency="secret-agency",
        audiences=("staff",),
    ),
] + [
    _doc(
        100 + number,
        "ar",
        f"إعلان رقم {number} عن التدريب",
        "announcement",
        summary="دورة تدريب جديدة للموظفين.",
        body=f"تبدأ الدورة {number} في المركز الرئيسي.",
    )
    for number in range(1, 13)
]


def ids(results) -> set[int]:
    return {hit.page_id for hit in results.hits}


def ranked(results) -> list[int]:
    return [hit.page_id for hit in results.hits]


#: Pages for the all-words-first rules (indexed on their own, into an empty backend).
TIER_DOCS = [
    _doc(201, "en", "Queue queue queue", "guide", summary="Queue etiquette.", body="queue queue queue queue"),
    _doc(
        202,
        "en",
        "Help counter hours",
        "faq",
        body="Opening hours vary by season; at noon a short queue may form in front of the help desk, "
        "so visitors are asked to book an appointment online, bring their papers and wait to be called.",
    ),
    _doc(203, "en", "Desk desk", "guide", body="Desk layout."),
    _doc(
        204, "en", "Queue desk escalation", "article", body="queue desk", agency="secret-agency", audiences=("staff",)
    ),
    # Other pages, so that the two words are rare enough to weigh (IDF).
    *(_doc(210 + number, "en", f"Parking page {number}", "article", body="Parking bays.") for number in range(8)),
]
#: ``AND_FIRST_PAGE`` public pages with both words, three with one, one staff-only with both.
BOUNDARY_DOCS = [
    *(
        _doc(300 + number, "en", f"Lantern harbour notice {number}", "article", body="lantern harbour")
        for number in range(AND_FIRST_PAGE)
    ),
    *(_doc(320 + number, "en", f"Lantern care {number}", "guide", body="lantern") for number in range(3)),
    _doc(
        330,
        "en",
        "Lantern harbour secrets",
        "faq",
        body="lantern harbour",
        agency="secret-agency",
        audiences=("staff",),
    ),
]

#: Audience keys of two roles (``knowledge.permissions.role_key``: by group id).
HR_KEY, LEADERSHIP_KEY = "role:4", "role:5"
#: What each kind of reader holds (``knowledge.permissions.audience_keys_for``).
READER_KEYS = {
    "anonymous": PUBLIC,
    "staff": STAFF,
    "hr": (*STAFF, HR_KEY),
    "leadership": (*STAFF, LEADERSHIP_KEY),
    "superuser": (*STAFF, "superusers", HR_KEY, LEADERSHIP_KEY),
}
#: One page of every audience, all with the word "appraisal".
AUDIENCE_DOCS = [
    _doc(
        401,
        "en",
        "Appraisal calibration guidance",
        "article",
        summary="Marigald calibration.",
        body="appraisal",
        agency="hr-agency",
        audiences=(HR_KEY,),
    ),
    _doc(402, "en", "Appraisal award deliberations", "article", body="appraisal", audiences=(HR_KEY, LEADERSHIP_KEY)),
    _doc(403, "en", "Appraisal retreat agenda", "article", body="appraisal", audiences=(LEADERSHIP_KEY,)),
    _doc(404, "en", "Marigold gardens", "guide", body="appraisal marigold"),
    _doc(405, "en", "Appraisal questions for staff", "faq", body="appraisal", audiences=("staff",)),
]
#: Which of ``AUDIENCE_DOCS`` each reader may see.
AUDIENCE_VISIBLE = {
    "anonymous": {404},
    "staff": {404, 405},
    "hr": {401, 402, 404, 405},
    "leadership": {402, 403, 404, 405},
    "superuser": {401, 402, 403, 404, 405},
}


@pytest.mark.django_db
class BackendBehaviour:
    """Subclasses provide ``backend`` (an empty backend of their kind)."""

    @pytest.fixture
    def loaded(self, backend):
        backend.index_documents(CORPUS)
        return backend

    def search(self, backend, text: str, audiences=PUBLIC, **options):
        return backend.search(
            SearchQuery(text=text, audiences=audiences, page_size=options.pop("page_size", 20), **options)
        )

    # --- spelling variants -------------------------------------------------------------

    @pytest.mark.parametrize("text", ["إجراءات", "اجراءات", "أجراءات", "آجراءات", "الإجراءات"])
    def test_alef_hamza_forms_find_the_same_document(self, loaded, text):
        assert ids(self.search(loaded, text)) == {2}

    @pytest.mark.parametrize(("written", "typed"), [("استمارة", "استماره"), ("مستشفى", "مستشفي")])
    def test_teh_marbuta_and_alef_maksura_variants(self, loaded, written, typed):
        assert ids(self.search(loaded, typed)) == ids(self.search(loaded, written)) != set()

    @pytest.mark.parametrize("text", ["الشَّكْوَى", "الشكـــوى", "الشكوى"])
    def test_diacritics_and_tatweel_are_ignored(self, loaded, text):
        assert 1 in ids(self.search(loaded, text))

    @pytest.mark.parametrize(("text", "page_id"), [("٢٤", 2), ("24", 2), ("٤٨", 3), ("۴۸", 3)])
    def test_arabic_indic_digits_match_ascii_digits(self, loaded, text, page_id):
        assert ids(self.search(loaded, text)) == {page_id}

    # --- plurals and synonyms ------------------------------------------------------------

    def test_broken_plural_finds_singular_through_synonyms(self, loaded):
        assert 3 in ids(self.search(loaded, "عملاء"))
        assert 1 in ids(self.search(loaded, "شكاوى"))

    def test_synonym_finds_page_written_with_another_word(self, loaded):
        assert 3 in ids(self.search(loaded, "مستفيد"))
        assert 3 in ids(self.search(loaded, "المستفيدين"))

    def test_english_stemming(self, loaded):
        assert 6 in ids(self.search(loaded, "complaints"))
        assert 7 in ids(self.search(loaded, "calling"))

    def test_editor_synonym_change_applies_at_query_time(self, loaded):
        from search.models import Synonym

        assert 7 not in ids(self.search(loaded, "courteous"))
        group = Synonym.objects.create(language="en", terms="courteous, polite")
        loaded.reload_synonyms()
        assert 7 in ids(self.search(loaded, "courteous"))
        group.delete()
        loaded.reload_synonyms()
        assert 7 not in ids(self.search(loaded, "courteous"))

    # --- query semantics -----------------------------------------------------------------

    def test_the_page_with_every_word_comes_first(self, loaded):
        assert ranked(self.search(loaded, "تجديد الاستمارة"))[:1] == [2]

    def test_any_word_when_no_page_has_every_word(self, loaded):
        from search.models import Synonym
        from search.synonyms import invalidate_synonyms

        # Without the seeded English-to-Arabic group that makes "complaint" find «شكوى».
        Synonym.objects.filter(kind="cross_language").update(is_active=False)
        invalidate_synonyms()
        assert ids(self.search(loaded, "الاستمارة complaint")) == {2, 6}

    def test_only_pages_with_every_word_when_they_fill_a_page(self, loaded):
        # 12 announcements hold «الدورة» and «المركز»; pages 1 and 2 hold «المركز» only.
        results = self.search(loaded, "الدورة المركز")
        assert results.count == 12
        assert ids(results) == set(range(101, 113))
        assert results.facets["type"] == {"announcement": 12}

    def test_fewer_than_a_page_with_every_word_adds_the_pages_with_any_word(self, loaded):
        # Page 1 holds «الموظف» and «الشكوى»; the 12 announcements hold «للموظفين» only.
        results = self.search(loaded, "الموظف الشكوى")
        assert results.count == 13
        assert ranked(results)[0] == 1
        assert ids(results) == {1, *range(101, 113)}
        assert results.facets["type"] == {"announcement": 12, "faq": 1}

    def test_pages_with_every_word_rank_above_pages_with_some_whatever_their_scores(self, backend):
        backend.index_documents(TIER_DOCS)
        results = self.search(backend, "queue desk")
        assert results.count == 3
        assert ranked(results)[0] == 202
        assert ids(results) == {201, 202, 203}
        assert max(hit.score for hit in results.hits[1:]) > results.hits[0].score  # 201 alone scores higher
        staff = self.search(backend, "queue desk", audiences=STAFF)
        assert set(ranked(staff)[:2]) == {202, 204}
        assert staff.count == 4

    def test_the_all_words_threshold_is_a_full_first_page(self, backend):
        backend.index_documents(BOUNDARY_DOCS)
        full = self.search(backend, "lantern harbour")
        assert full.count == AND_FIRST_PAGE
        assert ids(full) == {300 + number for number in range(AND_FIRST_PAGE)}
        assert full.facets["type"] == {"article": AND_FIRST_PAGE}
        assert self.search(backend, "lantern harbour", page=2, page_size=AND_FIRST_PAGE).hits == []

        backend.delete_documents([300])
        short = self.search(backend, "lantern harbour")
        assert short.count == AND_FIRST_PAGE - 1 + 3
        assert set(ranked(short)[: AND_FIRST_PAGE - 1]) == {300 + number for number in range(1, AND_FIRST_PAGE)}
        assert set(ranked(short)[AND_FIRST_PAGE - 1 :]) == {320, 321, 322}
        assert short.facets["type"] == {"article": AND_FIRST_PAGE - 1, "guide": 3}

    def test_pagination_walks_a_two_tier_result_set_once(self, backend):
        backend.index_documents(BOUNDARY_DOCS[1:])
        whole = ranked(self.search(backend, "lantern harbour"))
        pages = [self.search(backend, "lantern harbour", page=number, page_size=5) for number in (1, 2, 3)]
        assert [len(results.hits) for results in pages] == [5, 5, 2]
        assert all(results.count == 12 for results in pages)
        seen = [hit.page_id for results in pages for hit in results.hits]
        assert seen == whole
        assert len(set(seen)) == 12
        assert set(seen[: AND_FIRST_PAGE - 1]) == {300 + number for number in range(1, AND_FIRST_PAGE)}

    def test_ranked_page_ids_and_result_count_agree_with_search(self, backend):
        backend.index_documents(BOUNDARY_DOCS[1:])
        whole = self.search(backend, "lantern harbour")
        query = SearchQuery(text="lantern harbour", audiences=PUBLIC)
        assert backend.ranked_page_ids(query, 50) == ranked(whole)
        assert backend.ranked_page_ids(query, 5) == ranked(whole)[:5]
        assert backend.ranked_page_ids(query, 0) == []
        assert backend.result_count(query) == whole.count == 12
        assert backend.result_count(SearchQuery(text="lantern harbour", audiences=PUBLIC, languages=("ar",))) == 0
        assert backend.ranked_page_ids(SearchQuery(text="nothingmatches", audiences=PUBLIC), 10) == []

    def test_matching_page_ids_are_the_given_pages_in_the_result_set(self, loaded):
        assert loaded.matching_page_ids(SearchQuery(text="الشكوى"), [1, 2, 6, 999]) == {1}
        assert loaded.matching_page_ids(SearchQuery(text="الموظف الشكوى"), [1, 101, 2]) == {1, 101}
        # A full page has both words, so pages with one of them are outside the result set.
        assert loaded.matching_page_ids(SearchQuery(text="الدورة المركز"), [101, 2, 4]) == {101}
        assert loaded.matching_page_ids(SearchQuery(text="escalation"), [8]) == set()
        assert loaded.matching_page_ids(SearchQuery(text="escalation", audiences=STAFF), [8]) == {8}
        assert loaded.matching_page_ids(SearchQuery(text="الشكوى", languages=("en",)), [1]) == set()
        assert loaded.matching_page_ids(SearchQuery(text="الشكوى"), []) == set()

    def test_article_forms_match_the_same_word(self, backend):
        """«وثيقة» and «الوثيقة» (or «إلكتروني» and «الإلكتروني») stem differently; a
        query in one form finds pages written in the other."""
        backend.index_documents(
            [
                _doc(401, "ar", "نسيت الوثيقة الناقصة", "faq", body="أحضر الوثيقة لاحقًا."),
                _doc(402, "ar", "رقم وثيقة السفر", "faq", body="كل وثيقة لها رقم."),
                _doc(403, "ar", "البريد الإلكتروني", "guide", body="نرد على البريد الإلكتروني."),
                _doc(404, "ar", "نموذج إلكتروني", "guide", body="املأ النموذج."),
            ]
        )
        assert ids(self.search(backend, "وثيقة")) == {401, 402}
        assert ids(self.search(backend, "الوثيقة")) == {401, 402}
        assert ranked(self.search(backend, "وثيقة ناقصة"))[0] == 401
        assert ids(self.search(backend, "إلكتروني")) == {403, 404}
        assert ids(self.search(backend, "الإلكتروني")) == {403, 404}

    def test_filters_by_type_language_channel_and_agency(self, loaded):
        assert ids(self.search(loaded, "شكوى complaint", languages=("en",))) == {6}
        assert ids(self.search(loaded, "شكوى complaint", types=("faq",), channels=("phone",))) == {1}
        assert ids(self.search(loaded, "شكوى complaint", agencies=("moi",))) == {1, 6}

    # --- facets -------------------------------------------------------------------------

    def test_facet_counts_over_the_match_set(self, loaded):
        results = self.search(loaded, "التدريب")
        assert results.count == 12
        assert results.facets["type"] == {"announcement": 12}
        assert results.facets["lang"] == {"ar": 12}

    def test_facets_count_channels_agencies_and_languages(self, loaded):
        results = self.search(loaded, "شكوى complaint")
        assert results.count == 2
        assert results.facets["channel"] == {"chat": 2, "phone": 1}
        assert results.facets["agency"] == {"moi": 2}
        assert results.facets["lang"] == {"ar": 1, "en": 1}
        assert results.facets["type"] == {"faq": 2}

    # --- audience -------------------------------------------------------------------------

    def test_staff_only_pages_never_reach_public_readers(self, loaded):
        for text in ("زنجبيلية", "زنجبيلية الحساسة", "Zebrafish", "confidential playbook"):
            results = self.search(loaded, text)
            assert results.count == 0
            assert results.hits == []
            assert "secret-agency" not in results.facets.get("agency", {})
            assert sum(results.facets.get("type", {}).values()) == 0

    def test_staff_see_staff_only_pages(self, loaded):
        assert ids(self.search(loaded, "زنجبيلية", audiences=STAFF)) == {5}
        assert ids(self.search(loaded, "Zebrafish", audiences=STAFF)) == {8}

    def test_staff_only_pages_are_not_counted_in_public_facets(self, loaded):
        public = self.search(loaded, "البلاغات")
        staff = self.search(loaded, "البلاغات", audiences=STAFF)
        assert 5 not in ids(public)
        assert "email" not in public.facets.get("channel", {})
        assert staff.facets["channel"]["email"] == 1
        assert staff.count == public.count + 1

    def test_suggestions_never_reveal_staff_only_words(self, loaded):
        assert self.search(loaded, "زنجبلية").suggestion is None
        assert self.search(loaded, "زنجبلية", audiences=STAFF).suggestion == "زنجبيلية"
        assert self.search(loaded, "الاستمارة زنجبلية").suggestion is None
        assert self.search(loaded, "الاستمارة زنجبلية", audiences=STAFF).suggestion == "الاستمارة زنجبيلية"

    def test_staff_only_pages_never_take_part_in_all_words_first(self, backend):
        """A staff-only page with every word neither counts towards a public reader's
        all-words threshold nor shows in any title, facet or count."""
        backend.index_documents(BOUNDARY_DOCS[1:] + TIER_DOCS)
        for text, expected in (("lantern harbour", 12), ("queue desk", 3)):
            results = self.search(backend, text)
            assert results.count == expected
            assert 330 not in ids(results) and 204 not in ids(results)
            assert "secret-agency" not in results.facets.get("agency", {})
            assert sum(results.facets["lang"].values()) == expected
            assert all(
                "secret" not in hit.title.lower() and "escalation" not in hit.title.lower() for hit in results.hits
            )
        assert self.search(backend, "lantern harbour", audiences=STAFF).count == AND_FIRST_PAGE

    def test_autocomplete_never_offers_staff_only_titles(self, loaded):
        assert loaded.autocomplete("زنجب", audiences=PUBLIC) == []
        assert [hit.page_id for hit in loaded.autocomplete("زنجب", audiences=STAFF)] == [5]
        assert loaded.autocomplete("Confid", audiences=PUBLIC) == []

    @pytest.mark.parametrize("reader", sorted(READER_KEYS))
    def test_every_reader_finds_counts_and_completes_only_the_audiences_they_hold(self, backend, reader):
        backend.index_documents(AUDIENCE_DOCS)
        keys, visible = READER_KEYS[reader], AUDIENCE_VISIBLE[reader]
        results = self.search(backend, "appraisal", audiences=keys)
        assert ids(results) == visible
        assert results.count == len(visible)
        assert sum(results.facets["type"].values()) == len(visible)
        assert ("hr-agency" in results.facets.get("agency", {})) == (401 in visible)
        hits = backend.autocomplete("Apprai", audiences=keys)
        assert {hit.page_id for hit in hits} == visible - {404}
        query = SearchQuery(text="appraisal", audiences=keys)
        assert backend.matching_page_ids(query, [401, 402, 403, 404, 405]) == visible

    def test_did_you_mean_knows_only_the_words_of_pages_the_reader_may_see(self, backend):
        """A word found only on an HR page is, for other readers, a word the index does not
        know: corrected like an invented word, and never offered."""
        backend.index_documents(AUDIENCE_DOCS)
        for keys in (READER_KEYS["anonymous"], READER_KEYS["leadership"]):
            assert self.search(backend, "marigald", audiences=keys).suggestion == "marigold"
            assert self.search(backend, "marigeld", audiences=keys).suggestion == "marigold"
        assert self.search(backend, "marigald", audiences=READER_KEYS["hr"]).suggestion is None

    def test_no_audience_sees_nothing(self, loaded):
        assert self.search(loaded, "شكوى", audiences=()).count == 0

    # --- pagination -----------------------------------------------------------------------

    def test_pagination_walks_every_result_once(self, loaded):
        pages = [self.search(loaded, "تدريب", page=number, page_size=5) for number in (1, 2, 3)]
        assert [len(results.hits) for results in pages] == [5, 5, 2]
        assert all(results.count == 12 for results in pages)
        seen = [hit.page_id for results in pages for hit in results.hits]
        assert len(seen) == len(set(seen)) == 12
        assert self.search(loaded, "تدريب", page=4, page_size=5).hits == []

    # --- did you mean -------------------------------------------------------------------

    def test_did_you_mean_for_a_misspelt_english_query(self, loaded):
        # The typo is also read as the word (typo tolerance); the correction is offered.
        results = self.search(loaded, "complait")
        assert results.suggestion == "complaint"

    def test_did_you_mean_for_a_misspelt_arabic_query(self, loaded):
        assert self.search(loaded, "الاستمارت").suggestion == "الاستمارة"

    def test_no_suggestion_when_the_query_is_fine(self, loaded):
        assert self.search(loaded, "الاستمارة").suggestion is None
        assert self.search(loaded, "وثيقة").suggestion is None  # known in its article form

    def test_did_you_mean_when_one_word_of_several_is_misspelt(self, loaded):
        results = self.search(loaded, "الاستمارة complait")
        assert 2 in ids(results)
        assert results.suggestion == "الاستمارة complaint"

    # --- highlighting ---------------------------------------------------------------------

    def test_snippet_highlights_the_original_text(self, loaded):
        [hit] = self.search(loaded, "الوثيقه").hits
        assert "<mark>الوثيقة</mark>" in hit.snippet
        assert "&lt;b&gt;مهم&lt;/b&gt;" in hit.snippet
        assert "<b>" not in hit.snippet

    def test_snippet_highlights_synonym_matches(self, loaded):
        [hit] = [hit for hit in self.search(loaded, "مستفيد").hits if hit.page_id == 3]
        assert "<mark>للعميل</mark>" in hit.snippet or "<mark>العميل</mark>" in hit.snippet

    def test_english_snippet_is_escaped(self, loaded):
        [hit] = self.search(loaded, "track", languages=("en",)).hits
        assert "<mark>track</mark>" in hit.snippet
        assert "&amp;" in hit.snippet

    def test_hit_carries_page_fields(self, loaded):
        [hit] = self.search(loaded, "How do I file a complaint").hits[:1]
        assert (hit.page_id, hit.slug, hit.locale, hit.url, hit.type) == (6, "page-6", "en", "/en/page-6/", "faq")
        assert hit.title == "How do I file a complaint?"
        assert hit.score > 0

    # --- search keywords (how people ask, in words the page lacks) ---------------------------

    def keyword_docs(self, backend):
        backend.index_documents(
            [
                _doc(
                    501,
                    "ar",
                    "حجز موعد في مركز الخدمة",
                    "procedure",
                    summary="اختر المركز واليوم والساعة.",
                    body="تصلك رسالة تأكيد بالموعد.",
                    keywords=("ابي احجز", "كنسل الحجز", "appointment online"),
                ),
                _doc(502, "ar", "مواعيد العمل", "faq", summary="يفتح المركز صباحًا.", body="الحجز غير مطلوب."),
                _doc(503, "en", "Booking a slot", "procedure", summary="Pick a centre.", body="Appointment needed."),
            ]
        )
        return backend

    def test_a_page_is_found_by_its_search_keywords(self, backend):
        self.keyword_docs(backend)
        assert ids(self.search(backend, "ابي احجز")) == {501}
        assert ids(self.search(backend, "كنسل")) == {501}
        assert 501 in ids(self.search(backend, "appointment online"))

    def test_search_keywords_are_never_shown(self, backend):
        self.keyword_docs(backend)
        [hit] = self.search(backend, "كنسل").hits
        assert hit.page_id == 501
        assert "كنسل" not in hit.snippet
        assert "ابي" not in hit.snippet

    def test_a_search_keyword_weighs_less_than_the_title(self, backend):
        """Keywords weigh as the summary: a page titled with the word comes first."""
        self.keyword_docs(backend)
        backend.index_documents([_doc(504, "ar", "كنسل الطلب", "faq", summary="", body="")])
        assert [hit.page_id for hit in self.search(backend, "كنسل").hits] == [504, 501]

    def test_search_keywords_are_known_words_for_did_you_mean(self, backend):
        self.keyword_docs(backend)
        assert self.search(backend, "كنسال").suggestion == "كنسل"

    def test_reindexing_drops_removed_search_keywords(self, backend):
        self.keyword_docs(backend)
        backend.index_documents([_doc(501, "ar", "حجز موعد في مركز الخدمة", "procedure", keywords=("ابي احجز",))])
        assert self.search(backend, "كنسل").count == 0
        assert ids(self.search(backend, "ابي احجز")) == {501}

    # --- autocomplete ---------------------------------------------------------------------

    def test_autocomplete_from_two_letters_strips_the_article(self, loaded):
        assert [hit.page_id for hit in loaded.autocomplete("خدما", audiences=PUBLIC)] == [4]
        assert 4 in [hit.page_id for hit in loaded.autocomplete("الخدما", audiences=PUBLIC)]
        assert 6 in [hit.page_id for hit in loaded.autocomplete("compl", audiences=PUBLIC)]

    def test_autocomplete_filters_by_language(self, loaded):
        hits = loaded.autocomplete("co", audiences=STAFF, languages=("en",))
        assert hits and all(hit.locale == "en" for hit in hits)

    def test_autocomplete_ignores_one_letter(self, loaded):
        assert loaded.autocomplete("خ", audiences=PUBLIC) == []

    # --- index maintenance ------------------------------------------------------------------

    def test_delete_removes_documents(self, loaded):
        loaded.delete_documents([2])
        assert self.search(loaded, "الاستمارة").count == 0
        assert 2 not in loaded.indexed_versions()

    def test_reindexing_replaces_the_document(self, loaded):
        changed = _doc(2, "ar", "إجراءات إصدار البطاقة", "procedure", summary="", body="")
        loaded.index_documents([changed])
        assert self.search(loaded, "الاستمارة").count == 0
        assert ids(self.search(loaded, "البطاقة")) == {2}

    def test_rebuild_swaps_in_a_fresh_index(self, loaded):
        assert loaded.rebuild(CORPUS[:3]) == 3
        assert set(loaded.indexed_versions()) == {1, 2, 3}
        assert loaded.indexed_versions()[1] == NOW
        assert ids(self.search(loaded, "التدريب")) == set()
