"""The embedded SQLite FTS5 backend: the shared behaviour suite, plus what only it has
(its own database file, generations swapped by ``rebuild``, one connection per thread,
and the bitsets, postings and champions that keep large match sets fast: counts and
facets stay exact, each clause scores its best alternative by FTS5's bm25)."""

from __future__ import annotations

import itertools
import random
import sqlite3
import threading

import pytest
from django.db import connections

from search.backends import get_search_backend
from search.backends.base import AND_FIRST_PAGE, SearchDocument, SearchQuery, clause_language, required_clauses
from search.backends.embedded import EmbeddedSearchBackend, make_snippet
from tests.search.backend_suite import CORPUS, PUBLIC, STAFF, BackendBehaviour, frequent_path_backend


class TestEmbeddedBackendBehaviour(BackendBehaviour):
    @pytest.fixture
    def backend(self, isolated_search_index):
        backend = get_search_backend()
        assert isinstance(backend, EmbeddedSearchBackend)
        assert backend.path == isolated_search_index
        return backend


@pytest.fixture
def embedded(tmp_path):
    backend = EmbeddedSearchBackend(tmp_path / "index.sqlite3")
    yield backend
    backend.close()


def test_database_uses_wal_mode(embedded):
    embedded.index_documents(CORPUS[:1])
    connection = sqlite3.connect(embedded.path)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_rebuild_switches_generation_and_drops_the_old_tables(embedded):
    embedded.index_documents(CORPUS)
    embedded.rebuild(CORPUS[:2])
    connection = sqlite3.connect(embedded.path)
    generation = connection.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0]
    tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE name LIKE 'docs_%'")}
    assert generation == 2
    assert f"docs_{generation}" in tables
    assert "docs_1" not in tables


def test_failed_rebuild_keeps_the_current_index(embedded, db):
    embedded.index_documents(CORPUS)

    def broken_documents():
        yield CORPUS[0]
        raise RuntimeError("source failed")

    with pytest.raises(RuntimeError):
        embedded.rebuild(broken_documents())
    assert set(embedded.indexed_versions()) == {document.page_id for document in CORPUS}
    assert embedded.search(SearchQuery("التدريب", audiences=PUBLIC)).count == 12


def test_each_thread_gets_its_own_connection(embedded, db):
    embedded.index_documents(CORPUS)
    counts: list[int] = []
    errors: list[BaseException] = []

    def worker():
        try:
            for _ in range(5):
                counts.append(embedded.search(SearchQuery("التدريب", audiences=PUBLIC)).count)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            # The synonyms are read through Django in this thread: close its database
            # connection, or PostgreSQL refuses to drop the test database at the end.
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert counts == [12] * 20


def test_readers_see_writes_from_another_connection(tmp_path, db):
    writer = EmbeddedSearchBackend(tmp_path / "shared.sqlite3")
    reader = EmbeddedSearchBackend(tmp_path / "shared.sqlite3")
    assert reader.search(SearchQuery("الاستمارة", audiences=PUBLIC)).count == 0
    writer.index_documents(CORPUS)
    assert reader.search(SearchQuery("الاستمارة", audiences=PUBLIC)).count == 1


def test_query_syntax_characters_are_plain_text(embedded, db):
    embedded.index_documents(CORPUS)
    for text in ('"', "NEAR(", "a OR", "*", "title:x", "{body}", "-- ;", "^"):
        assert embedded.search(SearchQuery(text, audiences=PUBLIC)).count >= 0
    assert embedded.autocomplete('"*', audiences=PUBLIC) == []


def test_stop_word_only_query_finds_nothing(embedded, db):
    embedded.index_documents(CORPUS)
    results = embedded.search(SearchQuery("في من على", audiences=PUBLIC))
    assert (results.count, results.hits) == (0, [])


def test_snippet_is_cut_around_the_best_match():
    body = "بداية " * 100 + "هنا موضع الشكوى المهمة" + " نهاية" * 100
    snippet = make_snippet("", body, {"شكو"})
    assert "<mark>الشكوى</mark>" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet.replace("<mark>", "").replace("</mark>", "")) < 260


def test_snippet_without_a_match_shows_the_start_of_the_summary():
    assert make_snippet("ملخص <قصير>", "", {"غير"}) == "ملخص &lt;قصير&gt;"


# --- the frequent-term path: bitsets, postings and champions ---------------------------------
# The thresholds are lowered so that a small corpus takes the paths a large one takes
# (frequent terms with bitsets, candidate ranking, the other matches after the candidates).


