"""Raters' points in templates: a signed number, and the summary on the rater's to-do page
(``{% rater_points_summary employee cycle %}``), so the evaluations app's template shows
points without its code importing the awards app."""

from __future__ import annotations

from django import template

from awards import points
from frontend import formatting

register = template.Library()


@register.filter
def signed_points(value) -> str:
    """+10 / −5 in the active language's digits (direction-safe: shown in an LTR span)."""
    value = int(value or 0)
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    return f"{sign}{formatting.format_number(abs(value))}"


@register.inclusion_tag("awards/points/_todo_summary.html")
def rater_points_summary(employee, cycle) -> dict:
    return {
        "cycle_points": points.balance(employee=employee, cycle=cycle),
        "total_points": points.balance(employee=employee),
    }
