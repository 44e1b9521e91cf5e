"""A deterministic synthetic bilingual corpus and query mix for ``bench/speed.py``.

The words come from the domain: the Arabic source documents in ``/work/shared/seeds/``
and the English brief ``/work/shared/domain.md`` (override with ``--words``), plus a
built-in list of customer-service words so the English side is not tiny. Words are drawn
with a Zipf-like distribution (rank r has weight 1/(r+2)), so common words are common.

Arabic text is written the way people write it: words keep the prefixes and suffixes
they have in the sources, and a share of them is rewritten with an attached و/ب/ال, a
suffix, without hamza, with harakat or with tatweel; numbers appear in Arabic-Indic
digits. Nothing here imports Django: the script decides what to do with the documents.
"""

from __future__ import annotations

import datetime
import hashlib
import itertools
import random
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex

from search.backends.base import AUDIENCE_PUBLIC, AUDIENCE_STAFF, SearchDocument

DEFAULT_WORDS_DIR = Path("/work/shared")

#: Customer-service words for the English side (the brief alone has ~600 distinct words).
ENGLISH_DOMAIN_WORDS = """
customer customers client clients beneficiary beneficiaries citizen citizens resident
visitor service services transaction transactions request requests application
applications complaint complaints grievance grievances report reports feedback suggestion
suggestions inquiry inquiries enquiry question questions answer answers appointment
appointments booking bookings schedule queue ticket tickets waiting time times hours
opening closing counter desk centre center branch office offices call calls caller phone
telephone hotline line hold transfer email emails message messages reply replies chat
video meeting online website portal app application tawasul channel channels social
media sms notification notifications reminder employee employees staff member members
officer officers agent agents supervisor supervisors manager managers team teams colleague
department departments agency agencies ministry ministries authority government public
sector private unit units directorate training course courses session sessions workshop
module activity activities exercise evaluation evaluations assessment survey surveys
questionnaire satisfaction quality standard standards charter commitment commitments right
rights duty duties value values principle principles courtesy respect attention care trust
empathy partnership privacy confidentiality data personal information document documents
form forms requirement requirements fee fees cost costs charge charges payment payments
receipt invoice refund licence license permit permits renewal renew renewing issue issuing
certificate certificates identity card passport vehicle registration residency visa
procedure procedures step steps process processing workflow deadline delay delays
escalation escalate resolve resolution solve solution solutions apologise apology listen
listening thank thanks greeting greet smile smiling uniform badge appearance etiquette
behaviour behavior conduct professional professionalism polite politely courteous calm
patience patient angry difficult demanding talkative hesitant stubborn sceptical silent
elderly disability disabilities priority accessibility access parking location premises
cleanliness technology system systems tablet kiosk self smart digital electronic
responsiveness reliability competence assurance tangibles expectation expectations
performance award awards excellence excellent distinguished improvement improvements
continuous development incentive incentives reward rewards motivation recognition
announcement announcements news update updates guide guides faq article articles policy
policies rule rules instruction instructions guideline guidelines manual handbook
""".split()  # noqa: SIM905 - a word list reads better as text

#: Agencies (slug, weight): a few large ones and a long tail.
AGENCIES: tuple[str, ...] = (
    "moi",
    "moh",
    "moe",
    "mol",
    "mot",
    "mof",
    "mohousing",
    "municipality",
    "nationality",
    "traffic",
    "civil-service",
    "social-insurance",
    "customs",
    "post",
    "electricity-water",
    "labour-market",
    "courts",
    "tourism",
    "youth-sports",
    "environment",
    "survey-land",
    "e-government",
    "public-prosecution",
    "statistics",
)
TYPES: tuple[tuple[str, float], ...] = (
    ("faq", 0.34),
    ("procedure", 0.22),
    ("article", 0.14),
    ("guide", 0.10),
    ("announcement", 0.18),
    ("charter", 0.02),
)
#: Channel keys with the share of pages that mention each.
CHANNELS: tuple[tuple[str, float], ...] = (
    ("centre", 0.50),
    ("phone", 0.40),
    ("email", 0.30),
    ("chat", 0.22),
    ("video", 0.08),
)
TAGS = {
    "ar": ("حقوق", "شكاوى", "مواعيد", "رسوم", "تدريب", "جودة", "كبار-السن", "ذوي-الإعاقة", "خصوصية", "استبيان"),
    "en": ("rights", "complaints", "appointments", "fees", "training", "quality", "elderly", "privacy", "survey"),
}
STAFF_SHARE = 0.15
ARABIC_SHARE = 0.5

