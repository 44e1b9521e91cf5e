"""Dates and numbers in the reader's language: Arabic month names and Arabic-Indic digits
in Arabic, the usual English forms in English."""

from __future__ import annotations

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from frontend import formatting

DAY = datetime.date(2026, 3, 5)


def test_digits_become_arabic_indic_in_arabic_only():
    assert formatting.localize_digits("2026-03 #15", "ar") == "٢٠٢٦-٠٣ #١٥"
    assert formatting.localize_digits("2026", "en") == "2026"
    assert formatting.localize_digits(None, "ar") == ""


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ar", "٥ مارس، ٢٠٢٦"), ("en", "March 5, 2026")],
)
def test_dates_use_the_languages_format_and_month_names(language, expected):
    with translation.override(language):
        assert formatting.format_date(DAY) == expected


def test_datetimes_are_shown_as_the_local_date():
    moment = datetime.datetime(2026, 3, 4, 22, 30, tzinfo=datetime.UTC)  # 5 March in Bahrain
    with translation.override("en"):
        assert formatting.format_date(moment) == "March 5, 2026"


@pytest.mark.parametrize(("language", "expected"), [("ar", "١٢٬٣٤٥"), ("en", "12,345")])
def test_numbers_are_grouped_with_the_languages_separators_and_digits(language, expected):
    with translation.override(language):
        assert formatting.format_number(12345) == expected


def test_template_filters_follow_the_active_language():
    template = Template(
        "{% load portal_format %}"
        "{{ day|local_date }}|{{ count|local_number }}|{{ 7|localize_digits }}|{{ day|iso_date }}"
    )
    context = Context({"day": DAY, "count": 1500})
    with translation.override("ar"):
        assert template.render(context) == "٥ مارس، ٢٠٢٦|١٬٥٠٠|٧|2026-03-05"
    with translation.override("en"):
        assert template.render(context) == "March 5, 2026|1,500|7|2026-03-05"
