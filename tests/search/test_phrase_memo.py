"""The embedded backend's phrase memo: the phrases recent queries looked up, kept with the
snapshot of one index version, least recently used dropped first within a budget of
phrases and of bytes, and never read once the index has changed."""

from __future__ import annotations

import sys
import threading

import pytest

from search.analysis import analyze_token
from search.backends.base import SearchQuery
from search.backends.embedded import EmbeddedSearchBackend
from search.backends.embedded.schema import PhraseMemo
from tests.search.backend_suite import CORPUS, PUBLIC, _doc, frequent_path_backend


def test_it_drops_the_least_recently_used_phrase_beyond_its_entries():
    memo = PhraseMemo(entries=2, size=1_000)
    memo.put(("a",), "A", size=1)
    memo.put(("b",), "B", size=1)
    assert memo.get(("a",)) == "A"  # now the most recently used
    memo.put(("c",), "C", size=1)
    assert (memo.get(("a",)), memo.get(("b",)), memo.get(("c",))) == ("A", None, "C")
    assert len(memo) == 2


def test_it_keeps_its_bytes_within_the_budget():
    memo = PhraseMemo(entries=10, size=100)
    memo.put(("a",), "A", size=60)
    memo.put(("b",), "B", size=30)
    memo.put(("c",), "C", size=20)  # 110 bytes: the oldest goes
    assert (memo.get(("a",)), memo.get(("b",)), memo.get(("c",))) == (None, "B", "C")
    memo.put(("huge",), "H", size=101)  # alone beyond the budget: never kept, nothing dropped
    assert (memo.get(("huge",)), memo.get(("b",)), memo.get(("c",))) == (None, "B", "C")


def test_a_phrase_put_again_replaces_its_cost():
    memo = PhraseMemo(entries=10, size=100)
    memo.put(("a",), "A", size=90)
    memo.put(("a",), "A2", size=10)
    memo.put(("b",), "B", size=90)
    assert (memo.get(("a",)), memo.get(("b",))) == ("A2", "B")


def test_threads_share_it_safely():
    memo = PhraseMemo(entries=50, size=10_000)
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for index in range(2_000):
                terms = (str((index + offset) % 80),)
                memo.put(terms, index, size=index % 7)
                memo.get(terms)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work, args=(offset,)) for offset in range(8)]
    switch_interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads interleave between almost any two bytecodes
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(switch_interval)
    assert errors == []
    assert len(memo) <= 50
    # Its bookkeeping stayed whole: the bytes it holds are the sum of what it kept.
    assert memo.held == sum(cost for _, cost in memo._phrases.values()) <= memo.size


@pytest.fixture(params=["rare", "frequent"])
def backend(request, tmp_path):
    path = tmp_path / "memo.sqlite3"
    backend = frequent_path_backend(path) if request.param == "frequent" else EmbeddedSearchBackend(path)
    backend.rebuild(CORPUS)
    yield backend
    backend.close()


def test_a_search_keeps_its_phrases_for_the_next_one(backend, db):
    backend.index_documents(
        [_doc(9000 + number, "en", f"Lantern care {number}", "faq", body="lantern") for number in range(3)]
    )
    first = backend.search(SearchQuery("lantern", audiences=PUBLIC))
    assert backend.phrase_memo.get((analyze_token("lantern"),)) is not None
    again = backend.search(SearchQuery("lantern", audiences=PUBLIC))
    assert [(hit.page_id, hit.score) for hit in again.hits] == [(hit.page_id, hit.score) for hit in first.hits]
    assert again.count == first.count == 3


def test_a_write_is_seen_by_the_next_search_of_the_same_words(backend, db):
    query = SearchQuery("zanzibar lighthouse", audiences=PUBLIC)
    assert backend.search(query).count == 0
    backend.search(SearchQuery("zanzibar", audiences=PUBLIC))  # the phrases kept, finding nothing

    backend.index_documents(
        [_doc(9001, "en", "Zanzibar lighthouse hours", "faq", body="The zanzibar lighthouse opens daily.")]
    )
    found = backend.search(query)
    assert (found.count, [hit.page_id for hit in found.hits]) == (1, [9001])
    assert backend.search(SearchQuery('"zanzibar lighthouse"', audiences=PUBLIC)).count == 1

    backend.index_documents([_doc(9002, "en", "Lighthouse tours", "faq", body="Zanzibar tours by boat.")])
    assert backend.search(SearchQuery("zanzibar", audiences=PUBLIC)).count == 2

    backend.delete_documents([9001])
    assert [hit.page_id for hit in backend.search(SearchQuery("zanzibar", audiences=PUBLIC)).hits] == [9002]


def test_a_rebuild_is_seen_by_the_next_search(backend, db):
    assert backend.search(SearchQuery("zanzibar", audiences=PUBLIC)).count == 0
    backend.rebuild([*CORPUS, _doc(9003, "en", "Zanzibar", "faq", body="Zanzibar.")])
    assert backend.search(SearchQuery("zanzibar", audiences=PUBLIC)).count == 1


def test_a_backend_without_the_memo_finds_and_ranks_the_same(tmp_path, db):
    documents = [
        *CORPUS,
        *(_doc(9100 + number, "en", f"Lantern care {number}", "faq", body="lantern " * number) for number in range(6)),
    ]
    with_memo = EmbeddedSearchBackend(tmp_path / "with.sqlite3")
    without = EmbeddedSearchBackend(tmp_path / "without.sqlite3", phrase_memo_entries=0)
    try:
        for backend in (with_memo, without):
            backend.rebuild(documents)
        for text in ("lantern", "lantern care", "lantern", "الاستمارة", "queue desk", "queue desk"):
            query = SearchQuery(text, audiences=PUBLIC)
            kept, fresh = with_memo.search(query), without.search(query)
            assert (kept.count, [(h.page_id, h.score) for h in kept.hits]) == (
                fresh.count,
                [(h.page_id, h.score) for h in fresh.hits],
            )
        assert len(with_memo.phrase_memo) > 0
        assert len(without.phrase_memo) == 0
    finally:
        with_memo.close()
        without.close()