class TestEmbeddedFrequentTermPath(BackendBehaviour):
    """The shared behaviour, with every term frequent and every ranking from candidates."""

    @pytest.fixture
    def backend(self, tmp_path):
        backend = frequent_path_backend(tmp_path / "frequent.sqlite3")
        yield backend
        backend.close()

    @pytest.fixture
    def loaded(self, backend):
        backend.rebuild(CORPUS)  # frequent terms are chosen by a rebuild
        return backend


_ARABIC_WORDS = (  # noqa: SIM905 - word lists read better as text
    "العملاء عميل مستفيد المستفيدين خدمة الخدمات معاملة موظف الموظفين مقدم الخدمة شكوى الشكاوى بلاغ"
    " مركز المراكز موعد المواعيد رسالة وثيقة الوثائق تجديد الاستمارة إجراءات الإجراءات رسوم تكلفة"
    " اتصال هاتف تدريب التدريب جودة الجودة احترام الاحترام سرعة الانتظار كبار السن ٢٤ ساعة"
).split()
_ENGLISH_WORDS = (  # noqa: SIM905
    "customer customers client service services transaction employee staff member service provider"
    " complaint complaints report centre center appointment appointments document documents fee fees"
    " cost call phone training quality respect waiting time elderly 24 hours renewal form"
).split()


def _generated_corpus(count: int, seed: int) -> list[SearchDocument]:
    """Documents drawn from a small domain vocabulary, common words first (Zipf-like)."""
    rng = random.Random(seed)
    documents = []
    for page_id in range(1, count + 1):
        locale = "ar" if rng.random() < 0.5 else "en"
        words = _ARABIC_WORDS if locale == "ar" else _ENGLISH_WORDS
        weights = [1 / (rank + 2) for rank in range(len(words))]

        def text(size, words=words, weights=weights):
            return " ".join(rng.choices(words, weights=weights, k=size))

        documents.append(
            SearchDocument(
                page_id=page_id,
                slug=f"page-{page_id}",
                locale=locale,
                title=text(rng.randint(2, 6)),
                url=f"/page-{page_id}/",
                type=rng.choice(("faq", "guide", "procedure", "article")),
                summary=text(rng.randint(4, 10)),
                body=text(rng.randint(10, 40)),
                agency=rng.choice(("", "moi", "moh", "mot")),
                channels=tuple(sorted(rng.sample(("centre", "phone", "email", "chat"), rng.randint(0, 2)))),
                audiences=("staff",) if rng.random() < 0.2 else ("public",),
            )
        )
    return documents


_QUERIES = [
    *("العملاء", "عملاء", "موظف", "الخدمة", "شكاوى", "تجديد الاستمارة", "اجراءات", "٢٤ ساعة", "كبار السن"),
    *("customer", "employee", "service", "complaint fees", "waiting time", "quality respect", "center"),
    *("العملاء complaint", "مركز appointment", "تدريب training", "staff member", "مقدم الخدمة"),
]
_FILTERS = [
    {},
    {"languages": ("en",)},
    {"types": ("faq", "guide")},
    {"channels": ("phone",)},
    {"agencies": ("moi",), "audiences": STAFF},
    {"audiences": STAFF, "channels": ("chat", "email")},
]


def _matching(documents, text: str, audiences=PUBLIC, types=(), channels=(), agencies=(), languages=()):
    """(pages with every clause, result set) computed the slow way, from the documents
    themselves, with the semantics of ``search.backends.base``."""
    from search.analysis import analyze, analyze_query
    from search.synonyms import current_synonym_set

    clauses = analyze_query(text, current_synonym_set())
    allowed = [
        document
        for document in documents
        if set(document.audiences) & set(audiences)
        and (not types or document.type in types)
        and (not channels or set(document.channels) & set(channels))
        and (not agencies or document.agency in agencies)
        and (not languages or document.locale in languages)
    ]

    def has(document, sequence):
        return any(
            tuple(terms[i : i + len(sequence)]) == sequence
            for terms in (analyze(document.title), analyze(document.summary), analyze(document.body))
            for i in range(len(terms))
        )

    def matching(document):
        return [any(has(document, tuple(sequence)) for sequence in clause.alternatives) for clause in clauses]

    # Every clause a page needs: all but the common ones (``base.required_clauses``).
    matched = {document.page_id: matching(document) for document in allowed}
    counts = [sum(matched[document.page_id][index] for document in allowed) for index in range(len(clauses))]
    languages = [clause_language(clause.words) for clause in clauses]
    totals = [sum(not language or document.locale == language for document in allowed) for language in languages]
    required = required_clauses(counts, totals) if len(clauses) > 1 else list(range(len(clauses)))
    all_words = [
        document for document in allowed if clauses and all(matched[document.page_id][index] for index in required)
    ]
    found = all_words
    if len(clauses) > 1 and len(all_words) < AND_FIRST_PAGE:
        found = [document for document in allowed if any(matching(document))]
    return all_words, found


