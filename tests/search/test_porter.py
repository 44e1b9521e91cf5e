"""The English stemmer is Lucene's PorterStemmer (Elasticsearch's ``stemmer`` with
``language: english``), pinned by Lucene's own test vectors: Porter's reference
vocabulary and its expected stems (``porterTestData`` of ``TestPorterStemFilter``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.analysis import analyze, stem_english
from search.porter import porter_stem

VECTORS = Path(__file__).parent / "data" / "porter_vocabulary.tsv"


def _vectors() -> list[tuple[str, str]]:
    pairs = []
    for line in VECTORS.read_text(encoding="ascii").splitlines():
        if line.startswith("#") or not line:
            continue
        word, stem = line.split("\t")
        pairs.append((word, stem))
    return pairs


def test_every_lucene_test_vector_stems_as_lucene_does():
    pairs = _vectors()
    assert len(pairs) == 23_531
    wrong = [(word, porter_stem(word), stem) for word, stem in pairs if porter_stem(word) != stem]
    assert wrong == []


@pytest.mark.parametrize(
    ("word", "lucene"),
    [
        # Where Lucene's Porter and Snowball's "porter" part ways (the examples).
        ("technology", "technolog"),
        ("flexibly", "flexibl"),
        ("archaeology", "archaeolog"),
        # Porter's own examples from the Java comments.
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("agreed", "agre"),
        ("matting", "mat"),
        ("mating", "mate"),
        ("meetings", "meet"),
        ("generalizations", "gener"),
    ],
)
def test_known_stems(word, lucene):
    assert porter_stem(word) == lucene


@pytest.mark.parametrize("word", ["a", "is", "ed", "ion", "aed", "eed", "oed", ""])
def test_short_words_and_the_bounds_lucene_fixed(word):
    """Words of two letters or fewer are left alone; «aed»/«eed»/«oed» (Bug 1) and «ion»
    (Bug 2) do not read outside the word."""
    stem = porter_stem(word)
    assert stem == word if len(word) <= 2 else len(stem) <= len(word)


def test_non_ascii_letters_are_consonants_as_in_lucene():
    assert porter_stem("cafés") == "café"
    assert porter_stem("naïvely") == "naïv"


def test_the_english_chain_uses_it():
    assert stem_english("technology") == "technolog"
    assert analyze("Technology flexibly") == ["technolog", "flexibl"]
