"""The one home of the text-analysis rules, for both search backends.

The embedded backend runs these rules in Python (``analyze``); the Elasticsearch backend
sends analyzer definitions generated from the same tables (``search.es_documents``), so
the two cannot drift. The Arabic chain reproduces Lucene's ``ArabicAnalyzer`` (what
Elasticsearch's ``arabic`` analyzer wraps):

    standard tokenizer → lowercase → decimal_digit → stop (``_arabic_``, before
    normalisation) → arabic_normalization → Arabic light stemmer

The English chain reproduces Elasticsearch's ``english`` analyzer:

    standard tokenizer → possessive → lowercase → stop (``_english_``) → Porter stemmer

Each token goes through the chain of its script (a token with Arabic letters takes the
Arabic chain, any other the English one), so mixed text is handled token by token. The
Elasticsearch mapping gets the same effect by analysing every text field with both
chains (multi-fields).

Synonyms are editor data (``search.models.Synonym``) applied at query time, after
analysis: every term of a group is analysed through the same chain, so «العملاء» (stem
«عملاء») finds a group written as «عملاء».

Article variants (query side only; the index stays exactly Elasticsearch's ``arabic``).
The light stemmer strips the FIRST matching prefix, so a word that starts with «و» or
with «ال» after normalisation gets different stems with and without the article:
«وثيقة» → «ثيق» but «الوثيقة» → «وثيق»; «إلكتروني» → «كترون» but «الإلكتروني» →
«الكترون». ``analyze_query`` therefore lets each Arabic word also match the stems of its
``article_forms`` (the word without a leading «ال»/«وال»/«بال»/«كال»/«فال»/«لل», and
that bare word with «ال»), as alternatives of the word's own clause: the clause still
counts once for "all words", whichever form a page holds.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from search.porter import porter_stem

# --- Tables ---------------------------------------------------------------------------

#: Lucene's default Arabic stop words (Jacques Savoy's list, BSD licence), exactly as
#: Elasticsearch's ``_arabic_``. Not normalised: applied BEFORE normalisation, which is
#: why it holds both «أ» and «ا» spellings.
ARABIC_STOP_WORDS: tuple[str, ...] = tuple(
    """
    من ومن منها منه في وفي فيها فيه و ف ثم او أو ب بها به ا أ اى اي أي أى لا ولا الا ألا
    إلا لكن ما وما كما فما عن مع اذا إذا ان أن إن انها أنها إنها انه أنه إنه بان بأن فان
    فأن وان وأن وإن التى التي الذى الذي الذين الى الي إلى إلي على عليها عليه اما أما إما
    ايضا أيضا كل وكل لم ولم لن ولن هى هي هو وهى وهي وهو فهى فهي فهو انت أنت لك لها له
    هذه هذا تلك ذلك هناك كانت كان يكون تكون وكانت وكان غير بعض قد نحو بين بينما منذ ضمن
    حيث الان الآن خلال بعد قبل حتى عند عندما لدى جميع
    """.split()  # noqa: SIM905 - the list as Lucene's file lays it out
)

#: Lucene's ``EnglishAnalyzer.ENGLISH_STOP_WORDS_SET`` (Elasticsearch's ``_english_``).
ENGLISH_STOP_WORDS: tuple[str, ...] = tuple(
    """
    a an and are as at be but by for if in into is it no not of on or such that the
    their then there these they this to was will with
    """.split()  # noqa: SIM905
)

TATWEEL = "\u0640"
#: Harakat removed by Lucene's ArabicNormalizer: fathatan .. sukun (U+064B–U+0652).
HARAKAT: tuple[str, ...] = tuple(chr(code) for code in range(0x064B, 0x0653))

#: Lucene's ArabicNormalizationFilter as a character table (value "" deletes).
ARABIC_NORMALIZATION_MAP: dict[str, str] = {
    "\u0622": "\u0627",  # آ alef with madda above → ا
    "\u0623": "\u0627",  # أ alef with hamza above → ا
    "\u0625": "\u0627",  # إ alef with hamza below → ا
    "\u0649": "\u064a",  # ى alef maksura → ي
    "\u0629": "\u0647",  # ة teh marbuta → ه
    TATWEEL: "",
    **dict.fromkeys(HARAKAT, ""),
}


def _decimal_digit_map() -> dict[str, str]:
    """Every Unicode decimal digit (category Nd) → its ASCII digit, like Lucene's
    DecimalDigitFilter. Covers Arabic-Indic (٠–٩) and Extended Arabic-Indic (۰–۹)."""
    table = {}
    for code in range(0x80, sys.maxunicode + 1):
        char = chr(code)
        if unicodedata.category(char) == "Nd":
            table[char] = str(unicodedata.decimal(char))
    return table


DECIMAL_DIGIT_MAP: dict[str, str] = _decimal_digit_map()
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
EXTENDED_ARABIC_INDIC_DIGITS = "۰۱۲۳۴۵۶۷۸۹"

#: Lucene's ArabicStemmer: the first matching prefix is removed ...
ARABIC_STEM_PREFIXES: tuple[str, ...] = ("ال", "وال", "بال", "كال", "فال", "لل", "و")
#: ... then each suffix, in this order, on the word as shortened so far.
ARABIC_STEM_SUFFIXES: tuple[str, ...] = ("ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي")
#: The definite article and its attached forms, stripped for title autocomplete.
ARABIC_ARTICLE_PREFIXES: tuple[str, ...] = tuple(prefix for prefix in ARABIC_STEM_PREFIXES if len(prefix) > 1)

#: Unicode blocks holding Arabic letters (base, supplement, extended-A, presentation forms).
ARABIC_RANGES: tuple[tuple[int, int], ...] = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x08A0, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)
_ARABIC_CLASS = "".join(f"\\u{start:04x}-\\u{end:04x}" for start, end in ARABIC_RANGES)
_ARABIC_RE = regex.compile(f"[{_ARABIC_CLASS}]")

#: Word tokens in the spirit of Unicode word boundaries (UAX #29, Lucene's standard
#: tokenizer): letters, combining marks (harakat stay inside their word), digits and
#: connectors, joined across an apostrophe or full stop between word characters.
TOKEN_RE = regex.compile(r"\w+(?:['’.]\w+)*")

_ARABIC_STOP_SET = frozenset(ARABIC_STOP_WORDS)
_ENGLISH_STOP_SET = frozenset(ENGLISH_STOP_WORDS)
_NORMALIZE_TABLE = str.maketrans(ARABIC_NORMALIZATION_MAP)
_DIGIT_TABLE = str.maketrans(DECIMAL_DIGIT_MAP)

LANG_ARABIC = "ar"
LANG_ENGLISH = "en"


# --- The Arabic filters (ports of Lucene's classes) -----------------------------------


def normalize_arabic(term: str) -> str:
    """Lucene's ArabicNormalizationFilter."""
    return term.translate(_NORMALIZE_TABLE)