def _expected(documents, text: str, **options):
    """Count and facets computed the slow way, from the documents themselves."""
    _, found = _matching(documents, text, **options)
    facets = {"type": {}, "channel": {}, "agency": {}, "lang": {}}
    for document in found:
        for name, values in (
            ("type", [document.type]),
            ("channel", list(dict.fromkeys(document.channels))),
            ("agency", [document.agency] if document.agency else []),
            ("lang", [document.locale]),
        ):
            for value in values:
                facets[name][value] = facets[name].get(value, 0) + 1
    return len(found), facets


@pytest.mark.django_db
def test_counts_and_facets_are_exact_over_the_whole_match_set(monkeypatch, tmp_path):
    # The any-word contract itself: without the coverage rule for large partial sets
    # (tests/search/test_understanding.py pins that rule).
    monkeypatch.setattr("search.backends.embedded.ranking.COVERAGE_MIN_RESULTS", 10**9)
    documents = _generated_corpus(300, seed=1)
    backend = frequent_path_backend(tmp_path / "facets.sqlite3", heavy_df=20, champions=4)
    backend.rebuild(documents)
    for text in _QUERIES:
        for filters in _FILTERS:
            options = {"audiences": PUBLIC, **filters}
            results = backend.search(SearchQuery(text, **options))
            assert (results.count, results.facets) == _expected(documents, text, **options), (text, filters)
    backend.close()


