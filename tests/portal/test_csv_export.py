"""Every CSV the portal exports: UTF-8 with a byte-order mark and a charset, and no cell a
spreadsheet would run as a formula (the search analytics and content freshness reports,
through their real admin views)."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.utils import timezone
from wagtail.users.models import UserProfile

from knowledge.models import FAQPage
from portal.csv_export import safe_cell, write_csv_response
from search.models import SearchQueryLog
from search.selectors import normalize_query
from tests.factories import UserFactory, create_faq

HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+971 1", "-2+3", "@SUM(A1)", "\ttab", "\rreturn"]


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def rows_of(response) -> list[list[str]]:
    raw = body(response)
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8")[1:], newline="")))


@pytest.fixture
def editor(db):
    user = UserFactory(roles=["Editors"])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@A1", "'@A1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("شكوى", "شكوى"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (-5, -5),
        (2.5, 2.5),
        (True, "True"),
    ],
)
def test_safe_cell_neutralises_formulas_and_keeps_numbers(value, cell):
    assert safe_cell(value) == cell


def test_write_csv_response_writes_a_bom_a_charset_and_safe_cells():
    response = write_csv_response(filename="x.csv", headings=["=title", "n"], rows=[["=cmd", -3], ["شكوى", 4]])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert body(response) == "\ufeff'=title,n\r\n'=cmd,-3\r\nشكوى,4\r\n".encode()


@pytest.mark.parametrize("report", ["top_queries", "zero_results", "click_through"])
def test_search_analytics_exports_neutralise_anonymous_queries(client, editor, report):
    for query in [*HOSTILE, "شكوى"]:
        SearchQueryLog.objects.create(query=query, normalized_query=normalize_query(query) or query, result_count=0)
    client.force_login(editor)
    response = client.get(f"/admin/search-reports/{report.replace('_', '-')}/", {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = rows_of(response)
    assert rows[0][0] == "Search"
    searches = {row[0] for row in rows[1:]}
    assert searches == {"'" + query for query in HOSTILE} | {"شكوى"}
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row


def test_search_analytics_export_is_readable_arabic_in_excel(client, editor):
    SearchQueryLog.objects.create(query="شكوى", normalized_query=normalize_query("شكوى"), result_count=0)
    client.force_login(editor)
    raw = body(client.get("/admin/search-reports/zero-results/", {"export": "csv"}))
    # Excel picks UTF-8 only from the byte-order mark.
    assert raw.startswith("\ufeffSearch,".encode())
    assert "شكوى".encode() in raw


def test_the_freshness_export_neutralises_page_titles(client, editor, site_tree):
    page = create_faq(site_tree["en"].indexes["faq"], title='=HYPERLINK("http://evil.example")', slug="evil")
    FAQPage.objects.filter(pk=page.pk).update(review_by=timezone.localdate() - datetime.timedelta(days=3))
    client.force_login(editor)
    response = client.get("/admin/content-freshness/", {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    titles = [row[0] for row in rows_of(response)[1:]]
    assert '\'=HYPERLINK("http://evil.example")' in titles