def fold_digits(term: str) -> str:
    """Lucene's DecimalDigitFilter."""
    return term.translate(_DIGIT_TABLE)


def _strip_prefix(word: str) -> str:
    for prefix in ARABIC_STEM_PREFIXES:
        if len(prefix) == 1:
            if len(word) < 4:  # و- needs a word of at least 4 letters
                continue
        elif len(word) < len(prefix) + 2:
            continue
        if word.startswith(prefix):
            return word[len(prefix) :]
    return word


def _strip_suffixes(word: str) -> str:
    for suffix in ARABIC_STEM_SUFFIXES:
        if len(word) >= len(suffix) + 2 and word.endswith(suffix):
            word = word[: -len(suffix)]
    return word


def stem_arabic(term: str) -> str:
    """Lucene's ArabicStemFilter (light stemming: one prefix, then the suffixes)."""
    return _strip_suffixes(_strip_prefix(term))


def strip_arabic_article(word: str) -> str:
    """Remove a leading «ال» (with its attached و/ب/ك/ف, or «لل»), keeping 2+ letters."""
    for prefix in ARABIC_ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) >= len(prefix) + 2:
            return word[len(prefix) :]
    return word


ARABIC_ARTICLE = "ال"
_MARKS_TABLE = str.maketrans(dict.fromkeys((TATWEEL, *HARAKAT), ""))


def strip_marks(word: str) -> str:
    """Remove tatweel and the harakat, keeping every letter (hamza forms included)."""
    return word.translate(_MARKS_TABLE)


def article_forms(surface: str) -> tuple[str, ...]:
    """The forms of an Arabic query word with and without the definite article, as words
    (each then goes through the whole chain like anything the reader types): the word
    without a leading article (``ARABIC_ARTICLE_PREFIXES``: «ال», «وال», «بال», «كال»,
    «فال», «لل») and that bare word with «ال». The word itself is left out; words without
    Arabic letters have none. The article is looked for before normalisation, so
    «إلكتروني» has none and gains «الإلكتروني»."""
    word = strip_marks(fold_digits(surface.lower()))
    if not is_arabic(word):
        return ()
    bare = strip_arabic_article(word)
    return tuple(form for form in dict.fromkeys((bare, ARABIC_ARTICLE + bare)) if form != word)


