"""The search analytics and page feedback reports in the Wagtail admin: the right
aggregates over the chosen period, CSV export, and only Editors, Reviewers and superusers
may open them."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.users.models import UserProfile

from portal import buffered_writes
from search.models import PageFeedback, SearchClick, SearchQueryLog
from search.selectors import normalize_query
from tests.factories import UserFactory, create_faq, give_totp

#: «شكوى» as analytics group it (alef maksura and teh marbuta normalised).
COMPLAINT = normalize_query("شكوى")
GIRAFFE = normalize_query("زرافة")
REPORTS = ["top_queries", "zero_results", "click_through", "page_feedback"]
NOW = timezone.now()


def report_url(name: str) -> str:
    return reverse(f"search_reports:{name}")


def english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def editor(db):
    return english(UserFactory(roles=["Editors"]))


@pytest.fixture
def pages(site_tree):
    faq = site_tree["ar"].indexes["faq"]
    return {
        "complaint": create_faq(faq, title="كيف أقدم شكوى؟", slug="complaint"),
        "rights": create_faq(faq, title="حقوق العميل", slug="rights"),
        "hours": create_faq(site_tree["en"].indexes["faq"], title="Opening hours", slug="hours"),
    }


def log(query: str, result_count: int, *, days_ago: float = 1, clicks=(), language: str = "ar") -> SearchQueryLog:
    entry = SearchQueryLog.objects.create(
        query=query, normalized_query=normalize_query(query), language=language, result_count=result_count
    )
    when = NOW - datetime.timedelta(days=days_ago)
    SearchQueryLog.objects.filter(pk=entry.pk).update(created_at=when)
    for position, page in enumerate(clicks, start=1):
        SearchClick.objects.create(query_log=entry, page=page, position=position)
    return entry


@pytest.fixture
def searches(pages):
    """Within the last 30 days:
    - «شكوى» 4 times (typed with and without diacritics), 2 of them followed by clicks
      (one of those with two clicks), 1 of them with no result;
    - "opening hours" twice, never clicked;
    - «زرافة» 3 times, always with no result; "unicorn" once, with no result.
    Older (45 and 100 days ago): «شكوى» twice more, "unicorn" 5 times (no results)."""
    log("شكوى", 3, days_ago=1, clicks=[pages["complaint"], pages["rights"]])
    log("شَكوى", 3, days_ago=2, clicks=[pages["complaint"]])
    log("شكوى", 3, days_ago=3)
    log("شكوى", 0, days_ago=4)
    log("opening hours", 1, days_ago=5, language="en")
    log("Opening  Hours", 1, days_ago=6, language="en")
    for days in (1, 2, 10):
        log("زرافة", 0, days_ago=days)
    log("unicorn", 0, days_ago=20, language="en")
    log("شكوى", 3, days_ago=45, clicks=[pages["complaint"]])
    log("شكوى", 3, days_ago=45)
    for _ in range(5):
        log("unicorn", 0, days_ago=100, language="en")


def export(client, name: str, **params) -> list[dict]:
    response = client.get(report_url(name), {"export": "csv", **params})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def by_query(rows: list[dict]) -> dict[str, dict]:
    return {row["Normalised search"]: row for row in rows}


# --- Who may open them ----------------------------------------------------------------------


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("role", ["Editors", "Reviewers"])
def test_editorial_roles_open_every_report(client, searches, name, role):
    client.force_login(UserFactory(roles=[role]))
    assert client.get(report_url(name)).status_code == 200
    assert client.get(report_url(name), {"export": "csv"}).status_code == 200


@pytest.mark.parametrize("name", REPORTS)
def test_superusers_open_every_report(client, searches, name):
    admin = UserFactory(is_superuser=True, is_staff=True)
    give_totp(admin)
    client.force_login(admin)
    assert client.get(report_url(name)).status_code == 200


@pytest.mark.parametrize("name", REPORTS)
@pytest.mark.parametrize("role", ["Staff", "HR", "Leadership"])
def test_other_roles_are_refused(client, searches, name, role):
    user = UserFactory(roles=[role])
    give_totp(user)  # HR and Leadership must have two-factor: refused for their role, not for that
    client.force_login(user)
    for params in ({}, {"export": "csv"}):
        response = client.get(report_url(name), params)
        assert response.status_code == 403  # no access to the editing area at all
        assert "زرافة" not in response.content.decode()


@pytest.mark.parametrize("name", REPORTS)
def test_an_admin_user_without_an_editorial_role_is_refused(client, searches, name):
    user = UserFactory(roles=["Staff"])
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for params in ({}, {"export": "csv"}):
        response = client.get(report_url(name), params)
        # Wagtail's refusal inside the admin: back to the dashboard, with a message.
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
        assert "زرافة" not in response.content.decode()


@pytest.mark.parametrize("name", REPORTS)
def test_anonymous_visitors_are_sent_to_sign_in(client, db, name):
    response = client.get(report_url(name))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_reports_menu_shows_the_reports_to_editors_only(client, editor, searches):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    for name in REPORTS:
        assert report_url(name) in html
    staff_admin = UserFactory(roles=["Staff"])
    staff_admin.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff_admin)
    html = client.get("/admin/").content.decode()
    for name in REPORTS:
        assert report_url(name) not in html


# --- Top searches ---------------------------------------------------------------------------


def test_top_searches_group_by_normalised_query_over_the_last_30_days(client, editor, searches):
    client.force_login(editor)
    rows = export(client, "top_queries")
    assert [row["Normalised search"] for row in rows] == [COMPLAINT, GIRAFFE, "opening hours", "unicorn"]
    complaint = by_query(rows)[COMPLAINT]
    assert complaint["Searches"] == "4"
    assert complaint["With no results"] == "1"
    assert float(complaint["Average results"]) == pytest.approx(2.25)
    assert complaint["Clicks"] == "3"
    assert complaint["Searches with a click"] == "2"
    assert float(complaint["Click-through rate (%)"]) == pytest.approx(50.0)
    hours = by_query(rows)["opening hours"]
    assert (hours["Searches"], hours["Clicks"], hours["With no results"]) == ("2", "0", "0")
    assert float(hours["Click-through rate (%)"]) == 0


def test_the_report_page_shows_the_same_figures(client, editor, searches):
    client.force_login(editor)
    response = client.get(report_url("top_queries"))
    html = response.content.decode()
    assert "شكوى" in html and "زرافة" in html
    assert "50%" in html
    assert "unicorn" in html


@pytest.mark.parametrize(
    ("params", "complaint_searches", "unicorn_searches"),
    [
        pytest.param({}, "4", "1", id="default-30-days"),
        pytest.param({"period": "7"}, "4", None, id="7-days"),
        pytest.param({"period": "30"}, "4", "1", id="30-days"),
        pytest.param({"period": "90"}, "6", "1", id="90-days"),
        pytest.param({"period": "all"}, "6", "6", id="all-time"),
    ],
)
def test_the_period_choice_selects_the_searches(client, editor, searches, params, complaint_searches, unicorn_searches):
    client.force_login(editor)
    rows = by_query(export(client, "top_queries", **params))
    assert rows[COMPLAINT]["Searches"] == complaint_searches
    assert rows.get("unicorn", {}).get("Searches") == unicorn_searches


def test_a_date_range_overrides_the_period(client, editor, searches):
    client.force_login(editor)
    start = (NOW - datetime.timedelta(days=50)).date()
    end = (NOW - datetime.timedelta(days=40)).date()
    rows = by_query(export(client, "top_queries", period="7", date_from=start.isoformat(), date_to=end.isoformat()))
    assert set(rows) == {COMPLAINT}
    assert rows[COMPLAINT]["Searches"] == "2"
    assert rows[COMPLAINT]["Clicks"] == "1"


def test_a_date_range_includes_the_whole_last_day(client, editor, pages):
    client.force_login(editor)
    log("شكوى", 1, days_ago=0)
    today = timezone.localdate()
    rows = by_query(export(client, "top_queries", date_from=today.isoformat(), date_to=today.isoformat()))
    assert rows[COMPLAINT]["Searches"] == "1"


def test_only_a_start_date_runs_to_now(client, editor, searches):
    client.force_login(editor)
    start = (NOW - datetime.timedelta(days=120)).date()
    rows = by_query(export(client, "top_queries", date_from=start.isoformat()))
    assert rows["unicorn"]["Searches"] == "6"


def heading(response) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(response.content.decode(), "html.parser").select_one("h1").get_text(" ", strip=True)


def test_the_heading_names_the_period(client, editor, searches):
    client.force_login(editor)
    assert heading(client.get(report_url("top_queries"), {"period": "all"})) == "Top searches: All time"
    html = heading(client.get(report_url("top_queries"), {"date_from": "2026-01-01", "date_to": "2026-01-31"}))
    assert html == "Top searches: 1 January 2026 to 31 January 2026"


def test_the_report_shows_the_form_readers_typed_most(client, editor, searches):
    client.force_login(editor)
    rows = by_query(export(client, "top_queries"))
    assert rows[COMPLAINT]["Search"] == "شكوى"  # 3 times, against «شَكوى» once
    assert rows["opening hours"]["Search"] in ("opening hours", "Opening  Hours")
    log("Opening  Hours", 1, days_ago=0.5, language="en")
    assert by_query(export(client, "top_queries"))["opening hours"]["Search"] == "Opening  Hours"


def test_opening_a_query_from_a_report_does_not_log_another_search(client, editor, searches):
    client.force_login(editor)
    html = client.get(report_url("zero_results")).content.decode()
    from bs4 import BeautifulSoup

    link = BeautifulSoup(html, "html.parser").select_one("td.title a")["href"]
    before = SearchQueryLog.objects.count()
    response = client.get(link)
    assert response.status_code == 200
    buffered_writes.flush()
    assert SearchQueryLog.objects.count() == before
    # The same search typed by a reader is logged.
    client.get(link.split("&")[0])
    buffered_writes.flush()
    assert SearchQueryLog.objects.count() == before + 1


def test_clicks_on_searches_outside_the_period_are_not_counted(client, editor, pages):
    client.force_login(editor)
    log("شكوى", 3, days_ago=1)
    log("شكوى", 3, days_ago=60, clicks=[pages["complaint"], pages["rights"]])
    row = by_query(export(client, "top_queries"))[COMPLAINT]
    assert (row["Searches"], row["Clicks"], row["Searches with a click"]) == ("1", "0", "0")


# --- Zero results ---------------------------------------------------------------------------


def test_the_zero_result_list_holds_queries_whose_logged_count_is_zero(client, editor, searches):
    client.force_login(editor)
    rows = export(client, "zero_results")
    # Most searched first, then the most recently searched.
    assert [(row["Normalised search"], row["Times searched"]) for row in rows] == [
        (GIRAFFE, "3"),
        (COMPLAINT, "1"),
        ("unicorn", "1"),
    ]
    assert by_query(rows)[GIRAFFE]["Search"] == "زرافة"


def test_a_query_that_always_finds_something_is_not_a_content_gap(client, editor, searches):
    client.force_login(editor)
    assert "opening hours" not in by_query(export(client, "zero_results"))


def test_the_zero_result_list_follows_the_period(client, editor, searches):
    client.force_login(editor)
    assert by_query(export(client, "zero_results", period="all"))["unicorn"]["Times searched"] == "6"
    assert "unicorn" not in by_query(export(client, "zero_results", period="7"))


def test_the_zero_result_page_links_each_query_to_its_search(client, editor, searches):
    client.force_login(editor)
    html = client.get(report_url("zero_results")).content.decode()
    assert "/search/?q=%D8%B2%D8%B1%D8%A7%D9%81%D8%A9&amp;source=report" in html


def test_an_empty_period_says_so(client, editor, db):
    client.force_login(editor)
    html = client.get(report_url("zero_results")).content.decode()
    assert "No search came back empty in this period." in html


# --- Click-through -------------------------------------------------------------------------


def test_click_through_lists_the_least_followed_searches_first(client, editor, searches):
    client.force_login(editor)
    rows = export(client, "click_through")
    rates = [float(row["Click-through rate (%)"]) for row in rows]
    assert rates == sorted(rates)
    assert rows[-1]["Normalised search"] == COMPLAINT
    complaint = by_query(rows)[COMPLAINT]
    assert (complaint["Searches"], complaint["Searches with a click"], complaint["Clicks"]) == ("4", "2", "3")


def test_click_through_page_shows_the_rate(client, editor, pages):
    client.force_login(editor)
    log("passport", 2, clicks=[pages["hours"]], language="en")
    log("passport", 2, language="en")
    log("passport", 2, language="en")
    log("passport", 2, clicks=[pages["hours"]], language="en")
    html = client.get(report_url("click_through")).content.decode()
    assert "50%" in html


# --- Page feedback -------------------------------------------------------------------------


def feedback(page, helpful: bool, *, comment: str = "", days_ago: float = 1, reader: str = "") -> PageFeedback:
    entry = PageFeedback.objects.create(
        page=page,
        helpful=helpful,
        comment=comment,
        submission_key=PageFeedback.submission_key_for(session_key=reader or str(id(object())), page_id=page.pk),
    )
    when = NOW - datetime.timedelta(days=days_ago)
    PageFeedback.objects.filter(pk=entry.pk).update(created_at=when, updated_at=when)
    return entry


@pytest.fixture
def answers(pages):
    feedback(pages["complaint"], True, reader="a")
    feedback(pages["complaint"], True, reader="b", comment="واضح جدا")
    feedback(pages["complaint"], False, reader="c", comment="ينقصه رقم الهاتف")
    feedback(pages["hours"], False, reader="a", comment="Hours are out of date")
    feedback(pages["rights"], True, reader="a", days_ago=200)


def test_page_feedback_counts_yes_and_no_per_page(client, editor, answers, pages):
    client.force_login(editor)
    rows = {row["Page"]: row for row in export(client, "page_feedback")}
    complaint = rows[pages["complaint"].title]
    assert (complaint["Helpful"], complaint["Not helpful"]) == ("2", "1")
    assert float(complaint["Helpful %"]) == pytest.approx(200 / 3)
    assert complaint["Language"] == "ar"
    hours = rows[pages["hours"].title]
    assert (hours["Helpful"], hours["Not helpful"], hours["Language"]) == ("0", "1", "en")
    assert float(hours["Helpful %"]) == 0


def test_page_feedback_covers_all_time_by_default_and_follows_the_period(client, editor, answers, pages):
    client.force_login(editor)
    assert pages["rights"].title in {row["Page"] for row in export(client, "page_feedback")}
    recent = {row["Page"] for row in export(client, "page_feedback", period="30")}
    assert recent == {pages["complaint"].title, pages["hours"].title}


def test_page_feedback_page_shows_the_latest_comments_and_links_to_the_editor(client, editor, answers, pages):
    client.force_login(editor)
    html = client.get(report_url("page_feedback")).content.decode()
    assert "ينقصه رقم الهاتف" in html
    assert "Hours are out of date" in html
    assert reverse("wagtailadmin_pages:edit", args=[pages["complaint"].pk]) in html
    assert "67%" in html


def test_page_feedback_comments_are_escaped(client, editor, pages):
    feedback(pages["hours"], False, comment="<script>alert(1)</script>")
    client.force_login(editor)
    html = client.get(report_url("page_feedback")).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- Export ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "headings"),
    [
        (
            "top_queries",
            [
                "Search",
                "Normalised search",
                "Searches",
                "With no results",
                "Average results",
                "Clicks",
                "Searches with a click",
                "Click-through rate (%)",
                "Last searched",
            ],
        ),
        ("zero_results", ["Search", "Normalised search", "Times searched", "Last searched"]),
        (
            "click_through",
            [
                "Search",
                "Normalised search",
                "Searches",
                "With no results",
                "Average results",
                "Clicks",
                "Searches with a click",
                "Click-through rate (%)",
                "Last searched",
            ],
        ),
        ("page_feedback", ["Page", "Language", "Helpful", "Not helpful", "Helpful %", "Latest answer"]),
    ],
)
def test_csv_export_has_the_documented_columns(client, editor, searches, answers, name, headings):
    client.force_login(editor)
    response = client.get(report_url(name), {"export": "csv"})
    content = b"".join(response.streaming_content) if response.streaming else response.content
    first_line = content.decode("utf-8-sig").splitlines()[0]
    assert next(csv.reader([first_line])) == headings


def test_xlsx_export_works(client, editor, searches):
    client.force_login(editor)
    response = client.get(report_url("top_queries"), {"export": "xlsx"})
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]


def test_the_export_is_not_paginated(client, editor, db):
    for number in range(60):
        log(f"query {number}", 0)
    client.force_login(editor)
    assert len(export(client, "zero_results")) == 60


def test_csv_headings_are_arabic_for_an_editor_without_a_language_preference(client, searches):
    client.force_login(UserFactory(roles=["Editors"]))
    response = client.get(report_url("zero_results"), {"export": "csv"})
    first_line = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()[0]
    assert first_line.startswith("بحث,")


def test_the_export_file_is_named_after_the_report(client, editor, searches):
    client.force_login(editor)
    response = client.get(report_url("zero_results"), {"export": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="search-zero-results.csv"'
