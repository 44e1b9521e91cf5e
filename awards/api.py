"""GET /api/leaderboard/?season=SLUG&category=KEY[&band=KEY]: one leaderboard as JSON."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from awards import permissions, standings
from awards.categories import CATEGORIES
from awards.models import Season
from search.api import reader_language

#: Seconds a shared cache may keep a public leaderboard (live screens get pushes anyway).
PUBLIC_MAX_AGE = 5


def _error(message: str, status: int, *, language: str) -> JsonResponse:
    response = JsonResponse({"error": message}, status=status, json_dumps_params={"ensure_ascii": False})
    response["Content-Language"] = language
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


def board_json(board: standings.Board) -> dict:
    return {
        "season": board.season.slug,
        "category": board.category,
        "band": board.band,
        "updated_at": board.updated_at.isoformat() if board.updated_at else None,
        "prior_weight": board.prior_weight,
        "entries": [
            {
                "rank": entry.rank,
                "slug": entry.key,
                "name_ar": entry.name_ar,
                "name_en": entry.name_en,
                "score": None if entry.composite is None else round(entry.composite, 1),
                "stars": entry.stars,
                "ratings": entry.ratings,
                "movement": entry.movement,
                "ranked": entry.ranked,
                "sparkline": list(entry.sparkline),
                # The components its cohort uses that a "not yet ranked" entry lacks.
                "missing": list(entry.missing),
            }
            for entry in board.entries
        ],
    }


@require_GET
def leaderboard(request: HttpRequest) -> JsonResponse:
    """Errors in the reader's language (``?lang``, the language cookie, Accept-Language):
    the API is outside ``i18n_patterns``."""
    language = reader_language(request)
    with translation.override(language):
        return _leaderboard(request, language=language)


def _leaderboard(request: HttpRequest, *, language: str) -> JsonResponse:
    slug = request.GET.get("season", "").strip()
    category = request.GET.get("category", "").strip()
    band = request.GET.get("band", "").strip() or None
    if not category:
        return _error(
            _("The parameter “category” is required. Use one of: %(choices)s.") % {"choices": ", ".join(CATEGORIES)},
            400,
            language=language,
        )
    season = Season.objects.filter(slug=slug).first() if slug else standings.current_season()
    if season is None:
        if slug:
            return _error(_("Unknown season “%(season)s”.") % {"season": slug}, 400, language=language)
        return _error(
            _("There is no current award season: the parameter “season” is required (a season's slug)."),
            400,
            language=language,
        )
    if category not in CATEGORIES:
        return _error(
            _("Unknown category “%(category)s”. Use one of: %(choices)s.")
            % {"category": category, "choices": ", ".join(CATEGORIES)},
            400,
            language=language,
        )
    if not permissions.can_view_category(request.user, category):
        return _error(_("Sign in as staff to see this leaderboard."), 403, language=language)
    try:
        board = standings.board(season=season, category=category, band=band)
    except standings.UnknownBoard:
        bands = [b for b in standings.bands_of(season, category) if b]
        return _error(
            _("Unknown band “%(band)s” for this category. Use one of: %(choices)s.")
            % {"band": band, "choices": ", ".join(bands) or "—"},
            400,
            language=language,
        )
    response = JsonResponse(board_json(board), json_dumps_params={"ensure_ascii": False})
    if permissions.category_is_public(category) and not request.user.is_authenticated:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response