# --- The English filters -------------------------------------------------------------


def strip_english_possessive(term: str) -> str:
    """Lucene's EnglishPossessiveFilter: drop a trailing 's (any apostrophe form)."""
    if len(term) >= 2 and term[-1] in "sS" and term[-2] in "'’＇":
        return term[:-2]
    return term


def stem_english(term: str) -> str:
    """Lucene's Porter stemmer (``search.porter``), which is Elasticsearch's ``stemmer``
    with ``language: english`` (not Snowball's "porter": «technology» → «technolog»)."""
    return porter_stem(term)


# --- Chains -----------------------------------------------------------------------------


def is_arabic(token: str) -> bool:
    return _ARABIC_RE.search(token) is not None


@dataclass(frozen=True)
class Token:
    """A token of the original text: its surface form, its offsets and what the chain made of it."""

    surface: str
    start: int
    end: int
    term: str


def tokenize(text: str) -> Iterator[tuple[str, int, int]]:
    """The tokenizer step: (surface, start, end) for each word of ``text``."""
    for match in TOKEN_RE.finditer(text):
        yield match.group(), match.start(), match.end()


#: Marks the term of a protected proper name (``search/vocabulary/protected_names.yaml``),
#: so the name never meets the common word it resembles (the app «تواصل» vs «التواصل»).
#: Tatweel: normalisation deletes it from everything else, so no other term holds it.
NAME_MARK = TATWEEL
_NAME_PREFIXES = ("", "و", "ب", "ل", "ف")


@lru_cache(maxsize=1)
def _protected_names() -> frozenset[str]:
    from search.vocabulary import protected_names

    return frozenset(normalize_arabic(fold_digits(name.lower())) for name in protected_names())


def protected_name(term: str) -> str | None:
    """The marked term of a protected name when ``term`` (lower-cased, digits folded) is
    one, alone or with a clinging و/ب/ل/ف; else None. Protected names are not stemmed."""
    normalized = normalize_arabic(term)
    names = _protected_names()
    for prefix in _NAME_PREFIXES:
        if normalized.startswith(prefix) and normalized[len(prefix) :] in names:
            return normalized[len(prefix) :] + NAME_MARK
    return None


@lru_cache(maxsize=200_000)
def analyze_token(surface: str) -> str | None:
    """Run one token through the chain of its script. ``None`` when it is a stop word."""
    if is_arabic(surface):
        term = fold_digits(surface.lower())
        if term in _ARABIC_STOP_SET:
            return None
        name = protected_name(term)
        if name is not None:
            return name
        term = stem_arabic(normalize_arabic(term))
    else:
        term = fold_digits(strip_english_possessive(surface).lower())
        if term in _ENGLISH_STOP_SET:
            return None
        term = stem_english(term)
    return term or None


@lru_cache(maxsize=200_000)
def normalize_token(surface: str) -> str:
    """The chain without stop words and stemming (Elasticsearch's ``ar_exact`` less its
    stop filter): what spelling suggestions and autocomplete compare."""
    term = fold_digits(surface.lower())
    if is_arabic(term):
        term = normalize_arabic(term)
    return term


def analyze_arabic(
    text: str, *, stop_words: Iterable[str] = ARABIC_STOP_WORDS, stem_exclusions: Iterable[str] = ()
) -> list[str]:
    """Lucene's ``ArabicAnalyzer`` on every token whatever its script (the parity
    reference for Elasticsearch's ``ar_index``). ``stem_exclusions`` plays the keyword
    marker's part."""
    stop_set = frozenset(word.lower() for word in stop_words)
    protected = frozenset(stem_exclusions)
    terms = []
    for surface, _, _ in tokenize(text):
        term = fold_digits(surface.lower())
        if term in stop_set:
            continue
        term = normalize_arabic(term)
        if term not in protected:
            term = stem_arabic(term)
        if term:
            terms.append(term)
    return terms


def analyze(text: str) -> list[str]:
    """The analysed terms of ``text``, in order (stop words removed)."""
    terms = []
    for match in TOKEN_RE.finditer(text):
        term = analyze_token(match.group())
        if term:
            terms.append(term)
    return terms


