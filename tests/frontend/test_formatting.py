"""Dates and numbers in the reader's language, and one digit convention on an Arabic page:
Western digits by default, Arabic-Indic when the site chooses them (interface and content)."""

from __future__ import annotations

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from frontend import formatting
from frontend.middleware import localize_page_digits
from tests.factories import choose_arabic_digits
from tests.frontend import builders

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 4, 5)


@pytest.fixture
def arabic_indic():
    choose_arabic_digits("arabic-indic")


def test_arabic_pages_write_western_digits_by_default():
    assert formatting.localize_digits("٢٠٢٦-٠٣ #15 ۷", "ar") == "2026-03 #15 7"
    assert formatting.localize_digits(None, "ar") == ""


def test_the_site_can_choose_arabic_indic_digits_for_arabic_pages_only(arabic_indic):
    assert formatting.localize_digits("2026-03 #15", "ar") == "٢٠٢٦-٠٣ #١٥"
    assert formatting.localize_digits("٢٠٢٦", "en") == "2026"


def test_an_unknown_digit_setting_falls_back_to_western():
    choose_arabic_digits("roman")  # not a choice: only a stray row (a form refuses it) can hold it
    assert formatting.localize_digits("٥", "ar") == "5"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ar", "5 أبريل 2026"), ("en", "5 April 2026")],
)
def test_dates_have_one_style_no_stray_comma_and_standard_month_spellings(language, expected):
    with translation.override(language):
        assert formatting.format_date(DAY) == expected
        assert formatting.format_date(DAY, "SHORT_DATE_FORMAT") == expected


def test_arabic_dates_follow_the_arabic_indic_choice(arabic_indic):
    with translation.override("ar"):
        assert formatting.format_date(DAY) == "٥ أبريل ٢٠٢٦"


def test_datetimes_are_shown_as_the_local_date():
    moment = datetime.datetime(2026, 3, 4, 22, 30, tzinfo=datetime.UTC)  # 5 March in Bahrain
    with translation.override("en"):
        assert formatting.format_date(moment) == "5 March 2026"


@pytest.mark.parametrize(("language", "expected"), [("ar", "12,345"), ("en", "12,345")])
def test_numbers_are_grouped_with_western_digits_by_default(language, expected):
    with translation.override(language):
        assert formatting.format_number(12345) == expected


def test_arabic_indic_numbers_use_the_arabic_separators(arabic_indic):
    with translation.override("ar"):
        assert formatting.format_number(12345) == "١٢٬٣٤٥"


def test_template_filters_follow_the_active_language(arabic_indic):
    template = Template(
        "{% load portal_format %}"
        "{{ day|local_date }}|{{ count|local_number }}|{{ 7|localize_digits }}|{{ day|iso_date }}"
    )
    context = Context({"day": DAY, "count": 1500})
    with translation.override("ar"):
        assert template.render(context) == "٥ أبريل ٢٠٢٦|١٬٥٠٠|٧|2026-04-05"
    with translation.override("en"):
        assert template.render(context) == "5 April 2026|1,500|7|2026-04-05"


def test_page_digits_change_text_only_never_markup_or_code():
    html = '<a href="/p/12/" data-n="3">الخطوة ١ من 3</a><script>var x = 1;</script><code>v2</code>'
    assert localize_page_digits(html, "ar") == (
        '<a href="/p/12/" data-n="3">الخطوة 1 من 3</a><script>var x = 1;</script><code>v2</code>'
    )


def test_an_arabic_page_has_one_digit_convention_in_interface_and_content(client, site_tree):
    faq = builders.faq(site_tree["ar"].indexes["faq"], title="هل أحتاج ٣ وثائق أو 2؟", slug="digits")
    text = client.get(faq.url).content.decode()
    assert "هل أحتاج 3 وثائق أو 2؟" in text
    assert 'data-digits="western"' in text
    choose_arabic_digits("arabic-indic")
    text = client.get(faq.url).content.decode()
    assert "هل أحتاج ٣ وثائق أو ٢؟" in text
    assert 'data-digits="arabic-indic"' in text
    assert 'data-digits="western"' in client.get("/en/").content.decode()