#: Queries whose words are all in 1-9 public pages of ``_generated_corpus(300, seed=7)``.
_SHORT_AND_QUERIES = [
    *("تدريب الانتظار", "سرعة السن", "الانتظار كبار", "السن ٢٤", "٢٤ ساعة"),
    *("training elderly", "time 24", "hours renewal", "respect time"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("frequent_path", [False, True])
def test_pages_with_every_word_rank_first_then_the_others(monkeypatch, tmp_path, frequent_path):
    # The any-word contract itself: without the coverage rule for large partial sets
    # (tests/search/test_understanding.py pins that rule).
    monkeypatch.setattr("search.backends.embedded.ranking.COVERAGE_MIN_RESULTS", 10**9)
    """When fewer than a page of matches hold every word, those come first (whatever the
    scores and title boosts), then the pages with some of the words; pages walk the whole
    result set once."""
    documents = _generated_corpus(300, seed=7)
    if frequent_path:
        backend = frequent_path_backend(tmp_path / "tiers.sqlite3", heavy_df=20, champions=4)
    else:
        backend = EmbeddedSearchBackend(tmp_path / "tiers.sqlite3")
    backend.rebuild(documents)
    checked = 0
    for text in _SHORT_AND_QUERIES:
        all_words, found = _matching(documents, text)
        if not 0 < len(all_words) < AND_FIRST_PAGE or len(found) == len(all_words):
            continue
        checked += 1
        first = backend.search(SearchQuery(text, audiences=PUBLIC, page_size=len(found) + 5))
        assert first.count == len(found), text
        ranked = [hit.page_id for hit in first.hits]
        assert set(ranked[: len(all_words)]) == {document.page_id for document in all_words}, text
        assert set(ranked) == {document.page_id for document in found}, text
        paged = []
        for page in range(1, len(found) // 4 + 2):
            paged += [
                hit.page_id for hit in backend.search(SearchQuery(text, audiences=PUBLIC, page=page, page_size=4)).hits
            ]
        assert paged == ranked, text
    assert checked == len(_SHORT_AND_QUERIES)
    backend.close()


def _fts5_score(connection, generation: int, expression: str) -> dict[int, float]:
    """FTS5's own bm25 of a match expression, for each public page it matches."""
    from search.backends.embedded import COLUMN_WEIGHTS

    weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
    rows = connection.execute(
        f"SELECT f.rowid, -bm25(fts_{generation}, {weights}) FROM fts_{generation} f"  # noqa: S608
        f" JOIN docs_{generation} d ON d.page_id = f.rowid"
        f" WHERE fts_{generation} MATCH ? AND d.audience IN ('public')",
        (expression,),
    ).fetchall()
    return dict(rows)


def _reference_ranking(backend, query: SearchQuery) -> list[tuple[int, float]]:
    """The reference, from FTS5 itself: each clause adds FTS5's bm25 of its best
    alternative alone (bm25 is a sum over phrases, so that is the alternative's share of
    any query), for the pages matching every clause."""
    from search.analysis import QueryClause, analyze_query
    from search.backends.embedded import _match_expression
    from search.synonyms import current_synonym_set

    connection = sqlite3.connect(backend.path)
    generation = connection.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0]
    best_by_clause = []
    for clause in analyze_query(query.text, current_synonym_set()):
        best: dict[int, float] = {}
        for sequence in clause.alternatives:
            alone = _match_expression([QueryClause(tuple(sequence), (tuple(sequence),))], "AND")
            for page_id, score in _fts5_score(connection, generation, alone).items():
                best[page_id] = max(best.get(page_id, 0.0), score)
        best_by_clause.append(best)
    connection.close()
    pages = set.intersection(*(set(best) for best in best_by_clause))
    scores = {page_id: sum(best[page_id] for best in best_by_clause) for page_id in pages}
    return sorted(scores.items(), key=lambda row: (-row[1], row[0]))


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["العملاء", "موظف", "الخدمة", "customer", "employee", "complaint", "مركز"])
def test_a_clause_scores_its_best_alternative_by_fts5_bm25(tmp_path, text):
    """One-word queries (no title boost unless a title is that word): every hit's score is
    FTS5's bm25 of the clause's best alternative for that page (its synonyms, multi-word
    synonyms and article forms), in that order."""
    documents = _generated_corpus(300, seed=2)
    backend = EmbeddedSearchBackend(tmp_path / "bm25.sqlite3")
    backend.rebuild(documents)
    query = SearchQuery(text, audiences=PUBLIC, page_size=50)
    expected = [(page_id, round(score, 4)) for page_id, score in _reference_ranking(backend, query)[:50]]
    hits = backend.search(query).hits
    assert expected
    assert [(hit.page_id, hit.score) for hit in hits] == expected
    assert backend.last_rank_was_exact is True
    backend.close()


@pytest.mark.django_db
def test_a_page_using_two_words_of_one_group_counts_the_idea_once(tmp_path):
    """«الشكاوى والبلاغات» is one idea (a two-way group): the page holding both words scores
    its better word, not their sum, so it does not outrank a page whose title is the
    reader's own word on the strength of the synonym (Lucene's dis_max, tie-breaker 0)."""
    from search.analysis import analyze_query
    from search.synonyms import current_synonym_set

    [clause] = analyze_query("الشكاوى", current_synonym_set())
    assert ("بلاغ",) in clause.alternatives  # seeded group: شكوى = بلاغ
    documents = [
        SearchDocument(1, "both", "ar", "الشكاوى والبلاغات", "/1/", "guide", summary="دليل عام للموظفين"),
        SearchDocument(2, "own", "ar", "الشكاوى", "/2/", "faq", summary="دليل عام للموظفين"),
        *(
            SearchDocument(page_id, f"other-{page_id}", "ar", f"موضوع {page_id}", f"/{page_id}/", "faq")
            for page_id in range(3, 20)
        ),
    ]
    backend = EmbeddedSearchBackend(tmp_path / "group.sqlite3")
    backend.rebuild(documents)
    hits = backend.search(SearchQuery("الشكاوى", audiences=PUBLIC)).hits
    scores = {hit.page_id: hit.score for hit in hits}
    assert set(scores) == {1, 2}
    # Page 1 is longer (one more title word), so its best word weighs a little less.
    assert scores[2] > scores[1]
    backend.close()


@pytest.mark.django_db
def test_clauses_of_one_alternative_score_exactly_fts5_bm25(monkeypatch, tmp_path):
    """A query whose clauses have one alternative each (no synonym, no article form) is
    scored exactly as FTS5's bm25 of the whole query (the re-ranking boosts switched off)."""
    from search.analysis import analyze_query
    from search.backends.embedded import _match_expression
    from search.synonyms import current_synonym_set

    monkeypatch.setattr("search.backends.embedded.backend.RERANK_WINDOW", 0)
    documents = _generated_corpus(300, seed=2)
    backend = EmbeddedSearchBackend(tmp_path / "plain.sqlite3")
    backend.rebuild(documents)
    pairs = [
        f"{first} {second}"
        for first, second in itertools.combinations(_ENGLISH_WORDS, 2)
        if [len(clause.alternatives) for clause in analyze_query(f"{first} {second}", current_synonym_set())] == [1, 1]
    ]
    assert pairs
    text = pairs[0]
    connection = sqlite3.connect(backend.path)
    generation = connection.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0]
    reference = _fts5_score(connection, generation, _match_expression(analyze_query(text), "AND"))
    connection.close()
    hits = backend.search(SearchQuery(text, audiences=PUBLIC, page_size=300)).hits
    expected = sorted(
        ((page_id, round(score, 4)) for page_id, score in reference.items()), key=lambda row: (-row[1], row[0])
    )
    assert expected
    assert [(hit.page_id, hit.score) for hit in hits if hit.page_id in reference] == expected
    backend.close()


