"""Locale formatting filters, used wherever a date or a count is shown:

``{{ value|local_date }}``, ``{{ value|local_date:"SHORT_DATE_FORMAT" }}``,
``{{ count|local_number }}`` and ``{{ text|localize_digits }}``."""

from __future__ import annotations

from django import template
from django.utils import translation

from frontend import formatting

register = template.Library()


@register.filter
def localize_digits(value) -> str:
    """ASCII digits in the active language's digit shapes (Arabic-Indic in Arabic)."""
    return formatting.localize_digits(value)


@register.filter
def local_date(value, format_name: str = "DATE_FORMAT") -> str:
    """A date in the active language's format (a Django format name, e.g. DATE_FORMAT)."""
    return formatting.format_date(value, format_name or "DATE_FORMAT")


@register.filter
def local_number(value) -> str:
    """A number with the active language's separators and digits."""
    return formatting.format_number(value)


@register.filter
def iso_date(value) -> str:
    """The machine-readable date for ``<time datetime>`` (the same in every language)."""
    if not value:
        return ""
    if hasattr(value, "date") and callable(value.date):
        from django.utils import timezone

        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value.isoformat()


@register.simple_tag
def digit_convention() -> str:
    """The digits of the active language's pages ("western" or "arabic-indic"), for scripts
    that format numbers themselves (``<body data-digits>``)."""
    language = (translation.get_language() or "ar")[:2]
    return formatting.arabic_digit_convention() if language == "ar" else formatting.WESTERN
