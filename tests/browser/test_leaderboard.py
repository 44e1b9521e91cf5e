"""The live leaderboard in a real browser, served over ASGI (daphne in this process): a
customer's rating, submitted through the feedback form, redraws the open board exactly as
the server renders it (sparkline, accessible labels, digits, the time of the last rating);
the full-screen display reconnects by itself after the network drops its socket; a
winner's banner links to its announcement and can be dismissed from the keyboard."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser]

PREFIX = {"ar": "", "en": "/en"}

#: Each ranked row's cells as the browser serialises them (whitespace between cells aside).
ROW_CELLS = """() => Array.from(document.querySelectorAll("[data-ranked-rows] tr")).map(
    (row) => Array.from(row.cells).map((cell) => cell.outerHTML))"""


@pytest.fixture
def db(django_db_blocker):
    """Replaces pytest-django's ``db`` for these tests: the test database is created (its
    name in a test's fixtures is what asks for that) but the test is not wrapped in a
    transaction, so what it and the ASGI server's threads write is committed and seen by
    each other (SQLite's shared in-memory database, or PostgreSQL). The demo site's
    clean-up flushes it with the rest."""
    with django_db_blocker.unblock():
        yield


def _ranked_agency_employee():
    """A front-line employee of an agency ranked on the default best-agency board, and the
    agency's names. The employee has no rating of the last burst window: other browser
    tests submit ratings from this same address, and a fourth within the window would be
    discounted as a burst (awards.antigaming), so the board would rightly not move."""
    import datetime

    from django.utils import timezone

    from awards import standings
    from evaluations import scoring
    from evaluations.models import Employee

    season = standings.current_season()
    board = standings.board(season=season, category="best_agency")
    entry = next(entry for entry in board.ranked if len(entry.sparkline) >= 2)
    window_start = timezone.now() - datetime.timedelta(seconds=scoring.DEFAULT_BURST_WINDOW_SECONDS)
    employee = (
        Employee.objects.filter(unit__agency__slug=entry.key, front_line=True, is_active=True)
        .exclude(customer_ratings__submitted_at__gte=window_start)
        .order_by("pk")
        .first()
    )
    assert employee is not None, f"no front-line employee of {entry.key} free to rate"
    return employee, entry


def _last_ratings_an_hour_earlier() -> None:
    """Move the current season's "last rating" an hour back (committed, caches dropped), so
    that the time a new rating shows differs whatever the minute."""
    import datetime

    from django.db.models import F

    from awards import standings
    from awards.models import SeasonTally

    season = standings.current_season()
    SeasonTally.objects.filter(season=season, last_rating_at__isnull=False).update(
        last_rating_at=F("last_rating_at") - datetime.timedelta(hours=1)
    )
    standings.standings_changed([season.pk])


def _feedback_link(employee) -> str:
    from evaluations.customer_feedback import customer_feedback_token

    return customer_feedback_token(employee=employee).token


def _row_of(tab, name: str):
    return tab.locator("[data-ranked-rows] tr", has=tab.locator("th", has_text=name))


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_customer_rating_redraws_the_open_board_as_the_server_renders_it(browser, asgi_site, db, language):
    employee, entry = _ranked_agency_employee()
    _last_ratings_an_hour_earlier()
    name = entry.name_en if language == "en" else entry.name_ar
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=language)
    errors: list[str] = []
    try:
        board_tab = context.new_page()
        board_tab.on("pageerror", lambda error: errors.append(str(error)))
        opened = []
        board_tab.on("websocket", lambda socket: opened.append(socket.url))
        assert board_tab.goto(f"{asgi_site.url}{PREFIX[language]}/awards/").status == 200
        row = _row_of(board_tab, name)
        board_tab.wait_for_function("() => document.querySelector('[data-leaderboard]').dataset.socketState === 'open'")
        before_ratings = row.locator("td").last.inner_text()
        before_updated = board_tab.locator("[data-updated]").inner_text()
        server_spark = row.locator("svg.sparkline polyline").get_attribute("points")
        assert server_spark  # the server drew the season's sparkline

        form_tab = context.new_page()
        form = form_tab.goto(f"{asgi_site.url}{PREFIX[language]}/feedback/{_feedback_link(employee)}/")
        assert form.status == 200, form_tab.content()[:3000]
        form_tab.locator("label[for='id_overall_4']").click()  # the fifth option: very satisfied (5)
        form_tab.get_by_role("button").last.click()
        form_tab.wait_for_url(f"**{PREFIX[language]}/feedback/thanks/")

        # The push arrives, the board is re-read and redrawn.
        board_tab.wait_for_function(
            """([name, before]) => Array.from(document.querySelectorAll("[data-ranked-rows] tr"))
                .some((row) => row.querySelector("th").textContent === name && row.cells[6].textContent !== before)""",
            arg=[name, before_ratings],
            timeout=30000,
        )
        assert int(row.locator("td").last.inner_text().replace(",", "")) == int(before_ratings.replace(",", "")) + 1
        assert row.locator("svg.sparkline[role=img]").get_attribute("aria-label") == (
            "Score over the season" if language == "en" else "النتيجة على مدى الموسم"
        )
        assert row.locator("svg.sparkline polyline").get_attribute("points") == server_spark
        stars = row.locator(".stars")
        assert stars.get_attribute("aria-label").endswith(" stars" if language == "en" else " نجوم")
        updated = board_tab.locator("[data-updated]").inner_text()
        assert updated != before_updated and updated
        live_cells = board_tab.evaluate(ROW_CELLS)
        live_unranked = board_tab.locator("[data-unranked-rows]").inner_html()

        # What the script drew is exactly what the server renders now.
        board_tab.reload()
        assert board_tab.evaluate(ROW_CELLS) == live_cells
        assert board_tab.locator("[data-updated]").inner_text() == updated
        assert board_tab.locator("[data-unranked-rows]").inner_html().replace("\n", "").replace(
            "  ", ""
        ) == live_unranked.replace("\n", "").replace("  ", "")
        assert len(opened) >= 1
    finally:
        context.close()
    assert not errors, f"JavaScript errors: {errors}"


def test_the_display_screen_reconnects_after_the_network_drops_its_socket(browser, asgi_site, db):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="ar")
    errors: list[str] = []
    try:
        tab = context.new_page()
        tab.on("pageerror", lambda error: errors.append(str(error)))
        sockets = []
        tab.on("websocket", lambda socket: sockets.append(socket))
        assert tab.goto(f"{asgi_site.url}/awards/screen/").status == 200
        state = "() => document.querySelector('[data-display]').dataset.socketState"
        tab.wait_for_function(f"{state} === 'open'")
        assert len(sockets) == 1

        # Back online, the screen re-reads its board (it may have missed pushes meanwhile).
        with tab.expect_response(lambda response: "/api/leaderboard/" in response.url, timeout=15000) as caught_up:
            assert asgi_site.drop_websockets() >= 1
            tab.wait_for_function(f"{state} === 'closed'", timeout=5000)
            tab.wait_for_function(f"{state} === 'open'", timeout=10000)
        assert caught_up.value.status == 200
        assert len(sockets) == 2
        assert sockets[1].url == sockets[0].url

        # The new socket carries pushes: a rating moves the standings and the screen re-reads.
        employee, _entry = _ranked_agency_employee()
        form_tab = context.new_page()
        form_tab.goto(f"{asgi_site.url}/feedback/{_feedback_link(employee)}/")
        with tab.expect_response(lambda response: "/api/leaderboard/" in response.url, timeout=10000) as refreshed:
            form_tab.locator("label[for='id_overall_4']").click()
            form_tab.get_by_role("button").last.click()
            form_tab.wait_for_url("**/feedback/thanks/")
        assert refreshed.value.status == 200
    finally:
        context.close()
    assert not errors, f"JavaScript errors: {errors}"


def test_a_recent_winner_is_a_banner_that_links_to_its_announcement_and_is_dismissed_by_keyboard(
    browser, asgi_site, db
):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en")
    try:
        tab = context.new_page()
        assert tab.goto(f"{asgi_site.url}/en/awards/").status == 200
        banners = tab.locator("[data-live-banners] .live-banner")
        count = banners.count()
        assert count >= 1  # the demo's past season announced its winners
        link = banners.first.locator("a.live-banner__link")
        assert link.get_attribute("href").startswith("/en/")
        close = banners.first.get_by_role("button", name="Dismiss this announcement")
        close.focus()
        tab.keyboard.press("Enter")
        assert banners.count() == count - 1
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/awards/", "/en/awards/", "/awards/screen/", "/en/awards/screen/"])
def test_the_leaderboard_and_screen_have_no_serious_accessibility_violations(browser, asgi_site, db, path):
    from tests.browser.conftest import describe_violations, run_axe

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar")
    try:
        tab = context.new_page()
        assert tab.goto(asgi_site.url + path).status == 200
        assert tab.locator("[data-live-banners] .live-banner").count() >= 1  # banners included
        violations = run_axe(tab)
        assert not violations, describe_violations(violations)
    finally:
        context.close()