ALEF_HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})
HARAKAT = ("\u064e", "\u0650", "\u064f", "\u0651", "\u0652")  # fatha kasra damma shadda sukun
TATWEEL = "\u0640"
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
ARABIC_WORD_RE = regex.compile(r"\p{Arabic}+")
ENGLISH_WORD_RE = regex.compile(r"[A-Za-z]+")
NUMBERS = (
    *range(1, 31),
    *range(40, 121, 10),
    150,
    180,
    365,
    2016,
    2023,
    2024,
    2025,
)


# --- word pools ---------------------------------------------------------------------------


@dataclass
class WordPool:
    """Surface forms with Zipf-like cumulative weights (most common first)."""

    forms: list[str]
    cum_weights: list[float]
    base_rank: dict[str, int]  # base word -> frequency rank (0 = most common)

    def draw(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.forms, cum_weights=self.cum_weights, k=k)

    def weight_of(self, index: int) -> float:
        return self.cum_weights[index] - (self.cum_weights[index - 1] if index else 0.0)


def _zipf(rank: int) -> float:
    return 1.0 / (rank + 2)


def _arabic_variants(word: str) -> list[tuple[str, float]]:
    """A word and the ways people also write it, with their shares."""
    variants: list[tuple[str, float]] = [(word, 0.78)]
    no_hamza = word.translate(ALEF_HAMZA)
    if no_hamza != word:
        variants.append((no_hamza, 0.07))
    if len(word) >= 3 and not word.startswith("و"):
        variants.append(("و" + word, 0.05))
    if word.startswith("ال") and len(word) >= 4:
        variants.append(("ب" + word, 0.03))
    elif len(word) >= 3:
        variants.append(("ال" + word, 0.04))
    if len(word) >= 4 and word[-1] not in "ةىا":
        variants.append((word + ("ات" if len(word) % 2 else "ها"), 0.02))
    if len(word) >= 4:
        marked = word[0] + HARAKAT[len(word) % len(HARAKAT)] + word[1:3] + HARAKAT[0] + word[3:]
        variants.append((marked, 0.006))
        variants.append((word[:2] + TATWEEL + word[2:], 0.004))
    return variants


def _english_variants(word: str) -> list[tuple[str, float]]:
    variants: list[tuple[str, float]] = [(word, 0.9)]
    if len(word) >= 5 and word.isalpha() and not word.endswith("s"):
        variants.append((word + "s", 0.07))
    if len(word) >= 5 and word.isalpha() and not word.endswith("e"):
        variants.append((word + "ing", 0.03))
    return variants


def _build_pool(ranked: Sequence[str], variants: Callable[[str], list[tuple[str, float]]], numbers) -> WordPool:
    weights: Counter[str] = Counter()
    for rank, word in enumerate(ranked):
        for form, share in variants(word):
            weights[form] += _zipf(rank) * share
    # Numbers sit in the middle of the distribution.
    for position, number in enumerate(numbers):
        weights[number] += _zipf(150 + position * 7)
    ordered = sorted(weights.items(), key=lambda item: (-item[1], item[0]))
    forms = [form for form, _ in ordered]
    cum_weights = list(itertools.accumulate(weight for _, weight in ordered))
    return WordPool(forms, cum_weights, {word: rank for rank, word in enumerate(ranked)})


@dataclass
class Vocabulary:
    arabic: WordPool
    english: WordPool
    source: str
    fingerprint: str

    def pool(self, locale: str) -> WordPool:
        return self.arabic if locale == "ar" else self.english


def load_vocabulary(words_dir: Path = DEFAULT_WORDS_DIR) -> Vocabulary:
    """Word pools ranked by frequency in the domain texts (falling back to the built-in
    English list alone when the texts are not there)."""
    arabic: Counter[str] = Counter()
    english: Counter[str] = Counter()
    digest = hashlib.sha256()
    seeds = sorted((words_dir / "seeds").glob("*.txt")) if (words_dir / "seeds").is_dir() else []
    brief = words_dir / "domain.md"
    for path in [*seeds, brief] if brief.exists() else seeds:
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        digest.update(text.encode())
        arabic.update(word for word in ARABIC_WORD_RE.findall(text) if len(word) >= 2)
        english.update(word.lower() for word in ENGLISH_WORD_RE.findall(text) if len(word) >= 2)
    for rank, word in enumerate(ENGLISH_DOMAIN_WORDS):
        english[word] += max(1, 12 - rank // 40)  # the built-in list, front-loaded
    if not arabic:
        raise SystemExit(f"No Arabic source texts under {words_dir / 'seeds'}: pass --words DIR")
    arabic_ranked = [word for word, _ in sorted(arabic.items(), key=lambda item: (-item[1], item[0]))]
    english_ranked = [word for word, _ in sorted(english.items(), key=lambda item: (-item[1], item[0]))]
    return Vocabulary(
        arabic=_build_pool(arabic_ranked, _arabic_variants, [str(n).translate(ARABIC_INDIC) for n in NUMBERS]),
        english=_build_pool(english_ranked, _english_variants, [str(n) for n in NUMBERS]),
        source=str(words_dir),
        fingerprint=digest.hexdigest()[:16],
    )


# --- documents ----------------------------------------------------------------------------

_AR_QUESTION_STARTS = ("كيف", "ما", "متى", "هل", "أين", "لماذا")
_EN_QUESTION_STARTS = ("How do I", "What is", "When can I", "Can I", "Where do I", "Why does")
NOW = datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC)