def analyze_with_offsets(text: str) -> list[Token]:
    """Analysed tokens with offsets into ``text`` (for highlighting the original)."""
    tokens = []
    for match in TOKEN_RE.finditer(text):
        term = analyze_token(match.group())
        if term:
            tokens.append(Token(match.group(), match.start(), match.end(), term))
    return tokens


def exact_terms(text: str) -> list[str]:
    """Normalised, unstemmed terms (stop words removed), for the exact/spelling vocabulary."""
    terms = []
    for match in TOKEN_RE.finditer(text):
        surface = match.group()
        if analyze_token(surface) is None:
            continue
        terms.append(normalize_token(surface))
    return terms


def autocomplete_terms(text: str) -> list[str]:
    """Normalised words with the Arabic article stripped (title autocomplete)."""
    return [strip_arabic_article(normalize_token(surface)) for surface, _, _ in tokenize(text)]


# --- Synonyms ------------------------------------------------------------------------


def vocabulary_forms(term: str) -> list[str]:
    """An editor's vocabulary term and, when it is Arabic, its forms without and with the
    definite article (``article_forms``; a phrase takes or drops the article on every word,
    as an Arabic noun and its adjective agree) that the chain analyses differently: so a
    group's «إلكتروني» (stemmed «كترون») also finds «الإلكتروني» («الكترون»), exactly as
    the reader typing «إلكتروني» would. Proper names («تواصل») have no such forms."""
    surfaces = [surface for surface, _, _ in tokenize(term)]
    own = analyze(term)
    if len(own) != len(surfaces) or not all(is_arabic(surface) for surface in surfaces):
        return [term]  # not Arabic, or with a stop word (a form would change what it says)
    if any(NAME_MARK in analysed for analysed in own):
        return [term]
    bare = [strip_arabic_article(strip_marks(fold_digits(surface.lower()))) for surface in surfaces]
    forms = [term]
    seen = [own]
    for words in (bare, [ARABIC_ARTICLE + word for word in bare]):
        form = " ".join(words)
        analysed = analyze(form)
        if len(analysed) == len(words) and analysed not in seen and not any(NAME_MARK in part for part in analysed):
            forms.append(form)
            seen.append(analysed)
    return forms


@dataclass
class SynonymSet:
    """Editor synonym groups, analysed. Each group is a set of term sequences (a
    multi-word synonym such as «مقدم الخدمة» is a sequence of two terms)."""

    groups: list[tuple[tuple[str, ...], ...]] = field(default_factory=list)
    _by_sequence: dict[tuple[str, ...], set[int]] = field(default_factory=dict)
    max_length: int = 1
    #: One-way rules: a sequence the reader types -> the sequences it also finds.
    _one_way: dict[tuple[str, ...], list[tuple[str, ...]]] = field(default_factory=dict)

    @classmethod
    def from_rules(
        cls, groups: Iterable[Sequence[str]], one_way: Iterable[tuple[Sequence[str], Sequence[str]]] = ()
    ) -> SynonymSet:
        """Two-way ``groups`` plus one-way rules (terms, expansions): each of the terms
        finds the other terms and the expansions; the expansions do not find the terms."""
        synonyms = cls.from_groups(groups)
        for raw_terms, raw_targets in one_way:
            sources = list(
                dict.fromkeys(
                    sequence
                    for raw in raw_terms
                    for form in vocabulary_forms(raw)
                    if (sequence := tuple(analyze(form)))
                )
            )
            targets = list(
                dict.fromkeys(
                    sequence
                    for raw in raw_targets
                    for form in vocabulary_forms(raw)
                    if (sequence := tuple(analyze(form)))
                )
            )
            for source in sources:
                found = synonyms._one_way.setdefault(source, [])
                for other in sources + targets:
                    if other != source and other not in found:
                        found.append(other)
                synonyms.max_length = max(synonyms.max_length, len(source))
        return synonyms

    @classmethod
    def from_groups(cls, groups: Iterable[Sequence[str]]) -> SynonymSet:
        synonyms = cls()
        for raw_terms in groups:
            sequences: list[tuple[str, ...]] = []
            for raw in raw_terms:
                for form in vocabulary_forms(raw):
                    sequence = tuple(analyze(form))
                    if sequence and sequence not in sequences:
                        sequences.append(sequence)
            if len(sequences) < 2:
                continue
            index = len(synonyms.groups)
            synonyms.groups.append(tuple(sequences))
            for sequence in sequences:
                synonyms._by_sequence.setdefault(sequence, set()).add(index)
                synonyms.max_length = max(synonyms.max_length, len(sequence))
        return synonyms

    def alternatives(self, sequence: tuple[str, ...]) -> list[tuple[str, ...]]:
        """Every sequence equivalent to ``sequence`` (itself first)."""
        found = [sequence]
        for index in sorted(self._by_sequence.get(sequence, ())):
            for other in self.groups[index]:
                if other not in found:
                    found.append(other)
        for other in self._one_way.get(sequence, ()):
            if other not in found:
                found.append(other)
        return found

    def has(self, sequence: tuple[str, ...]) -> bool:
        return sequence in self._by_sequence or sequence in self._one_way