@pytest.mark.django_db
def test_candidate_ranking_equals_the_full_ranking_when_it_says_so(tmp_path):
    documents = _generated_corpus(400, seed=3)
    exact = EmbeddedSearchBackend(tmp_path / "exact.sqlite3")
    candidates = frequent_path_backend(tmp_path / "candidates.sqlite3", heavy_df=20, champions=120)
    exact.rebuild(documents)
    candidates.rebuild(documents)
    proved = 0
    for text in _QUERIES:
        query = SearchQuery(text, audiences=PUBLIC, page_size=10)
        reference, found = exact.search(query), candidates.search(query)
        assert (found.count, found.facets) == (reference.count, reference.facets)
        if candidates.last_rank_was_exact:
            proved += 1
            assert [(hit.page_id, hit.score) for hit in found.hits] == [
                (hit.page_id, hit.score) for hit in reference.hits
            ]
    assert proved > 0
    exact.close()
    candidates.close()


@pytest.mark.django_db
def test_pages_of_a_candidate_ranking_hold_every_match_once(tmp_path):
    documents = _generated_corpus(300, seed=4)
    backend = frequent_path_backend(tmp_path / "pages.sqlite3", heavy_df=20, champions=4)
    backend.rebuild(documents)
    first = backend.search(SearchQuery("العملاء", audiences=PUBLIC, page_size=7))
    assert backend.last_rank_was_exact is False
    seen = []
    for page in range(1, first.count // 7 + 2):
        seen += [
            hit.page_id for hit in backend.search(SearchQuery("العملاء", audiences=PUBLIC, page=page, page_size=7)).hits
        ]
    assert len(seen) == len(set(seen)) == first.count
    backend.close()


@pytest.mark.django_db
def test_index_and_delete_keep_the_derived_data_of_a_rebuild(tmp_path):
    """Incremental writes leave bitsets, postings, counts and lengths as a rebuild makes them."""
    documents = _generated_corpus(200, seed=5)
    changed = _generated_corpus(260, seed=6)[150:]  # pages 151-260: 50 replaced, 60 new
    final = {document.page_id: document for document in documents + changed}
    for page_id in range(1, 40, 3):
        del final[page_id]
    updated = frequent_path_backend(tmp_path / "updated.sqlite3", heavy_df=10)
    updated.rebuild(documents)
    updated.index_documents(changed)
    updated.delete_documents(list(range(1, 40, 3)))
    rebuilt = frequent_path_backend(tmp_path / "rebuilt.sqlite3", heavy_df=10)
    rebuilt.rebuild(final.values())

    def derived(backend):
        connection = sqlite3.connect(backend.path)
        g = connection.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0]
        stats = dict(connection.execute(f"SELECT key, value FROM stats_{g} WHERE key != 'lengths'"))  # noqa: S608
        lengths = connection.execute(f"SELECT value FROM stats_{g} WHERE key = 'lengths'").fetchone()[0]  # noqa: S608
        facets = dict(connection.execute(f"SELECT key, bits FROM facet_{g}"))  # noqa: S608
        terms = {row[0]: row[1:] for row in connection.execute(f"SELECT term, bits, strong, ids, freqs FROM terms_{g}")}  # noqa: S608
        spelling = set(connection.execute(f"SELECT display, norm, docs FROM spell_{g}"))  # noqa: S608
        deletions = set(connection.execute(f"SELECT variant, norm FROM spelldel_{g}"))  # noqa: S608
        connection.close()
        facets = {key: bits for key, bits in facets.items() if bits.strip(b"\0")}
        return stats, lengths.rstrip(b"\0"), facets, terms, spelling, deletions

    stats, lengths, facets, terms, spelling, deletions = derived(updated)
    expected_stats, expected_lengths, expected_facets, expected_terms, *expected_spelling = derived(rebuilt)
    assert [spelling, deletions] == expected_spelling
    assert (stats["documents"], stats["tokens"]) == (expected_stats["documents"], expected_stats["tokens"])
    assert lengths == expected_lengths
    assert facets == expected_facets
    assert terms.keys() & expected_terms.keys()
    for term in terms.keys() & expected_terms.keys():
        assert terms[term] == expected_terms[term], term
    for text in _QUERIES:
        one, other = (
            updated.search(SearchQuery(text, audiences=STAFF)),
            rebuilt.search(SearchQuery(text, audiences=STAFF)),
        )
        assert (one.count, one.facets) == (other.count, other.facets)
    updated.close()
    rebuilt.close()