def _sentences(words: list[str], rng: random.Random, locale: str) -> str:
    """Join words into sentences of 6-16 words with punctuation."""
    comma = "،" if locale == "ar" else ","
    position = rng.randint(6, 16)
    while position < len(words):
        words[position - 1] += "." if rng.random() < 0.7 else comma
        position += rng.randint(6, 16)
    text = " ".join(words) + "."
    return text[0].upper() + text[1:] if locale == "en" else text


def _title(words: list[str], rng: random.Random, locale: str, type_: str) -> str:
    if type_ == "faq":
        start = rng.choice(_AR_QUESTION_STARTS if locale == "ar" else _EN_QUESTION_STARTS)
        return f"{start} {' '.join(words)}؟" if locale == "ar" else f"{start} {' '.join(words)}?"
    text = " ".join(words)
    return text[0].upper() + text[1:] if locale == "en" else text


def generate_documents(vocabulary: Vocabulary, count: int, seed: int) -> list[SearchDocument]:
    """``count`` documents, about half Arabic and half English, 15 % staff-only."""
    rng = random.Random(seed)
    type_names = [name for name, _ in TYPES]
    type_weights = list(itertools.accumulate(weight for _, weight in TYPES))
    agency_weights = list(itertools.accumulate(_zipf(rank) for rank in range(len(AGENCIES))))
    documents = []
    for number in range(1, count + 1):
        locale = "ar" if rng.random() < ARABIC_SHARE else "en"
        pool = vocabulary.pool(locale)
        type_ = rng.choices(type_names, cum_weights=type_weights)[0]
        title = _title(pool.draw(rng, rng.randint(4, 10) - (1 if type_ == "faq" else 0)), rng, locale, type_)
        summary = _sentences(pool.draw(rng, rng.randint(15, 30)), rng, locale)
        body = _sentences(pool.draw(rng, rng.randint(80, 200)), rng, locale)
        agency = "" if rng.random() < 0.08 else rng.choices(AGENCIES, cum_weights=agency_weights)[0]
        channels = tuple(key for key, share in CHANNELS if rng.random() < share)
        tags = tuple(sorted(set(rng.sample(TAGS[locale], rng.choice((0, 0, 1, 1, 2, 3))))))
        documents.append(
            SearchDocument(
                page_id=number,
                slug=f"page-{number}",
                locale=locale,
                title=title,
                url=f"/{locale}/knowledge/page-{number}/",
                type=type_,
                summary=summary,
                body=body,
                agency=agency,
                channels=channels,
                tags=tags,
                audiences=(AUDIENCE_STAFF,) if rng.random() < STAFF_SHARE else (AUDIENCE_PUBLIC,),
                last_updated=NOW - datetime.timedelta(days=rng.randint(0, 1500), seconds=rng.randint(0, 86_399)),
            )
        )
    return documents


# --- queries ------------------------------------------------------------------------------

#: The four categories reported separately (each query belongs to exactly one).
CATEGORIES = ("and_hit", "or_fallback", "filtered", "did_you_mean")
#: Terms of the seeded synonym groups (search/migrations/0002_seed_synonyms.py) typed as queries.
SYNONYM_QUERIES = {
    "ar": ("عملاء", "مستفيد", "المستفيدين", "مراجع", "شكاوى", "بلاغ", "معاملة", "وثائق", "مواعيد", "مراكز", "رسائل"),
    "en": ("client", "beneficiary", "grievance", "transaction", "fees", "cost", "staff member", "citizen"),
}


