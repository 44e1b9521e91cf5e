"""Locale-aware display of dates and numbers, and the one digit convention of Arabic pages.

Dates use the locale's month names and formats (from Django's format modules and
``frontend/formats``, never a per-language format string in a template): "5 مارس 2026" in
Arabic (no comma, standard month spellings), "5 March 2026" in English.

Arabic pages use ONE digit convention, chosen by ``settings.TAMAYUZ_ARABIC_DIGITS``:
``"western"`` (0123456789, the default, as most Gulf government sites write) or
``"arabic-indic"`` (٠١٢٣٤٥٦٧٨٩). Interface values (dates, counts, page numbers) follow
it through :func:`localize_digits`, and page content follows it through
:class:`frontend.middleware.PageDigitsMiddleware`, which applies :func:`localize_digits`
to the text of every Arabic page. English pages always use Western digits."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import get_language

WESTERN, ARABIC_INDIC = "western", "arabic-indic"
DIGIT_CONVENTIONS = (WESTERN, ARABIC_INDIC)

ASCII_DIGITS = "0123456789"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"

_TO_WESTERN = str.maketrans(ARABIC_INDIC_DIGITS + PERSIAN_DIGITS + "\u066b\u066c", ASCII_DIGITS * 2 + ".,")
_TO_ARABIC_INDIC = str.maketrans(ASCII_DIGITS + PERSIAN_DIGITS, ARABIC_INDIC_DIGITS * 2)


def _language(language: str | None) -> str:
    return (language or get_language() or "ar")[:2]


def arabic_digit_convention() -> str:
    """The site's digit convention for Arabic pages (``settings.TAMAYUZ_ARABIC_DIGITS``)."""
    convention = getattr(settings, "TAMAYUZ_ARABIC_DIGITS", WESTERN)
    return convention if convention in DIGIT_CONVENTIONS else WESTERN


def digit_table(language: str | None = None) -> dict[int, int]:
    """The translation table that puts text in the language's digit convention."""
    if _language(language) == "ar" and arabic_digit_convention() == ARABIC_INDIC:
        return _TO_ARABIC_INDIC
    return _TO_WESTERN


def localize_digits(value, language: str | None = None) -> str:
    """``value`` as text with every digit in the language's convention (Western, or
    Arabic-Indic on Arabic pages when the site chooses it)."""
    text = "" if value is None else str(value)
    return text.translate(digit_table(language))


def format_date(value, format_name: str = "DATE_FORMAT", language: str | None = None) -> str:
    """A date (or datetime, shown in the portal's time zone) in the language's format:
    "5 مارس 2026" in Arabic, "5 March 2026" in English."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return localize_digits(formats.date_format(value, format_name, use_l10n=True), language)


def format_number(value, language: str | None = None, *, decimal_pos: int | None = None) -> str:
    """A number with the language's grouping and digits: "12,345" with Western digits,
    "١٢٬٣٤٥" with Arabic-Indic ones (the Arabic separators go with Arabic-Indic digits)."""
    if value in (None, ""):
        return ""
    return localize_digits(
        formats.number_format(value, decimal_pos=decimal_pos, use_l10n=True, force_grouping=True), language
    )
