"""Locale-aware display of dates and numbers: the locale's month names and formats (from
Django's format modules, never a per-language format string in a template) and, for
Arabic, Arabic-Indic digits (٠١٢٣٤٥٦٧٨٩) as Gulf Arabic writes them."""

from __future__ import annotations

import datetime

from django.utils import formats, timezone
from django.utils.translation import get_language

ASCII_DIGITS = "0123456789"

#: Digit shapes by language; languages not listed keep ASCII digits.
NATIVE_DIGITS: dict[str, str] = {"ar": "٠١٢٣٤٥٦٧٨٩"}

_DIGIT_TABLES = {language: str.maketrans(ASCII_DIGITS, digits) for language, digits in NATIVE_DIGITS.items()}


def _language(language: str | None) -> str:
    return (language or get_language() or "ar")[:2]


def localize_digits(value, language: str | None = None) -> str:
    """``value`` as text with its ASCII digits in the language's digit shapes."""
    text = "" if value is None else str(value)
    table = _DIGIT_TABLES.get(_language(language))
    return text.translate(table) if table else text


def format_date(value, format_name: str = "DATE_FORMAT", language: str | None = None) -> str:
    """A date (or datetime, shown in the portal's time zone) in the language's format:
    "٥ مارس، ٢٠٢٦" in Arabic, "March 5, 2026" in English."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    return localize_digits(formats.date_format(value, format_name, use_l10n=True), language)


def format_number(value, language: str | None = None, *, decimal_pos: int | None = None) -> str:
    """A number with the language's grouping, separators and digits ("١٢٬٣٤٥" / "12,345")."""
    if value in (None, ""):
        return ""
    return localize_digits(
        formats.number_format(value, decimal_pos=decimal_pos, use_l10n=True, force_grouping=True), language
    )