@dataclass
class BenchQuery:
    text: str
    category: str
    staff: bool = False
    page: int = 1
    types: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    traits: list[str] = field(default_factory=list)  # common, rare, variant, synonym, digits, page2, ...

    def params(self) -> dict:
        """The request parameters, as the API receives them."""
        params: dict = {"q": self.text}
        for name, values in (
            ("type", self.types),
            ("channel", self.channels),
            ("agency", self.agencies),
            ("lang", self.languages),
        ):
            if values:
                params[name] = list(values)
        if self.page != 1:
            params["page"] = str(self.page)
        return params


def _spelling_variant(word: str, rng: random.Random) -> str:
    """How a reader may type an Arabic word: without hamza, ه for ة, ي for ى, harakat,
    tatweel (each keeps the analysed term)."""
    options = []
    if word.translate(ALEF_HAMZA) != word:
        options.append(word.translate(ALEF_HAMZA))
    if word.endswith("ة"):
        options.append(word[:-1] + "ه")
    if word.endswith("ى"):
        options.append(word[:-1] + "ي")
    if len(word) >= 3:
        options.append(word[0] + HARAKAT[0] + word[1] + HARAKAT[3] + word[2:])
        options.append(word[:2] + TATWEEL * 2 + word[2:])
    return rng.choice(options) if options else word


def _misspell(word: str, rng: random.Random) -> str:
    """One or two edits (substitution, deletion, transposition) inside the word."""
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" if regex.search(r"\p{Arabic}", word) else "abcdefghiklmnoprstuvw"
    chars = list(word)
    for _ in range(1 if len(chars) < 7 else rng.choice((1, 2))):
        position = rng.randrange(1, len(chars) - 1)
        operation = rng.random()
        if operation < 0.4:
            chars[position] = rng.choice(letters)
        elif operation < 0.7:
            del chars[position]
        else:
            chars[position], chars[position + 1 if position + 1 < len(chars) else position - 1] = (
                chars[position + 1 if position + 1 < len(chars) else position - 1],
                chars[position],
            )
    return "".join(chars)


