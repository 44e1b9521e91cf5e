"""Snippets and display forms shared by the search backends: the window of the original
text around the best match with ``<mark>`` on matched words, the title highlighted for an
autocomplete prefix, and a word as a suggestion shows it."""

from __future__ import annotations

import html
from collections.abc import Sequence

from search.analysis import (
    TOKEN_RE,
    analyze_token,
    normalize_token,
    strip_arabic_article,
    tokenize,
)

SNIPPET_CHARS = 200
SNIPPET_SCAN_CHARS = 20_000


def display_form(surface: str) -> str:
    """A word as a suggestion shows it: lower case, digits folded, without tatweel or
    harakat, but keeping hamza and teh marbuta."""
    from search.analysis import HARAKAT, TATWEEL, fold_digits

    word = fold_digits(surface.lower())
    return "".join(char for char in word if char != TATWEEL and char not in HARAKAT)


def _contains_sequence(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    size = len(needle)
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))


def _best_window(spans: list[tuple[int, int]], terms: list[str | None], hits: list[int], width: int):
    """The character window of ``width`` holding the most distinct matched terms
    (``hits``: indexes of the matched tokens)."""
    best = None
    for position, index in enumerate(hits):
        start = spans[index][0]
        seen = set()
        last_end = start
        for other in hits[position:]:
            other_end = spans[other][1]
            if other_end - start > width:
                break
            seen.add(terms[other])
            last_end = other_end
        key = (len(seen), -start)
        if best is None or key > best[0]:
            best = (key, start, last_end)
    assert best is not None
    return best[1], best[2]


def make_snippet(summary: str, body: str, wanted: set[str], width: int = SNIPPET_CHARS) -> str:
    """About ``width`` characters of the ORIGINAL text around the best match, HTML-escaped,
    with ``<mark>`` around matched words (found through their token offsets)."""
    for text in (body, summary):
        if not text:
            continue
        scanned = text[:SNIPPET_SCAN_CHARS]
        terms = list(map(analyze_token, TOKEN_RE.findall(scanned)))
        hits = [index for index, term in enumerate(terms) if term in wanted]
        if not hits:
            continue
        spans = [match.span() for match in TOKEN_RE.finditer(scanned)]
        match_start, match_end = _best_window(spans, terms, hits, width)
        slack = max(0, width - (match_end - match_start))
        start = max(0, match_start - slack // 3)
        end = min(len(scanned), max(match_end, start + width))
        # Snap to word boundaries.
        for surface_start, surface_end in spans:
            if surface_start <= start < surface_end:
                start = surface_start
            if surface_start < end < surface_end:
                end = surface_end
        return _render(scanned, [spans[index] for index in hits], start, end)
    text = summary or body
    if not text:
        return ""
    end = min(len(text), width)
    tokens = list(tokenize(text[: width + 50]))
    for _, surface_start, surface_end in tokens:
        if surface_start < end < surface_end:
            end = surface_end
    return html.escape(text[:end]) + ("…" if end < len(text) else "")


def _render(text: str, marked: list[tuple[int, int]], start: int, end: int) -> str:
    """``text[start:end]`` escaped, with ``<mark>`` around the ``marked`` spans inside it."""
    parts = ["…"] if start > 0 else []
    cursor = start
    for token_start, token_end in marked:
        if token_end <= start or token_start >= end:
            continue
        parts.append(html.escape(text[cursor:token_start]))
        parts.append("<mark>" + html.escape(text[token_start:token_end]) + "</mark>")
        cursor = token_end
    parts.append(html.escape(text[cursor:end]))
    if end < len(text):
        parts.append("…")
    return "".join(parts).strip()


def highlight_title_prefix(title: str, words: Sequence[str]) -> str:
    """The title, escaped, with ``<mark>`` around the words the typed prefix completes."""
    prefixes = [word for word in words if word]
    parts = []
    cursor = 0
    for surface, start, end in tokenize(title):
        candidate = strip_arabic_article(normalize_token(surface))
        if any(candidate.startswith(prefix) for prefix in prefixes):
            parts.append(html.escape(title[cursor:start]))
            parts.append("<mark>" + html.escape(title[start:end]) + "</mark>")
            cursor = end
    parts.append(html.escape(title[cursor:]))
    return "".join(parts)


#: The name older callers use.
_display_form = display_form
