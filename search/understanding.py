"""What a query means before it is matched: question words and fillers set aside, and
Latin-script Arabic (Arabizi) read as Arabic candidates. Pure functions, shared by the
backends (the index vocabulary check is the backend's)."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Sequence

from search.analysis import (
    ARABIC_STOP_WORDS,
    NAME_MARK,
    QueryClause,
    SynonymSet,
    analyze_query,
    analyze_token,
    is_arabic,
    normalize_token,
    tokenize,
)
from search.backends.base import clause_language
from search.vocabulary import filler_phrases


@functools.lru_cache(maxsize=1)
def _normalized_fillers() -> tuple[tuple[str, ...], ...]:
    """The filler phrases as the analysis normalises them (the data file is read once)."""
    return tuple(tuple(normalize_token(word) for word in phrase) for phrase in filler_phrases())


@functools.lru_cache(maxsize=1)
def _fillers_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The normalised filler phrases by their first word (in the data file's order)."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for phrase in _normalized_fillers():
        if phrase:
            found.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(phrases) for first, phrases in found.items()}


@functools.lru_cache(maxsize=1)
def _loose_stop_words() -> frozenset[str]:
    """The Arabic stop words as people type them: the analysis compares its stop list
    (Lucene's) before normalising, so «علي» typed for «على» or «الى» for «إلى» would
    otherwise be searched as words."""
    return frozenset(normalize_token(word) for word in ARABIC_STOP_WORDS)


#: «و» («and») clings to the next word: «وانا», «ومتى» are the fillers «انا», «متى». Only
#: for fillers of this many letters or more («ولي», guardian, is not «و» + «لي»).
CLINGING_AND_MIN_LETTERS = 3


def _is_filler_word(norm: str) -> bool:
    """Whether one normalised word is a filler: a one-word filler, a stop word as typed,
    or «و» before a filler of ``CLINGING_AND_MIN_LETTERS`` letters or more."""
    singles = _fillers_by_first_word()
    if (norm,) in singles.get(norm, ()) or norm in _loose_stop_words():
        return True
    rest = norm[1:]
    return norm.startswith("و") and len(rest) >= CLINGING_AND_MIN_LETTERS and (rest,) in singles.get(rest, ())


def without_fillers(text: str) -> str:
    """``text`` without its question words and fillers («كم الرسوم» -> «الرسوم»), or
    ``text`` itself when nothing else is left (a query of only such words)."""
    surfaces = [surface for surface, _, _ in tokenize(text)]
    norms = [normalize_token(surface) for surface in surfaces]
    fillers = _fillers_by_first_word()
    kept: list[str] = []
    position = 0
    while position < len(surfaces):
        for phrase in fillers.get(norms[position], ()):
            if tuple(norms[position : position + len(phrase)]) == phrase:
                position += len(phrase)
                break
        else:
            if not _is_filler_word(norms[position]):
                kept.append(surfaces[position])
            position += 1
    return " ".join(kept) if kept else text


def is_filler(surface: str) -> bool:
    return _is_filler_word(normalize_token(surface))


#: Possessive endings of a noun («بياناتي», «موعدك», «طلبنا»): light stemming strips ي but
#: then stops short of the plural the content uses («بيانات» vs «البيانات» -> «بيان»).
POSSESSIVE_SUFFIXES = ("كم", "هم", "نا", "ي", "ك")


def possessive_forms(surface: str) -> list[str]:
    """The word without a possessive ending, when it is an Arabic word without article
    long enough to hold one (at least 3 letters are left)."""
    norm = normalize_token(surface)
    if not is_arabic(norm) or norm.startswith("ال") or analyze_token(surface) is None:
        return []
    if (analyze_token(surface) or "").endswith(NAME_MARK):
        return []
    return [
        norm[: -len(suffix)] for suffix in POSSESSIVE_SUFFIXES if norm.endswith(suffix) and len(norm) - len(suffix) >= 3
    ]


def query_clauses(text: str, synonyms: SynonymSet | None = None) -> list[QueryClause]:
    """The query's clauses once fillers are set aside (``analysis.analyze_query``), each
    one-word Arabic clause also finding the word without a possessive ending."""
    clauses = analyze_query(without_fillers(text), synonyms)
    understood = []
    for clause in clauses:
        if len(clause.words) == 1:
            alternatives = list(clause.alternatives)
            variants = list(clause.variants)
            for form in possessive_forms(clause.words[0]):
                term = analyze_token(form)
                if term is None or (term,) in alternatives:
                    continue
                variants.append(form)
                expanded = synonyms.alternatives((term,)) if synonyms is not None else [(term,)]
                alternatives.extend(other for other in expanded if other not in alternatives)
            if len(alternatives) != len(clause.alternatives):
                clause = dataclasses.replace(clause, alternatives=tuple(alternatives), variants=tuple(variants))
        understood.append(clause)
    return understood


def mixes_languages(text: str, language: str) -> bool:
    """Whether the query's words (fillers set aside) are in ``language`` and in another,
    by script (``base.clause_language``; numbers count for none): «كيف اسوي appointment»
    on the Arabic site."""
    languages = {clause_language(clause.words) for clause in query_clauses(text or "")} - {""}
    return language in languages and len(languages) > 1


# --- Arabizi ---------------------------------------------------------------------------------
#: Latin letters and digits as Gulf Arabizi writes Arabic letters (longest first). A vowel
#: may stand for a long vowel or for nothing (short vowels are not written in Arabic).
_ARABIZI = {
    "sh": ("ش",),
    "ch": ("ش", "ك"),  # the Gulf's «ch» is often kaf (chem = كم)
    "kh": ("خ",),
    "gh": ("غ",),
    "th": ("ث", "ذ"),
    "dh": ("ذ", "ض"),
    "ee": ("ي",),
    "ii": ("ي",),
    "oo": ("و",),
    "ou": ("و",),
    "aa": ("ا",),
    "ai": ("ي", "اي"),
    "ay": ("ي", "اي"),
    "aw": ("و", "او"),
    "a": ("", "ا"),
    "e": ("", "ي"),
    "i": ("", "ي"),
    "o": ("", "و"),
    "u": ("", "و"),
    "b": ("ب",),
    "p": ("ب",),
    "t": ("ت", "ط"),
    "j": ("ج",),
    "g": ("ج", "ق"),
    "h": ("ه", "ح"),
    "d": ("د", "ض"),
    "r": ("ر",),
    "z": ("ز", "ظ"),
    "s": ("س", "ص"),
    "f": ("ف",),
    "v": ("ف",),
    "q": ("ق",),
    "k": ("ك",),
    "c": ("ك",),
    "l": ("ل",),
    "m": ("م",),
    "n": ("ن",),
    "w": ("و",),
    "y": ("ي",),
    "x": ("كس",),
    # An apostrophe for ain or hamza (ma'ad, su'al), or the hamza of the alef before it (ta'kheer).
    "'": ("ع", "ء", "ؤ", "ئ", ""),
    "’": ("ع", "ء", "ؤ", "ئ", ""),
    "2": ("ء", "ا"),
    "3": ("ع",),
    "5": ("خ",),
    "6": ("ط",),
    "7": ("ح",),
    "8": ("ق", "غ"),
    "9": ("ص",),
}
_UNITS = sorted(_ARABIZI, key=len, reverse=True)
#: The digits the table reads as Arabic letters (ء ع خ ط ح ق غ ص): a Latin word holding one
#: among its letters («sa3a», «3shan», «7sabi») is Arabizi whatever the query's other words.
ARABIZI_DIGITS = frozenset(unit for unit in _ARABIZI if unit.isdigit())
#: At most this many candidates per word (the vocabulary check filters them).
MAX_ARABIZI_CANDIDATES = 512


#: A doubled consonant is a shadda, which Arabic does not write twice (mudda → مدة).
_DOUBLED_CONSONANT = re.compile(r"([b-df-hj-np-tv-z])\1+")
#: A Latin word of letters and the digits Arabizi uses, with an apostrophe inside it for ain
#: or hamza (ma'ad), never two together or at either end.
_ARABIZI_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z0-9]+)*", re.IGNORECASE)


def is_arabizi_candidate(word: str) -> bool:
    """A Latin word of 3 to 15 characters (letters, the digits Arabizi uses, and an
    apostrophe inside it for ain or hamza: ma'ad)."""
    return 3 <= len(word) <= 15 and bool(_ARABIZI_WORD.fullmatch(word)) and not word.isdigit()


def arabizi_candidates(word: str) -> list[str]:
    """Arabic spellings ``word`` may stand for, normalised as the index's words are
    (``normalize_token``), most literal first. A final «a» may also be teh marbuta or
    alef maksura; the article «al-» is dropped. Empty for words that cannot be Arabizi:
    acronyms in capitals, words without a vowel or an Arabizi digit."""
    if word.isupper():
        return []  # an acronym (CPR, SMS), not Arabizi
    word = word.lower().replace("-", "")
    if not is_arabizi_candidate(word) or not any(char in "aeiou" or char in ARABIZI_DIGITS for char in word):
        return []
    if word.startswith("al") and len(word) > 4:
        word = word[2:]
    word = _DOUBLED_CONSONANT.sub(r"\1", word)
    options: list[tuple[str, ...]] = []
    position = 0
    while position < len(word):
        for unit in _UNITS:
            if word.startswith(unit, position):
                choices = _ARABIZI[unit]
                if position == 0 and unit in ("a", "e", "i", "o", "u"):
                    choices = ("ا",) if unit in ("a", "e", "i") else ("ا", "او")
                if position + len(unit) == len(word) and unit == "a":
                    choices = ("ه", "ا", "ي")  # teh marbuta, alef, alef maksura (normalised)
                options.append(choices)
                position += len(unit)
                break
        else:
            return []
    seen: dict[str, None] = {}
    for parts in itertools.product(*options):
        candidate = normalize_token("".join(parts))
        if len(candidate) >= 2:
            seen.setdefault(candidate)
        if len(seen) >= MAX_ARABIZI_CANDIDATES:
            break
    return list(seen)


def arabizi_forms(word: str, limit: int | None = None) -> list[str]:
    """``arabizi_candidates`` (the first ``limit`` of them, most literal first) and each
    with the article «ال» (the vocabulary keeps words as written, often with the article:
    «dardasha» is «الدردشة»), as normalised words."""
    candidates = arabizi_candidates(word)[:limit]
    return candidates + ["ال" + candidate for candidate in candidates]


#: Arabizi function words too short for ``arabizi_candidates`` (under 3 letters): the
#: article («el», «al»), «ما», «في», «لا», «يا», «و», «ب», «من», «عن».
ARABIZI_SHORT_FUNCTION_WORDS = frozenset(
    {"el", "al", "il", "l", "ma", "fi", "fe", "la", "ya", "w", "wa", "b", "bi", "mn"}
)
#: How many of a word's Arabizi readings (most literal first) are compared with the fillers.
ARABIZI_FILLER_READINGS = 8


def is_arabizi_filler(word: str) -> bool:
    """Whether a Latin word, read as Arabizi, is a question word, filler or stop word
    («shlon» شلون, «wain» وين, «3shan» عشان, «el» ال): a word the query's Arabic reading
    sets aside, as ``without_fillers`` sets aside the same words in Arabic letters."""
    lowered = word.lower()
    if lowered in ARABIZI_SHORT_FUNCTION_WORDS:
        return True
    return any(_is_filler_word(reading) for reading in arabizi_candidates(word)[:ARABIZI_FILLER_READINGS])


def written_as_arabizi(word: str) -> bool:
    """Whether a Latin word is unmistakably Arabizi: letters with an Arabizi digit among
    them. (Without one, «mawid» may be Arabizi or a word of an English query.)"""
    return word.isascii() and any(char.isalpha() for char in word) and any(char in ARABIZI_DIGITS for char in word)


def arabizi_reading(words: Sequence[str], found: Sequence[bool]) -> tuple[list[bool], list[bool]]:
    """The Arabizi rule of a query's rescue, one for both backends: for each clause (its
    words, joined by spaces) and whether it found anything for the reader, whether it is
    read as Arabizi, and whether it is then set aside as an Arabizi question word or filler.

    Read as Arabizi: one Latin word that found nothing, when no Latin word of the query
    found anything (in "is the chat a bot", «bot» is an English word the index lacks, not
    Arabic; in «etiquette mawid», «mawid» is not Arabizi), or whatever they found when an
    Arabizi digit is among its letters (``written_as_arabizi``: «sa3a» in «el email kam
    sa3a»). Set aside: read so and a filler (``is_arabizi_filler``), unless every clause
    would be (a query of only such words is searched as typed)."""
    latin_found = any(word and word.isascii() and hit for word, hit in zip(words, found, strict=True))
    read = [
        not hit and bool(word) and " " not in word and word.isascii() and (not latin_found or written_as_arabizi(word))
        for word, hit in zip(words, found, strict=True)
    ]
    set_aside = [reading and is_arabizi_filler(word) for word, reading in zip(words, read, strict=True)]
    if all(set_aside):
        set_aside = [False] * len(words)
    return read, set_aside


def one_letter_more_pattern(words: Sequence[str]) -> str:
    """A regular expression (same meaning in Lucene's ``regexp`` syntax, whose ``.`` is
    any one character) matching a word one letter longer than one of ``words``: a short
    vowel Arabizi leaves unwritten («mawid» → «مود» → «موعد»). ``words`` must hold no
    regular expression syntax (Arabizi readings are Arabic letters only)."""
    branches = dict.fromkeys(f"{word[:cut]}.{word[cut:]}" for word in words for cut in range(len(word) + 1))
    return "|".join(branches)


# --- Typos --------------------------------------------------------------------------------------
#: Words of this many letters or more (normalised) that find nothing are read as one-edit typos.
TYPO_MIN_LENGTH = 5
#: Typos are one edit (insertion, deletion, substitution or transposition) away.
TYPO_EDITS = 1


def typo_tolerant(surface: str) -> bool:
    """Whether a word that finds nothing may be read as a typo (``TYPO_MIN_LENGTH``)."""
    return len(normalize_token(surface)) >= TYPO_MIN_LENGTH


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance, ``limit + 1`` when over ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def plausible_correction(word: str, correction: str) -> bool:
    """The "did you mean" sanity rule: same script, similar length (at most one letter
    more or less), and close: one edit for words of up to 5 letters, two above."""
    word, correction = normalize_token(word), normalize_token(correction)
    if word == correction or word.isascii() != correction.isascii():
        return False
    if abs(len(word) - len(correction)) > 1:
        return False
    limit = 1 if len(word) <= 5 else 2
    return edit_distance(word, correction, limit) <= limit


def words_of(clauses: Sequence[QueryClause]) -> list[str]:
    return [" ".join(clause.words) for clause in clauses]