class QueryMaker:
    """Builds the mixed query list from the corpus (deterministic for a seed)."""

    def __init__(self, vocabulary: Vocabulary, documents: Sequence[SearchDocument], analyze_token, seed: int) -> None:
        self.vocabulary = vocabulary
        self.documents = documents
        self.public = [document for document in documents if document.audiences == (AUDIENCE_PUBLIC,)]
        self.by_locale = {
            (locale, staff): [
                document for document in (documents if staff else self.public) if document.locale == locale
            ]
            for locale in ("ar", "en")
            for staff in (False, True)
        }
        self.analyze_token = analyze_token
        self.rng = random.Random(seed)
        # Every analysed term the corpus can hold (documents are drawn from the pools).
        self.known_terms = {
            analyze_token(form) for pool in (vocabulary.arabic, vocabulary.english) for form in pool.forms
        }
        self.common = {locale: self._content_words(vocabulary.pool(locale), 0, 25) for locale in ("ar", "en")}
        self.rare = {locale: self._rare_words(vocabulary.pool(locale)) for locale in ("ar", "en")}

    def _content_words(self, pool: WordPool, start: int, stop: int) -> list[str]:
        words = [form for form in pool.forms if self.analyze_token(form) and not form.isdigit()]
        return words[start:stop]

    def _rare_words(self, pool: WordPool) -> list[str]:
        # The bottom of the distribution: each appears in a handful of documents.
        words = [form for form in pool.forms[len(pool.forms) // 2 :] if self.analyze_token(form) and len(form) >= 4]
        return words

    def _document_words(self, document: SearchDocument, count: int) -> list[str]:
        """``count`` distinct content words of one document, title and summary first."""
        rng = self.rng
        source = document.title + " " + document.summary if rng.random() < 0.7 else document.body
        words = []
        seen = set()
        for surface in regex.findall(r"\w+", source):
            term = self.analyze_token(surface)
            if term and term not in seen and not surface.isdigit():
                seen.add(term)
                words.append(surface)
        if len(words) <= count:
            return words
        start = rng.randrange(0, len(words) - count + 1)
        return words[start : start + count]

    def _document(self, staff: bool, locale: str | None = None) -> SearchDocument:
        if locale is None:
            return self.rng.choice(self.documents if staff else self.public)
        return self.rng.choice(self.by_locale[locale, staff])

    def and_hit(self) -> BenchQuery:
        rng = self.rng
        staff = rng.random() < 0.3
        document = self._document(staff)
        traits = []
        roll = rng.random()
        if roll < 0.15:
            words = [rng.choice(self.common[document.locale]) for _ in range(rng.randint(1, 2))]
            traits.append("common")
        elif roll < 0.25:
            words = [rng.choice(SYNONYM_QUERIES[document.locale])]
            traits.append("synonym")
        elif roll < 0.35:
            words = [rng.choice(self.rare[document.locale])]
            traits.append("rare")
        else:
            words = self._document_words(document, rng.choice((1, 2, 2, 3, 3, 4)))
        if document.locale == "ar" and rng.random() < 0.3:
            index = rng.randrange(len(words))
            words[index] = _spelling_variant(words[index], rng)
            traits.append("variant")
        if document.locale == "ar" and rng.random() < 0.05:
            words.append(rng.choice(("٢٤", "١٥", "٣٠", "24", "15")))
            traits.append("digits")
        query = BenchQuery(" ".join(words), "and_hit", staff=staff, traits=traits)
        if rng.random() < 0.12:
            query.page = 2
            query.traits.append("page2")
        return query

    def or_fallback(self) -> BenchQuery:
        """Words that never occur together: one Arabic and one English word (each found
        on its own), so AND finds nothing and the OR fallback runs."""
        rng = self.rng
        staff = rng.random() < 0.3
        arabic = self._document_words(self._document(staff, "ar"), 1) or [rng.choice(self.common["ar"])]
        english = self._document_words(self._document(staff, "en"), 1) or [rng.choice(self.common["en"])]
        words = arabic + english if rng.random() < 0.5 else english + arabic
        if rng.random() < 0.3:
            words.append(rng.choice(self.rare[rng.choice(("ar", "en"))]))
        return BenchQuery(" ".join(words), "or_fallback", staff=staff)

    def filtered(self) -> BenchQuery:
        rng = self.rng
        query = self.and_hit()
        query.category = "filtered"
        document = self._document(query.staff)
        filters = rng.sample(("type", "channel", "agency", "lang"), rng.choice((1, 1, 2, 2, 3)))
        if "type" in filters:
            query.types = tuple(sorted({document.type, *([rng.choice(TYPES)[0]] if rng.random() < 0.3 else [])}))
        if "channel" in filters:
            query.channels = (rng.choice(CHANNELS)[0],)
        if "agency" in filters:
            query.agencies = (document.agency or AGENCIES[0],)
        if "lang" in filters:
            query.languages = (rng.choice(("ar", "en")),)
        return query

    def did_you_mean(self) -> BenchQuery:
        rng = self.rng
        staff = rng.random() < 0.3
        document = self._document(staff)
        candidates = [word for word in self._document_words(document, 6) if len(word) >= 5] or [
            rng.choice([word for word in self.common[document.locale] if len(word) >= 5])
        ]
        word = rng.choice(candidates)
        for _ in range(20):
            typo = _misspell(word, rng)
            if self.analyze_token(typo) not in self.known_terms:
                break
        words = [typo]
        if rng.random() < 0.3:
            words.insert(0, rng.choice(self._document_words(document, 3) or [word]))
        return BenchQuery(" ".join(words), "did_you_mean", staff=staff, traits=["misspelt"])

    def mix(self, count: int) -> list[BenchQuery]:
        shares = (("and_hit", 0.45), ("or_fallback", 0.12), ("filtered", 0.28), ("did_you_mean", 0.15))
        names = [name for name, _ in shares]
        cum = list(itertools.accumulate(share for _, share in shares))
        return [getattr(self, self.rng.choices(names, cum_weights=cum)[0])() for _ in range(count)]

    def prefixes(self, count: int) -> list[tuple[str, str | None, bool]]:
        """(prefix of 2-6 characters, language filter or None, staff reader)."""
        rng = self.rng
        found = []
        while len(found) < count:
            staff = rng.random() < 0.3
            document = self._document(staff)
            words = [word for word in regex.findall(r"\w+", document.title) if len(word) >= 3]
            if not words:
                continue
            word = rng.choice(words)
            if document.locale == "en":
                word = word.lower()
            length = rng.randint(2, 6)
            if document.locale == "ar" and word.startswith("ال") and rng.random() < 0.6:
                word = word[2:]  # readers often type without the article
            prefix = word[:length]
            if len(prefix) < 2:
                continue
            if rng.random() < 0.2 and len(words) > 1:
                prefix = f"{words[0]} {prefix}" if words[0] != word else prefix
            language = document.locale if rng.random() < 0.5 else None
            found.append((prefix, language, staff))
        return found


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of ``values``."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 100))))
    return ordered[rank - 1]


__all__ = [
    "CATEGORIES",
    "BenchQuery",
    "QueryMaker",
    "Vocabulary",
    "generate_documents",
    "load_vocabulary",
    "percentile",
]
