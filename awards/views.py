"""Leaderboard pages: the public leaderboard, staff boards naming employees, and the
full-screen display for service-centre screens. Thin: permissions, a selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from awards import antigaming, permissions, standings, winners
from awards.categories import AGENCY, CATEGORIES
from awards.models import IntegrityFlag, Season
from frontend import formatting
from portal.audit_history import history_of
from portal.page_cache import public_to_anonymous_readers

SPARK_WIDTH, SPARK_HEIGHT = 96, 24


def sparkline_points(values: tuple[float, ...], *, rtl: bool) -> str:
    """An SVG polyline's points for a season's scores (0–100); time runs right to left in
    Arabic, as the page does."""
    if len(values) < 2:
        return ""
    step = SPARK_WIDTH / (len(values) - 1)
    # Scaled to the series' own range (at least 2 points), so a season's movement shows.
    low, high = min(values), max(values)
    if high - low < 2:
        middle = (high + low) / 2
        low, high = middle - 1, middle + 1
    points = []
    for index, value in enumerate(values):
        x = index * step
        if rtl:
            x = SPARK_WIDTH - x
        y = 2 + (SPARK_HEIGHT - 4) * (1 - (value - low) / (high - low))
        points.append(f"{x:.1f},{y:.1f}")
    return " ".join(points)


def script_strings() -> dict:
    """What leaderboard.js needs to draw a board exactly as the templates do: the translated
    labels (``{n}`` stands for a number), the date format, month names and time zone."""
    from django.utils import formats as django_formats
    from django.utils import timezone
    from django.utils.dates import MONTHS

    return {
        "stars": _("%(n)s stars") % {"n": "{n}"},
        "ratings": _("%(n)s ratings") % {"n": "{n}"},
        "up": _("up"),
        "down": _("down"),
        "same": _("no change"),
        "sparkline": _("Score over the season"),
        "lastRating": _("Last rating"),
        "nobodyRanked": _("Nobody has enough ratings to be ranked yet."),
        "none": _("None."),
        "missingEvaluation": _("no released 360° result yet"),
        "missingParticipation": _("no evaluations to write in the cycle"),
        "datetimeFormat": django_formats.get_format("DATETIME_FORMAT"),
        "months": [str(MONTHS[number]) for number in range(1, 13)],
        "timeZone": timezone.get_current_timezone_name(),
    }


def _visible_categories(user) -> list:
    return [category for key, category in CATEGORIES.items() if permissions.can_view_category(user, key)]


def _season_from(request: HttpRequest) -> Season:
    slug = request.GET.get("season")
    if slug:
        return get_object_or_404(Season, slug=slug)
    season = standings.current_season()
    if season is None:
        raise Http404(_("There is no current award season."))
    return season


@require_GET
def leaderboard(request: HttpRequest, category: str | None = None) -> HttpResponse:
    season = _season_from(request)
    category = category or "best_agency"
    if category not in CATEGORIES:
        raise Http404(_("Unknown category."))
    if not permissions.can_view_category(request.user, category):
        return redirect(f"{_login_url()}?next={request.get_full_path()}")
    bands = standings.bands_of(season, category)
    band = request.GET.get("band") or (bands[0] if bands else None)
    if band not in bands:
        raise Http404(_("Unknown band."))
    board = standings.board(season=season, category=category, band=band)
    rtl = get_language() != "en"
    detail_url = ""
    if CATEGORIES[category].entry_kind == AGENCY and permissions.can_view_entry_details(request.user):
        detail_url = f"{reverse('awards:agency_entry', args=['__slug__'])}?season={season.slug}"
    rows = [
        {
            "entry": entry,
            "spark": sparkline_points(entry.sparkline, rtl=rtl),
            "movement_abs": abs(entry.movement or 0),
            "detail_url": detail_url.replace("__slug__", entry.key) if detail_url else "",
        }
        for entry in board.entries
    ]
    response = render(
        request,
        "awards/leaderboard.html",
        {
            "season": season,
            "seasons": Season.objects.all(),
            "category": CATEGORIES[category],
            "categories": _visible_categories(request.user),
            "bands": [(b, standings.band_label(category, b, season=season)) for b in bands if b],
            "band": band,
            "board": board,
            "ranked_rows": [row for row in rows if row["entry"].ranked],
            "unranked_rows": [row for row in rows if not row["entry"].ranked],
            "digits": "arab" if formatting.localize_digits("1") != "1" else "latn",
            "announcements": winners.recent_announcements(),
            "script_strings": {**script_strings(), "detailUrl": detail_url},
            "spark_width": SPARK_WIDTH,
            "spark_height": SPARK_HEIGHT,
        },
    )
    if permissions.category_is_public(category) and not request.user.is_authenticated:
        # Kept by the page cache until the standings move (the leaderboard's content version).
        from django.conf import settings

        from portal.page_cache import mark_public

        seconds = settings.LEADERBOARD_PAGE_CACHE_SECONDS
        mark_public(response, max_age=seconds, timeout=seconds)
        patch_cache_control(response, public=True, max_age=seconds)
    return response


@require_GET
@public_to_anonymous_readers()
def display(request: HttpRequest) -> HttpResponse:
    """The full-screen board for a service-centre screen: public categories only, large
    type, rotating, reconnecting by itself."""
    season = _season_from(request)
    boards = []
    for key, category in CATEGORIES.items():
        if not permissions.category_is_public(key) or category.by_improvement:
            continue
        for band in standings.bands_of(season, key):
            board = standings.board(season=season, category=key, band=band)
            if board.ranked:
                boards.append(
                    {"category": category, "band": band, "band_label": standings.band_label(key, band), "board": board}
                )
    return render(
        request,
        "awards/display.html",
        {
            "season": season,
            "boards": boards,
            "announcements": winners.recent_announcements(),
            "script_strings": script_strings(),
            "digits": "arab" if formatting.localize_digits("1") != "1" else "latn",
        },
    )


def _login_url() -> str:
    return reverse("account_login")


@require_GET
def agency_entry(request: HttpRequest, slug: str) -> HttpResponse:
    """Staff: one agency's standing explained (components with their sample sizes, trend,
    its units' and channels' standings). Aggregates only."""
    if not request.user.is_authenticated:
        return redirect(f"{_login_url()}?next={request.get_full_path()}")
    if not permissions.can_view_entry_details(request.user):
        raise PermissionDenied(_("Only signed-in staff see an agency's detail."))
    season = _season_from(request)
    detail = standings.agency_detail(season=season, slug=slug)
    if detail is None:
        raise Http404(_("This agency has no entry in this season."))
    rtl = get_language() != "en"
    return render(
        request,
        "awards/agency_entry.html",
        {
            "season": season,
            "detail": detail,
            "band_label": standings.band_label("best_agency", detail.band),
            "spark": sparkline_points(detail.entry.sparkline, rtl=rtl),
            "spark_width": SPARK_WIDTH,
            "spark_height": SPARK_HEIGHT,
            "weights": season.weights,
            "units": [{"entry": entry, "spark": sparkline_points(entry.sparkline, rtl=rtl)} for entry in detail.units],
            "channels": [
                {"entry": entry, "spark": sparkline_points(entry.sparkline, rtl=rtl)} for entry in detail.channels
            ],
        },
    )


@require_http_methods(["GET", "POST"])
def season_winners(request: HttpRequest, slug: str) -> HttpResponse:
    """Season end: the shortlists with their evidence. Leadership approves a winner with a
    citation in Arabic and English; HR and editors see the same page to prepare."""
    if not request.user.is_authenticated:
        return redirect(f"{_login_url()}?next={request.get_full_path()}")
    if not (permissions.can_approve_winners(request.user) or permissions.can_prepare_awards(request.user)):
        raise PermissionDenied(_("Only Leadership, HR and editors prepare the awards."))
    season = get_object_or_404(Season, slug=slug)
    errors: list[str] = []
    if request.method == "POST":
        try:
            winners.approve_winner(
                season=season,
                category=request.POST.get("category", ""),
                band=request.POST.get("band", ""),
                key=request.POST.get("key", ""),
                citation_ar=request.POST.get("citation_ar", ""),
                citation_en=request.POST.get("citation_en", ""),
                by=request.user,
            )
        except PermissionDenied:
            raise
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, _("Winner approved. The announcement was sent to the editors for review."))
            return redirect("awards:season_winners", slug=season.slug)
    shortlists = winners.shortlists(season=season) if season.is_frozen else []
    return render(
        request,
        "awards/season_winners.html",
        {
            "season": season,
            "shortlists": [
                {
                    "shortlist": item,
                    "category": CATEGORIES[item.category],
                    "band_label": standings.band_label(item.category, item.band),
                }
                for item in shortlists
            ],
            "can_approve": permissions.can_approve_winners(request.user),
            "errors": errors,
            "history": history_of(instance=season),
        },
        status=400 if errors else 200,
    )


@require_GET
@public_to_anonymous_readers()
def hall_of_fame(request: HttpRequest) -> HttpResponse:
    listed = [
        {
            "winner": winner,
            "category": CATEGORIES[winner.category],
            "band_label": standings.band_label(winner.category, winner.band),
        }
        for winner in winners.hall_of_fame()
        if permissions.can_view_category(request.user, winner.category)
    ]
    return render(request, "awards/hall_of_fame.html", {"winners": listed})


@require_http_methods(["GET", "POST"])
def integrity_flags(request: HttpRequest) -> HttpResponse:
    """HR reviews what anti-gaming flagged in its agency: clear (the ratings count again) or
    reject (they stay discounted), always with a reason."""
    from evaluations.permissions import managed_agencies

    if not request.user.is_authenticated:
        return redirect(f"{_login_url()}?next={request.get_full_path()}")
    if not permissions.can_review_flags(request.user):
        raise PermissionDenied(_("Only HR reviews integrity flags."))
    flags = IntegrityFlag.objects.filter(agency__in=managed_agencies(request.user))
    errors: list[str] = []
    if request.method == "POST":
        flag = get_object_or_404(flags, pk=request.POST.get("flag"))
        decide = antigaming.clear_flag if request.POST.get("decision") == "clear" else antigaming.reject_flag
        try:
            decide(flag=flag, by=request.user, reason=request.POST.get("reason", ""))
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, _("Decision recorded."))
            return redirect("awards:integrity_flags")
    return render(
        request,
        "awards/integrity_flags.html",
        {
            "open_flags": flags.filter(status=IntegrityFlag.Status.OPEN),
            "decided": flags.exclude(status="open")[:50],
            "errors": errors,
        },
        status=400 if errors else 200,
    )