@pytest.mark.django_db
def test_a_frequency_too_large_for_its_posting_is_counted_from_the_text(tmp_path):
    backend = frequent_path_backend(tmp_path / "large.sqlite3", exact_rank_limit=1000)
    documents = [
        SearchDocument(page_id=1, slug="a", locale="en", title="Queue", url="/a/", type="faq", body="queue " * 70_000),
        SearchDocument(page_id=2, slug="b", locale="en", title="Desk", url="/b/", type="faq", body="queue desk"),
        SearchDocument(page_id=3, slug="c", locale="en", title="Desk", url="/c/", type="faq", body="desk"),
    ]
    backend.rebuild(documents)
    query = SearchQuery("queue", audiences=PUBLIC)
    assert [(hit.page_id, hit.score) for hit in backend.search(query).hits] == [
        (page_id, round(score, 4)) for page_id, score in _reference_ranking(backend, query)
    ]
    backend.close()


@pytest.mark.django_db
def test_an_index_written_by_the_previous_layout_is_rebuilt_from_its_documents(tmp_path):
    path = tmp_path / "old.sqlite3"
    connection = sqlite3.connect(path)
    connection.executescript(
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
        INSERT INTO meta VALUES ('generation', 1), ('version', 7);
        CREATE TABLE docs_1 (
            page_id INTEGER PRIMARY KEY, slug TEXT NOT NULL, locale TEXT NOT NULL, title TEXT NOT NULL,
            url TEXT NOT NULL, type TEXT NOT NULL, summary TEXT NOT NULL, body TEXT NOT NULL,
            agency TEXT NOT NULL, channels TEXT NOT NULL, tags TEXT NOT NULL, audience TEXT NOT NULL,
            last_updated TEXT
        );
        INSERT INTO docs_1 VALUES (2, 'page-2', 'ar', 'إجراءات تجديد الاستمارة', '/page-2/', 'procedure',
            'خطوات التجديد', 'يحضر صاحب الطلب الوثيقة', 'mot', 'centre', '', 'public',
            '2026-01-15T09:30:00+00:00');
        """
    )
    connection.close()
    backend = EmbeddedSearchBackend(path)
    assert [hit.page_id for hit in backend.search(SearchQuery("الاستمارة", audiences=PUBLIC)).hits] == [2]
    assert backend.search(SearchQuery("الاستمارة", audiences=PUBLIC)).facets["channel"] == {"centre": 1}
    # What the old layout did not store (search keywords) is unknown: the page is stale, so
    # ``search_index --check`` reports it and ``make run`` rebuilds from the pages.
    assert backend.indexed_states()[2].last_updated is None
    assert backend.indexed_documents()[2].keywords == ()
    backend.close()


@pytest.mark.django_db
def test_a_page_given_twice_to_rebuild_keeps_its_last_version(embedded):
    first = CORPUS[1]
    second = SearchDocument(
        page_id=first.page_id, slug=first.slug, locale="ar", title="إصدار البطاقة", url=first.url, type="procedure"
    )
    assert embedded.rebuild([first, CORPUS[0], second]) == 3
    assert embedded.search(SearchQuery("الاستمارة", audiences=PUBLIC)).count == 0
    results = embedded.search(SearchQuery("البطاقة", audiences=PUBLIC))
    assert [hit.page_id for hit in results.hits] == [first.page_id]
    assert results.facets["type"] == {"procedure": 1}