@dataclass(frozen=True)
class QueryClause:
    """One required idea of a query: the analysed terms the reader typed and their
    equivalents (a document must match one of ``alternatives``).

    ``words`` are the reader's words the clause stands for (one word, or the words of a
    multi-word synonym, all of one script) and ``variants`` the ``article_forms`` of a
    single Arabic word that added alternatives: the Elasticsearch backend sends these
    texts for its analyzers to turn into the same alternatives. ``readings`` are what a
    word that found nothing was read as (a typo's correction, an Arabizi reading:
    ``EmbeddedSearchBackend._understood``): they stand for the reader's word wherever the
    typed terms count, as in the title boosts."""

    terms: tuple[str, ...]
    alternatives: tuple[tuple[str, ...], ...]
    words: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    readings: tuple[tuple[str, ...], ...] = ()


def _same_script(surfaces: Sequence[str]) -> bool:
    return len({is_arabic(surface) for surface in surfaces}) == 1


def analyze_query(text: str, synonyms: SynonymSet | None = None) -> list[QueryClause]:
    """Analyse a query into clauses: a multi-word editor synonym (longest match first, its
    words of one script) is one clause; every other word is a clause whose alternatives
    are its term, its synonyms, and for an Arabic word the terms of its ``article_forms``
    with their synonyms (a form adding nothing new is left out)."""
    tokens = [(surface, term) for surface, _, _ in tokenize(text) if (term := analyze_token(surface))]

    def expand(sequence: tuple[str, ...]) -> list[tuple[str, ...]]:
        return synonyms.alternatives(sequence) if synonyms is not None else [sequence]

    clauses: list[QueryClause] = []
    position = 0
    while position < len(tokens):
        matched = 0
        if synonyms is not None:
            for length in range(min(synonyms.max_length, len(tokens) - position), 1, -1):
                window = tokens[position : position + length]
                if synonyms.has(tuple(term for _, term in window)) and _same_script([surface for surface, _ in window]):
                    matched = length
                    break
        if matched:
            window = tokens[position : position + matched]
            sequence = tuple(term for _, term in window)
            clauses.append(QueryClause(sequence, tuple(expand(sequence)), tuple(surface for surface, _ in window)))
            position += matched
            continue
        surface, term = tokens[position]
        alternatives = expand((term,))
        variants = []
        for form in article_forms(surface) if not term.endswith(NAME_MARK) else ():
            form_term = analyze_token(form)
            if form_term is None or form_term.endswith(NAME_MARK) or (form_term,) in alternatives:
                continue
            variants.append(form)
            alternatives.extend(other for other in expand((form_term,)) if other not in alternatives)
        clauses.append(QueryClause((term,), tuple(alternatives), (surface,), tuple(variants)))
        position += 1
    return clauses


def synonym_rules(groups: Iterable[Sequence[str]]) -> list[str]:
    """Solr-format rules («a, b, c») for Elasticsearch's synonym_graph. Elasticsearch
    analyses each rule with the analyzer's chain up to the synonym filter, exactly as
    ``SynonymSet`` analyses groups with ``analyze``."""
    rules = []
    for terms in groups:
        cleaned = [" ".join(term.replace(",", " ").split()) for term in terms]
        cleaned = [term for term in cleaned if term]
        if len(cleaned) >= 2:
            rules.append(", ".join(cleaned))
    return rules


# --- Elasticsearch generators ----------------------------------------------------------
# The Elasticsearch analyzers (``search.es_documents``) take every rule-like part from the
# tables above through these functions, so the two backends cannot drift. Lucene's own
# filters (``decimal_digit``, ``arabic_normalization``, the Arabic and Porter stemmers)
# are used where they implement a table above exactly (the Lucene test vectors in
# tests/search/test_analysis.py pin the Python ports to them).


