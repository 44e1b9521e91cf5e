"""Numbers of the evaluation pages: a score with one decimal and a share as a percentage,
in the active language's digits; nothing (``—``) when there is no number."""

from __future__ import annotations

from django import template

from frontend import formatting

register = template.Library()

NO_NUMBER = "—"


@register.filter
def score(value) -> str:
    if value is None:
        return NO_NUMBER
    return formatting.localize_digits(f"{float(value):.1f}")


@register.filter
def percent(value) -> str:
    if value is None:
        return NO_NUMBER
    return formatting.localize_digits(f"{round(float(value) * 100)}%")


@register.filter
def signed_score(value) -> str:
    if value is None:
        return NO_NUMBER
    return formatting.localize_digits(f"{float(value):+.1f}")
