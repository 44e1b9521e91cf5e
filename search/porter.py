"""Lucene's ``PorterStemmer`` in Python: what Elasticsearch's ``stemmer`` filter with
``language: english`` (``PorterStemFilter``) does to a lowercased token.

It is Martin Porter's 1980 algorithm as his ANSI C "Release 3" implements it (with the
``-logi`` → ``-log`` rule and the two bounds fixes Lucene marks as Bug 1 and Bug 2), which
differs from the Snowball "porter" stemmer: «technology» → «technolog» here, «technologi»
there; «flexibly» → «flexibl», not «flexibli». A port, step by step, of
lucene/analysis/common/src/java/org/apache/lucene/analysis/en/PorterStemmer.java, kept
close to the Java so it can be checked against it line by line. Lucene's own test vectors
(Porter's vocabulary and its expected output, the ``porterTestData`` of
``TestPorterStemFilter``) pin it: tests/search/data/porter_vocabulary.tsv.

Indices follow the Java: ``k0`` is the start of the word, ``k`` its last character and ``j``
the end of the stem a suffix test leaves. Any character other than a, e, i, o, u (and y
after a consonant) is a consonant, as in Lucene (non-ASCII letters included). Words of at
most two characters are returned unchanged.
"""

from __future__ import annotations

from functools import lru_cache

_VOWELS = frozenset("aeiou")


class _Stemmer:
    __slots__ = ("b", "j", "k", "k0")

    def __init__(self, word: str) -> None:
        self.b = list(word)
        self.k0 = 0
        self.k = len(word) - 1
        self.j = 0

    def cons(self, i: int) -> bool:
        char = self.b[i]
        if char in _VOWELS:
            return False
        if char == "y":
            return True if i == self.k0 else not self.cons(i - 1)
        return True

    def m(self) -> int:
        """The number of consonant sequences between k0 and j (<c>vc<v> gives 1)."""
        n = 0
        i = self.k0
        while True:
            if i > self.j:
                return n
            if not self.cons(i):
                break
            i += 1
        i += 1
        while True:
            while True:
                if i > self.j:
                    return n
                if self.cons(i):
                    break
                i += 1
            i += 1
            n += 1
            while True:
                if i > self.j:
                    return n
                if not self.cons(i):
                    break
                i += 1
            i += 1

    def vowel_in_stem(self) -> bool:
        return any(not self.cons(i) for i in range(self.k0, self.j + 1))

    def doublec(self, j: int) -> bool:
        if j < self.k0 + 1:
            return False
        if self.b[j] != self.b[j - 1]:
            return False
        return self.cons(j)

    def cvc(self, i: int) -> bool:
        if i < self.k0 + 2 or not self.cons(i) or self.cons(i - 1) or not self.cons(i - 2):
            return False
        return self.b[i] not in "wxy"

    def ends(self, suffix: str) -> bool:
        length = len(suffix)
        offset = self.k - length + 1
        if offset < self.k0:
            return False
        if "".join(self.b[offset : self.k + 1]) != suffix:
            return False
        self.j = self.k - length
        return True

    def setto(self, text: str) -> None:
        offset = self.j + 1
        needed = offset + len(text)
        if needed > len(self.b):
            self.b.extend([""] * (needed - len(self.b)))
        for position, char in enumerate(text):
            self.b[offset + position] = char
        self.k = self.j + len(text)

    def r(self, text: str) -> None:
        if self.m() > 0:
            self.setto(text)

    def step1(self) -> None:
        """Plurals and -ed or -ing."""
        b = self.b
        if b[self.k] == "s":
            if self.ends("sses"):
                self.k -= 2
            elif self.ends("ies"):
                self.setto("i")
            elif b[self.k - 1] != "s":
                self.k -= 1
        if self.ends("eed"):
            if self.m() > 0:
                self.k -= 1
        elif (self.ends("ed") or self.ends("ing")) and self.vowel_in_stem():
            self.k = self.j
            if self.ends("at"):
                self.setto("ate")
            elif self.ends("bl"):
                self.setto("ble")
            elif self.ends("iz"):
                self.setto("ize")
            elif self.doublec(self.k):
                char = b[self.k]
                self.k -= 1
                if char in "lsz":
                    self.k += 1
            elif self.m() == 1 and self.cvc(self.k):
                self.setto("e")

    def step2(self) -> None:
        """Terminal y to i when there is another vowel in the stem."""
        if self.ends("y") and self.vowel_in_stem():
            self.b[self.k] = "i"

    _STEP3 = {
        "a": (("ational", "ate"), ("tional", "tion")),
        "c": (("enci", "ence"), ("anci", "ance")),
        "e": (("izer", "ize"),),
        "l": (("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous")),
        "o": (("ization", "ize"), ("ation", "ate"), ("ator", "ate")),
        "s": (("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous")),
        "t": (("aliti", "al"), ("iviti", "ive"), ("biliti", "ble")),
        "g": (("logi", "log"),),
    }

    _STEP4 = {
        "e": (("icate", "ic"), ("ative", ""), ("alize", "al")),
        "i": (("iciti", "ic"),),
        "l": (("ical", "ic"), ("ful", "")),
        "s": (("ness", ""),),
    }

    def _replace_first(self, rules: tuple[tuple[str, str], ...]) -> None:
        for suffix, replacement in rules:
            if self.ends(suffix):
                self.r(replacement)
                return

    def step3(self) -> None:
        """Double suffixes to single ones (-ization → -ize ...), when m() > 0."""
        if self.k == self.k0:  # Bug 1
            return
        self._replace_first(self._STEP3.get(self.b[self.k - 1], ()))

    def step4(self) -> None:
        """-ic-, -full, -ness etc."""
        self._replace_first(self._STEP4.get(self.b[self.k], ()))

    _STEP5 = {
        "a": ("al",),
        "c": ("ance", "ence"),
        "e": ("er",),
        "i": ("ic",),
        "l": ("able", "ible"),
        "n": ("ant", "ement", "ment", "ent"),
        "s": ("ism",),
        "t": ("ate", "iti"),
        "u": ("ous",),
        "v": ("ive",),
        "z": ("ize",),
    }

    def step5(self) -> None:
        """-ant, -ence etc. in context <c>vcvc<v>."""
        if self.k == self.k0:  # Bug 1
            return
        key = self.b[self.k - 1]
        if key == "o":
            # -ion after s or t (j >= 0: Bug 2), else -ou (takes care of -ous).
            found = (self.ends("ion") and self.j >= 0 and self.b[self.j] in "st") or self.ends("ou")
        else:
            found = any(self.ends(suffix) for suffix in self._STEP5.get(key, ()))
        if found and self.m() > 1:
            self.k = self.j

    def step6(self) -> None:
        """A final -e if m() > 1 (or m() == 1 and not *o), and -ll to -l if m() > 1."""
        self.j = self.k
        if self.b[self.k] == "e":
            a = self.m()
            if a > 1 or (a == 1 and not self.cvc(self.k - 1)):
                self.k -= 1
        if self.b[self.k] == "l" and self.doublec(self.k) and self.m() > 1:
            self.k -= 1

    def stem(self) -> str:
        if self.k > self.k0 + 1:
            self.step1()
            self.step2()
            self.step3()
            self.step4()
            self.step5()
            self.step6()
        return "".join(self.b[: self.k + 1])


@lru_cache(maxsize=100_000)
def porter_stem(word: str) -> str:
    """Lucene's ``PorterStemmer.stem`` of a (lowercased) token."""
    if len(word) <= 2:
        return word
    return _Stemmer(word).stem()