def elasticsearch_stop_words(language: str) -> list[str]:
    """The stop list of a chain (``LANG_ARABIC`` or ``LANG_ENGLISH``) as the ``stopwords``
    of an Elasticsearch ``stop`` filter (Arabic: applied before normalisation)."""
    if language == LANG_ARABIC:
        return list(ARABIC_STOP_WORDS)
    if language == LANG_ENGLISH:
        return list(ENGLISH_STOP_WORDS)
    raise ValueError(f"No stop list for language {language!r}")


def elasticsearch_article_pattern() -> str:
    """A ``pattern_replace`` pattern (same meaning in Java and Python) removing what
    ``strip_arabic_article`` removes: the first of ``ARABIC_ARTICLE_PREFIXES`` (in table
    order) that leaves at least two characters."""
    alternatives = "|".join(regex.escape(prefix) for prefix in ARABIC_ARTICLE_PREFIXES)
    return f"^(?:{alternatives})(?=.{{2}})"


def elasticsearch_marks_pattern() -> str:
    """A ``pattern_replace`` character class of tatweel and the harakat (``TATWEEL``,
    ``HARAKAT``): what a word's display form (spelling suggestions) drops, keeping hamza
    and teh marbuta."""
    return "[" + "".join(f"\\u{ord(char):04x}" for char in (TATWEEL, *HARAKAT)) + "]"


#: Characters the standard tokenizer (UAX #29) keeps INSIDE a number (MidNum between two
#: digits: «1,000», «1;000», «١٬٠٠٠», «1،000» are one token there) where ``TOKEN_RE`` splits,
#: and the Arabic decimal separator «٫», which UAX #29 counts as part of a number wherever
#: it stands (``TOKEN_RE`` never joins across it).
UAX29_MID_NUM = ",;\u037e\u0589\u060c\u060d\u066c\u07f8\u2044\ufe10\ufe14\ufe50\ufe54\uff0c\uff1b"
ARABIC_DECIMAL_SEPARATOR = "\u066b"


def elasticsearch_number_separator_pattern() -> str:
    """A ``pattern_replace`` CHAR filter pattern (same meaning in Java and Python's
    ``regex``) matching the separators the standard tokenizer would keep inside a number:
    a ``UAX29_MID_NUM`` character between two decimal digits, and «٫» anywhere. Replaced
    by a space (one character for one, so offsets stay right), the standard tokenizer then
    splits numbers exactly where ``TOKEN_RE`` does: «1,000» → «1», «000»."""
    mid = "".join(f"\\u{ord(char):04x}" for char in UAX29_MID_NUM)
    return f"(?<=\\p{{Nd}})[{mid}](?=\\p{{Nd}})|\\u{ord(ARABIC_DECIMAL_SEPARATOR):04x}"


def elasticsearch_protected_names() -> list[str]:
    """The protected names as the Arabic chain sees them after ``arabic_normalization``
    (``protected_name``'s table), sorted: only Arabic-script names, since the Python chain
    only marks Arabic tokens."""
    return sorted(name for name in _protected_names() if is_arabic(name))


def elasticsearch_protected_name_pattern() -> tuple[str, str] | None:
    """A ``pattern_replace`` TOKEN filter (pattern, Java replacement) doing what
    ``protected_name`` does to a normalised Arabic token: a protected name, alone or after
    one clinging و/ب/ل/ف, becomes the name followed by ``NAME_MARK`` (the whole word is
    tried first, as ``_NAME_PREFIXES`` starts with ""). None without protected names. Java
    appends nothing for a group that did not take part, so ``$1$2`` is the name either way."""
    names = elasticsearch_protected_names()
    if not names:
        return None
    alternatives = "|".join(regex.escape(name) for name in sorted(names, key=len, reverse=True))
    clinging = "".join(prefix for prefix in _NAME_PREFIXES if prefix)
    return f"^(?:({alternatives})|[{clinging}]({alternatives}))$", f"$1$2{NAME_MARK}"


def synonym_term_without_stop_words(term: str) -> str:
    """An editor's synonym term with the words the chain of their script drops (stop words)
    left out, as ``SynonymSet.from_groups`` analyses it: «at home» → «home», «the» → «».
    Elasticsearch's synonym parser rejects a rule whose term loses a word to the stop
    filter (a position gap) or loses every word; ``lenient`` then drops the WHOLE group,
    where the embedded backend keeps the group's other terms."""
    return " ".join(surface for surface, _, _ in tokenize(term) if analyze_token(surface) is not None)
