"""JSON search API: ``GET /api/search/`` and ``GET /api/search/suggest/``.

Parse, call a selector, format. Bad parameters give HTTP 400 with a message in the
reader's language (``?lang``, then the language cookie, then Accept-Language, then
Arabic); never a 500."""

from __future__ import annotations

import logging

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils import translation
from django.views.decorators.http import require_GET

from search import selectors
from search.backends.base import FACET_FIELDS, SearchUnavailable
from search.forms import SuggestForm
from search.views import SEARCH_UNAVAILABLE_MESSAGE, run_search

logger = logging.getLogger(__name__)

SEARCH_REFERENCE_HEADER = "X-Search-Ref"


def reader_language(request: HttpRequest) -> str:
    """The language for messages: a single valid ``?lang`` wins, else the language cookie,
    then Accept-Language, then Arabic.

    The API lives outside ``i18n_patterns``, where the locale middleware pins every
    unprefixed path to the default language, so it negotiates on its own."""
    codes = {code for code, _name in settings.LANGUAGES}
    requested = {value for value in request.GET.getlist("lang") if value in codes}
    if len(requested) == 1:
        return requested.pop()
    return translation.get_language_from_request(request, check_path=False) or settings.LANGUAGE_CODE


def _json(payload: dict, *, status: int = 200, language: str) -> JsonResponse:
    response = JsonResponse(payload, status=status, json_dumps_params={"ensure_ascii": False})
    response["Content-Language"] = language
    response["Cache-Control"] = "private, no-store"
    response["Vary"] = "Accept-Language, Cookie"
    return response


def _error(*, field: str, message: str, language: str) -> JsonResponse:
    return _json({"error": message, "field": field}, status=400, language=language)


def _unavailable(*, language: str) -> JsonResponse:
    response = _json({"error": str(SEARCH_UNAVAILABLE_MESSAGE), "field": None}, status=503, language=language)
    response["Retry-After"] = "30"
    return response


def results_payload(results: selectors.KnowledgeSearchResults) -> dict:
    return {
        "query": results.query,
        "count": results.count,
        "results": [
            {
                "slug": hit.slug,
                "locale": hit.locale,
                "title": hit.title,
                "url": hit.url,
                "type": hit.type,
                "snippet": hit.snippet,
                "score": float(hit.score),
            }
            for hit in results.hits
        ],
        "facets": {name: dict(results.facets.get(name, {})) for name in FACET_FIELDS},
        "suggestion": results.suggestion or None,
    }


@require_GET
def search(request: HttpRequest) -> JsonResponse:
    language = reader_language(request)
    with translation.override(language):
        try:
            results, reference = run_search(request, language=language)
        except selectors.InvalidSearchParams as error:
            return _error(field=error.field, message=error.message, language=language)
        except SearchUnavailable:
            logger.exception("Search engine unavailable")
            return _unavailable(language=language)
        response = _json(results_payload(results), language=language)
    if reference:
        # Lets the page's script tie result clicks to this search without changing the body.
        response[SEARCH_REFERENCE_HEADER] = reference
    return response


@require_GET
def suggest(request: HttpRequest) -> JsonResponse:
    """Titles completing ``q`` (2 characters or more) among pages the reader may see."""
    language = reader_language(request)
    with translation.override(language):
        form = SuggestForm(data=request.GET)
        if not form.is_valid():
            field, message = form.first_error()
            return _error(field=field, message=message, language=language)
        prefix = form.cleaned_data["q"]
        try:
            hits = selectors.autocomplete(user=request.user, prefix=prefix, language=form.cleaned_data["lang"] or None)
        except SearchUnavailable:
            logger.exception("Search engine unavailable")
            return _unavailable(language=language)
        payload = {
            "query": prefix,
            "suggestions": [
                {"title": hit.title, "url": hit.url, "type": hit.type, "locale": hit.locale} for hit in hits
            ],
        }
        return _json(payload, language=language)
